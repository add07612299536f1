//! Arazzo 1.1 Selector Objects: a JSON Pointer or JSONPath `selector` applied to the value a
//! `context` expression selects.
//!
//! It lives here, next to the criterion parser, so the generator (which types and checks a
//! selector at build time) and the runtime (which evaluates it) agree on one rule for what a
//! selector yields:
//!
//! - `jsonpointer` (RFC 6901): the node it points at, or nothing;
//! - `jsonpath` (RFC 9535) that is a *singular query* (only member names and array indices,
//!   `$.a['b'][0]`, `$.a[-1]`): that one node, or nothing;
//! - any other `jsonpath` query (wildcards, slices, filters, descendants): the whole nodelist,
//!   as a JSON array in document order (possibly empty), so one output always has one shape;
//! - `xpath` (XPath 3.1, or `xpath-20`/`xpath-30`, which 3.1 reads as written) over XML text:
//!   the string value of the first item of the result (nodes come in document order, so this
//!   is XPath 1.0's `string()` of a node-set: an element's text content, an attribute's
//!   value; a number or boolean result its canonical string form), or nothing for an empty
//!   result. The value is always a JSON string, whatever the expression, so one output has one
//!   shape. The engine is the caller's ([`XPathEngine`]), as for `xpath` criteria.
//!
//! `xpath-10` selectors are not evaluated (XPath 1.0's conversions and comparisons are not
//! 3.1's), nor are Goessner filters and script expressions (they are JavaScript):
//! [`Selector::parse`] reports them as unsupported. Other Goessner queries select what RFC
//! 9535 selects, and a trailing `.length` is JavaScript's.

use serde_json::Value;

use crate::jsonpath::singular_segments;
use crate::pointer::JsonPointer;
use crate::rfc9535::{PathSegment, PathSelector, Query};
use crate::{EvalError, JsonPathCondition, ParseError, QuerySegment, XPathEngine, XPathVersion};

/// A parsed Selector Object's `selector` (with its `type` and `version`).
#[derive(Debug, Clone)]
pub enum Selector {
    /// `type: jsonpointer`.
    Pointer(JsonPointer),
    /// `type: jsonpath`, RFC 9535.
    JsonPath {
        /// The query; when it is a singular query it yields one node, not a list.
        path: Query,
        /// Its segments as written, with their places in the text, when it is a singular query
        /// without escapes: what the generator follows through a schema. `None` when built
        /// from the AST ([`Selector::from_query`]).
        singular: Option<Vec<QuerySegment>>,
        /// Goessner's dialect, a query ending in `.length`: the query before it, whose
        /// JavaScript `length` is selected (see [`crate::goessner`]).
        length: Option<Query>,
    },
    /// `type: xpath`: an XPath expression over XML text, parsed only by the engine.
    XPath {
        /// The expression as written.
        expression: String,
        /// The version of the Expression Type Object (`xpath-31` when none is given).
        version: XPathVersion,
    },
}

/// Why a selector cannot be used, and whether that is the document's fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectorError {
    /// The `type` or `version` is not one Arazzo 1.1 defines.
    UnknownType(String),
    /// Arazzo defines it, but this implementation does not evaluate it faithfully: what, and
    /// the byte offset into the selector of the construct (`None`: the `type` as a whole).
    Unsupported(String, Option<usize>),
    /// The selector text does not parse; the offset is into the selector.
    Syntax(ParseError),
}

impl std::fmt::Display for SelectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SelectorError::UnknownType(m) => f.write_str(m),
            SelectorError::Unsupported(what, _) => write!(f, "{what} is not supported"),
            SelectorError::Syntax(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SelectorError {}

/// The JSONPath dialect Arazzo 1.1 names besides RFC 9535.
pub const GOESSNER: &str = "draft-goessner-dispatch-jsonpath-00";

impl Selector {
    /// Parses `selector` as the `type` (`jsonpath`, `xpath`, `jsonpointer`) and `version`
    /// (of an Expression Type Object) say.
    pub fn parse(kind: &str, version: Option<&str>, selector: &str) -> Result<Selector, SelectorError> {
        match (kind, version) {
            ("jsonpointer", None | Some("rfc6901")) => JsonPointer::parse(selector).map(Selector::Pointer).map_err(SelectorError::Syntax),
            ("jsonpath", None | Some("rfc9535")) => {
                let condition = JsonPathCondition::parse(selector).map_err(SelectorError::Syntax)?;
                if condition.is_logical_expression() {
                    return Err(SelectorError::Syntax(ParseError::new(
                        0,
                        "a selector must be a JSONPath query (such as $.items[0].id), not a logical expression",
                    )));
                }
                query(selector, None)
            }
            ("jsonpath", Some(GOESSNER)) => {
                if let Some((at, what)) = crate::goessner::unfaithful(selector) {
                    return Err(SelectorError::Unsupported(format!("{what} in a `{GOESSNER}` selector"), Some(at)));
                }
                query(selector, crate::goessner::length_parent(selector))
            }
            ("xpath", Some("xpath-10")) => Err(SelectorError::Unsupported(
                "an `xpath-10` selector (XPath 1.0's own conversions and comparisons; the engine is XPath 3.1)".to_owned(),
                None,
            )),
            ("xpath", None | Some("xpath-20" | "xpath-30" | "xpath-31")) => {
                if selector.trim().is_empty() {
                    return Err(SelectorError::Syntax(ParseError::new(0, "expected an XPath expression")));
                }
                Ok(Selector::XPath {
                    expression: selector.to_owned(),
                    version: version.and_then(XPathVersion::from_name).unwrap_or(XPathVersion::V31),
                })
            }
            ("jsonpointer" | "jsonpath" | "xpath", Some(v)) => Err(SelectorError::UnknownType(format!(
                "unknown {kind} version `{v}`; expected {}",
                match kind {
                    "jsonpointer" => "rfc6901",
                    "jsonpath" => "rfc9535 or draft-goessner-dispatch-jsonpath-00",
                    _ => "xpath-10, xpath-20, xpath-30 or xpath-31",
                }
            ))),
            (other, _) => Err(SelectorError::UnknownType(format!(
                "unknown selector type `{other}`; expected jsonpath, xpath or jsonpointer"
            ))),
        }
    }

    /// A `jsonpath` selector from its parsed query (what generated code builds); `length` is
    /// the query before a Goessner `.length`. It evaluates as the parsed selector does; the
    /// written segments, which only the generator's schema checks read, are not kept.
    pub fn from_query(path: Query, length: Option<Query>) -> Selector {
        Selector::JsonPath {
            path,
            singular: None,
            length,
        }
    }

    /// A Goessner `.length` selector: the member names and indices of the array or string whose
    /// length it selects.
    pub fn length_of(&self) -> Option<Vec<String>> {
        match self {
            Selector::JsonPath {
                length: Some(_),
                singular: Some(segments),
                ..
            } => Some(
                segments[..segments.len().saturating_sub(1)]
                    .iter()
                    .map(|s| s.name.clone())
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The member names and indices the selector follows, when it selects at most one node
    /// (a pointer, a singular query): what the generator follows through a schema.
    pub fn tokens(&self) -> Option<Vec<String>> {
        match self {
            Selector::Pointer(p) => Some(p.tokens().to_vec()),
            Selector::JsonPath { length: Some(_), .. } | Selector::XPath { .. } => None,
            Selector::JsonPath { singular, .. } => singular.as_ref().map(|s| s.iter().map(|s| s.name.clone()).collect()),
        }
    }

    /// For `$.a.b[*]` (a singular query, then a wildcard): the singular part's tokens, so the
    /// generator can type the list by the items' schema.
    pub fn wildcard_prefix(&self) -> Option<Vec<String>> {
        let Selector::JsonPath { path, .. } = self else {
            return None;
        };
        let (last, prefix) = path.segments.split_last()?;
        if !matches!(last, PathSegment::Child(s) if matches!(s.as_slice(), [PathSelector::Wildcard])) {
            return None;
        }
        prefix
            .iter()
            .map(|segment| match segment {
                PathSegment::Child(s) => match s.as_slice() {
                    [PathSelector::Name(name)] => Some(name.clone()),
                    [PathSelector::Index(i)] if *i >= 0 => Some(i.to_string()),
                    _ => None,
                },
                PathSegment::Descendant(_) => None,
            })
            .collect()
    }

    /// Whether the selector yields a list of nodes (a JSONPath query that is not singular).
    pub fn yields_list(&self) -> bool {
        matches!(self, Selector::JsonPath { path, .. } if !path.is_singular())
    }

    /// Whether the selector is an XPath expression (over XML text, needing an engine).
    pub fn is_xpath(&self) -> bool {
        matches!(self, Selector::XPath { .. })
    }

    /// Applies the selector to `context`: the node (`Ok(None)` when nothing is selected), or
    /// for a non-singular JSONPath query the nodelist as an array, or for an XPath selector
    /// the string value the module documentation describes.
    ///
    /// # Errors
    ///
    /// Only for `xpath`: no engine, a context that is not XML text, or the engine's error.
    pub fn select(&self, context: &Value, xpath: Option<&dyn XPathEngine>) -> Result<Option<Value>, EvalError> {
        let Selector::XPath { expression, .. } = self else {
            return Ok(self.select_json(context));
        };
        let Some(engine) = xpath else {
            return Err(EvalError::new(
                "xpath selectors need an XPath engine (feature `xpath` of crate `arazzo`)",
            ));
        };
        match context {
            Value::String(xml) => Ok(engine.select(xml, expression)?.map(Value::String)),
            other => Err(EvalError::new(format!(
                "an xpath selector needs XML text as its context, and the context is JSON ({})",
                crate::criterion::json_kind(other)
            ))),
        }
    }

    fn select_json(&self, context: &Value) -> Option<Value> {
        match self {
            Selector::XPath { .. } => None,
            Selector::Pointer(p) => p.resolve(context).cloned(),
            Selector::JsonPath {
                length: Some(parent),
                path,
                ..
            } => crate::goessner::length_of(parent, context).or_else(|| path.select_one(context).cloned()),
            Selector::JsonPath { path, .. } if path.is_singular() => path.select_one(context).cloned(),
            Selector::JsonPath { path, .. } => Some(Value::Array(path.select(context).into_iter().cloned().collect())),
        }
    }
}

/// An RFC 9535 query (or a Goessner one, with `length` set) as a selector.
fn query(selector: &str, length: Option<Query>) -> Result<Selector, SelectorError> {
    let trimmed = selector.trim();
    let lead = selector.len() - selector.trim_start().len();
    let path = Query::parse(trimmed).map_err(|e| SelectorError::Syntax(ParseError::new(lead + e.offset, e.message)))?;
    Ok(Selector::JsonPath {
        path,
        singular: singular_segments(trimmed, lead),
        length,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A stand-in engine that selects the expression itself when the XML contains it.
    struct Echo;

    impl XPathEngine for Echo {
        fn matches(&self, xml: &str, expression: &str) -> Result<bool, EvalError> {
            Ok(xml.contains(expression))
        }
        fn select(&self, xml: &str, expression: &str) -> Result<Option<String>, EvalError> {
            Ok(xml.contains(expression).then(|| format!("found {expression}")))
        }
    }

    /// XPath selectors go to the engine with XML text, their value is a string, and without
    /// an engine or with a JSON context they are errors, never a silent nothing.
    #[test]
    fn xpath_selectors_go_to_the_engine() {
        let s = Selector::parse("xpath", None, "id").unwrap();
        assert!(s.is_xpath() && !s.yields_list() && s.tokens().is_none());
        let xml = json!("<a><id>7</id></a>");
        assert_eq!(s.select(&xml, Some(&Echo)), Ok(Some(json!("found id"))));
        assert_eq!(Selector::parse("xpath", None, "nope").unwrap().select(&xml, Some(&Echo)), Ok(None));
        let e = s.select(&xml, None).unwrap_err();
        assert!(e.message.contains("feature `xpath`"), "{e:?}");
        let e = s.select(&json!({"id": 7}), Some(&Echo)).unwrap_err();
        assert_eq!(
            e.message,
            "an xpath selector needs XML text as its context, and the context is JSON (an object)"
        );
        assert!(matches!(Selector::parse("xpath", None, " "), Err(SelectorError::Syntax(_))));
    }

    #[test]
    fn singular_queries_and_pointers_yield_one_node_others_a_list() {
        let body = json!({"items": [{"id": 1}, {"id": 2}], "user": {"email": "a@b"}});
        let one = Selector::parse("jsonpath", None, "$.user.email").unwrap();
        assert!(!one.yields_list());
        assert_eq!(one.select_json(&body), Some(json!("a@b")));
        assert_eq!(one.tokens(), Some(vec!["user".to_owned(), "email".to_owned()]));
        let many = Selector::parse("jsonpath", Some("rfc9535"), "$.items[*].id").unwrap();
        assert!(many.yields_list());
        assert_eq!(many.select_json(&body), Some(json!([1, 2])));
        assert_eq!(
            Selector::parse("jsonpath", None, "$.nope[*]").unwrap().select_json(&body),
            Some(json!([]))
        );
        assert_eq!(Selector::parse("jsonpath", None, "$.nope").unwrap().select_json(&body), None);
        let pointer = Selector::parse("jsonpointer", Some("rfc6901"), "/items/1/id").unwrap();
        assert_eq!(pointer.select_json(&body), Some(json!(2)));
    }

    /// A selector built from its AST (as generated code builds it) selects what the parsed
    /// one selects, including a singular query the text scan does not follow (an escape, a
    /// negative index).
    #[test]
    fn selectors_from_the_ast_select_as_parsed_ones() {
        let body = json!({"items": [{"id": 1}, {"id": 2}], "it's": 3});
        for text in ["$.items[*].id", "$.items[-1]", "$['it\\'s']", "$.nope", "$..id"] {
            let parsed = Selector::parse("jsonpath", None, text).unwrap();
            let Selector::JsonPath { path, length, .. } = parsed.clone() else {
                panic!("{text} is jsonpath");
            };
            let built = Selector::from_query(path, length);
            assert_eq!(built.yields_list(), parsed.yields_list(), "{text}");
            assert_eq!(built.select_json(&body), parsed.select_json(&body), "{text}");
        }
        assert_eq!(
            Selector::parse("jsonpath", None, "$['it\\'s']").unwrap().select_json(&body),
            Some(json!(3))
        );
        assert!(!Selector::parse("jsonpath", None, "$.items[-1]").unwrap().yields_list());
    }

    #[test]
    fn unsupported_and_unknown_types_are_told_apart() {
        assert!(matches!(
            Selector::parse("xpath", Some("xpath-10"), "/a"),
            Err(SelectorError::Unsupported(..))
        ));
        assert!(matches!(
            Selector::parse("xpath", Some("xpath-30"), "/a"),
            Ok(Selector::XPath {
                version: XPathVersion::V30,
                ..
            })
        ));
        assert!(matches!(
            Selector::parse("jsonpath", Some(GOESSNER), "$.a[?(@.b)]"),
            Err(SelectorError::Unsupported(..))
        ));
        let length = Selector::parse("jsonpath", Some(GOESSNER), "$.a.length").unwrap();
        assert_eq!(length.select_json(&serde_json::json!({"a": [1, 2]})), Some(serde_json::json!(2)));
        assert_eq!(length.length_of(), Some(vec!["a".to_owned()]));
        assert!(matches!(
            Selector::parse("jsonpath", Some("rfc9999"), "$.a"),
            Err(SelectorError::UnknownType(_))
        ));
        assert!(matches!(Selector::parse("css", None, "a"), Err(SelectorError::UnknownType(_))));
        assert!(matches!(
            Selector::parse("jsonpath", None, "$.a == 1"),
            Err(SelectorError::Syntax(_))
        ));
        assert!(matches!(Selector::parse("jsonpointer", None, "a/b"), Err(SelectorError::Syntax(_))));
    }
}
