//! A tiny byte-offset cursor shared by every hand-written parser in the crate.
//!
//! It exists so that no parser ever indexes or slices a string directly: every access goes
//! through `str::get`, and the position only ever moves by whole characters, which makes the
//! "no input may panic" rule hold by construction instead of by care.

use crate::ParseError;

/// Read position in a source string; `pos` is always on a char boundary.
#[derive(Debug, Clone)]
pub(crate) struct Cursor<'a> {
    src: &'a str,
    pub(crate) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(src: &'a str, pos: usize) -> Cursor<'a> {
        // An out-of-range or mid-char start would make every later `get` fail silently;
        // clamping keeps the cursor usable and callers never pass such a value anyway.
        let pos = if src.is_char_boundary(pos) { pos } else { src.len() };
        Cursor { src, pos }
    }

    pub(crate) fn src(&self) -> &'a str {
        self.src
    }

    pub(crate) fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    pub(crate) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(crate) fn peek_second(&self) -> Option<char> {
        let mut it = self.rest().chars();
        it.next();
        it.next()
    }

    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    pub(crate) fn eat_str(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    pub(crate) fn starts_with(&self, s: &str) -> bool {
        self.rest().starts_with(s)
    }

    pub(crate) fn take_while(&mut self, f: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if !f(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        self.slice(start, self.pos)
    }

    pub(crate) fn skip_blanks(&mut self) {
        self.take_while(is_blank);
    }

    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        self.src.get(start..end).unwrap_or("")
    }

    pub(crate) fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError::new(self.pos, message)
    }
}

/// Lexes an RFC 9535-style number (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)?`) at the cursor.
///
/// Both condition languages share this grammar, so they share the lexer (and its messages).
pub(crate) fn number(cur: &mut Cursor<'_>) -> Result<serde_json::Number, ParseError> {
    let start = cur.pos;
    cur.eat('-');
    if cur.eat('0') {
        if cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Err(cur.error("numbers may not have leading zeros"));
        }
    } else if cur.take_while(|c| c.is_ascii_digit()).is_empty() {
        return Err(cur.error(format!("expected a digit, found {}", describe_at(cur.src(), cur.pos))));
    }
    if cur.peek() == Some('.') {
        cur.bump();
        if cur.take_while(|c| c.is_ascii_digit()).is_empty() {
            return Err(cur.error("expected a digit after the decimal point"));
        }
    }
    if matches!(cur.peek(), Some('e' | 'E')) {
        cur.bump();
        if !cur.eat('+') {
            cur.eat('-');
        }
        if cur.take_while(|c| c.is_ascii_digit()).is_empty() {
            return Err(cur.error("expected a digit in the number's exponent"));
        }
    }
    let text = cur.slice(start, cur.pos);
    text.parse::<serde_json::Number>()
        .map_err(|_| ParseError::new(start, format!("number {text} is out of range")))
}

/// Lexes a string literal opened by `quote` with JSON/RFC 9535 backslash escapes; either quote
/// character may be escaped in either kind of string, which is a harmless superset of both.
pub(crate) fn backslash_string(cur: &mut Cursor<'_>, quote: char) -> Result<String, ParseError> {
    let open = cur.pos;
    cur.bump();
    let mut out = String::new();
    loop {
        let Some(c) = cur.bump() else {
            return Err(ParseError::new(open, format!("unterminated string literal; add a closing {quote}")));
        };
        match c {
            c if c == quote => return Ok(out),
            '\\' => {
                let at = cur.pos - 1;
                let escaped = match cur.bump() {
                    Some('"') => '"',
                    Some('\'') => '\'',
                    Some('\\') => '\\',
                    Some('/') => '/',
                    Some('b') => '\u{8}',
                    Some('f') => '\u{c}',
                    Some('n') => '\n',
                    Some('r') => '\r',
                    Some('t') => '\t',
                    Some('u') => unicode_escape(cur, at)?,
                    Some(other) => {
                        return Err(ParseError::new(at, format!("invalid escape '\\{other}' in string literal")));
                    }
                    None => {
                        return Err(ParseError::new(open, format!("unterminated string literal; add a closing {quote}")));
                    }
                };
                out.push(escaped);
            }
            c => out.push(c),
        }
    }
}

fn hex4(cur: &mut Cursor<'_>, at: usize) -> Result<u32, ParseError> {
    let digits = cur.rest().get(..4).filter(|d| d.chars().all(|c| c.is_ascii_hexdigit()));
    match digits.and_then(|d| u32::from_str_radix(d, 16).ok()) {
        Some(v) => {
            cur.pos += 4;
            Ok(v)
        }
        None => Err(ParseError::new(at, "a '\\u' escape needs four hexadecimal digits")),
    }
}

fn unicode_escape(cur: &mut Cursor<'_>, at: usize) -> Result<char, ParseError> {
    let first = hex4(cur, at)?;
    let code = if (0xD800..0xDC00).contains(&first) {
        // A high surrogate is only meaningful together with the low surrogate that follows it.
        if !cur.eat_str("\\u") {
            return Err(ParseError::new(
                at,
                "a high surrogate '\\u' escape must be followed by a low surrogate",
            ));
        }
        let second = hex4(cur, at)?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(ParseError::new(
                at,
                "a high surrogate '\\u' escape must be followed by a low surrogate",
            ));
        }
        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
    } else {
        first
    };
    char::from_u32(code).ok_or_else(|| ParseError::new(at, "a '\\u' escape does not name a valid character"))
}

/// RFC 9535 / simple-condition whitespace.
pub(crate) fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Quotes what sits at a position for an error message, cut short so messages stay one line.
pub(crate) fn describe_at(src: &str, pos: usize) -> String {
    let rest = src.get(pos..).unwrap_or("");
    match rest.chars().next() {
        None => "end of input".to_string(),
        Some(c) if c.is_control() => format!("character U+{:04X}", c as u32),
        Some(c) => format!("'{c}'"),
    }
}

/// Quotes the next word-ish run of text (up to a delimiter) for error messages.
pub(crate) fn describe_word(word: &str) -> String {
    const MAX: usize = 24;
    let mut out = String::new();
    for (i, c) in word.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    format!("'{out}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_never_splits_chars() {
        let mut c = Cursor::new("é$", 1);
        assert_eq!(c.pos, 3);
        assert_eq!(c.bump(), None);
        c = Cursor::new("é$", 0);
        assert_eq!(c.bump(), Some('é'));
        assert_eq!(c.peek(), Some('$'));
    }
}
