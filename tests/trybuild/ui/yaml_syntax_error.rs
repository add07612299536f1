mod api {
    arazzo::arazzo_workflow!("ui/specs/yaml_syntax_error.arazzo.yaml");
}

fn main() {}
