// A level for a code that does not exist, and one lowering a hard error.
mod api {
    arazzo::arazzo_workflow!("ui/specs/_valid.arazzo.yaml", allow(undeclared_parameters));
}

mod hard {
    arazzo::arazzo_workflow!("ui/specs/_valid.arazzo.yaml", warn(unknown_step));
}

fn main() {}
