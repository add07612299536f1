//! `arazzo_workflow!("specs/workflow.arazzo.yaml")`: the proc-macro face of
//! `arazzo-codegen`.
//!
//! This crate only parses the macro input, calls the generator, and turns
//! its diagnostics into `compile_error!`s at the path literal (each carrying
//! the rendered YAML snippet); everything
//! else lives in the generator so the macro, build scripts and the CLI
//! behave the same.

use std::path::{Path, PathBuf};

use proc_macro::TokenStream;
use proc_macro2::Span;
use quote::quote;
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
///   ones the workflows call.
///
/// Every problem in the documents becomes a compile error at the path: the
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
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut args = Args {
            path,
            sources: Vec::new(),
            all_operations: false,
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
                other => {
                    return Err(syn::Error::new(
                        option.span(),
                        format!("unknown option `{other}`; expected `sources(...)` or `all_operations`"),
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
fn warnings(lines: &[String], span: Span) -> proc_macro2::TokenStream {
    let items = lines.iter().map(|line| {
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
    for (name, file) in &args.sources {
        generator = generator.map_source(name.value(), root.join(Path::new(&file.value())));
    }
    match generator.generate(&path) {
        Ok(generated) => {
            let tracked = track(&generated.files);
            let warnings = warnings(&generated.warnings, args.path.span());
            let tokens = generated.tokens;
            quote!(#tracked #warnings #tokens)
        }
        Err(failure) => {
            let span: Span = args.path.span();
            // The same block the CLI prints (plain), so the YAML line and the
            // caret under the offending token show up in `cargo build` too.
            let errors = failure.diagnostics.iter().map(|d| {
                let e = syn::Error::new(span, d.render_for_compiler(&failure.sources));
                e.to_compile_error()
            });
            let tracked = track(&failure.files);
            quote!(#tracked #(#errors)*)
        }
    }
}
