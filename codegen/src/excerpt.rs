//! Short quotes of user values in diagnostic text.
//!
//! Messages name the offending value between backticks (`` unknown field `x` ``). A value
//! can be megabytes long (a 10 MB one-line document, a generated key), and quoting it
//! whole made a diagnostic larger than the document. Source lines are already trimmed
//! around the column by the renderer; this does the same for the words around them.

/// Longest quoted value kept whole, in characters.
const MAX_QUOTE: usize = 80;
/// Longest message, help or note kept whole, in characters (after quotes are shortened).
const MAX_TEXT: usize = 2_000;

/// `text` with every backtick-quoted value, and every word (other parsers quote with `'`),
/// longer than [`MAX_QUOTE`] characters cut to its head and tail around `...`, and the
/// whole cut to [`MAX_TEXT`] characters.
pub(crate) fn shorten(text: String) -> String {
    if text.chars().count() <= MAX_QUOTE {
        return text;
    }
    let mut out = String::with_capacity(text.len().min(MAX_TEXT * 4));
    let mut parts = text.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (index, part) in parts.enumerate() {
        out.push('`');
        // Odd pieces (counting from the first after a backtick) are inside quotes.
        if index % 2 == 0 {
            out.push_str(&elide(part, MAX_QUOTE));
        } else {
            out.push_str(part);
        }
    }
    let words: Vec<String> = out.split(' ').map(|word| elide(word, MAX_QUOTE)).collect();
    elide(&words.join(" "), MAX_TEXT)
}

/// `text` itself when at most `max` characters, else its head, `...`, and its tail,
/// with the number of characters left out.
fn elide(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max * 2 / 3).collect();
    let tail: String = text.chars().skip(count - max / 4).collect();
    format!("{head}...[{} characters]...{tail}", count - head.chars().count() - max / 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_keep_head_and_tail() {
        let long = format!("unknown field `{}` in step", "k".repeat(1_000) + "end");
        let short = shorten(long);
        assert!(short.starts_with("unknown field `kkkk"), "{short}");
        assert!(short.ends_with("kend` in step"), "{short}");
        assert!(short.contains("...[930 characters]..."), "{short}");
        assert!(short.len() < 120, "{}", short.len());
    }

    #[test]
    fn short_text_and_short_quotes_are_unchanged() {
        let text = "operation `listPets` has no query parameter `q`; the API declares `limit` and `offset` here".to_owned();
        assert_eq!(shorten(text.clone()), text);
        assert_eq!(shorten("x".to_owned()), "x");
    }

    #[test]
    fn long_words_are_cut_too() {
        let short = shorten(format!("unknown runtime expression '{}'; expected one of $url", "o".repeat(5_000)));
        assert!(short.starts_with("unknown runtime expression 'ooo"), "{short}");
        assert!(short.ends_with("ooo'; expected one of $url"), "{short}");
        assert!(short.len() < 150, "{short}");
    }

    #[test]
    fn long_unquoted_text_is_capped() {
        let short = shorten("é".repeat(10_000_000));
        assert!(short.chars().count() < 2_100, "{}", short.chars().count());
    }
}
