mod api {
    arazzo::arazzo_workflow!("ui/specs/steps_unknown_step.arazzo.yaml");
}

fn main() {}
