//! Rust names for spec names.
//!
//! Spec names are free text (`seer-autofix-issue`, `seerApi`, `1st`,
//! `type`); Rust identifiers are not. One place decides the mapping so the
//! client, the types and the workflows agree on it.

use heck::{ToSnakeCase, ToUpperCamelCase};

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
    "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
    "unsized", "virtual", "yield", "try", "gen",
];

fn clean(raw: &str) -> String {
    let mut out: String = raw
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { ' ' })
        .collect();
    if out.trim().is_empty() {
        out = "value".to_owned();
    }
    out
}

fn fix_start(mut s: String) -> String {
    if s.is_empty() {
        s.push_str("value");
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

/// `snake_case`, never a keyword (those get a trailing `_`) and never
/// starting with a digit.
/// Whether a name is one a credential travels under: `Authorization`, `Cookie`, names
/// ending in `key` (`X-Api-Key`, `apiKey`) and names containing `token`, `secret`,
/// `password`, `passwd`, `session`, `signature` or `credential`. The same rule as the
/// runtime's `arazzo::is_credential_name` (which redacts such parameters at run time);
/// here it marks generated input fields whose `Debug` shows `***`.
pub fn is_credential_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    matches!(n.as_str(), "authorization" | "proxy-authorization" | "cookie")
        || n.ends_with("key")
        || ["token", "secret", "password", "passwd", "session", "signature", "credential"]
            .iter()
            .any(|w| n.contains(w))
}

pub fn snake(raw: &str) -> String {
    let s = fix_start(clean(raw).to_snake_case());
    if KEYWORDS.contains(&s.as_str()) || s == "_" {
        format!("{s}_")
    } else {
        s
    }
}

/// `UpperCamelCase`, same guarantees.
pub fn camel(raw: &str) -> String {
    let s = fix_start(clean(raw).to_upper_camel_case());
    if KEYWORDS.contains(&s.as_str()) { format!("{s}_") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(snake("seer-autofix-issue"), "seer_autofix_issue");
        assert_eq!(camel("seer-autofix-issue"), "SeerAutofixIssue");
        assert_eq!(snake("seerApi"), "seer_api");
        assert_eq!(snake("organizationIdOrSlug"), "organization_id_or_slug");
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("1st"), "_1st");
        assert_eq!(camel("self"), "Self_");
        assert_eq!(snake("$ref"), "ref_");
        assert_eq!(snake("---"), "value");
    }
}
