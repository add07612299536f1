mod api {
    arazzo::arazzo_workflow!("ui/specs/_valid.arazzo.yaml", sauces("petstore" = "x.yaml"));
}

fn main() {}
