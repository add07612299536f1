// `regex` criteria and JSONPath `match()` / `search()` need `arazzo`'s `regex` feature, which
// this scratch crate does not have: the generator inside the macro refuses each at its line.
mod api {
    arazzo::arazzo_workflow!("ui/specs/regex_without_feature.arazzo.yaml");
}

fn main() {}
