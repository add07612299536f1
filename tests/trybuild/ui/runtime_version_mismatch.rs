// Generated code names the generator's version, which is the `arazzo` version it was written
// for; against any other `arazzo` it must not compile, and the error must name both versions.
// (0.0.0: a version this crate never has, so the case outlives version bumps; its `.stderr`
// names the runtime's own version and changes with it.)
::arazzo::__require_runtime!("0.0.0");

fn main() {}
