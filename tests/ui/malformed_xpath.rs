mod api {
    arazzo::arazzo_workflow!("ui/specs/malformed_xpath.arazzo.yaml");
}

fn main() {}
