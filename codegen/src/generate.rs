//! The one entry point: a file in, formatted Rust (or diagnostics) out.
//!
//! The macro, build scripts and the CLI differ only in how they show the
//! result, so all of them go through [`Generator`].

use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;

use crate::arazzo::{check, lower, support};
use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::emit;
use crate::load::{self, SourceOptions};
use crate::openapi;
use crate::source::SourceMap;

/// Configures and runs a generation: options are set with the builder
/// methods, then [`Generator::generate`] (or [`Generator::check`]) runs it.
/// One `Generator` may run any number of documents.
#[derive(Debug, Clone, Default)]
pub struct Generator {
    mapped: Vec<(String, PathBuf)>,
    all_operations: bool,
    display_root: Option<PathBuf>,
    memory: Vec<(PathBuf, String)>,
    no_disk: bool,
    levels: crate::lints::Levels,
    /// Level settings that named no lint, reported by the run.
    bad_levels: Vec<String>,
}

/// A document that checked clean: what was read, and any warnings.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Checked {
    /// Every file read (the document, its sources, files their `$ref`s name).
    pub files: Vec<PathBuf>,
    /// Warnings found on the way, rendered one per line.
    pub warnings: Vec<String>,
    /// The same warnings as diagnostics, to render as blocks or JSON.
    pub diagnostics: Vec<Diagnostic>,
    /// The files the warnings point into.
    pub sources: SourceMap,
}

/// What a run without errors leaves besides its output.
struct Clean {
    files: Vec<PathBuf>,
    warnings: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    sources: SourceMap,
}

/// What the load and check stages produced, before any code is emitted.
enum Analysed {
    OpenApi(Box<openapi::OpenApi>),
    Arazzo(Box<load::Loaded>),
}

/// Generated code, and every file it was generated from (for rebuild tracking).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Generated {
    /// The code, as tokens (what the macro expands to).
    pub tokens: TokenStream,
    /// Every file read, for `cargo:rerun-if-changed` (build scripts) and
    /// `include_bytes!` tracking (the macro).
    pub files: Vec<PathBuf>,
    /// Warnings found on the way, rendered one per line (`cargo:warning=`
    /// lines in a build script).
    pub warnings: Vec<String>,
    /// The same warnings as diagnostics, to render as blocks or JSON.
    pub diagnostics: Vec<Diagnostic>,
    /// The files the warnings point into.
    pub sources: SourceMap,
}

impl Generated {
    /// The code formatted by prettyplease, with a header saying where it came from.
    #[cfg(feature = "format")]
    #[cfg_attr(docsrs, doc(cfg(feature = "format")))]
    pub fn to_formatted_string(&self) -> String {
        format_tokens(&self.tokens)
    }
}

/// Formats tokens as a Rust file. Tokens the generator produced always parse;
/// if they ever don't, the unformatted text is returned so the compiler
/// reports the problem instead of this function hiding it. Without the `format` feature the
/// text is unformatted (still valid Rust).
pub(crate) fn format_tokens(tokens: &TokenStream) -> String {
    #[cfg(feature = "format")]
    if let Ok(file) = syn::parse2::<syn::File>(tokens.clone()) {
        return prettyplease::unparse(&file);
    }
    tokens.to_string()
}

/// Everything that stopped a generation.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Failure {
    /// Every problem found (errors and warnings), sorted by place.
    pub diagnostics: Vec<Diagnostic>,
    /// The files the diagnostics' spans point into, with their text.
    pub sources: SourceMap,
    /// Every file read, for rebuild tracking: fixing one of them must rerun
    /// the build script or the macro.
    pub files: Vec<PathBuf>,
}

impl Failure {
    /// rustc-style blocks, one per problem (see [`Diagnostic::render`]), ANSI
    /// colours only when `colour`.
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
    /// A generator with no source mappings, only the operations the
    /// workflows call, paths shown as given, and the disk as the file system.
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

    /// Serves `path` from `text` instead of the disk (also for source
    /// descriptions that resolve to `path`). Tests, the CLI reading stdin and
    /// the fuzzers use it.
    #[must_use]
    pub fn file(mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        self.memory.push((path.into(), text.into()));
        self
    }

    /// Never read the disk: only files given with [`Generator::file`] exist.
    /// Fuzzers use it so that an input naming `/dev/zero` reads nothing.
    #[must_use]
    pub fn memory_only(mut self, yes: bool) -> Self {
        self.no_disk = yes;
        self
    }

    /// Sets the level of diagnostic code `code` (`unqualified-operation-id`,
    /// or with underscores), as `#[allow(..)]` does for a rustc lint; the
    /// last setting of a code wins. Codes and defaults: [`crate::LINTS`]. A
    /// code that does not exist, or a hard error set below deny, makes the
    /// run fail with an error saying so.
    #[must_use]
    pub fn level(mut self, code: &str, level: crate::Level) -> Self {
        match crate::lints::validate(code, level) {
            Ok(code) => self.levels.set(code, level),
            Err(message) => self.bad_levels.push(message),
        }
        self
    }

    /// Generates code from an Arazzo document or an OpenAPI description.
    pub fn generate(&self, path: &Path) -> Result<Generated, Failure> {
        self.with_pipeline(path, |analysed, diags| self.emit(analysed, diags))
            .map(|(tokens, clean)| Generated {
                tokens,
                files: clean.files,
                warnings: clean.warnings,
                diagnostics: clean.diagnostics,
                sources: clean.sources,
            })
    }

    /// Runs every check that [`Generator::generate`] runs (including the
    /// refusal of features this version cannot compile), without emitting code.
    pub fn check(&self, path: &Path) -> Result<Checked, Failure> {
        self.with_pipeline(path, |_, _| Some(())).map(|((), clean)| Checked {
            files: clean.files,
            warnings: clean.warnings,
            diagnostics: clean.diagnostics,
            sources: clean.sources,
        })
    }

    /// Loads and checks `path`, then, when there were no errors, hands the
    /// result to `finish`. Generation and checking share everything up to that point.
    fn with_pipeline<T>(&self, path: &Path, finish: impl FnOnce(&Analysed, &mut Diagnostics) -> Option<T>) -> Result<(T, Clean), Failure> {
        let mut map = SourceMap::default();
        let mut diags = Diagnostics::default();
        let options = SourceOptions {
            mapped: &self.mapped,
            display_root: self.display_root.as_deref(),
            memory: &self.memory,
            disk: !self.no_disk,
        };
        for message in &self.bad_levels {
            diags.push(Diagnostic::error(None, message.clone()).with_code(codes::INVALID));
        }
        let analysed = analyse(path, &options, &mut map, &mut diags);
        let called = match (&analysed, self.all_operations) {
            (Some(Analysed::Arazzo(loaded)), false) => {
                let mut called = called_path_items(loaded);
                called.extend(reached_components(loaded, &called));
                Some(called)
            }
            _ => None,
        };
        diags.apply_levels(&self.levels, |file, path| {
            called.as_ref().is_none_or(|c| c.iter().any(|(f, p)| *f == file && p == path))
        });
        diags.verify_replacements(&map);
        let output = analysed.filter(|_| !diags.has_errors()).and_then(|a| finish(&a, &mut diags));
        let files: Vec<PathBuf> = map.files().map(|(_, f)| f.path.clone()).collect();
        let has_errors = diags.has_errors();
        let sorted = diags.into_sorted();
        match output {
            Some(output) if !has_errors => {
                let warnings = sorted.iter().map(|d| d.one_line(&map)).collect();
                Ok((
                    output,
                    Clean {
                        files,
                        warnings,
                        diagnostics: sorted,
                        sources: map,
                    },
                ))
            }
            _ => Err(Failure {
                diagnostics: sorted,
                sources: map,
                files,
            }),
        }
    }

    /// `None` when lowering failed (errors in `diags`).
    fn emit(&self, analysed: &Analysed, diags: &mut Diagnostics) -> Option<TokenStream> {
        match analysed {
            Analysed::OpenApi(api) => Some(emit::generate_client_only(api, &api_module_name(api))),
            Analysed::Arazzo(loaded) => match lower::lower(loaded, self.all_operations) {
                Ok(program) => {
                    let code = emit::generate_program(loaded, &program);
                    Some(quote!(#code))
                }
                Err(failures) => {
                    for d in failures {
                        diags.push(d);
                    }
                    None
                }
            },
        }
    }
}

/// Reads the entry file and everything it names, and checks it.
fn analyse(path: &Path, options: &SourceOptions<'_>, map: &mut SourceMap, diags: &mut Diagnostics) -> Option<Analysed> {
    let (file, root) = load::read_with(path, options, map, None, diags)?;
    if root.get("openapi").is_some() {
        return Some(Analysed::OpenApi(Box::new(load::load_openapi(
            root, file, path, map, options, diags,
        ))));
    }
    if root.get("arazzo").is_none() {
        diags.push(
            Diagnostic::error(
                root.span,
                "this is neither an Arazzo document (no `arazzo` field) nor an OpenAPI description (no `openapi` field)",
            )
            .with_code(codes::MISSING_FIELD),
        );
        return None;
    }
    let loaded = load::load_arazzo(&root, file, map, options, diags)?;
    check_tree(&loaded, &mut Vec::new(), diags);
    Some(Analysed::Arazzo(Box::new(loaded)))
}

/// Checks a document and every Arazzo document it names as a source (each
/// once: two sources may name the same file), since all of them compile
/// into one program.
fn check_tree(loaded: &load::Loaded, seen: &mut Vec<crate::source::FileId>, diags: &mut Diagnostics) {
    let file = loaded.document.span.file;
    if seen.contains(&file) {
        return;
    }
    seen.push(file);
    check::check(loaded, diags);
    support::check(loaded, diags);
    for nested in loaded.sources.iter().filter_map(|s| s.arazzo.as_deref()) {
        check_tree(nested, seen, diags);
    }
}

/// The OpenAPI path items (file, path template) holding an operation some
/// step of some workflow calls, in the document and the Arazzo documents it
/// names: what the tree-shaken output contains.
fn called_path_items(loaded: &load::Loaded) -> Vec<(crate::source::FileId, String)> {
    use crate::arazzo::model::StepTarget;
    let mut out = Vec::new();
    for step in loaded.document.workflows.iter().flat_map(|w| &w.steps) {
        let op = match &step.target {
            Some(StepTarget::OperationId(t)) => crate::arazzo::resolve::operation_id(loaded, t).ok(),
            Some(StepTarget::OperationPath(t)) => crate::arazzo::resolve::operation_path(loaded, t).ok(),
            _ => None,
        };
        if let Some((api, op)) = op.as_ref().and_then(|op| op.get(loaded)) {
            out.push((api.root.span.file, op.path.clone()));
        }
    }
    for nested in loaded.sources.iter().filter_map(|s| s.arazzo.as_deref()) {
        out.extend(called_path_items(nested));
    }
    out
}

/// The components (`/components/<kind>/<name>`) the `called` path items reach through
/// `$ref`s, with their files: what a tree-shaken build depends on besides the path items.
fn reached_components(loaded: &load::Loaded, called: &[(crate::source::FileId, String)]) -> Vec<(crate::source::FileId, String)> {
    let mut apis = Vec::new();
    collect_apis(loaded, &mut apis);
    let mut out = Vec::new();
    for (file, path) in called {
        let Some(api) = apis.iter().find(|a| a.root.span.file == *file) else {
            continue;
        };
        let Some(item) = api.root.get("paths").and_then(|p| p.get(path)) else {
            continue;
        };
        out.extend(openapi::refs::components_reached(&api.root, item).into_iter().map(|c| (*file, c)));
    }
    out
}

fn collect_apis<'a>(loaded: &'a load::Loaded, out: &mut Vec<&'a openapi::OpenApi>) {
    for source in &loaded.sources {
        out.extend(source.api.as_ref());
        if let Some(nested) = source.arazzo.as_deref() {
            collect_apis(nested, out);
        }
    }
}

fn api_module_name(api: &openapi::OpenApi) -> String {
    let title = if api.title.trim().is_empty() { "api" } else { api.title.as_str() };
    crate::names::snake(title)
}
