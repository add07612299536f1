// The document every failing case is an edit of: it compiles, so each
// failure below comes from its one edit.
mod api {
    arazzo::arazzo_workflow!("ui/specs/_valid.arazzo.yaml");
}

fn main() {
    let client = api::petstore::Client::new("http://127.0.0.1:1");
    let _workflows = api::Workflows::new(client);
    let _inputs = api::AdoptPetInputs { pet_id: "7".into() };
}
