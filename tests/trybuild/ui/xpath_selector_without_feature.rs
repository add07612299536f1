// The document end-to-end tested with the feature in arazzo-tests (tests/e2e/xpath.rs).
mod api {
    arazzo::arazzo_workflow!("../specs/v11/xpath.arazzo.yaml");
}

fn main() {}
