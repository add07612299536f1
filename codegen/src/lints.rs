//! Lint levels: which diagnostics stop a build, which only warn, and which
//! are silent, per diagnostic code, as rustc and clippy do.
//!
//! The checks never decide how bad a finding is; they attach a code, and this
//! table gives each code its default level. A user raises or lowers the
//! codes marked adjustable (`allow(unqualified_operation_id)` in the macro,
//! [`crate::Generator::level`], `-A/-W/-D CODE` in the CLI). The other
//! codes are hard errors: the document cannot be compiled with them, so they
//! can be denied (a no-op) but never allowed. `docs/lints.md` lists this
//! table and a test keeps the two equal.

use crate::diagnostics::codes;

/// What happens to a diagnostic of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning; code is still generated.
    Warn,
    /// Reported as an error; no code is generated.
    Deny,
}

impl Level {
    /// `allow`, `warn` or `deny`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }

    /// The level named `allow`, `warn` or `deny`.
    pub fn from_name(name: &str) -> Option<Level> {
        [Level::Allow, Level::Warn, Level::Deny].into_iter().find(|l| l.name() == name)
    }
}

/// One diagnostic code and its default level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Lint {
    /// The code, as in [`crate::Diagnostic::code`] (`unbraced-expression`).
    pub code: &'static str,
    /// Its level when the user sets none.
    pub default: Level,
    /// Whether a user may set its level. Hard errors are not adjustable.
    pub adjustable: bool,
    /// One line saying what it reports.
    pub summary: &'static str,
}

const fn hard(code: &'static str, summary: &'static str) -> Lint {
    Lint {
        code,
        default: Level::Deny,
        adjustable: false,
        summary,
    }
}

const fn lint(code: &'static str, default: Level, summary: &'static str) -> Lint {
    Lint {
        code,
        default,
        adjustable: true,
        summary,
    }
}

/// Every diagnostic code, with its default level.
pub const LINTS: &[Lint] = &[
    hard(codes::INVALID, "the document breaks a rule that has no more specific code"),
    hard(codes::SYNTAX, "a file is not well-formed YAML or JSON"),
    hard(
        codes::VERSION,
        "the `arazzo` field names a version other than 1.0.x or 1.1.x, or a 1.0 document uses a 1.1 construct, or `asyncapi` one other than 3.x",
    ),
    hard(codes::MISSING_FIELD, "a required field is absent"),
    hard(
        codes::UNKNOWN_FIELD,
        "a field the object does not define (`x-` extensions are always allowed)",
    ),
    hard(
        codes::BAD_VALUE,
        "a field holds the wrong kind of value, or a value outside its allowed set",
    ),
    hard(codes::DUPLICATE, "two things that must have different names have the same one"),
    hard(codes::BAD_NAME, "an empty id, or an output name outside its allowed pattern"),
    hard(codes::UNKNOWN_STEP, "a stepId that names no step"),
    hard(codes::UNKNOWN_WORKFLOW, "a workflowId that names no workflow"),
    hard(codes::UNKNOWN_SOURCE, "a source description name that names no source"),
    hard(
        codes::UNKNOWN_OPERATION,
        "an operationId or operationPath that names no operation, or a bare operationId found in several sources",
    ),
    hard(
        codes::UNKNOWN_CHANNEL,
        "a channelPath or AsyncAPI operation that names no channel of an AsyncAPI source",
    ),
    hard(
        codes::UNKNOWN_MESSAGE,
        "an AsyncAPI operation's message reference that names no message of its channel",
    ),
    hard(
        codes::UNKNOWN_CORRELATION_ID,
        "a step's `correlationId` where the messages it receives define no correlation id",
    ),
    hard(codes::UNKNOWN_OUTPUT, "an output that is not declared"),
    hard(codes::UNKNOWN_INPUT, "an input that is not declared"),
    hard(codes::UNKNOWN_COMPONENT, "a `reference` or `$ref` that names no component"),
    hard(
        codes::PARAMETER,
        "a path or query parameter the operation does not take, a missing required one, or one without `in`",
    ),
    hard(
        codes::REQUEST_BODY,
        "a request body where none is allowed, in a content type not accepted, or missing",
    ),
    hard(codes::EXPRESSION, "a malformed runtime expression or template"),
    hard(
        codes::CRITERION,
        "a malformed criterion (condition, regex, JSONPath, type, version)",
    ),
    hard(
        codes::RESPONSE_POINTER,
        "a `$response.body` pointer or JSONPath that cannot select anything in the response schema",
    ),
    hard(codes::ENUM_LITERAL, "a comparison with a literal outside the compared value's enum"),
    hard(
        codes::SOURCE_UNAVAILABLE,
        "a source description that cannot be read (remote URL not mapped, file missing)",
    ),
    hard(
        codes::UNSUPPORTED,
        "a valid document using a feature this generator does not compile yet",
    ),
    lint(
        codes::UNBRACED_EXPRESSION,
        Level::Deny,
        "a runtime expression inside a string without braces (`Bearer $inputs.token`), sent as written",
    ),
    lint(
        codes::UNQUALIFIED_OPERATION_ID,
        Level::Warn,
        "a bare operationId in a document with several OpenAPI sources, found in exactly one of them",
    ),
    lint(
        codes::UNDECLARED_PARAMETER,
        Level::Warn,
        "a header or cookie parameter the operation does not declare",
    ),
    lint(
        codes::RETRY_OWN_STEP,
        Level::Warn,
        "a `retry` action whose `stepId` is its own step (the step runs twice per retry)",
    ),
    lint(
        codes::UNCALLED_OPERATION,
        Level::Warn,
        "an error in an OpenAPI operation no workflow calls (only its own code is dropped); always deny with `all_operations`",
    ),
    lint(
        codes::UNDECLARED_MEMBER,
        Level::Warn,
        "a read of a member an open response schema does not declare (typed as JSON)",
    ),
    lint(
        codes::JSONPATH_LENGTH,
        Level::Warn,
        "`.length` of an array or string in a JSONPath criterion, read as its length; RFC 9535 writes `length(...)`",
    ),
    lint(
        codes::ID_PATTERN,
        Level::Warn,
        "an id outside `[A-Za-z0-9_-]+`, which runtime expressions cannot name",
    ),
    lint(
        codes::IGNORED_FIELD,
        Level::Warn,
        "a field the spec says MUST be ignored (beside `reference` in a reusable object)",
    ),
    lint(codes::OPENAPI_VERSION, Level::Warn, "an OpenAPI 3.2 description, read as 3.1"),
    lint(codes::NO_PATHS, Level::Warn, "an OpenAPI 3.1 description without `paths`"),
    lint(
        codes::OPENAPI_UNKNOWN_FIELD,
        Level::Warn,
        "a key an OpenAPI path item does not define",
    ),
    lint(
        codes::UNUSED_PATH_PARAMETER,
        Level::Warn,
        "a path parameter that does not appear in its path template",
    ),
];

/// The closest of `candidates` to `name`, for "did you mean" (the
/// generator's one rule, for the macro's own options).
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    crate::diagnostics::did_you_mean(name, candidates)
}

/// The entry of `code`.
pub fn lint_of(code: &str) -> Option<&'static Lint> {
    LINTS.iter().find(|l| l.code == code)
}

/// The code a user named (`unqualified_operation_id` or
/// `unqualified-operation-id`), checked to be settable to `level`; or why
/// not, in one sentence with a "did you mean".
pub fn validate(name: &str, level: Level) -> Result<&'static str, String> {
    let code = name.replace('_', "-");
    let Some(lint) = lint_of(&code) else {
        let mut message = format!("unknown lint `{name}`");
        if let Some(best) = crate::diagnostics::did_you_mean(&code, LINTS.iter().map(|l| l.code)) {
            message.push_str(&format!("; did you mean `{best}`?"));
        }
        return Err(message);
    };
    if !lint.adjustable && level != Level::Deny {
        return Err(format!(
            "`{}` is a hard error and cannot be set to {}; the adjustable lints are: {}",
            lint.code,
            level.name(),
            LINTS.iter().filter(|l| l.adjustable).map(|l| l.code).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(lint.code)
}

/// The levels a user set, last setting of a code winning (as in rustc).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Levels {
    set: Vec<(&'static str, Level)>,
}

impl Levels {
    pub fn set(&mut self, code: &'static str, level: Level) {
        self.set.retain(|(c, _)| *c != code);
        self.set.push((code, level));
    }

    /// The level of `code`: the user's, else the default; hard errors are always deny.
    pub fn level(&self, code: &str) -> Level {
        match lint_of(code) {
            Some(lint) if lint.adjustable => self.set.iter().find(|(c, _)| *c == code).map_or(lint.default, |(_, l)| *l),
            _ => Level::Deny,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        for (i, lint) in LINTS.iter().enumerate() {
            assert!(LINTS[..i].iter().all(|l| l.code != lint.code), "`{}` listed twice", lint.code);
            assert!(lint.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", lint.code);
        }
    }

    #[test]
    fn validation_names_the_problem() {
        assert_eq!(
            validate("unqualified_operation_id", Level::Allow),
            Ok(codes::UNQUALIFIED_OPERATION_ID)
        );
        assert_eq!(validate("unbraced-expression", Level::Warn), Ok(codes::UNBRACED_EXPRESSION));
        assert_eq!(
            validate("unqualified_operation", Level::Allow),
            Err("unknown lint `unqualified_operation`; did you mean `unqualified-operation-id`?".to_owned())
        );
        let hard = validate("syntax", Level::Allow).unwrap_err();
        assert!(
            hard.starts_with("`syntax` is a hard error and cannot be set to allow; the adjustable lints are: unbraced-expression, "),
            "{hard}"
        );
        assert_eq!(validate("syntax", Level::Deny), Ok(codes::SYNTAX));
    }

    #[test]
    fn the_last_setting_wins_and_hard_errors_stay_errors() {
        let mut levels = Levels::default();
        assert_eq!(levels.level(codes::UNQUALIFIED_OPERATION_ID), Level::Warn);
        levels.set(codes::UNQUALIFIED_OPERATION_ID, Level::Deny);
        levels.set(codes::UNQUALIFIED_OPERATION_ID, Level::Allow);
        assert_eq!(levels.level(codes::UNQUALIFIED_OPERATION_ID), Level::Allow);
        levels.set(codes::SYNTAX, Level::Allow);
        assert_eq!(levels.level(codes::SYNTAX), Level::Deny);
    }

    /// `docs/lints.md` lists exactly this table.
    #[test]
    fn the_docs_list_every_code_with_its_level() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/lints.md");
        let docs = std::fs::read_to_string(path).expect("docs/lints.md");
        let mut table = String::from("| code | default | adjustable | reports |\n|---|---|---|---|\n");
        for l in LINTS {
            let adjustable = if l.adjustable { "yes" } else { "no" };
            table.push_str(&format!(
                "| `{}` | {} | {adjustable} | {} |\n",
                l.code,
                l.default.name(),
                l.summary.replace('|', "\\|")
            ));
        }
        assert!(docs.contains(&table), "docs/lints.md must contain this table:\n{table}");
    }
}
