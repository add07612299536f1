mod api {
    arazzo::arazzo_workflow!("ui/specs/many_errors.arazzo.yaml");
}

fn main() {}
