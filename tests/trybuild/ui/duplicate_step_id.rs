mod api {
    arazzo::arazzo_workflow!("ui/specs/duplicate_step_id.arazzo.yaml");
}

fn main() {}
