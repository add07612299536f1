mod api {
    arazzo::arazzo_workflow!("ui/specs/undeclared_step_output.arazzo.yaml");
}

fn main() {}
