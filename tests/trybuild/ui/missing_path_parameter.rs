mod api {
    arazzo::arazzo_workflow!("ui/specs/missing_path_parameter.arazzo.yaml");
}

fn main() {}
