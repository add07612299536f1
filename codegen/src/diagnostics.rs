//! Problems found in a spec, collected rather than thrown.
//!
//! Every stage pushes into one list of diagnostics and keeps going, so a user
//! sees all problems of a document at once (as serde_derive does), each with
//! `file:line:column`, one sentence of what is wrong, and a suggestion when
//! one exists. Rendering is separate from detection: the macro, build.rs and
//! the CLI all render the same list.

use std::fmt::Write as _;

use crate::source::{SourceMap, Span};

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// Generation stops: no code is produced for the document.
    Error,
    /// Code is produced; the document is probably not what its author meant
    /// (a read of a member the schema does not declare, a name outside the
    /// recommended pattern).
    Warning,
}

/// One problem found in a document: what, where, and what to do about it.
///
/// Fields are public to read; the generator creates them. The severity is
/// the level of the code ([`crate::LINTS`], as the user set it); a fix is
/// [`Diagnostic::replacement`]. More fields may be added, hence `non_exhaustive`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A machine-readable category (`unknown-step`, `unsupported`, ...), stable
    /// across releases, so JSON output and the conformance harness can tell
    /// "this document is wrong" from "this generator cannot compile it yet".
    /// The list is [`codes`].
    pub code: &'static str,
    /// One sentence saying what is wrong, naming the offending value.
    pub message: String,
    /// Where the problem is; `None` only for problems with no location (a file
    /// that could not be read is reported at the reference that named it).
    pub span: Option<Span>,
    /// What to do about it ("did you mean `getPet`?"), when there is
    /// something to suggest.
    pub help: Option<String>,
    /// Context: where the other half of a conflict is ("first defined
    /// here", with its span) or facts without a place ("declared inputs:
    /// petId").
    pub notes: Vec<(Option<Span>, String)>,
    /// What few diagnostics have (a fix, where in an OpenAPI description it
    /// was found), boxed so that `Result<_, Diagnostic>` stays small.
    extra: Option<Box<Extra>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Extra {
    /// A machine-applicable fix: the span's text becomes the string.
    replacement: Option<(Span, String)>,
    /// The text the replacement's span must hold for the fix to apply.
    replaces: Option<String>,
    /// The OpenAPI path item (its file and path template) this was found
    /// in, for the `uncalled-operation` lint.
    path_item: Option<(crate::source::FileId, String)>,
}

impl Diagnostic {
    pub(crate) fn error(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: codes::INVALID,
            message: crate::excerpt::shorten(message.into()),
            span: span.into(),
            help: None,
            notes: Vec::new(),
            extra: None,
        }
    }

    pub(crate) fn warning(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    #[must_use]
    pub(crate) fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    /// True for problems that say what this generator cannot compile yet,
    /// rather than what is wrong with the document.
    pub fn is_unsupported(&self) -> bool {
        self.code == codes::UNSUPPORTED
    }

    #[must_use]
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(crate::excerpt::shorten(help.into()));
        self
    }

    /// Adds "did you mean `x`?" when some candidate is close to `name`.
    #[must_use]
    pub(crate) fn with_suggestion<'a, I>(self, name: &str, candidates: I) -> Self
    where
        I: IntoIterator<Item = &'a str>,
    {
        match did_you_mean(name, candidates) {
            Some(best) => self.with_help(format!("did you mean `{best}`?")),
            None => self,
        }
    }

    /// A fix that can be applied without a person: `span` becomes `text`.
    /// `original` is what the span must hold in the file: a scalar whose
    /// written form differs from its value (escapes, folding) gets no fix.
    #[must_use]
    pub(crate) fn with_replacement(mut self, span: Span, text: impl Into<String>, original: &str) -> Self {
        let extra = self.extra.get_or_insert_default();
        extra.replacement = Some((span, text.into()));
        extra.replaces = Some(original.to_owned());
        self
    }

    /// A machine-applicable fix, if there is one: the text under the span
    /// becomes the string (what `arazzo-codegen fix` applies).
    pub fn replacement(&self) -> Option<(Span, &str)> {
        let (span, text) = self.extra.as_ref()?.replacement.as_ref()?;
        Some((*span, text.as_str()))
    }

    fn path_item(&self) -> Option<&(crate::source::FileId, String)> {
        self.extra.as_ref()?.path_item.as_ref()
    }

    /// Drops the replacement when its span does not hold the text it replaces.
    pub(crate) fn verify_replacement(&mut self, sources: &SourceMap) {
        let Some(extra) = self.extra.as_mut() else { return };
        let holds = match (&extra.replacement, &extra.replaces) {
            (Some((span, _)), Some(original)) => {
                sources.get(span.file).and_then(|f| f.text.get(f.byte_range(*span)?)) == Some(original.as_str())
            }
            _ => false,
        };
        if !holds {
            extra.replacement = None;
        }
    }

    #[must_use]
    pub(crate) fn with_note(mut self, span: impl Into<Option<Span>>, note: impl Into<String>) -> Self {
        self.notes.push((span.into(), crate::excerpt::shorten(note.into())));
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
    /// `help` (or `null`), `notes` (each with `message` and the same
    /// location fields) and `replacement` (`null`, or `text` with the
    /// location fields of the span it replaces and its `byte_start` and
    /// `byte_end` in the file). This is the `--format json` output of the CLI.
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
        let replacement = self.replacement().map(|(span, text)| {
            let mut r = serde_json::Map::new();
            r.insert("text".into(), text.into());
            location_json(&mut r, sources, Some(span));
            let range = sources.get(span.file).and_then(|f| f.byte_range(span));
            r.insert("byte_start".into(), range.as_ref().map(|r| r.start).into());
            r.insert("byte_end".into(), range.map(|r| r.end).into());
            serde_json::Value::Object(r)
        });
        object.insert("replacement".into(), replacement.into());
        serde_json::Value::Object(object)
    }

    /// A rustc-style block: the message, the offending line with a caret under
    /// the span, notes in the same file as labelled secondary spans in the same
    /// block, notes elsewhere as their own `note:` blocks, notes without a place
    /// and the help as `= note:` / `= help:` footers. ANSI colours only when
    /// `colour` (the caller decides: a terminal, `NO_COLOR` unset). Ends with a
    /// newline.
    ///
    /// Rendering is `annotate-snippets` (the renderer rustc's own diagnostics
    /// are moving to), so carets sit under the right column whatever the line
    /// holds before them (CJK, emoji, tabs).
    pub fn render(&self, sources: &SourceMap, colour: bool) -> String {
        let renderer = if colour {
            annotate_snippets::Renderer::styled()
        } else {
            annotate_snippets::Renderer::plain()
        };
        let mut out = renderer.render(&self.report(sources));
        out.push('\n');
        out
    }

    /// The block [`Diagnostic::render`] prints, plain, without its leading
    /// `error: ` / `warning: `: the text of a `compile_error!`, to which rustc
    /// adds its own `error: ` and the macro call's location.
    pub fn render_for_compiler(&self, sources: &SourceMap) -> String {
        let text = self.render(sources, false);
        let prefix = match self.severity {
            Severity::Error => "error: ",
            Severity::Warning => "warning: ",
        };
        let text = text.strip_prefix(prefix).unwrap_or(&text);
        text.trim_end().to_owned()
    }

    fn report<'a>(&'a self, sources: &'a SourceMap) -> Vec<annotate_snippets::Group<'a>> {
        use annotate_snippets::{AnnotationKind, Group, Level, Snippet};
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut title = Group::with_title(level.primary_title(self.message.as_str()));
        let mut elsewhere = Vec::new();
        let mut footers = Vec::new();
        match self
            .span
            .and_then(|span| Some((span, sources.get(span.file)?, span_bytes(sources, span)?)))
        {
            Some((span, file, range)) => {
                let mut snippet = Snippet::source(file.text.as_str())
                    .path(file.display.as_str())
                    .annotation(AnnotationKind::Primary.span(range));
                for (note_span, note) in &self.notes {
                    match note_span.and_then(|n| Some((n, span_bytes(sources, n)?))) {
                        Some((n, range)) if n.file == span.file => {
                            snippet = snippet.annotation(AnnotationKind::Context.span(range).label(note.as_str()));
                        }
                        Some((n, range)) => elsewhere.push((n, Some(range), note)),
                        None => match note_span {
                            Some(n) => elsewhere.push((*n, None, note)),
                            None => footers.push(note),
                        },
                    }
                }
                title = title.element(snippet);
            }
            None => {
                if let Some(span) = self.span {
                    title = title.element(origin(sources, span));
                }
                for (note_span, note) in &self.notes {
                    match note_span {
                        Some(n) => elsewhere.push((*n, span_bytes(sources, *n), note)),
                        None => footers.push(note),
                    }
                }
            }
        }
        for note in footers {
            title = title.element(Level::NOTE.message(note.as_str()));
        }
        if let Some(help) = &self.help {
            title = title.element(Level::HELP.message(help.as_str()));
        }
        let mut report = vec![title];
        for (span, range, note) in elsewhere {
            let group = Group::with_title(Level::NOTE.secondary_title(note.as_str()));
            let group = match (range, sources.get(span.file)) {
                (Some(range), Some(file)) => group.element(
                    Snippet::source(file.text.as_str())
                        .path(file.display.as_str())
                        .annotation(AnnotationKind::Context.span(range)),
                ),
                _ => group.element(origin(sources, span)),
            };
            report.push(group);
        }
        report
    }
}

/// `--> file:line:column` alone, for a place whose line cannot be shown.
fn origin(sources: &SourceMap, span: Span) -> annotate_snippets::Origin<'_> {
    let name = sources.get(span.file).map_or("<unknown>", |f| f.display.as_str());
    let line = usize::try_from(span.start.line).unwrap_or(0);
    let column = usize::try_from(span.start.col).unwrap_or(0);
    annotate_snippets::Origin::path(name).line(line).char_column(column)
}

/// The byte range a span underlines. A span over several lines (a whole
/// mapping) underlines the rest of its first line, which is enough to find it
/// and keeps the block short; an empty span underlines one character (or the
/// rest of the line when it sits at the line's end).
fn span_bytes(sources: &SourceMap, span: Span) -> Option<std::ops::Range<usize>> {
    let file = sources.get(span.file)?;
    let line_start = file.line_offset(span.start.line)?;
    let line = file.line(span.start.line)?;
    let column = |col: u32| {
        let chars = usize::try_from(col.max(1) - 1).unwrap_or(usize::MAX);
        line.char_indices().nth(chars).map_or(line.len(), |(i, _)| i)
    };
    let start = column(span.start.col);
    let end = if span.end.line == span.start.line && span.end.col > span.start.col {
        column(span.end.col)
    } else {
        line.len()
    };
    let end = if end > start {
        end
    } else {
        line.get(start..)
            .and_then(|rest| rest.chars().next())
            .map_or(start, |c| start + c.len_utf8())
    };
    Some(line_start + start..line_start + end)
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
    /// A channelPath (or AsyncAPI operation) that names no AsyncAPI channel.
    pub const UNKNOWN_CHANNEL: &str = "unknown-channel";
    /// An AsyncAPI message reference that names no message of its channel.
    pub const UNKNOWN_MESSAGE: &str = "unknown-message";
    /// A step's `correlationId` that the messages it receives define no correlation id for.
    pub const UNKNOWN_CORRELATION_ID: &str = "unknown-correlation-id";
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
    /// A runtime expression inside a string without braces, sent as written.
    pub const UNBRACED_EXPRESSION: &str = "unbraced-expression";
    /// A bare operationId with several OpenAPI sources, found in one of them.
    pub const UNQUALIFIED_OPERATION_ID: &str = "unqualified-operation-id";
    /// A header or cookie parameter the operation does not declare.
    pub const UNDECLARED_PARAMETER: &str = "undeclared-parameter";
    /// A `retry` action whose `stepId` is its own step.
    pub const RETRY_OWN_STEP: &str = "retry-own-step";
    /// An error in an OpenAPI operation no workflow calls.
    pub const UNCALLED_OPERATION: &str = "uncalled-operation";
    /// A read of a member an open response schema does not declare.
    pub const UNDECLARED_MEMBER: &str = "undeclared-member";
    /// `.length` in a JSONPath criterion, read as the length of an array or string.
    pub const JSONPATH_LENGTH: &str = "jsonpath-length";
    /// An id outside `[A-Za-z0-9_-]+`.
    pub const ID_PATTERN: &str = "id-pattern";
    /// A field the spec says must be ignored.
    pub const IGNORED_FIELD: &str = "ignored-field";
    /// An OpenAPI 3.2 description, read as 3.1.
    pub const OPENAPI_VERSION: &str = "openapi-version";
    /// An OpenAPI 3.1 description without `paths`.
    pub const NO_PATHS: &str = "no-paths";
    /// A key an OpenAPI path item does not define.
    pub const OPENAPI_UNKNOWN_FIELD: &str = "openapi-unknown-field";
    /// A path parameter that does not appear in its path template.
    pub const UNUSED_PATH_PARAMETER: &str = "unused-path-parameter";
}

// The one "did you mean" rule, shared with the expression parser's own hints.
pub(crate) use arazzo_expr::did_you_mean;

/// Everything found in one generation, in the order found.
#[derive(Debug, Default, Clone)]
pub(crate) struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn len_now(&self) -> usize {
        self.items.len()
    }

    /// Marks everything pushed since `since` as found in path item `path` of `file`.
    pub fn in_path_item(&mut self, since: usize, file: crate::source::FileId, path: &str) {
        for d in self.items.iter_mut().skip(since) {
            let extra = d.extra.get_or_insert_default();
            extra.path_item.get_or_insert_with(|| (file, path.to_owned()));
        }
    }

    /// Marks everything pushed since `since` as found in component `name` of kind `kind`
    /// (`schemas`, `parameters`...) of `file`, kept as its JSON pointer.
    pub fn in_component(&mut self, since: usize, file: crate::source::FileId, kind: &str, name: &str) {
        let pointer = format!(
            "/components/{}/{}",
            kind.replace('~', "~0").replace('/', "~1"),
            name.replace('~', "~0").replace('/', "~1")
        );
        self.in_path_item(since, file, &pointer);
    }

    /// Gives every diagnostic the severity its code's level says, dropping
    /// the allowed ones. An error in a path item none of whose operations
    /// is `called`, or in a component (`/components/...`) no called operation
    /// reaches, takes the level of `uncalled-operation` instead.
    pub fn apply_levels(&mut self, levels: &crate::lints::Levels, called: impl Fn(crate::source::FileId, &str) -> bool) {
        use crate::lints::Level;
        let items = std::mem::take(&mut self.items);
        for mut d in items {
            let mut level = levels.level(d.code);
            if level == Level::Deny
                && let Some((file, path)) = d.path_item().cloned()
                && !called(file, &path)
            {
                level = levels.level(codes::UNCALLED_OPERATION);
                let place = match path.strip_prefix("/components/") {
                    Some(component) => format!("no operation a workflow calls uses component `{component}`, so its code is left out"),
                    None => format!("no workflow calls an operation of path `{path}`, so its code is left out"),
                };
                d.notes.push((
                    None,
                    format!(
                        "{place}; `{}` is {} (an error with `all_operations`)",
                        codes::UNCALLED_OPERATION,
                        level.name()
                    ),
                ));
            }
            d.severity = match level {
                Level::Allow => continue,
                Level::Warn => Severity::Warning,
                Level::Deny => Severity::Error,
            };
            self.items.push(d);
        }
    }

    pub fn verify_replacements(&mut self, sources: &SourceMap) {
        for d in &mut self.items {
            d.verify_replacement(sources);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    #[cfg(test)]
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
    use crate::source::{FileId, Pos};

    fn span(file: FileId, line: u32, col: u32, end_col: u32) -> Span {
        Span {
            file,
            start: Pos { line, col },
            end: Pos { line, col: end_col },
        }
    }

    #[test]
    fn renders_caret_under_span() {
        let mut map = SourceMap::default();
        let file = map.add("a.yml".into(), "a.yml".into(), "steps:\n  - stepId: x\n".into());
        let d = Diagnostic::error(span(file, 2, 13, 14), "bad").with_help("did you mean `y`?");
        assert_eq!(
            d.render(&map, false),
            "error: bad\n --> a.yml:2:13\n  |\n2 |   - stepId: x\n  |             ^\n  |\n  = help: did you mean `y`?\n"
        );
        assert_eq!(d.one_line(&map), "a.yml:2:13: bad; help: did you mean `y`?");
    }

    /// Columns count characters, carets count display cells: a CJK character
    /// or an emoji is one column but two cells wide.
    #[test]
    fn caret_after_double_width_characters() {
        let mut map = SourceMap::default();
        let text = "summary: 日本語 🎉 $steps.nope.outputs.x\n";
        let file = map.add("w.yml".into(), "w.yml".into(), text.into());
        // `nope` starts at character 23 (1-based) and is 4 long.
        let d = Diagnostic::error(span(file, 1, 23, 27), "unknown step `nope`");
        let rendered = d.render(&map, false);
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(lines[1], " --> w.yml:1:23", "{rendered}");
        assert_eq!(lines[3], "1 | summary: 日本語 🎉 $steps.nope.outputs.x", "{rendered}");
        // 9 cells of `summary: `, 6 of the CJK, 1 space, 2 of the emoji, 1 space, `$steps.`.
        assert_eq!(lines[4], format!("  | {}^^^^", " ".repeat(9 + 6 + 1 + 2 + 1 + 7)), "{rendered}");
    }

    #[test]
    fn note_in_the_same_file_is_a_label_in_the_same_block() {
        let mut map = SourceMap::default();
        let text = "steps:\n  - stepId: a\n  - stepId: b\n  - stepId: a\n";
        let file = map.add("w.yml".into(), "w.yml".into(), text.into());
        let d = Diagnostic::error(span(file, 4, 13, 14), "duplicate stepId `a`")
            .with_note(span(file, 2, 13, 14), "first defined here")
            .with_note(None, "stepIds are unique within a workflow")
            .with_help("rename one of them");
        assert_eq!(
            d.render(&map, false),
            "\
error: duplicate stepId `a`
 --> w.yml:4:13
  |
2 |   - stepId: a
  |             - first defined here
3 |   - stepId: b
4 |   - stepId: a
  |             ^
  |
  = note: stepIds are unique within a workflow
  = help: rename one of them
"
        );
        let compiler = d.render_for_compiler(&map);
        assert!(compiler.starts_with("duplicate stepId `a`\n --> w.yml:4:13\n"), "{compiler}");
        assert!(compiler.ends_with("= help: rename one of them"), "{compiler}");
    }

    #[test]
    fn note_in_another_file_gets_its_own_block() {
        let mut map = SourceMap::default();
        let wf = map.add("w.yml".into(), "w.yml".into(), "operationId: getPet\n".into());
        let api = map.add("api.yml".into(), "api.yml".into(), "paths:\n  operationId: getPet\n".into());
        let d = Diagnostic::warning(span(wf, 1, 14, 20), "ambiguous").with_note(span(api, 2, 16, 22), "defined here");
        assert_eq!(
            d.render(&map, false),
            "\
warning: ambiguous
 --> w.yml:1:14
  |
1 | operationId: getPet
  |              ^^^^^^
  |
note: defined here
 --> api.yml:2:16
  |
2 |   operationId: getPet
  |                ------
"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let mut map = SourceMap::default();
        let file = map.add("a.yml".into(), "a.yml".into(), "a: b\n".into());
        let d = Diagnostic::error(span(file, 1, 4, 5), "bad");
        assert!(!d.render(&map, false).contains('\x1b'));
        assert!(d.render(&map, true).contains("\x1b["));
    }

    /// Spans past the end of a line, over several lines, or in a file without
    /// that line still render, pointing at what exists.
    #[test]
    fn odd_spans_render_without_panicking() {
        let mut map = SourceMap::default();
        let file = map.add("a.yml".into(), "a.yml".into(), "a: b\nc:\n  d: e\n".into());
        let multi = Span {
            file,
            start: Pos { line: 2, col: 1 },
            end: Pos { line: 3, col: 7 },
        };
        let text = Diagnostic::error(multi, "m").render(&map, false);
        assert!(text.contains("2 | c:\n  | ^^\n"), "{text}");
        let text = Diagnostic::error(span(file, 1, 40, 41), "past the end").render(&map, false);
        assert!(text.contains(" --> a.yml:1:"), "{text}");
        let text = Diagnostic::error(span(file, 9, 1, 2), "no such line").render(&map, false);
        assert!(text.contains("--> a.yml:9:1\n"), "{text}");
        let text = Diagnostic::error(span(FileId(7), 1, 1, 2), "no such file").render(&map, false);
        assert!(text.contains("no such file"), "{text}");
        let text = Diagnostic::error(None, "nowhere").with_note(None, "n").render(&map, false);
        assert_eq!(text, "error: nowhere\n |\n = note: n\n");
    }
}
