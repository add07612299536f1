//! Arazzo 1.1 `$self`: a document's identity and the base URI its relative references
//! resolve against, and finding a source description's document by identity.
//!
//! The spec: a Source Description `url` naming an Arazzo document "MUST resolve ... by
//! identity (matching the `$self` value) rather than by location alone", and relative
//! references resolve against `$self` (itself first resolved against the retrieval URI when
//! relative). Nothing is fetched at build time, so the documents "provided to the
//! implementation" are the files the generator is given (served from memory, mapped with
//! `map_source`) and the Arazzo files beside the referring document; their `$self` values are
//! their identities. A reference that matches none falls back to the file at the location
//! (the spec allows retrieval URIs as other identifiers), so documents without `$self` load
//! exactly as before.

use std::path::{Path, PathBuf};

use url::Url;

use crate::load::resolve_relative;
use crate::source::FileId;
use crate::yaml::{self, Node};

/// What a reference resolves to: a URI (from an absolute `$self` or `url`), or a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    Uri(String),
    Path(PathBuf),
}

/// An absolute URI with a scheme other than `file`, fragment dropped.
fn absolute(reference: &str) -> Option<Url> {
    let mut url = Url::parse(reference).ok()?;
    if url.scheme() == "file" || url.cannot_be_a_base() {
        return None;
    }
    url.set_fragment(None);
    Some(url)
}

/// The base a document's relative references resolve against: its `$self` when absolute,
/// `$self` resolved against the file when relative, else the file itself.
pub fn base(self_uri: Option<&str>, file: &Path) -> Identity {
    match self_uri {
        Some(s) => match absolute(s) {
            Some(url) => Identity::Uri(url.to_string()),
            None => Identity::Path(resolve_relative(file, s)),
        },
        None => Identity::Path(file.to_path_buf()),
    }
}

/// A source `url` resolved against a document's base (RFC 3986 §5.2 for URIs).
pub fn resolve(base: &Identity, reference: &str) -> Identity {
    if let Some(url) = absolute(reference) {
        return Identity::Uri(url.to_string());
    }
    match base {
        Identity::Uri(b) => match Url::parse(b).and_then(|b| b.join(reference)) {
            Ok(mut url) => {
                url.set_fragment(None);
                Identity::Uri(url.to_string())
            }
            Err(_) => Identity::Uri(reference.to_owned()),
        },
        Identity::Path(p) => Identity::Path(resolve_relative(p, reference)),
    }
}

/// The identity of an Arazzo document read from `file`: its `$self` resolved as [`base`]
/// does; `None` for a document without `$self` (or not an Arazzo document).
pub fn of(root: &Node, file: &Path) -> Option<Identity> {
    root.get("arazzo")?;
    let self_uri = root.get("$self")?.as_str()?;
    Some(base(Some(self_uri), file))
}

/// The identity of the text of a candidate file (parsed quietly: a file that is not YAML
/// simply has none).
pub fn of_text(text: &str, file: &Path) -> Option<Identity> {
    let root = yaml::parse(text, FileId(u32::MAX)).ok()?;
    of(&root, file)
}

/// The Arazzo files beside `file` (`*.arazzo.yaml`, `.yml`, `.json`): the collection a
/// document's own directory provides. Sorted, so the first match is stable.
pub fn siblings(file: &Path) -> Vec<PathBuf> {
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
            [".arazzo.yaml", ".arazzo.yml", ".arazzo.json"].iter().any(|s| name.ends_with(s))
        })
        .map(|p| p.strip_prefix("./").map(Path::to_path_buf).unwrap_or(p))
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_references_resolve_against_self() {
        // The spec's Appendix B examples.
        let b = base(
            Some("https://api.example.com/workflows/purchase.arazzo.yaml"),
            Path::new("local/wf.yaml"),
        );
        assert_eq!(
            resolve(&b, "../specs/petstore.yaml"),
            Identity::Uri("https://api.example.com/specs/petstore.yaml".into())
        );
        let b = base(Some("workflows/purchase.arazzo.yaml"), Path::new("v2/api-description.yaml"));
        assert_eq!(b, Identity::Path(PathBuf::from("v2/workflows/purchase.arazzo.yaml")));
        assert_eq!(
            resolve(&b, "../specs/petstore.yaml"),
            Identity::Path(PathBuf::from("v2/specs/petstore.yaml"))
        );
        let b = base(None, Path::new("a/wf.yaml"));
        assert_eq!(resolve(&b, "./api.yaml#/paths"), Identity::Path(PathBuf::from("a/api.yaml")));
        assert_eq!(
            resolve(&b, "https://x.test/a.yaml#f"),
            Identity::Uri("https://x.test/a.yaml".into())
        );
    }
}
