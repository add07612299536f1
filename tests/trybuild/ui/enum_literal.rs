// The seed workflow with one typo: `"complete"` where the status enum has
// `completed`. The run would poll until the deadline; the compiler says why.
mod seer {
    arazzo::arazzo_workflow!("ui/specs/seer/enum_literal.arazzo.yaml");
}

fn main() {}
