//! RFC 6901 JSON pointers, the one implementation the project uses.
//!
//! Arazzo uses them after `#` in runtime expressions (`$response.body#/items/0/id`) to pick a
//! value out of a JSON document, and the generator uses them for `$ref`s and canonical schema
//! locations. Parsing and escaping are the `jsonptr` crate's; this type wraps it so that errors
//! carry byte offsets into the text that held the pointer (for `file:line:column` diagnostics),
//! and so the decoded tokens are computed once, at parse time. Resolution walks those decoded
//! tokens instead of calling `jsonptr`'s `resolve`, which splits and unescapes the pointer's
//! text again on every call: a run resolves the same few pointers in every answer, and that
//! re-decoding was about 900 instructions per two-token pointer (a test checks both agree).

use crate::ParseError;
use std::fmt;

/// RFC 6901 JSON pointer; the empty pointer (no tokens) selects the whole document.
///
/// ```
/// use arazzo_expr::JsonPointer;
///
/// let pointer = JsonPointer::parse("/items/0/a~1b").unwrap();
/// assert_eq!(pointer.tokens(), ["items", "0", "a/b"]);
/// let doc = serde_json::json!({"items": [{"a/b": 1}]});
/// assert_eq!(pointer.resolve(&doc), Some(&serde_json::json!(1)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct JsonPointer {
    pointer: jsonptr::PointerBuf,
    /// The same tokens, unescaped.
    tokens: Vec<String>,
}

impl JsonPointer {
    /// Parses `""` (the whole document) or `/token/token...` with `~0`/`~1` escapes.
    pub fn parse(s: &str) -> Result<JsonPointer, ParseError> {
        parse_at(s, 0)
    }

    /// The pointer selecting the whole document.
    pub fn root() -> JsonPointer {
        JsonPointer::default()
    }

    /// Builds a pointer from already-unescaped tokens.
    pub fn from_tokens<I, T>(tokens: I) -> JsonPointer
    where
        I: IntoIterator<Item = T>,
        T: Into<String>,
    {
        let tokens: Vec<String> = tokens.into_iter().map(Into::into).collect();
        JsonPointer {
            pointer: jsonptr::PointerBuf::from_tokens(tokens.iter().map(|t| jsonptr::Token::new(t.as_str()))),
            tokens,
        }
    }

    /// This pointer with one more (unescaped) token at the end.
    #[must_use]
    pub fn join(&self, token: &str) -> JsonPointer {
        let mut next = self.clone();
        next.pointer.push_back(jsonptr::Token::new(token));
        next.tokens.push(token.to_owned());
        next
    }

    /// The unescaped reference tokens.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// The pointer as written: `/a~1b/c`, every token escaped.
    pub fn as_str(&self) -> &str {
        self.pointer.as_str()
    }

    /// True for the empty pointer, which selects the whole document.
    pub fn is_root(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Follows the pointer into `v`; `None` when any step does not exist (array indices must be
    /// canonical non-negative integers; `-` never resolves).
    pub fn resolve<'a>(&self, v: &'a serde_json::Value) -> Option<&'a serde_json::Value> {
        self.tokens.iter().try_fold(v, |v, token| match v {
            serde_json::Value::Object(map) => map.get(token.as_str()),
            serde_json::Value::Array(items) => array_index(token).and_then(|i| items.get(i)),
            _ => None,
        })
    }

    /// One token escaped for a pointer (`a/b~` -> `a~1b~0`).
    pub fn escape(token: &str) -> String {
        jsonptr::Token::new(token).encoded().to_owned()
    }
}

/// An array index as RFC 6901 writes it: `0`, or digits without a leading zero (so `-`, `01`
/// and `+1` select nothing, and neither does an index past `usize`).
fn array_index(token: &str) -> Option<usize> {
    let canonical = token == "0" || (token.bytes().all(|b| b.is_ascii_digit()) && !token.is_empty() && !token.starts_with('0'));
    if canonical { token.parse().ok() } else { None }
}

/// Parses a pointer that starts at byte `base` of some larger text, so errors point into it.
pub(crate) fn parse_at(s: &str, base: usize) -> Result<JsonPointer, ParseError> {
    match jsonptr::Pointer::parse(s) {
        Ok(pointer) => Ok(JsonPointer {
            tokens: pointer.tokens().map(|t| t.decoded().into_owned()).collect(),
            pointer: pointer.to_buf(),
        }),
        Err(jsonptr::ParseError::NoLeadingSlash) => Err(ParseError::new(base, "a JSON pointer must be empty or start with '/'")),
        Err(error) => {
            let at = error.complete_offset();
            let message = match s.get(at + 1..).and_then(|rest| rest.chars().next()) {
                Some(other) => format!("invalid escape '~{other}' in JSON pointer; only '~0' (for '~') and '~1' (for '/') are allowed"),
                None => "a '~' at the end of a JSON pointer must be followed by '0' or '1'".to_owned(),
            };
            Err(ParseError::new(base + at, message))
        }
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.pointer.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_and_displays() {
        let p = JsonPointer::parse("/a~1b/~0c/0").unwrap();
        assert_eq!(p.tokens(), ["a/b", "~c", "0"]);
        assert_eq!(p.to_string(), "/a~1b/~0c/0");
        assert!(JsonPointer::parse("").unwrap().is_root());
        assert_eq!(JsonPointer::parse("/").unwrap().tokens(), [""]);
        assert_eq!(JsonPointer::parse("//").unwrap().tokens(), ["", ""]);
    }

    #[test]
    fn rejects_bad_input_with_offsets() {
        let e = JsonPointer::parse("a/b").unwrap_err();
        assert_eq!(e.offset, 0);
        let e = JsonPointer::parse("/a~2").unwrap_err();
        assert_eq!(e.offset, 2);
        assert!(e.message.contains("~2"), "{}", e.message);
        let e = JsonPointer::parse("/ab~").unwrap_err();
        assert_eq!(e.offset, 3);
        let e = JsonPointer::parse("/é~x").unwrap_err();
        assert_eq!(e.offset, 3);
    }

    #[test]
    fn resolves_per_rfc6901() {
        let doc = json!({"a": [10, 20, {"b/c": 1, "~": 2}], "": 3, "01": 4});
        let get = |p: &str| JsonPointer::parse(p).unwrap().resolve(&doc).cloned();
        assert_eq!(get(""), Some(doc.clone()));
        assert_eq!(get("/a/1"), Some(json!(20)));
        assert_eq!(get("/a/2/b~1c"), Some(json!(1)));
        assert_eq!(get("/a/2/~0"), Some(json!(2)));
        assert_eq!(get("/"), Some(json!(3)));
        assert_eq!(get("/01"), Some(json!(4)));
        assert_eq!(get("/a/01"), None);
        assert_eq!(get("/a/-"), None);
        assert_eq!(get("/a/-1"), None);
        assert_eq!(get("/a/3"), None);
        assert_eq!(get("/a/+1"), None);
        assert_eq!(get("/a/99999999999999999999999"), None);
        assert_eq!(get("/a/0/x"), None);
        assert_eq!(get("/zz"), None);
    }

    /// The walk over decoded tokens answers as `jsonptr`'s own resolution does.
    #[test]
    fn resolves_as_jsonptr_does() {
        use jsonptr::resolve::Resolve as _;
        let doc = json!({"a": [10, {"b": [true, null]}, "x"], "": {"": 1}, "0": {"00": 2}, "~/": 3, "é": [4]});
        let pointers = [
            "",
            "/",
            "//",
            "/a",
            "/a/0",
            "/a/1/b/1",
            "/a/1/b/2",
            "/a/00",
            "/a/-",
            "/a/1e0",
            "/a/ 1",
            "/a/2/0",
            "/0",
            "/0/00",
            "/0/0",
            "/~0~1",
            "/é/0",
            "/é/0/0",
            "/a/18446744073709551616",
            "/nope/x",
        ];
        for text in pointers {
            let ours = JsonPointer::parse(text).unwrap().resolve(&doc);
            let theirs = doc.resolve(jsonptr::Pointer::parse(text).unwrap()).ok();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn from_tokens_round_trips() {
        let p = JsonPointer::from_tokens(["x/y", "~"]);
        assert_eq!(p.to_string(), "/x~1y/~0");
        assert_eq!(JsonPointer::parse(&p.to_string()).unwrap(), p);
        assert_eq!(JsonPointer::root().to_string(), "");
        assert_eq!(JsonPointer::root().join("a/b").join("c"), JsonPointer::parse("/a~1b/c").unwrap());
        assert_eq!(JsonPointer::escape("~/"), "~0~1");
    }
}
