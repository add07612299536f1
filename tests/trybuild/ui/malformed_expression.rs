mod api {
    arazzo::arazzo_workflow!("ui/specs/malformed_expression.arazzo.yaml");
}

fn main() {}
