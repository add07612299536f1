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
use crate::identity;
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
            if text.len() > MAX_FILE_BYTES {
                return Err(too_large(text.len() as u64));
            }
            return Ok(text.clone());
        }
        if !self.disk {
            return Err("not found".to_owned());
        }
        read_regular_file(path)
    }
}

/// The largest file read (64 MiB; the largest public OpenAPI descriptions we know of are
/// about 12 MB of JSON). A source or `$ref` naming `/dev/zero` or a log file must not read
/// until memory runs out.
pub(crate) const MAX_FILE_BYTES: usize = 64 << 20;

fn too_large(len: u64) -> String {
    format!(
        "it is {} MiB, more than the {} MiB a description may be",
        len.div_ceil(1 << 20),
        MAX_FILE_BYTES >> 20
    )
}

/// Reads a file only if it is a regular file within [`MAX_FILE_BYTES`]. The kind is
/// checked before opening, because opening a FIFO blocks until someone writes to it,
/// and a device (`/dev/zero`) never ends; the read itself is bounded too, in case the
/// file grows after the check.
fn read_regular_file(path: &Path) -> Result<String, String> {
    use std::io::Read as _;
    let not_found = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "not found".to_owned(),
        _ => e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(not_found)?;
    if !meta.is_file() {
        let kind = if meta.is_dir() {
            "a directory"
        } else {
            "not a regular file (a pipe, socket or device)"
        };
        return Err(format!("it is {kind}"));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(not_found)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(not_found)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("it is not UTF-8 text (invalid byte at offset {at}), so not YAML or JSON")
    })
}

/// Whether a syntax error in this file may quote its lines. A file named like YAML or
/// JSON, or one that says it is an OpenAPI or Arazzo document, is shown as rustc shows
/// code; anything else (a credentials file named by mistake) is reported by position
/// only, since its lines may hold secrets.
fn may_quote(path: &Path, text: &str) -> bool {
    let named_like_yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["yaml", "yml", "json"].contains(&e.to_ascii_lowercase().as_str()));
    named_like_yaml
        || text.lines().any(|line| {
            let line = line.trim_start_matches(|c: char| c == '{' || c.is_whitespace());
            ["openapi", "arazzo", "\"openapi\"", "\"arazzo\"", "'openapi'", "'arazzo'"]
                .iter()
                .any(|key| line.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')))
        })
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
        Err(errors) if may_quote(path, text) => {
            diags.extend(errors.into_iter().map(|d| d.with_code(codes::SYNTAX)));
            None
        }
        Err(errors) => {
            let display = map.get(file).map(|f| f.display.clone()).unwrap_or_default();
            let first = errors.first().and_then(|d| d.span).map(|s| s.start).unwrap_or_default();
            diags.push(
                Diagnostic::error(
                    at,
                    format!(
                        "`{display}` is not YAML or JSON (syntax error at line {}, column {}), so neither an OpenAPI description nor an Arazzo document",
                        first.line, first.col
                    ),
                )
                .with_code(codes::SYNTAX)
                .with_note(None, "its lines are not shown: a file that is not a description may hold secrets")
                .with_help(if at.is_some() {
                    "name the OpenAPI or Arazzo file here (`.yaml`, `.yml` or `.json`)"
                } else {
                    "pass the Arazzo document (`.yaml`, `.yml` or `.json`)"
                }),
            );
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
    let path = map.get(file).map(|f| f.path.clone()).unwrap_or_default();
    let base = Base {
        identity: identity::base(document.self_uri.as_ref().map(|t| t.value.as_str()), &path),
        uses_self: document.self_uri.is_some(),
        by_identity: document.version >= model::Version::V1_1,
        file: path,
    };
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

/// Where the referring document is, and what its relative references resolve against.
struct Base {
    file: PathBuf,
    identity: identity::Identity,
    /// It declares `$self` (1.1): then references resolve against that.
    uses_self: bool,
    /// Whether sources are looked up by `$self` (1.1; a 1.0 document resolves by location
    /// only, as it always has).
    by_identity: bool,
}

/// The first document given to the generator whose `$self` is `wanted`: files served from
/// memory, mapped files, and the Arazzo files beside the referring document.
fn by_identity(wanted: &identity::Identity, base: &Base, options: &SourceOptions<'_>) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = options.memory.iter().map(|(p, _)| p.clone()).collect();
    candidates.extend(options.mapped.iter().map(|(_, p)| p.clone()));
    if options.disk {
        candidates.extend(identity::siblings(&base.file));
    }
    candidates
        .into_iter()
        .filter(|p| *p != base.file)
        .find(|p| options.text_of(p).ok().and_then(|text| identity::of_text(&text, p)).as_ref() == Some(wanted))
}

/// Where a source description's file is: a mapping given by the user wins; then (1.1) a
/// document given to the generator whose `$self` is the `url` resolved against the referring
/// document's base; then a relative or `file:` URL resolved against the referring file.
fn source_path(sd: &SourceDescription, base: &Base, options: &SourceOptions<'_>, diags: &mut Diagnostics) -> Option<PathBuf> {
    let resolved = identity::resolve(&base.identity, &sd.url.value);
    let mapped = options
        .mapped
        .iter()
        .find(|(key, _)| *key == sd.name.value || *key == sd.url.value || identity::Identity::Uri(key.clone()) == resolved)
        .map(|(_, p)| p.clone());
    if mapped.is_some() {
        return mapped;
    }
    if base.by_identity
        && let Some(found) = by_identity(&resolved, base, options)
    {
        return Some(found);
    }
    if base.uses_self
        && !is_remote(&sd.url.value)
        && let identity::Identity::Path(path) = resolved
    {
        // A relative `$self`: references resolve against it, a path like any other.
        return Some(path);
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
    // No document has that identity: the file at the location (its retrieval URI).
    Some(resolve_relative(&base.file, &sd.url.value))
}

fn load_source(
    sd: &SourceDescription,
    base: &Base,
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
