mod api {
    arazzo::arazzo_workflow!("ui/specs/undeclared_parameter.arazzo.yaml");
}

fn main() {}
