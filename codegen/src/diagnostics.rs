//! Problems found in a spec, collected rather than thrown.
//!
//! Every stage pushes into a [`Diagnostics`] list and keeps going, so a user
//! sees all problems of a document at once (as serde_derive does), each with
//! `file:line:column`, one sentence of what is wrong, and a suggestion when
//! one exists. Rendering is separate from detection: the macro, build.rs and
//! the CLI all render the same list.

use std::fmt::Write as _;

use crate::source::{SourceMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A machine-readable category (`unknown-step`, `unsupported`, ...), stable
    /// across releases, so JSON output and the conformance harness can tell
    /// "this document is wrong" from "this generator cannot compile it yet".
    /// The list is [`codes`].
    pub code: &'static str,
    pub message: String,
    /// Where the problem is; `None` only for problems with no location (a file
    /// that could not be read is reported at the reference that named it).
    pub span: Option<Span>,
    pub help: Option<String>,
    pub notes: Vec<(Option<Span>, String)>,
}

impl Diagnostic {
    pub fn error(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: codes::INVALID,
            message: message.into(),
            span: span.into(),
            help: None,
            notes: Vec::new(),
        }
    }

    pub fn warning(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    #[must_use]
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    /// True for problems that say what this generator cannot compile yet,
    /// rather than what is wrong with the document.
    pub fn is_unsupported(&self) -> bool {
        self.code == codes::UNSUPPORTED
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds "did you mean `x`?" when some candidate is close to `name`.
    #[must_use]
    pub fn with_suggestion<'a, I>(self, name: &str, candidates: I) -> Self
    where
        I: IntoIterator<Item = &'a str>,
    {
        match did_you_mean(name, candidates) {
            Some(best) => self.with_help(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    #[must_use]
    pub fn with_note(mut self, span: impl Into<Option<Span>>, note: impl Into<String>) -> Self {
        self.notes.push((span.into(), note.into()));
        self
    }

    /// One line: `file:line:column: error: message (help: ...)`. This is the
    /// form used inside `compile_error!`, where rustc adds its own framing.
    pub fn one_line(&self, sources: &SourceMap) -> String {
        let mut out = String::new();
        if let Some(span) = self.span {
            let _ = write!(out, "{}: ", sources.location(span));
        }
        out.push_str(&self.message);
        for (span, note) in &self.notes {
            match span {
                Some(span) => {
                    let _ = write!(out, "; note: {note} at {}", sources.location(*span));
                }
                None => {
                    let _ = write!(out, "; note: {note}");
                }
            }
        }
        if let Some(help) = &self.help {
            let _ = write!(out, "; help: {help}");
        }
        out
    }

    /// One JSON object: `severity`, `code`, `message`, `file`, `line`,
    /// `column`, `end_line`, `end_column` (all `null` without a location),
    /// `help` (or `null`) and `notes` (each with `message` and the same
    /// location fields). This is the `--format json` output of the CLI.
    pub fn to_json(&self, sources: &SourceMap) -> serde_json::Value {
        let mut object = serde_json::Map::new();
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        object.insert("severity".into(), severity.into());
        object.insert("code".into(), self.code.into());
        object.insert("message".into(), self.message.clone().into());
        location_json(&mut object, sources, self.span);
        object.insert("help".into(), self.help.clone().into());
        let notes = self
            .notes
            .iter()
            .map(|(span, note)| {
                let mut n = serde_json::Map::new();
                n.insert("message".into(), note.clone().into());
                location_json(&mut n, sources, *span);
                serde_json::Value::Object(n)
            })
            .collect();
        object.insert("notes".into(), serde_json::Value::Array(notes));
        serde_json::Value::Object(object)
    }

    /// rustc-style block with the offending line and a caret under it.
    pub fn render(&self, sources: &SourceMap, colour: bool) -> String {
        let (red, yellow, blue, bold, reset) = if colour {
            ("\x1b[1;31m", "\x1b[1;33m", "\x1b[1;34m", "\x1b[1m", "\x1b[0m")
        } else {
            ("", "", "", "", "")
        };
        let (label, label_colour) = match self.severity {
            Severity::Error => ("error", red),
            Severity::Warning => ("warning", yellow),
        };
        let mut out = format!("{label_colour}{label}{reset}{bold}: {}{reset}\n", self.message);
        if let Some(span) = self.span {
            snippet(&mut out, sources, span, label_colour, blue, reset);
        }
        for (span, note) in &self.notes {
            match span {
                Some(span) => {
                    let _ = writeln!(out, "{blue}note{reset}: {note}");
                    snippet(&mut out, sources, *span, blue, blue, reset);
                }
                None => {
                    let _ = writeln!(out, "  {blue}={reset} note: {note}");
                }
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "  {blue}={reset} help: {help}");
        }
        out
    }
}

fn location_json(object: &mut serde_json::Map<String, serde_json::Value>, sources: &SourceMap, span: Option<Span>) {
    let file = span.and_then(|s| sources.get(s.file)).map(|f| f.display.clone());
    object.insert("file".into(), file.into());
    object.insert("line".into(), span.map(|s| s.start.line).into());
    object.insert("column".into(), span.map(|s| s.start.col).into());
    object.insert("end_line".into(), span.map(|s| s.end.line).into());
    object.insert("end_column".into(), span.map(|s| s.end.col).into());
}

/// The values of [`Diagnostic::code`].
pub mod codes {
    /// The document breaks a rule that has no more specific code.
    pub const INVALID: &str = "invalid";
    /// A file is not well-formed YAML or JSON.
    pub const SYNTAX: &str = "syntax";
    /// The `arazzo` field names a version other than 1.0.x.
    pub const VERSION: &str = "version";
    /// A required field is absent.
    pub const MISSING_FIELD: &str = "missing-field";
    /// A field the object does not define (`x-` extensions are always allowed).
    pub const UNKNOWN_FIELD: &str = "unknown-field";
    /// A field holds the wrong kind of value, or a value outside its allowed set.
    pub const BAD_VALUE: &str = "bad-value";
    /// Two things that must have different names have the same one.
    pub const DUPLICATE: &str = "duplicate";
    /// An id or output name outside its allowed pattern.
    pub const BAD_NAME: &str = "bad-name";
    /// A stepId that names no step.
    pub const UNKNOWN_STEP: &str = "unknown-step";
    /// A workflowId that names no workflow.
    pub const UNKNOWN_WORKFLOW: &str = "unknown-workflow";
    /// A source description name that names no source.
    pub const UNKNOWN_SOURCE: &str = "unknown-source";
    /// An operationId or operationPath that names no operation.
    pub const UNKNOWN_OPERATION: &str = "unknown-operation";
    /// An output that is not declared.
    pub const UNKNOWN_OUTPUT: &str = "unknown-output";
    /// An input that is not declared.
    pub const UNKNOWN_INPUT: &str = "unknown-input";
    /// A `reference` or `$ref` that names no component.
    pub const UNKNOWN_COMPONENT: &str = "unknown-component";
    /// A parameter the operation or called workflow does not take, or a missing required one.
    pub const PARAMETER: &str = "parameter";
    /// A request body where none is allowed, in a content type not accepted, or missing.
    pub const REQUEST_BODY: &str = "request-body";
    /// A malformed runtime expression or template.
    pub const EXPRESSION: &str = "expression";
    /// A malformed criterion (condition, regex, JSONPath, type, version).
    pub const CRITERION: &str = "criterion";
    /// A `$response.body` pointer that cannot exist in the response schema.
    pub const RESPONSE_POINTER: &str = "response-pointer";
    /// A comparison with a literal outside the compared value's enum.
    pub const ENUM_LITERAL: &str = "enum-literal";
    /// A source description that cannot be read (remote URL not mapped, file missing).
    pub const SOURCE_UNAVAILABLE: &str = "source-unavailable";
    /// A valid document using a feature this generator does not compile yet.
    pub const UNSUPPORTED: &str = "unsupported";
}

fn snippet(out: &mut String, sources: &SourceMap, span: Span, caret: &str, blue: &str, reset: &str) {
    let _ = writeln!(out, "  {blue}-->{reset} {}", sources.location(span));
    let Some(line) = sources.get(span.file).and_then(|f| f.line(span.start.line)) else {
        return;
    };
    let number = span.start.line.to_string();
    let pad = " ".repeat(number.len());
    let start = usize::try_from(span.start.col.max(1) - 1).unwrap_or(0);
    let line_chars = line.chars().count();
    let width = if span.end.line == span.start.line && span.end.col > span.start.col {
        usize::try_from(span.end.col - span.start.col).unwrap_or(1)
    } else {
        line_chars.saturating_sub(start).max(1)
    };
    let width = width.min(line_chars.saturating_sub(start).max(1));
    let _ = writeln!(out, "{blue}{pad} |{reset}");
    let _ = writeln!(out, "{blue}{number} |{reset} {line}");
    let _ = writeln!(out, "{blue}{pad} |{reset} {}{caret}{}{reset}", " ".repeat(start), "^".repeat(width));
}

/// The candidate closest to `name`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = name.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| {
            let exact_case = c.to_lowercase() == lower;
            let distance = strsim::damerau_levenshtein(&lower, &c.to_lowercase());
            (c, exact_case, distance)
        })
        .filter(|(c, exact_case, distance)| {
            let limit = (name.chars().count().max(c.chars().count()) / 3).max(1);
            *exact_case || *distance <= limit
        })
        .min_by_key(|(c, exact_case, distance)| (!exact_case, *distance, c.len()))
        .map(|(c, _, _)| c)
}

/// Everything found in one generation, in the order found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file and position, duplicates removed, so output is stable
    /// whatever order the checks ran in.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items
            .sort_by(|a, b| (a.span, a.severity, &a.message).cmp(&(b.span, b.severity, &b.message)));
        self.items.dedup();
        self.items
    }
}

impl std::ops::Index<usize> for Diagnostics {
    type Output = Diagnostic;
    fn index(&self, i: usize) -> &Diagnostic {
        &self.items[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Pos;

    #[test]
    fn suggestions() {
        assert_eq!(did_you_mean("pollFixStat", ["listModels", "pollFixState"]), Some("pollFixState"));
        assert_eq!(did_you_mean("PAR", ["Par", "Token"]), Some("Par"));
        assert_eq!(did_you_mean("zzz", ["listModels"]), None);
    }

    #[test]
    fn renders_caret_under_span() {
        let mut map = SourceMap::default();
        let file = map.add("a.yml".into(), "a.yml".into(), "steps:\n  - stepId: x\n".into());
        let span = Span {
            file,
            start: Pos { line: 2, col: 13 },
            end: Pos { line: 2, col: 14 },
        };
        let d = Diagnostic::error(span, "bad").with_help("did you mean `y`?");
        let text = d.render(&map, false);
        assert!(text.contains("--> a.yml:2:13"), "{text}");
        assert!(text.contains("2 |   - stepId: x\n  |             ^\n"), "{text}");
        assert_eq!(d.one_line(&map), "a.yml:2:13: bad; help: did you mean `y`?");
    }
}
