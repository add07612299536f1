//! Every test of the generator's public API, as one test binary: each module was a binary of
//! its own, and each linked its own copy of the generator and its dependencies (about 50 MB
//! apiece in a debug build). The modules feed small documents to `arazzo_codegen::Generator`
//! and assert its exact diagnostics or the code it generates.

mod checks;
mod events;
mod extensions;
mod external_refs;
mod hardening;
mod lints;
mod v11;
