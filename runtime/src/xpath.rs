//! `xpath` criteria and Selector Objects, evaluated with `xee-xpath` (XPath 3.1, whose grammar also reads the
//! XPath 1.0, 2.0 and 3.0 expressions Arazzo's `xpath-10`/`-20`/`-30` versions name).
//!
//! It lives behind the `xpath` feature because that crate takes this one from 130 to 267
//! packages and doubles its clean build time, which a user without XML APIs should not pay.
//! Without the feature, generated code that needs it does not compile (see
//! [`__require_xpath`](crate::__require_xpath)), so this is never silently missing at run time.

use arazzo_expr::{EvalError, XPathEngine};
use xee_xpath::{Documents, Queries, Query};

/// The engine handed to `arazzo_expr::Criterion::evaluate_with`.
pub(crate) struct Xee;

impl XPathEngine for Xee {
    fn matches(&self, xml: &str, expression: &str) -> Result<bool, EvalError> {
        let (_, result) = evaluate(xml, expression)?;
        result
            .effective_boolean_value()
            .map_err(|e| EvalError::new(format!("the XPath result has no boolean value: {}", describe_code(&e))))
    }

    fn select(&self, xml: &str, expression: &str) -> Result<Option<String>, EvalError> {
        let (documents, result) = evaluate(xml, expression)?;
        let Some(first) = result.iter().next() else {
            return Ok(None);
        };
        first
            .string_value(documents.xot())
            .map(Some)
            .map_err(|e| EvalError::new(format!("the XPath result has no string value: {}", describe_code(&e))))
    }
}

/// `expression` evaluated with the document `xml` as context item (the documents are returned
/// because a node of the result is only readable through them).
fn evaluate(xml: &str, expression: &str) -> Result<(Documents, xee_xpath::Sequence), EvalError> {
    let mut documents = Documents::new();
    let document = documents
        .add_string_without_uri(xml)
        .map_err(|e| EvalError::new(format!("the context is not well-formed XML: {}", not_xml(&e))))?;
    let queries = Queries::default();
    let query = queries
        .sequence(expression)
        .map_err(|e| EvalError::new(format!("invalid XPath expression: {}", describe(&e))))?;
    let result = query
        .execute(&mut documents, document)
        .map_err(|e| EvalError::new(format!("XPath evaluation failed: {}", describe(&e))))?;
    Ok((documents, result))
}

/// `Parse error: ...` from xee repeats what our prefix already says.
#[allow(
    clippy::match_wildcard_for_single_variants,
    reason = "any other kind, present or future, prints as xee prints it"
)]
fn not_xml(e: &xee_xpath::error::DocumentsError) -> String {
    match e {
        xee_xpath::error::DocumentsError::Parse(p) => p.to_string(),
        other => other.to_string(),
    }
}

/// xee's `Display` is only the W3C code (`XPST0003`); the code's title says what it means.
fn describe(e: &xee_xpath::error::Error) -> String {
    match e.span {
        Some(span) => format!("{}, at byte {}", describe_code(&e.error), span.range().start),
        None => describe_code(&e.error),
    }
}

fn describe_code(e: &xee_xpath::error::ErrorValue) -> String {
    let title = e.message().trim_end_matches('.');
    let mut chars = title.chars();
    let title: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
    format!("{title} ({})", e.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = "<order id='7'><status>shipped</status><item/><item/></order>";

    fn matches(xml: &str, expression: &str) -> Result<bool, String> {
        Xee.matches(xml, expression).map_err(|e| e.message)
    }

    #[test]
    fn the_effective_boolean_value_decides() {
        assert_eq!(matches(ORDER, "/order/status = 'shipped'"), Ok(true));
        assert_eq!(matches(ORDER, "/order/status = 'pending'"), Ok(false));
        // A node set is true when it is not empty (XPath 1.0 and 3.1 agree).
        assert_eq!(matches(ORDER, "/order[@id = '7']/item"), Ok(true));
        assert_eq!(matches(ORDER, "/order/missing"), Ok(false));
        assert_eq!(matches(ORDER, "count(//item) = 2 and string-length(/order/status) > 3"), Ok(true));
        // Node values compare with numbers as in XPath 1.0 (untyped, cast to the number's type).
        assert_eq!(matches(ORDER, "/order/@id = 7"), Ok(true));
    }

    /// Arazzo cannot declare namespace prefixes, so none are bound (README, `xpath` criteria).
    #[test]
    fn namespaced_elements_are_matched_by_local_name() {
        let soap = "<s:Envelope xmlns:s='urn:soap'><s:Body><ok/></s:Body></s:Envelope>";
        assert_eq!(matches(soap, "/*[local-name() = 'Envelope']/*[local-name() = 'Body']/ok"), Ok(true));
        let e = matches(soap, "/s:Envelope").unwrap_err();
        assert!(e.starts_with("invalid XPath expression: ") && e.contains("XPST0081"), "{e}");
    }

    /// There is no XPath 1.0 compatibility mode: a string literal against a number is a
    /// type error under XPath 3.1 whatever `version` says (README, `xpath` criteria).
    #[test]
    fn xpath_1_0_comparisons_of_literals_of_different_types_are_type_errors() {
        let e = matches(ORDER, "'7' = 7").unwrap_err();
        assert!(e.contains("XPTY0004"), "{e}");
    }

    fn select(xml: &str, expression: &str) -> Result<Option<String>, String> {
        Xee.select(xml, expression).map_err(|e| e.message)
    }

    /// A selector's value: the first item's string value (document order), nothing for an
    /// empty result, a string for atomic results too.
    #[test]
    fn a_selector_selects_the_first_items_string_value() {
        assert_eq!(select(ORDER, "/order/status"), Ok(Some("shipped".into())));
        assert_eq!(select(ORDER, "/order/@id"), Ok(Some("7".into())));
        assert_eq!(select(ORDER, "/order"), Ok(Some("shipped".into())));
        assert_eq!(select("<a><b>1</b><b>2</b></a>", "/a/b"), Ok(Some("1".into())));
        assert_eq!(select(ORDER, "count(//item)"), Ok(Some("2".into())));
        assert_eq!(select(ORDER, "/order/missing"), Ok(None));
        let e = select(ORDER, "/order/status[").unwrap_err();
        assert!(e.starts_with("invalid XPath expression: "), "{e}");
        let e = select("{}", "/a").unwrap_err();
        assert!(e.starts_with("the context is not well-formed XML: "), "{e}");
    }

    #[test]
    fn problems_are_errors_that_say_what_went_wrong() {
        let e = matches("shipped", "/order").unwrap_err();
        assert!(e.starts_with("the context is not well-formed XML: "), "{e}");
        assert_eq!(
            matches(ORDER, "/order/status["),
            Err("invalid XPath expression: parse error (XPST0003), at byte 14".into())
        );
        // Two numbers have no effective boolean value (XPath 2.0+).
        let e = matches(ORDER, "(1, 2)").unwrap_err();
        assert!(e.starts_with("the XPath result has no boolean value: "), "{e}");
        assert!(e.contains("FORG0006"), "{e}");
    }
}
