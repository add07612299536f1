// 300 nested lists (600 bytes) used to overflow rustc's stack while the macro built the
// YAML tree; now a located error at the level that crosses the limit.
arazzo::arazzo_workflow!("ui/specs/deep_nesting.arazzo.yaml");

fn main() {}
