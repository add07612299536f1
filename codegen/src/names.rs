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
    if !raw.chars().any(|c| c.is_ascii_alphanumeric()) && !raw.is_ascii() {
        // No ASCII letter or digit to keep (`日本`, `✓`): spell the code points, so that
        // two such names get two stable, different identifiers instead of one `value`.
        return raw
            .chars()
            .filter(|c| !c.is_ascii())
            .map(|c| format!("u{:x}", u32::from(c)))
            .collect::<Vec<_>>()
            .join(" ");
    }
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

/// The identifiers already used in one Rust namespace (a struct's fields, an enum's
/// variants, an `impl`'s methods). Spec names that are distinct can meet after case
/// conversion (`getPet` and `get-pet`, `s1` and `S1`, `self` and `Self`); the first in
/// document order keeps its name and each later one gets the first free numbered
/// suffix, so the result depends only on the document.
#[derive(Debug, Default)]
pub struct Namespace {
    taken: std::collections::HashSet<String>,
}

impl Namespace {
    /// A namespace in which `reserved` (the generator's own names) are taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Namespace {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `wanted` if free, else `wanted_2`, `wanted_3`, ... (`Wanted2` for camel-case
    /// names, which take no underscore unless they end in a digit).
    pub fn claim(&mut self, wanted: &str) -> String {
        self.claim_with(wanted, |_| Vec::new())
    }

    /// Like [`Namespace::claim`], for a name that brings others along (`run_x` for the
    /// method `x`, `XInputs` and `XOutputs` for the prefix `X`): the first candidate for
    /// which the name and all of `also(candidate)` are free, all claimed at once.
    pub fn claim_with(&mut self, wanted: &str, also: impl Fn(&str) -> Vec<String>) -> String {
        let camel = wanted.starts_with(|c: char| c.is_ascii_uppercase());
        let mut n = 1;
        loop {
            let candidate = match n {
                1 => wanted.to_owned(),
                // `S1` + 2 would read as step `s12`: after a digit, an underscore.
                _ if camel && !wanted.ends_with(|c: char| c.is_ascii_digit()) => format!("{wanted}{n}"),
                _ => format!("{}_{n}", wanted.trim_end_matches('_')),
            };
            let others = also(&candidate);
            if !self.taken.contains(&candidate) && others.iter().all(|o| !self.taken.contains(o)) {
                self.taken.extend(others);
                self.taken.insert(candidate.clone());
                return candidate;
            }
            n += 1;
        }
    }
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

    #[test]
    fn names_without_ascii_letters_spell_their_code_points() {
        assert_eq!(snake("日本"), "u65e5_u672c");
        assert_eq!(camel("日本"), "U65e5U672c");
        assert_ne!(camel("日本"), camel("中国"));
        // A name with some ASCII keeps it.
        assert_eq!(snake("Ünïcødé"), "n_c_d");
    }

    #[test]
    fn namespaces_number_later_collisions() {
        let mut ns = Namespace::with_reserved(&["new"]);
        assert_eq!(ns.claim(&snake("get-pet")), "get_pet");
        assert_eq!(ns.claim(&snake("getPet")), "get_pet_2");
        assert_eq!(ns.claim(&snake("get_pet")), "get_pet_3");
        assert_eq!(ns.claim(&snake("new")), "new_2");
        assert_eq!(ns.claim(&snake("type")), "type_");
        assert_eq!(ns.claim(&snake("type")), "type_2");
        let mut variants = Namespace::default();
        assert_eq!(variants.claim(&camel("s1")), "S1");
        assert_eq!(variants.claim(&camel("S1")), "S1_2");
        assert_eq!(variants.claim(&camel("s12")), "S12");
        assert_eq!(variants.claim(&camel("value")), "Value");
        assert_eq!(variants.claim(&camel("Value")), "Value2");
        assert_eq!(variants.claim(&camel("self")), "Self_");
        assert_eq!(variants.claim(&camel("Self")), "Self_2");
        let mut methods = Namespace::default();
        assert_eq!(methods.claim_with("run_x", |m| vec![format!("run_{m}")]), "run_x");
        assert_eq!(methods.claim_with("x", |m| vec![format!("run_{m}")]), "x_2");
    }
}
