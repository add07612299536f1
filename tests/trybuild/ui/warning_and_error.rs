// A document with a warning (an undeclared header) and an error (a goto to
// no step): the error is a compile error, the warning stays a warning.
mod api {
    arazzo::arazzo_workflow!("ui/specs/warning_and_error.arazzo.yaml");
}

fn main() {}
