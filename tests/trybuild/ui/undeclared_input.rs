mod api {
    arazzo::arazzo_workflow!("ui/specs/undeclared_input.arazzo.yaml");
}

fn main() {}
