// `allow(..)` silences a lint: an undeclared header compiles without a warning
// (and is sent as given).
#![deny(warnings)]

mod api {
    arazzo::arazzo_workflow!("ui/specs/undeclared_header.arazzo.yaml", allow(undeclared_parameter));
}

fn main() {
    let client = api::petstore::Client::new("http://127.0.0.1:1");
    let _workflows = api::Workflows::new(client);
}
