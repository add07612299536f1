mod api {
    arazzo::arazzo_workflow!("ui/specs/unsupported_feature.arazzo.yaml");
}

fn main() {}
