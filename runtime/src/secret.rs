//! A string that never shows itself.
//!
//! Tokens reach logs through `Debug` of a client, through error messages and
//! through event callbacks; wrapping them here means none of those paths can
//! print one by accident.

use std::borrow::Cow;
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
    scrub_owned(text.to_owned(), secrets)
}

/// [`scrub`] for text already owned: returned as it is when no secret occurs in it.
pub(crate) fn scrub_owned(text: String, secrets: &[String]) -> String {
    // A secret (UTF-8) found in UTF-8 text starts and ends on character boundaries, so the
    // scrubbed bytes are UTF-8 too.
    match scrub_bytes(text.as_bytes(), secrets) {
        Cow::Borrowed(_) => text,
        Cow::Owned(bytes) => String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}

/// [`scrub`] for bytes that need not be text (a recorded answer's body and header values);
/// borrowed when no secret occurs in them, which is the common case.
pub(crate) fn scrub_bytes<'a>(bytes: &'a [u8], secrets: &[String]) -> Cow<'a, [u8]> {
    let mut out = Cow::Borrowed(bytes);
    for secret in secrets.iter().map(String::as_bytes).filter(|s| s.len() >= 4) {
        let mut at = 0;
        while let Some(i) = find(&out[at..], secret) {
            out.to_mut().splice(at + i..at + i + secret.len(), *b"***");
            at += i + 3;
        }
    }
    out
}

/// Where `needle` (not empty) first occurs in `haystack`. Most of what is scrubbed is short (a
/// URL, a header value), and for those a scan for the first byte is several times cheaper
/// than building a `memmem` searcher, which long bodies are worth.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if haystack.len() < needle.len() {
        None
    } else if haystack.len() < 512 {
        memchr::memchr_iter(needle[0], haystack).find(|&i| haystack[i..].starts_with(needle))
    } else {
        memchr::memmem::find(haystack, needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence of a secret of 4 bytes or more becomes `***`; shorter ones and the
    /// rest of the bytes stay.
    #[test]
    fn recorded_answers_have_secrets_scrubbed() {
        let secrets = ["s3cret-token".to_owned(), "ab".to_owned()];
        assert_eq!(
            scrub_bytes(
                b"{\"echo\":\"s3cret-token\",\"again\":\"s3cret-tokens3cret-token\",\"ab\":1}",
                &secrets
            ),
            b"{\"echo\":\"***\",\"again\":\"******\",\"ab\":1}".to_vec()
        );
        // Nothing to scrub: the bytes are lent back, not copied.
        assert!(matches!(scrub_bytes(b"\xff\x00plain", &secrets), Cow::Borrowed(b"\xff\x00plain")));
    }

    /// Short texts take the first-byte scan, long ones `memmem`: both find every occurrence,
    /// at either end and after false starts on the secret's first byte.
    #[test]
    fn short_and_long_texts_are_scrubbed_alike() {
        let secrets = ["tok3n".to_owned()];
        for filler in [10, 600] {
            let pad = "t".repeat(filler);
            let text = format!("tok3n{pad}ttok3tok3n-tok3n");
            assert_eq!(scrub(&text, &secrets), format!("***{pad}ttok3***-***"), "filler {filler}");
        }
        assert_eq!(scrub("tok3", &secrets), "tok3");
    }

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
