//! RFC 6901 JSON pointers.
//!
//! Arazzo uses them after `#` in runtime expressions (`$response.body#/items/0/id`) to pick a
//! value out of a JSON document. They get their own type so the escapes (`~0`, `~1`) are decoded
//! once at parse time and so resolution follows RFC 6901 exactly (array indices must be
//! canonical non-negative integers; `-` never resolves).

use crate::ParseError;
use std::fmt;

/// RFC 6901 JSON pointer; the empty pointer (no tokens) selects the whole document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct JsonPointer {
    tokens: Vec<String>,
}

impl JsonPointer {
    /// Parses `""` (the whole document) or `/token/token...` with `~0`/`~1` escapes.
    pub fn parse(s: &str) -> Result<JsonPointer, ParseError> {
        parse_at(s, 0)
    }

    /// The pointer selecting the whole document.
    pub fn root() -> JsonPointer {
        JsonPointer { tokens: Vec::new() }
    }

    /// Builds a pointer from already-unescaped tokens.
    pub fn from_tokens<I, T>(tokens: I) -> JsonPointer
    where
        I: IntoIterator<Item = T>,
        T: Into<String>,
    {
        JsonPointer {
            tokens: tokens.into_iter().map(Into::into).collect(),
        }
    }

    /// The unescaped reference tokens.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// True for the empty pointer, which selects the whole document.
    pub fn is_root(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Follows the pointer into `v`; `None` when any step does not exist.
    pub fn resolve<'a>(&self, v: &'a serde_json::Value) -> Option<&'a serde_json::Value> {
        self.tokens.iter().try_fold(v, |cur, token| step(cur, token))
    }
}

/// One RFC 6901 evaluation step.
pub(crate) fn step<'a>(v: &'a serde_json::Value, token: &str) -> Option<&'a serde_json::Value> {
    match v {
        serde_json::Value::Object(map) => map.get(token),
        serde_json::Value::Array(items) => items.get(array_index(token)?),
        _ => None,
    }
}

/// RFC 6901 only accepts `0` or a digit string without leading zeros as an array index.
fn array_index(token: &str) -> Option<usize> {
    let bytes = token.as_bytes();
    let canonical = match bytes {
        [b'0'] => true,
        [first, rest @ ..] => (b'1'..=b'9').contains(first) && rest.iter().all(u8::is_ascii_digit),
        [] => false,
    };
    if canonical { token.parse().ok() } else { None }
}

/// Parses a pointer that starts at byte `base` of some larger text, so errors point into it.
pub(crate) fn parse_at(s: &str, base: usize) -> Result<JsonPointer, ParseError> {
    let mut tokens = Vec::new();
    let mut chars = s.char_indices().peekable();
    match chars.next() {
        None => return Ok(JsonPointer::root()),
        Some((_, '/')) => {}
        Some((_, _)) => {
            return Err(ParseError::new(base, "a JSON pointer must be empty or start with '/'"));
        }
    }
    let mut token = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '/' => tokens.push(std::mem::take(&mut token)),
            '~' => match chars.next() {
                Some((_, '0')) => token.push('~'),
                Some((_, '1')) => token.push('/'),
                Some((_, other)) => {
                    return Err(ParseError::new(
                        base + i,
                        format!("invalid escape '~{other}' in JSON pointer; only '~0' (for '~') and '~1' (for '/') are allowed"),
                    ));
                }
                None => {
                    return Err(ParseError::new(
                        base + i,
                        "a '~' at the end of a JSON pointer must be followed by '0' or '1'",
                    ));
                }
            },
            c => token.push(c),
        }
    }
    tokens.push(token);
    Ok(JsonPointer { tokens })
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for token in &self.tokens {
            f.write_str("/")?;
            for c in token.chars() {
                match c {
                    '~' => f.write_str("~0")?,
                    '/' => f.write_str("~1")?,
                    c => write!(f, "{c}")?,
                }
            }
        }
        Ok(())
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

    #[test]
    fn from_tokens_round_trips() {
        let p = JsonPointer::from_tokens(["x/y", "~"]);
        assert_eq!(JsonPointer::parse(&p.to_string()).unwrap(), p);
        assert_eq!(JsonPointer::root().to_string(), "");
    }
}
