mod api {
    arazzo::arazzo_workflow!("ui/specs/goto_unknown_step.arazzo.yaml");
}

fn main() {}
