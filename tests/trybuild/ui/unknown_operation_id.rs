mod api {
    arazzo::arazzo_workflow!("ui/specs/unknown_operation_id.arazzo.yaml");
}

fn main() {}
