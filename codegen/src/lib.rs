//! `arazzo-codegen`: turns Arazzo workflow documents and the OpenAPI
//! descriptions they reference into Rust source.
//!
//! Data flows one way: load (YAML -> spanned tree -> document model) ->
//! check (diagnostics, never tokens) -> lower (an IR with every reference
//! resolved) -> emit (tokens) -> format (prettyplease). The proc-macro, build
//! scripts and the CLI all call [`Generator`]; everything behind it is
//! private, so the public surface is what a build script needs:
//!
//! - [`Generator`] and its options, which produces [`Generated`] code or a
//!   [`Failure`];
//! - the diagnostics in a failure: [`Diagnostic`], [`Severity`], the stable
//!   [`codes`], and the [`SourceMap`] / [`Span`] they point into;
//! - [`Level`] and the table of [`LINTS`]: which codes deny, warn or are
//!   allowed by default, set per code with [`Generator::level`].
//!
//! ```no_run
//! // build.rs
//! let generated = arazzo_codegen::Generator::new()
//!     .map_source("petstore", "specs/openapi/petstore.yaml")
//!     .generate(std::path::Path::new("specs/arazzo/adopt.arazzo.yaml"))
//!     .map_err(|failure| failure.render(false))?;
//! for file in &generated.files {
//!     println!("cargo:rerun-if-changed={}", file.display());
//! }
//! let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
//! std::fs::write(out_dir.join("api.rs"), generated.to_formatted_string())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod arazzo;
mod asyncapi;
pub mod diagnostics;
mod emit;
mod excerpt;
mod generate;
mod identity;
mod ir;
pub mod lints;
mod load;
mod names;
mod openapi;
mod source;
mod yaml;

pub use diagnostics::{Diagnostic, Severity, codes};
pub use generate::{Checked, Failure, Generated, Generator};
pub use lints::{LINTS, Level, Lint};
pub use source::{FileId, Location, Pos, SourceFile, SourceMap, Span};

/// What the workspace's own harnesses need from the generator's insides;
/// not part of the API (no semver promise), hidden from the docs.
#[doc(hidden)]
pub mod harness {
    /// `clients/build.rs` and `codegen/examples/bench.rs`: round-trip tests
    /// of every example in an OpenAPI description through the generated types.
    pub use crate::emit::examples::{ExampleTest, arazzo_path, example_test};

    /// `tests/examples/runs.rs` and `jentic.rs` read YAML fixtures with the
    /// generator's own loader (YAML 1.2 core schema, the same reading as
    /// the documents they compile).
    pub fn yaml_to_json(text: &str) -> Option<serde_json::Value> {
        crate::yaml::parse(text, crate::FileId::default()).ok().map(|n| n.to_json())
    }

    /// `tests/examples/runs.rs` and `jentic.rs` predict the module and
    /// method names the generator gives sources and operations.
    pub fn snake(name: &str) -> String {
        crate::names::snake(name)
    }
}
