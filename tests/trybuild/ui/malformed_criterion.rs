mod api {
    arazzo::arazzo_workflow!("ui/specs/malformed_criterion.arazzo.yaml");
}

fn main() {}
