//! Every end-to-end test, as one test binary: each module was a binary of its own, and each
//! binary linked its own copy of the runtime, reqwest, axum and tokio (about 215 MB apiece in
//! a debug build). One binary links them once. The modules run generated workflows against
//! local servers on 127.0.0.1 (the fake Seer server, the scripted `MockServer`).

mod depends;
mod events;
mod hostile;
mod length;
mod live;
mod schema;
mod seed;
mod semantics;
mod spans;
mod v11;
mod via_macro;
mod xpath;
