//! A string that never shows itself.
//!
//! Tokens reach logs through `Debug` of a client, through error messages and
//! through event callbacks; wrapping them here means none of those paths can
//! print one by accident.

use std::fmt;

/// A credential. `Debug` and `Display` print `***`; only [`Secret::expose`]
/// gives the value, and only the transport calls it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The raw value, for putting on the wire.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret(s.to_owned())
    }
}

/// `text` with every occurrence of each secret replaced by `***`. Secrets shorter than
/// four characters are left alone: replacing `a` everywhere would hide the text, not a
/// credential.
pub(crate) fn scrub(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), "***");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_itself() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?} {s}"), "Secret(***) ***");
        assert_eq!(s.expose(), "hunter2");
    }

    #[test]
    fn scrubs_every_occurrence() {
        let secrets = ["hunter2".to_owned(), "ab".to_owned()];
        assert_eq!(scrub("Bearer hunter2, again hunter2; ab", &secrets), "Bearer ***, again ***; ab");
    }
}
