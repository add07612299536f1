//! XPath syntax checks for `xpath` criteria and Selector Objects, behind the `xpath` feature.
//!
//! arazzo-expr cannot parse XPath (no engine of its own; the maintained one, `xee-xpath`, is
//! too heavy to impose on every user), so without this module an XPath syntax error surfaces
//! only when the criterion runs. With it, the condition is compiled by the same engine the
//! runtime uses, and an error is a diagnostic at its line and column.

use arazzo_expr::ParseError;

/// Compiles `expression` as XPath (3.1, which also reads 1.0, 2.0 and 3.0 expressions).
/// The error's offset is a byte offset into `expression`.
pub fn check(expression: &str) -> Result<(), ParseError> {
    let queries = xee_xpath::Queries::default();
    match queries.sequence(expression) {
        Ok(_) => Ok(()),
        Err(e) => {
            let title = e.error.message().trim_end_matches('.');
            let mut chars = title.chars();
            let title: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
            let offset = e.span.map_or(0, |s| s.range().start.min(expression.len()));
            Err(ParseError::new(offset, format!("invalid XPath: {title} ({})", e.error.code())))
        }
    }
}
