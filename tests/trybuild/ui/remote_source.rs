mod api {
    arazzo::arazzo_workflow!("ui/specs/remote_source.arazzo.yaml");
}

fn main() {}
