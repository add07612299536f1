//! Emission: IR and OpenAPI model in, tokens out. Nothing here reads YAML
//! or reports problems in the spec; that happened before.

pub mod client;
pub mod examples;
pub(crate) mod lints;
mod parsed;
mod program;
pub mod shapes;
pub mod types;
pub mod workflow;

pub use program::{generate_client_only, generate_program};
