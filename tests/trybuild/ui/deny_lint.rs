// `deny(..)` makes a lint (here an undeclared header, warn by default) an error.
mod api {
    arazzo::arazzo_workflow!("ui/specs/undeclared_header.arazzo.yaml", deny(undeclared_parameter));
}

fn main() {}
