//! The one entry point: a file in, formatted Rust (or diagnostics) out.
//!
//! The macro, build scripts and the CLI differ only in how they show the
//! result, so all of them go through [`Generator`].

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;

use crate::arazzo::{check, lower, support};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::emit;
use crate::load::{self, SourceOptions};
use crate::openapi;
use crate::source::SourceMap;

/// Configures and runs a generation.
#[derive(Debug, Clone, Default)]
pub struct Generator {
    mapped: Vec<(String, PathBuf)>,
    all_operations: bool,
    display_root: Option<PathBuf>,
}

/// Generated code, and every file it was generated from (for rebuild tracking).
#[derive(Debug, Clone)]
pub struct Generated {
    pub tokens: TokenStream,
    pub files: Vec<PathBuf>,
    /// Warnings found on the way, rendered one per line.
    pub warnings: Vec<String>,
}

impl Generated {
    /// The code formatted by prettyplease, with a header saying where it came from.
    pub fn to_formatted_string(&self) -> String {
        format_tokens(&self.tokens)
    }
}

/// Formats tokens as a Rust file. Tokens the generator produced always parse;
/// if they ever don't, the unformatted text is returned so the compiler
/// reports the problem instead of this function hiding it.
pub fn format_tokens(tokens: &TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => tokens.to_string(),
    }
}

/// Everything that stopped a generation.
#[derive(Debug, Clone)]
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: SourceMap,
    pub files: Vec<PathBuf>,
}

impl Failure {
    /// rustc-style blocks, one per problem.
    pub fn render(&self, colour: bool) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(&self.sources, colour))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// One line per problem: `file:line:column: message; help: ...`.
    pub fn lines(&self) -> Vec<String> {
        self.diagnostics.iter().map(|d| d.one_line(&self.sources)).collect()
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Failure {}

impl Generator {
    pub fn new() -> Self {
        Generator::default()
    }

    /// Reads source description `name_or_url` from a local file instead of
    /// its `url` (required for remote URLs: nothing is fetched at build time).
    #[must_use]
    pub fn map_source(mut self, name_or_url: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        self.mapped.push((name_or_url.into(), path.into()));
        self
    }

    /// Generate every operation of each API, not only those the workflows call.
    #[must_use]
    pub fn all_operations(mut self, yes: bool) -> Self {
        self.all_operations = yes;
        self
    }

    /// Show paths in diagnostics relative to this directory (the crate root).
    #[must_use]
    pub fn display_root(mut self, dir: impl Into<PathBuf>) -> Self {
        self.display_root = Some(dir.into());
        self
    }

    /// Generates code from an Arazzo document or an OpenAPI description.
    pub fn generate(&self, path: &Path) -> Result<Generated, Failure> {
        let mut map = SourceMap::default();
        let mut diags = Diagnostics::default();
        let options = SourceOptions {
            mapped: &self.mapped,
            display_root: self.display_root.as_deref(),
        };
        let tokens = self.run(path, &options, &mut map, &mut diags);
        let files: Vec<PathBuf> = map.files().map(|(_, f)| f.path.clone()).collect();
        let has_errors = diags.has_errors();
        let sorted = diags.into_sorted();
        match tokens {
            Some(tokens) if !has_errors => Ok(Generated {
                tokens,
                files,
                warnings: sorted.iter().map(|d| d.one_line(&map)).collect(),
            }),
            _ => Err(Failure {
                diagnostics: sorted,
                sources: map,
                files,
            }),
        }
    }

    fn run(&self, path: &Path, options: &SourceOptions<'_>, map: &mut SourceMap, diags: &mut Diagnostics) -> Option<TokenStream> {
        let (file, root) = load::read(path, options.display(path), map, None, diags)?;
        if root.get("openapi").is_some() {
            let api = openapi::load(root, file, diags);
            if diags.has_errors() {
                return None;
            }
            let module = api_module_name(&api);
            return Some(emit::generate_client_only(&api, &module));
        }
        if root.get("arazzo").is_none() {
            diags.push(Diagnostic::error(
                root.span,
                "this is neither an Arazzo document (no `arazzo` field) nor an OpenAPI description (no `openapi` field)",
            ));
            return None;
        }
        let loaded = load::load_arazzo(&root, file, map, options, diags)?;
        check::check(&loaded, diags);
        support::check(&loaded, diags);
        if diags.has_errors() {
            return None;
        }
        let program = lower::lower(&loaded, self.all_operations);
        let code = emit::generate_program(&loaded, &program);
        Some(quote!(#code))
    }
}

fn api_module_name(api: &openapi::OpenApi) -> String {
    let title = if api.title.trim().is_empty() { "api" } else { api.title.as_str() };
    crate::names::snake(title)
}
