//! Reading the files a generation needs: the entry document and every source
//! description it names.
//!
//! Source URLs resolve relative to the document that names them. Nothing is
//! ever fetched over the network at build time: a remote URL must be mapped
//! to a local file by the caller ([`crate::Generator::map_source`]), and the
//! error says so.

use std::path::{Path, PathBuf};

use crate::arazzo::model::{self, Document};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::openapi::{self, OpenApi};
use crate::source::{FileId, SourceMap, Span};
use crate::yaml::{self, Node};

/// A source description and what it loaded to.
#[derive(Debug)]
pub struct LoadedSource {
    pub name: String,
    pub url: String,
    pub api: Option<OpenApi>,
}

/// Everything loaded for one Arazzo document.
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    pub sources: Vec<LoadedSource>,
}

/// Reads and parses one file, registering it for diagnostics.
pub fn read(path: &Path, display: String, map: &mut SourceMap, at: Option<Span>, diags: &mut Diagnostics) -> Option<(FileId, Node)> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            let what = match e.kind() {
                std::io::ErrorKind::NotFound => "not found".to_owned(),
                _ => e.to_string(),
            };
            diags.push(Diagnostic::error(at, format!("cannot read `{display}`: {what}")));
            return None;
        }
    };
    let file = map.add(path.to_path_buf(), display, text);
    let text = map.get(file).map(|f| f.text.as_str()).unwrap_or_default();
    match yaml::parse(text, file) {
        Ok(node) => Some((file, node)),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    }
}

/// Options that decide where source descriptions come from.
pub struct SourceOptions<'a> {
    /// (source name or URL, local path) pairs.
    pub mapped: &'a [(String, PathBuf)],
    /// Diagnostics show paths relative to this directory.
    pub display_root: Option<&'a Path>,
}

impl SourceOptions<'_> {
    pub fn display(&self, path: &Path) -> String {
        let shown = self.display_root.and_then(|root| path.strip_prefix(root).ok()).unwrap_or(path);
        shown.to_string_lossy().replace('\\', "/")
    }
}

fn is_remote(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Joins a relative reference onto the directory of the referring file,
/// dropping `.` and resolving `..` lexically so diagnostics show tidy paths.
fn resolve_relative(base_file: &Path, reference: &str) -> PathBuf {
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
    let document = model::load(root, diags)?;
    let base = map.get(file).map(|f| f.path.clone()).unwrap_or_default();
    let mut sources = Vec::new();
    for sd in &document.source_descriptions {
        let mapped = options
            .mapped
            .iter()
            .find(|(key, _)| *key == sd.name.value || *key == sd.url.value)
            .map(|(_, p)| p.clone());
        let path = match mapped {
            Some(p) => Some(p),
            None if is_remote(&sd.url.value) => {
                diags.push(
                    Diagnostic::error(sd.url.span, format!("source description `{}` is remote (`{}`), and nothing is fetched at build time", sd.name.value, sd.url.value))
                        .with_help(format!(
                            "download it and map it to a local file: `sources(\"{}\" = \"path/to/file.yaml\")` in the macro, `Generator::map_source(\"{}\", path)` in build.rs, or `--source {}=PATH` on the command line",
                            sd.name.value, sd.name.value, sd.name.value
                        )),
                );
                None
            }
            None => Some(resolve_relative(&base, &sd.url.value)),
        };
        let api = path.and_then(|path| {
            let display = options.display(&path);
            let (file, node) = match map.find(&path) {
                Some(id) => {
                    let text = map.get(id).map(|f| f.text.clone()).unwrap_or_default();
                    (id, yaml::parse(&text, id).ok()?)
                }
                None => read(&path, display, map, Some(sd.url.span), diags)?,
            };
            let declared = sd.kind.as_ref().map(|k| k.value.as_str());
            let sniffed = if node.get("openapi").is_some() {
                Some("openapi")
            } else if node.get("arazzo").is_some() {
                Some("arazzo")
            } else {
                None
            };
            match (declared, sniffed) {
                (_, Some("openapi")) if declared != Some("arazzo") => Some(openapi::load(node, file, diags)),
                (_, Some("arazzo")) => {
                    diags.push(Diagnostic::error(
                        sd.span,
                        format!("source description `{}` is an Arazzo document; workflows from other Arazzo documents are not supported by this version of the generator", sd.name.value),
                    ));
                    None
                }
                _ => {
                    diags.push(Diagnostic::error(
                        sd.url.span,
                        format!("`{}` is not an OpenAPI document (no top-level `openapi` field)", sd.url.value),
                    ));
                    None
                }
            }
        });
        sources.push(LoadedSource {
            name: sd.name.value.clone(),
            url: sd.url.value.clone(),
            api,
        });
    }
    Some(Loaded { document, sources })
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
