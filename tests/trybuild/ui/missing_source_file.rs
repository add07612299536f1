mod api {
    arazzo::arazzo_workflow!("ui/specs/missing_source_file.arazzo.yaml");
}

fn main() {}
