//! `arazzo-codegen fix`: the generator's machine-applicable suggestions,
//! applied to the documents in place.
//!
//! Edits go by byte ranges into the file as read, never by re-serialising
//! the YAML, so comments, quoting, key order and line endings outside each
//! replaced range are untouched. A fix is applied only when its span lies in
//! the document being fixed (not in an OpenAPI description it names) and no
//! other fix overlaps it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arazzo_codegen::{Diagnostic, Generator, Severity, SourceMap};

/// One replacement: bytes `range` of the file become `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    range: std::ops::Range<usize>,
    text: String,
}

pub fn run(generator: &Generator, files: &[PathBuf], dry_run: bool) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for file in files {
        match fix_one(generator, file, dry_run) {
            Ok(true) => {}
            Ok(false) => status = ExitCode::from(1),
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
        }
    }
    status
}

/// Fixes one document; `Ok(false)` when errors remain after fixing.
fn fix_one(generator: &Generator, file: &Path, dry_run: bool) -> Result<bool, String> {
    let (found, sources) = diagnostics(generator, file);
    let Some((id, source)) = sources.files().next().filter(|(_, f)| f.path == file) else {
        // Unreadable: the check's own error says why.
        report_remaining(file, &found, &sources);
        return Ok(false);
    };
    let text = source.text.clone();
    let edits = edits(&found, &sources, id);
    let fixed = apply(&text, &edits);
    // What is left, checked on the fixed text before anything is written.
    let after = generator.clone().file(file, fixed.clone());
    let (left, after_sources) = diagnostics(&after, file);
    let syntax = |ds: &[Diagnostic]| ds.iter().any(|d| d.code == arazzo_codegen::codes::SYNTAX);
    if syntax(&left) && !syntax(&found) {
        // Each fix is checked against the text it replaces, so this would be
        // a generator bug; the document is left as it was.
        report_remaining(file, &left, &after_sources);
        return Err(format!(
            "the fixes would make `{}` unreadable YAML; nothing was written",
            file.display()
        ));
    }
    if dry_run {
        print!("{}", unified_diff(&text, &fixed, &source.display));
    } else if fixed != text {
        std::fs::write(file, &fixed).map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
    }
    let plural = if edits.len() == 1 { "" } else { "es" };
    let verb = if dry_run { "would apply" } else { "applied" };
    eprintln!("{}: {verb} {} fix{plural}", file.display(), edits.len());
    let sources = after_sources;
    let errors = left.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        report_remaining(file, &left, &sources);
    }
    Ok(errors == 0)
}

fn diagnostics(generator: &Generator, file: &Path) -> (Vec<Diagnostic>, SourceMap) {
    match generator.check(file) {
        Ok(checked) => (checked.diagnostics, checked.sources),
        Err(failure) => (failure.diagnostics, failure.sources),
    }
}

fn report_remaining(file: &Path, diagnostics: &[Diagnostic], sources: &SourceMap) {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    for d in &errors {
        eprintln!("{}", d.render(sources, false));
    }
    let plural = if errors.len() == 1 { "" } else { "s" };
    eprintln!("{}: {} error{plural} left that no fix resolves", file.display(), errors.len());
}

/// The fixes in file `id`, in file order, without duplicates or overlaps
/// (the first of two overlapping ones wins; the next run applies the other).
fn edits(diagnostics: &[Diagnostic], sources: &SourceMap, id: arazzo_codegen::FileId) -> Vec<Edit> {
    let file = sources.get(id);
    let mut edits: Vec<Edit> = diagnostics
        .iter()
        .filter_map(Diagnostic::replacement)
        .filter(|(span, _)| span.file == id)
        .filter_map(|(span, text)| {
            Some(Edit {
                range: file?.byte_range(span)?,
                text: text.to_owned(),
            })
        })
        .collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    edits.dedup();
    let mut kept: Vec<Edit> = Vec::new();
    for edit in edits {
        if kept.last().is_none_or(|last| last.range.end <= edit.range.start) {
            kept.push(edit);
        }
    }
    kept
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.text);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `before` to `after` as a unified diff of file `name` (empty when they are equal).
pub(crate) fn unified_diff(before: &str, after: &str, name: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_replace_only_their_bytes() {
        let text = "a: Bearer $x # keep\nb: 'c'\n";
        let edits = [
            Edit {
                range: 3..12,
                text: "\"Bearer {$x}\"".into(),
            },
            Edit {
                range: 24..25,
                text: "d".into(),
            },
        ];
        assert_eq!(apply(text, &edits), "a: \"Bearer {$x}\" # keep\nb: 'd'\n");
    }
}
