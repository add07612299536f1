//! `arazzo_workflow!("specs/workflow.arazzo.yaml")`: the proc-macro face of
//! `arazzo-codegen`.
//!
//! This crate only parses the macro input, calls the generator, and turns
//! its errors into `compile_error!`s and its warnings into rustc warnings at
//! the path literal (each carrying the rendered YAML snippet); everything
//! else lives in the generator so the macro, build scripts and the CLI
//! behave the same.

use std::path::{Path, PathBuf};

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::quote;
use syn::ext::IdentExt as _;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token};

/// Generates a typed client per OpenAPI source description and one async
/// method per workflow from an Arazzo document.
///
/// ```ignore
/// mod seer {
///     arazzo::arazzo_workflow!("specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml");
/// }
/// ```
///
/// The path is relative to the crate root (`CARGO_MANIFEST_DIR`). Options,
/// after the path:
/// - `sources("name-or-url" = "local/path.yaml", ...)`: read a source
///   description from a local file (required for remote URLs; nothing is
///   fetched at build time);
/// - `all_operations`: generate every operation of each API, not only the
///   ones the workflows call;
/// - `allow(code, ...)`, `warn(code, ...)`, `deny(code, ...)`: the level of
///   diagnostic codes, as `#[allow]` sets rustc's (`allow(unqualified_operation_id)`;
///   the codes and their defaults are in `docs/lints.md`).
///
/// Every error in the documents becomes a compile error at the path, and
/// every warning a rustc warning there (also when there are errors): the
/// message, `--> file:line:column`, the YAML line with a caret under the
/// offending token, notes and help, as the `arazzo-codegen` CLI prints them.
#[proc_macro]
pub fn arazzo_workflow(input: TokenStream) -> TokenStream {
    let args = match syn::parse::<Args>(input) {
        Ok(args) => args,
        Err(e) => return e.to_compile_error().into(),
    };
    expand(&args).into()
}

struct Args {
    path: LitStr,
    sources: Vec<(LitStr, LitStr)>,
    all_operations: bool,
    levels: Vec<(&'static str, arazzo_codegen::Level)>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut args = Args {
            path,
            sources: Vec::new(),
            all_operations: false,
            levels: Vec::new(),
        };
        while input.parse::<Option<Token![,]>>()?.is_some() {
            if input.is_empty() {
                break;
            }
            let option: syn::Ident = input.parse()?;
            match option.to_string().as_str() {
                "sources" => {
                    let content;
                    syn::parenthesized!(content in input);
                    while !content.is_empty() {
                        let name: LitStr = content.parse()?;
                        content.parse::<Token![=]>()?;
                        let file: LitStr = content.parse()?;
                        args.sources.push((name, file));
                        if content.parse::<Option<Token![,]>>()?.is_none() {
                            break;
                        }
                    }
                }
                "all_operations" => args.all_operations = true,
                name @ ("allow" | "warn" | "deny") => {
                    let level = arazzo_codegen::Level::from_name(name).unwrap_or(arazzo_codegen::Level::Deny);
                    let content;
                    syn::parenthesized!(content in input);
                    let codes = content.parse_terminated(syn::Ident::parse_any, Token![,])?;
                    for code in codes {
                        let code_name = code.to_string();
                        match arazzo_codegen::lints::validate(&code_name, level) {
                            Ok(code) => args.levels.push((code, level)),
                            Err(message) => return Err(syn::Error::new(code.span(), message)),
                        }
                    }
                }
                other => {
                    let expected = ["sources", "all_operations", "allow", "warn", "deny"];
                    let hint = arazzo_codegen::lints::did_you_mean(other, expected)
                        .map(|best| format!("did you mean `{best}`? "))
                        .unwrap_or_default();
                    return Err(syn::Error::new(
                        option.span(),
                        format!(
                            "unknown option `{other}`; {hint}expected `sources(...)`, `all_operations`, `allow(...)`, `warn(...)` or `deny(...)`"
                        ),
                    ));
                }
            }
        }
        Ok(args)
    }
}

/// The crate root. `ARAZZO_MANIFEST_DIR` overrides it for compile-fail test
/// harnesses (trybuild builds in a scratch crate whose own manifest directory
/// does not hold the specs).
fn manifest_dir() -> PathBuf {
    std::env::var_os("ARAZZO_MANIFEST_DIR")
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// `include_bytes!` of every file read, so cargo rebuilds when one changes.
fn track(files: &[PathBuf]) -> proc_macro2::TokenStream {
    let includes = files.iter().filter(|f| f.is_file()).map(|f| {
        let path = f.to_string_lossy().into_owned();
        quote!(
            const _: &[u8] = ::std::include_bytes!(#path);
        )
    });
    quote!(#(#includes)*)
}

/// Stable Rust has no API for a proc-macro warning; using a deprecated item
/// whose note is the message makes rustc print it, at the path literal.
/// (`proc-macro-warning` does the same, with a dependency.)
fn warnings<'a>(lines: impl Iterator<Item = String> + 'a, span: Span) -> proc_macro2::TokenStream {
    let items = lines.map(|line| {
        quote::quote_spanned! {span=>
            const _: () = {
                #[deprecated(note = #line)]
                #[allow(non_upper_case_globals)]
                const arazzo_warning: () = ();
                arazzo_warning
            };
        }
    });
    quote!(#(#items)*)
}

fn expand(args: &Args) -> proc_macro2::TokenStream {
    let root = manifest_dir();
    let path = root.join(args.path.value());
    let mut generator = arazzo_codegen::Generator::new()
        .display_root(&root)
        .all_operations(args.all_operations);
    for (code, level) in &args.levels {
        generator = generator.level(code, *level);
    }
    for (name, file) in &args.sources {
        generator = generator.map_source(name.value(), root.join(Path::new(&file.value())));
    }
    match generator.generate(&path) {
        Ok(generated) => {
            let tracked = track(&generated.files);
            let warnings = warnings(
                generated.diagnostics.iter().map(|d| d.render_for_compiler(&generated.sources)),
                args.path.span(),
            );
            let tokens = generated.tokens;
            quote!(#tracked #warnings #tokens)
        }
        Err(failure) => {
            let span: Span = args.path.span();
            // The same block the CLI prints (plain), so the YAML line and the
            // caret under the offending token show up in `cargo build` too.
            // Only errors are errors: warnings stay warnings, so the first
            // `error:` a user reads is a real one.
            let (errors, rest): (Vec<_>, Vec<_>) = failure
                .diagnostics
                .iter()
                .partition(|d| d.severity == arazzo_codegen::Severity::Error);
            let errors = errors.iter().map(|d| {
                let e = syn::Error::new(span, d.render_for_compiler(&failure.sources));
                e.to_compile_error()
            });
            let warnings = warnings(rest.iter().map(|d| d.render_for_compiler(&failure.sources)), span);
            let tracked = track(&failure.files);
            quote!(#tracked #(#errors)* #warnings)
        }
    }
}
