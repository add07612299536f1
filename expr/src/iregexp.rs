//! I-Regexp (RFC 9485), the pattern language of JSONPath's `match()` and `search()`.
//!
//! RFC 9535 says a pattern that is not a valid I-Regexp makes the function false, so the
//! pattern is checked against I-Regexp's grammar here (the `regex` crate accepts much more:
//! `\d`, lazy quantifiers, anchors) and translated to the `regex` crate's syntax where the two
//! read the same text differently: `.` matches anything but `\n` and `\r`. `^` and `$` are
//! anchors (start and end of the string), as in the dialect mappings of RFC 9485 §5 (which
//! leave them to the target dialect) and as the JSONPath Compliance Test Suite expects
//! ("functions, match, explicit caret"), though the grammar lists them among its ordinary
//! characters.

/// The `regex` crate pattern for a valid I-Regexp (`whole`: anchored at both ends, for
/// `match()`), or `None` when `pattern` is not an I-Regexp.
pub fn translate(pattern: &str, whole: bool) -> Option<String> {
    let mut t = Translator {
        chars: pattern.chars().collect(),
        at: 0,
        out: String::new(),
        depth: 0,
    };
    if whole {
        t.out.push_str(r"\A(?:");
    }
    t.regexp()?;
    if t.at != t.chars.len() {
        return None;
    }
    if whole {
        t.out.push_str(r")\z");
    }
    Some(t.out)
}

/// [`translate`], compiled; `None` for an invalid pattern or one too large to compile.
pub fn compile(pattern: &str, whole: bool) -> Option<regex::Regex> {
    let translated = translate(pattern, whole)?;
    regex::RegexBuilder::new(&translated).size_limit(1 << 20).build().ok()
}

struct Translator {
    chars: Vec<char>,
    at: usize,
    out: String,
    depth: usize,
}

impl Translator {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn regexp(&mut self) -> Option<()> {
        self.branch()?;
        while self.peek() == Some('|') {
            self.at += 1;
            self.out.push('|');
            self.branch()?;
        }
        Some(())
    }

    fn branch(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            self.atom()?;
            self.quantifier()?;
        }
        Some(())
    }

    fn quantifier(&mut self) -> Option<()> {
        match self.peek() {
            Some(c @ ('*' | '+' | '?')) => {
                self.at += 1;
                self.out.push(c);
            }
            Some('{') => {
                self.at += 1;
                let low = self.digits()?;
                let mut text = format!("{{{low}");
                if self.peek() == Some(',') {
                    self.at += 1;
                    text.push(',');
                    if self.peek() != Some('}') {
                        let high = self.digits()?;
                        if high.parse::<u64>().ok()? < low.parse::<u64>().ok()? {
                            return None;
                        }
                        text.push_str(&high);
                    }
                }
                if self.peek() != Some('}') {
                    return None;
                }
                self.at += 1;
                text.push('}');
                self.out.push_str(&text);
            }
            _ => {}
        }
        Some(())
    }

    fn digits(&mut self) -> Option<String> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        (self.at > start).then(|| self.chars[start..self.at].iter().collect())
    }

    fn atom(&mut self) -> Option<()> {
        let c = self.peek()?;
        self.at += 1;
        match c {
            '(' => {
                self.depth += 1;
                if self.depth > crate::rfc9535::MAX_NESTING {
                    return None;
                }
                self.out.push_str("(?:");
                self.regexp()?;
                if self.peek() != Some(')') {
                    return None;
                }
                self.at += 1;
                self.depth -= 1;
                self.out.push(')');
            }
            '.' => self.out.push_str(r"[^\n\r]"),
            // Not multi-line: the start and the end of the whole string.
            '^' => self.out.push('^'),
            '$' => self.out.push('$'),
            '[' => self.class()?,
            '\\' => {
                let escaped = self.escape()?;
                self.out.push_str(&escaped);
            }
            ')' | '*' | '+' | '?' | ']' | '{' | '|' | '}' => return None,
            c => self.literal(c),
        }
        Some(())
    }

    fn literal(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.out.push_str(&regex_syntax::escape(c.encode_utf8(&mut buf)));
    }

    /// After `\`: a single-character escape or `\p{..}` / `\P{..}`, in `regex` syntax.
    fn escape(&mut self) -> Option<String> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            'n' => r"\n".to_owned(),
            'r' => r"\r".to_owned(),
            't' => r"\t".to_owned(),
            '(' | ')' | '*' | '+' | '-' | '.' | '?' | '[' | '\\' | ']' | '^' | '{' | '|' | '}' => format!("\\{c}"),
            'p' | 'P' => {
                if self.peek() != Some('{') {
                    return None;
                }
                self.at += 1;
                let start = self.at;
                while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.at += 1;
                }
                let name: String = self.chars[start..self.at].iter().collect();
                if self.peek() != Some('}') || !is_category(&name) {
                    return None;
                }
                self.at += 1;
                format!("\\{c}{{{name}}}")
            }
            _ => return None,
        })
    }

    /// A character class after `[`.
    fn class(&mut self) -> Option<()> {
        self.out.push('[');
        if self.peek() == Some('^') {
            self.at += 1;
            self.out.push('^');
        }
        let mut first = true;
        loop {
            let c = self.peek()?;
            match c {
                ']' if !first => {
                    self.at += 1;
                    self.out.push(']');
                    return Some(());
                }
                '-' if first || self.chars.get(self.at + 1) == Some(&']') => {
                    self.at += 1;
                    self.out.push_str(r"\-");
                }
                _ => {
                    let (low, is_char) = self.class_char()?;
                    if is_char && self.peek() == Some('-') && self.chars.get(self.at + 1) != Some(&']') {
                        self.at += 1;
                        let (high, high_is_char) = self.class_char()?;
                        if !high_is_char {
                            return None;
                        }
                        self.out.push_str(&low);
                        self.out.push('-');
                        self.out.push_str(&high);
                    } else {
                        self.out.push_str(&low);
                    }
                }
            }
            first = false;
        }
    }

    /// One class item: a character (true) or a `\p{..}` class (false), in `regex` syntax.
    fn class_char(&mut self) -> Option<(String, bool)> {
        let c = self.peek()?;
        self.at += 1;
        match c {
            '\\' => {
                let is_category = matches!(self.peek(), Some('p' | 'P'));
                Some((self.escape()?, !is_category))
            }
            '[' | ']' | '-' => None,
            c => {
                let mut buf = [0u8; 4];
                Some((regex_syntax::escape(c.encode_utf8(&mut buf)), true))
            }
        }
    }
}

/// RFC 9485 `IsCategory`: a Unicode general category or its group.
fn is_category(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(group) = chars.next() else {
        return false;
    };
    let sub = chars.next();
    if chars.next().is_some() {
        return false;
    }
    let allowed = match group {
        'L' => "lmotu",
        'M' => "cen",
        'N' => "dlo",
        'P' => "cdefios",
        'Z' => "lps",
        'S' => "ckmo",
        'C' => "cfno",
        _ => return false,
    };
    sub.is_none_or(|s| allowed.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, subject: &str) -> Option<bool> {
        compile(pattern, true).map(|re| re.is_match(subject))
    }

    #[test]
    fn dot_excludes_line_breaks_and_anchors_anchor() {
        assert_eq!(matches("a.b", "a\rb"), Some(false));
        assert_eq!(matches("a.b", "a\u{2028}b"), Some(true));
        assert_eq!(matches("a$", "a"), Some(true));
        assert_eq!(matches("^a", "a"), Some(true));
        assert_eq!(compile("a$", false).map(|re| re.is_match("a\n")), Some(false), "not multi-line");
        assert_eq!(matches("[$^]+", "$^"), Some(true), "in a class they are characters");
        assert_eq!(matches("[^a]", "b"), Some(true));
    }

    #[test]
    fn only_i_regexp_is_accepted() {
        for bad in [r"\d", "a{2,1}", "(?:a)", "a*?", "[a", r"\p{Lx}", "a)", r"\w", "[]", "x{,2}"] {
            assert!(translate(bad, false).is_none(), "{bad}");
        }
        assert_eq!(matches(r"\p{Lu}\P{L}", "A1"), Some(true));
        assert_eq!(matches("[a-c-]+", "b-a"), Some(true));
        assert_eq!(matches("a{2}", "aa"), Some(true));
        assert_eq!(matches("ab|cd", "abcd"), Some(false), "alternatives are anchored as a group");
    }
}
