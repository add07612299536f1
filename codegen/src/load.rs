//! Reading the files a generation needs: the entry document and every source
//! description it names.
//!
//! Source URLs resolve relative to the document that names them. Nothing is
//! ever fetched over the network at build time: a remote URL must be mapped
//! to a local file by the caller ([`crate::Generator::map_source`]), and the
//! error says so.

use std::path::{Path, PathBuf};

use crate::arazzo::model::{self, Document, SourceDescription};
use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::openapi::{self, OpenApi};
use crate::source::{FileId, SourceMap, Span};
use crate::yaml::{self, Node};

/// A source description and what it loaded to.
#[derive(Debug)]
pub struct LoadedSource {
    pub name: String,
    pub url: String,
    pub api: Option<OpenApi>,
    /// For a source of type `arazzo`: that document with its own sources,
    /// loaded like the entry document, so its workflows can be checked and
    /// compiled into the same program (`$sourceDescriptions.<name>.<id>`).
    pub arazzo: Option<Box<Loaded>>,
    /// For a source of type `asyncapi` (Arazzo 1.1): its channels, messages and operations.
    pub events: Option<crate::asyncapi::AsyncApi>,
}

impl LoadedSource {
    /// Whether the file behind this source was read and understood.
    pub fn is_loaded(&self) -> bool {
        self.api.is_some() || self.arazzo.is_some() || self.events.is_some()
    }
}

/// Everything loaded for one Arazzo document.
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    pub sources: Vec<LoadedSource>,
}

impl Loaded {
    /// The source at `path`: indices into `sources`, the leading ones
    /// through `arazzo` sources (see `ir::ClientIr::source`).
    pub fn source_at(&self, path: &[usize]) -> Option<&LoadedSource> {
        let (last, through) = path.split_last()?;
        let mut doc = self;
        for index in through {
            doc = doc.sources.get(*index)?.arazzo.as_deref()?;
        }
        doc.sources.get(*last)
    }
}

/// Options that decide where files and source descriptions come from.
#[derive(Clone, Copy)]
pub struct SourceOptions<'a> {
    /// (source name or URL, local path) pairs.
    pub mapped: &'a [(String, PathBuf)],
    /// Diagnostics show paths relative to this directory.
    pub display_root: Option<&'a Path>,
    /// Files served from memory (the CLI's stdin, tests, fuzzers), consulted before the disk.
    pub memory: &'a [(PathBuf, String)],
    /// Whether files not in `memory` are read from the disk.
    pub disk: bool,
}

impl SourceOptions<'_> {
    pub fn display(&self, path: &Path) -> String {
        let shown = self.display_root.and_then(|root| path.strip_prefix(root).ok()).unwrap_or(path);
        shown.to_string_lossy().replace('\\', "/")
    }

    fn text_of(&self, path: &Path) -> Result<String, String> {
        if let Some((_, text)) = self.memory.iter().find(|(p, _)| p == path) {
            return Ok(text.clone());
        }
        if !self.disk {
            return Err("not found".to_owned());
        }
        std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "not found".to_owned(),
            _ => e.to_string(),
        })
    }
}

/// Reads and parses one file from the disk, registering it for diagnostics
/// under the name `display`.
pub fn read(path: &Path, display: String, map: &mut SourceMap, at: Option<Span>, diags: &mut Diagnostics) -> Option<(FileId, Node)> {
    let options = SourceOptions {
        mapped: &[],
        display_root: None,
        memory: &[],
        disk: true,
    };
    read_named(path, display, &options, map, at, diags)
}

/// Reads and parses one file as `options` say (memory first, then the
/// disk if allowed). A file already read (a source named by two documents)
/// is parsed again from the map, not re-read, so its `FileId` stays the same.
pub fn read_with(
    path: &Path,
    options: &SourceOptions<'_>,
    map: &mut SourceMap,
    at: Option<Span>,
    diags: &mut Diagnostics,
) -> Option<(FileId, Node)> {
    read_named(path, options.display(path), options, map, at, diags)
}

fn read_named(
    path: &Path,
    display: String,
    options: &SourceOptions<'_>,
    map: &mut SourceMap,
    at: Option<Span>,
    diags: &mut Diagnostics,
) -> Option<(FileId, Node)> {
    let file = match map.find(path) {
        Some(id) => id,
        None => match options.text_of(path) {
            Ok(text) => map.add(path.to_path_buf(), display, text),
            Err(what) => {
                diags.push(Diagnostic::error(at, format!("cannot read `{display}`: {what}")).with_code(codes::SOURCE_UNAVAILABLE));
                return None;
            }
        },
    };
    let text = map.get(file).map(|f| f.text.as_str()).unwrap_or_default();
    match yaml::parse(text, file) {
        Ok(node) => Some((file, node)),
        Err(errors) => {
            diags.extend(errors.into_iter().map(|d| d.with_code(codes::SYNTAX)));
            None
        }
    }
}

fn is_remote(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Joins a relative reference onto the directory of the referring file,
/// dropping `.` and resolving `..` lexically so diagnostics show tidy paths.
pub(crate) fn resolve_relative(base_file: &Path, reference: &str) -> PathBuf {
    let reference = reference.strip_prefix("file://").unwrap_or(reference);
    let reference = reference.split('#').next().unwrap_or(reference);
    let joined = base_file.parent().unwrap_or(Path::new("")).join(reference);
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

pub fn load_arazzo(root: &Node, file: FileId, map: &mut SourceMap, options: &SourceOptions<'_>, diags: &mut Diagnostics) -> Option<Loaded> {
    load_document(root, file, map, options, &mut vec![file], diags)
}

/// `open`: the Arazzo documents being loaded, outermost first, so that
/// documents naming each other as sources are reported instead of followed
/// forever.
fn load_document(
    root: &Node,
    file: FileId,
    map: &mut SourceMap,
    options: &SourceOptions<'_>,
    open: &mut Vec<FileId>,
    diags: &mut Diagnostics,
) -> Option<Loaded> {
    let document = model::load(root, diags)?;
    let base = map.get(file).map(|f| f.path.clone()).unwrap_or_default();
    let sources = document
        .source_descriptions
        .iter()
        .map(|sd| load_source(sd, &base, map, options, open, diags))
        .collect();
    Some(Loaded { document, sources })
}

/// Loads an OpenAPI description, first pulling the definitions its external
/// `$ref`s name into it (`openapi::bundle`).
pub fn load_openapi(
    mut node: Node,
    file: FileId,
    path: &Path,
    map: &mut SourceMap,
    options: &SourceOptions<'_>,
    diags: &mut Diagnostics,
) -> OpenApi {
    let mut read = |p: &Path, at: Span, d: &mut Diagnostics| read_with(p, options, map, Some(at), d);
    openapi::bundle::bundle(&mut node, path, &mut read, diags);
    openapi::load(node, file, diags)
}

/// Where a source description's file is: a mapping given by the user wins,
/// then a relative or `file:` URL resolved against the referring document.
fn source_path(sd: &SourceDescription, base: &Path, options: &SourceOptions<'_>, diags: &mut Diagnostics) -> Option<PathBuf> {
    let mapped = options
        .mapped
        .iter()
        .find(|(key, _)| *key == sd.name.value || *key == sd.url.value)
        .map(|(_, p)| p.clone());
    if mapped.is_some() {
        return mapped;
    }
    if is_remote(&sd.url.value) {
        let name = &sd.name.value;
        diags.push(
            Diagnostic::error(
                sd.url.span,
                format!("source description `{name}` is remote (`{}`), and nothing is fetched at build time", sd.url.value),
            )
            .with_code(codes::SOURCE_UNAVAILABLE)
            .with_help(format!(
                "download it and map it to a local file: `sources(\"{name}\" = \"path/to/file.yaml\")` in the macro, `Generator::map_source(\"{name}\", path)` in build.rs, or `--source {name}=PATH` on the command line"
            )),
        );
        return None;
    }
    Some(resolve_relative(base, &sd.url.value))
}

fn load_source(
    sd: &SourceDescription,
    base: &Path,
    map: &mut SourceMap,
    options: &SourceOptions<'_>,
    open: &mut Vec<FileId>,
    diags: &mut Diagnostics,
) -> LoadedSource {
    let mut loaded = LoadedSource {
        name: sd.name.value.clone(),
        url: sd.url.value.clone(),
        api: None,
        arazzo: None,
        events: None,
    };
    let Some(path) = source_path(sd, base, options, diags) else {
        return loaded;
    };
    let Some((file, node)) = read_with(&path, options, map, Some(sd.url.span), diags) else {
        return loaded;
    };
    let declared = sd.kind.as_ref().map(|k| k.value.as_str());
    let sniffed = if node.get("openapi").is_some() {
        "openapi"
    } else if node.get("arazzo").is_some() {
        "arazzo"
    } else if node.get("asyncapi").is_some() {
        "asyncapi"
    } else {
        ""
    };
    match (declared, sniffed) {
        (Some(d), s) if !s.is_empty() && d != s && ["openapi", "arazzo", "asyncapi"].contains(&d) => {
            let declared = declared.unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    sd.kind.as_ref().map_or(sd.span, |k| k.span),
                    format!(
                        "source description `{}` says `type: {declared}`, but `{}` is an {sniffed} document",
                        sd.name.value, sd.url.value
                    ),
                )
                .with_code(codes::BAD_VALUE),
            );
        }
        (_, "asyncapi") => loaded.events = crate::asyncapi::load(node, diags),
        (_, "openapi") => loaded.api = Some(load_openapi(node, file, &path, map, options, diags)),
        (_, "arazzo") if open.contains(&file) => {
            let chain: Vec<String> = open
                .iter()
                .chain([&file])
                .filter_map(|f| map.get(*f).map(|f| format!("`{}`", f.display)))
                .collect();
            diags.push(
                Diagnostic::error(
                    sd.url.span,
                    format!(
                        "source description `{}` leads back to a document that names it: {}",
                        sd.name.value,
                        chain.join(" -> ")
                    ),
                )
                .with_code(codes::UNSUPPORTED)
                .with_note(
                    None,
                    "each Arazzo source compiles into the program that uses it, so a cycle of documents would contain itself",
                )
                .with_help("move the workflows both documents need into a third document that both name"),
            );
        }
        (_, "arazzo") => {
            open.push(file);
            loaded.arazzo = load_document(&node, file, map, options, open, diags).map(Box::new);
            open.pop();
        }
        _ => diags.push(
            Diagnostic::error(
                sd.url.span,
                format!(
                    "`{}` is neither an OpenAPI or AsyncAPI description nor an Arazzo document (no top-level `openapi`, `asyncapi` or `arazzo` field)",
                    sd.url.value
                ),
            )
            .with_code(codes::BAD_VALUE),
        ),
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_resolve_against_the_referring_file() {
        let p = resolve_relative(Path::new("specs/arazzo/wf.yml"), "../openapi/api.yml");
        assert_eq!(p, PathBuf::from("specs/openapi/api.yml"));
        let p = resolve_relative(Path::new("/a/b/wf.yml"), "./x.yml#/paths");
        assert_eq!(p, PathBuf::from("/a/b/x.yml"));
    }
}
