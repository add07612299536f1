//! `arazzo-codegen`: turns Arazzo workflow documents and the OpenAPI
//! descriptions they reference into Rust source.
//!
//! Data flows one way: load (YAML -> spanned tree -> document model) ->
//! check (diagnostics, never tokens) -> lower (an IR with every reference
//! resolved) -> emit (tokens) -> format (prettyplease). The proc-macro, build
//! scripts and the CLI all call [`Generator`].

pub mod arazzo;
pub mod diagnostics;
pub mod emit;
mod generate;
pub mod ir;
pub mod load;
pub mod names;
pub mod openapi;
pub mod source;
pub mod yaml;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use generate::{Checked, Failure, Generated, Generator};
pub use source::{FileId, Pos, SourceMap, Span};
