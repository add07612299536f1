//! OpenAPI parameter serialisation: `style` and `explode` for primitives,
//! arrays and objects.
//!
//! A workflow parameter's value is only known at run time (an expression may
//! select an array or an object), so the generator passes the operation's
//! declared style and explode here and this module turns the value into what
//! goes on the wire, following the OpenAPI 3 "Style Examples" table. The
//! typed client uses the same table for the styles it does not inline
//! (`label`, `matrix`, arrays and objects in paths, headers and cookies).

use percent_encoding::utf8_percent_encode;
use serde::Serialize;
use serde_json::Value;

use crate::client::{Request, SEGMENT};
use crate::error::ClientError;

/// Where a parameter goes (OpenAPI's `in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum In {
    /// A path placeholder.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
    /// The whole query string (OpenAPI 3.2 `in: querystring`), from a string value;
    /// `preformatted` for `application/x-www-form-urlencoded` content
    /// ([`Request::querystring`]).
    QueryString {
        /// The value is the query string as written, not one datum to encode whole.
        preformatted: bool,
    },
}

/// An OpenAPI parameter `style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `;name=value` (path).
    Matrix,
    /// `.value` (path).
    Label,
    /// `name=value` (query, cookie).
    Form,
    /// Comma-separated (path, header).
    Simple,
    /// Space-separated arrays (query).
    SpaceDelimited,
    /// `|`-separated arrays (query).
    PipeDelimited,
    /// `name[key]=value` objects (query).
    DeepObject,
}

/// A parameter as the operation declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamSpec {
    /// The parameter's name.
    pub name: &'static str,
    /// Where it goes.
    pub location: In,
    /// Its style (the location's default unless declared).
    pub style: Style,
    /// Its effective `explode`.
    pub explode: bool,
    /// A required parameter whose value selects nothing fails the step.
    pub required: bool,
}

impl ParamSpec {
    /// OpenAPI's defaults: `simple` in path and header, `form` in query and
    /// cookie; `explode` only for `form`; path parameters are required.
    #[must_use]
    pub const fn new(location: In, name: &'static str) -> Self {
        let style = match location {
            In::Path | In::Header => Style::Simple,
            In::Query | In::Cookie | In::QueryString { .. } => Style::Form,
        };
        ParamSpec {
            name,
            location,
            style,
            explode: matches!(style, Style::Form),
            required: matches!(location, In::Path),
        }
    }

    /// Sets the style and the default `explode` that goes with it.
    #[must_use]
    pub const fn style(mut self, style: Style) -> Self {
        self.style = style;
        self.explode = matches!(style, Style::Form);
        self
    }

    /// Sets `explode`.
    #[must_use]
    pub const fn explode(mut self, explode: bool) -> Self {
        self.explode = explode;
        self
    }

    /// Marks the parameter required.
    #[must_use]
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Like [`ParamSpec::apply`] for a typed value, as the typed client has
    /// (`&[i64]`, a generated enum, a JSON object).
    ///
    /// # Errors
    ///
    /// [`ClientError::InvalidRequest`] when the value does not serialise to JSON.
    pub fn apply_serialize<T: Serialize + ?Sized>(&self, request: Request, value: &T) -> Result<Request, ClientError> {
        let value = serde_json::to_value(value).map_err(|e| ClientError::InvalidRequest {
            message: format!("parameter `{}` does not serialise: {e}", self.name),
        })?;
        Ok(self.apply(request, value))
    }

    /// Adds the serialised value to the request (a string is moved in, not copied).
    #[must_use]
    pub fn apply(&self, request: Request, value: Value) -> Request {
        match self.location {
            In::Path => match (&value, self.style) {
                (Value::Array(_) | Value::Object(_), _) | (_, Style::Label | Style::Matrix) => {
                    request.path_encoded(self.name, path_value(self.name, &value, self.style, self.explode))
                }
                _ => request.path(self.name, scalar_owned(value)),
            },
            In::Query => query_pairs(self.name, &value, self.style, self.explode)
                .into_iter()
                .fold(request, |r, (k, v)| r.query(&k, v)),
            In::Header => request.header(self.name, header_value(&value, self.explode)),
            In::Cookie => cookie_pairs(self.name, &value, self.explode)
                .into_iter()
                .fold(request, |r, (k, v)| r.cookie(&k, v)),
            // The generator and `Run::param` let only strings through; anything else is
            // its JSON text.
            In::QueryString { preformatted } => request.querystring(&scalar(&value), preformatted),
        }
    }
}

/// A primitive as text: strings as they are, everything else as JSON text
/// (`null` as the empty string, which is what the table shows for "empty").
pub fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// [`scalar`], moving a string out instead of copying it.
fn scalar_owned(value: Value) -> String {
    match value {
        Value::String(s) => s,
        other => scalar(&other),
    }
}

/// Members of an object or items of an array, as text.
fn items(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().map(scalar).collect(),
        other => vec![scalar(other)],
    }
}

fn members(value: &Value) -> Vec<(String, String)> {
    match value {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), scalar(v))).collect(),
        _ => Vec::new(),
    }
}

fn enc(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

/// A path parameter, already percent-encoded: separators are literal, each
/// value is encoded so it cannot add a segment.
pub fn path_value(name: &str, value: &Value, style: Style, explode: bool) -> String {
    let name = enc(name);
    if let Value::Object(_) = value {
        let pairs: Vec<(String, String)> = members(value).into_iter().map(|(k, v)| (enc(&k), enc(&v))).collect();
        let kv = |sep: &str| pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(sep);
        let flat = pairs.iter().flat_map(|(k, v)| [k.clone(), v.clone()]).collect::<Vec<_>>().join(",");
        match (style, explode) {
            (Style::Label, true) => format!(".{}", kv(".")),
            (Style::Label, false) => format!(".{flat}"),
            (Style::Matrix, true) => format!(";{}", kv(";")),
            (Style::Matrix, false) => format!(";{name}={flat}"),
            (_, true) => kv(","),
            (_, false) => flat,
        }
    } else {
        let list: Vec<String> = items(value).iter().map(|s| enc(s)).collect();
        match (style, explode) {
            (Style::Label, true) => format!(".{}", list.join(".")),
            (Style::Label, false) => format!(".{}", list.join(",")),
            (Style::Matrix, true) => list.iter().fold(String::new(), |mut out, v| {
                out.push(';');
                out.push_str(&name);
                out.push('=');
                out.push_str(v);
                out
            }),
            (Style::Matrix, false) => format!(";{name}={}", list.join(",")),
            _ => list.join(","),
        }
    }
}

/// Query name/value pairs, unencoded (the URL builder encodes them).
pub fn query_pairs(name: &str, value: &Value, style: Style, explode: bool) -> Vec<(String, String)> {
    let separator = match style {
        Style::SpaceDelimited => " ",
        Style::PipeDelimited => "|",
        _ => ",",
    };
    match value {
        Value::Object(_) => {
            let pairs = members(value);
            match (style, explode) {
                (Style::DeepObject, _) => pairs.into_iter().map(|(k, v)| (format!("{name}[{k}]"), v)).collect(),
                (Style::Form, true) => pairs,
                _ => vec![(
                    name.to_owned(),
                    pairs.into_iter().flat_map(|(k, v)| [k, v]).collect::<Vec<_>>().join(separator),
                )],
            }
        }
        Value::Array(_) if explode => items(value).into_iter().map(|v| (name.to_owned(), v)).collect(),
        Value::Array(_) => vec![(name.to_owned(), items(value).join(separator))],
        other => vec![(name.to_owned(), scalar(other))],
    }
}

/// A header value (`simple` is the only header style).
pub fn header_value(value: &Value, explode: bool) -> String {
    match value {
        Value::Object(_) if explode => members(value)
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => members(value).into_iter().flat_map(|(k, v)| [k, v]).collect::<Vec<_>>().join(","),
        other => items(other).join(","),
    }
}

/// Cookie name/value pairs (`form` is the only cookie style).
pub fn cookie_pairs(name: &str, value: &Value, explode: bool) -> Vec<(String, String)> {
    match value {
        Value::Object(_) if explode => members(value),
        Value::Object(_) => vec![(
            name.to_owned(),
            members(value).into_iter().flat_map(|(k, v)| [k, v]).collect::<Vec<_>>().join(","),
        )],
        Value::Array(_) if explode => items(value).into_iter().map(|v| (name.to_owned(), v)).collect(),
        other => vec![(name.to_owned(), items(other).join(","))],
    }
}

#[cfg(test)]
mod tests {
    //! The rows of the OpenAPI 3.1 "Style Examples" table for
    //! `color = "blue"`, `["blue","black","brown"]` and `{"R":100,"G":200,"B":150}`.

    use super::*;
    use serde_json::json;

    fn prim() -> Value {
        json!("blue")
    }
    fn arr() -> Value {
        json!(["blue", "black", "brown"])
    }
    /// OpenAPI's example object (`R`, `G`, `B`) with its members in sorted order: a
    /// `serde_json::Value` object iterates in key order unless the build switches on
    /// serde_json's `preserve_order`, and these tests hold either way.
    fn obj() -> Value {
        json!({"B": 150, "G": 200, "R": 100})
    }

    fn query(value: &Value, style: Style, explode: bool) -> String {
        query_pairs("color", value, style, explode)
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    #[test]
    fn matrix() {
        assert_eq!(path_value("color", &prim(), Style::Matrix, false), ";color=blue");
        assert_eq!(path_value("color", &arr(), Style::Matrix, false), ";color=blue,black,brown");
        assert_eq!(path_value("color", &obj(), Style::Matrix, false), ";color=B,150,G,200,R,100");
        assert_eq!(path_value("color", &prim(), Style::Matrix, true), ";color=blue");
        assert_eq!(
            path_value("color", &arr(), Style::Matrix, true),
            ";color=blue;color=black;color=brown"
        );
        assert_eq!(path_value("color", &obj(), Style::Matrix, true), ";B=150;G=200;R=100");
    }

    #[test]
    fn label() {
        assert_eq!(path_value("color", &prim(), Style::Label, false), ".blue");
        assert_eq!(path_value("color", &arr(), Style::Label, false), ".blue,black,brown");
        assert_eq!(path_value("color", &obj(), Style::Label, false), ".B,150,G,200,R,100");
        assert_eq!(path_value("color", &arr(), Style::Label, true), ".blue.black.brown");
        assert_eq!(path_value("color", &obj(), Style::Label, true), ".B=150.G=200.R=100");
    }

    #[test]
    fn simple() {
        assert_eq!(path_value("color", &prim(), Style::Simple, false), "blue");
        assert_eq!(path_value("color", &arr(), Style::Simple, false), "blue,black,brown");
        assert_eq!(path_value("color", &obj(), Style::Simple, false), "B,150,G,200,R,100");
        assert_eq!(path_value("color", &obj(), Style::Simple, true), "B=150,G=200,R=100");
        assert_eq!(header_value(&arr(), false), "blue,black,brown");
        assert_eq!(header_value(&obj(), false), "B,150,G,200,R,100");
        assert_eq!(header_value(&obj(), true), "B=150,G=200,R=100");
    }

    #[test]
    fn form() {
        assert_eq!(query(&prim(), Style::Form, false), "color=blue");
        assert_eq!(query(&arr(), Style::Form, false), "color=blue,black,brown");
        assert_eq!(query(&obj(), Style::Form, false), "color=B,150,G,200,R,100");
        assert_eq!(query(&prim(), Style::Form, true), "color=blue");
        assert_eq!(query(&arr(), Style::Form, true), "color=blue&color=black&color=brown");
        assert_eq!(query(&obj(), Style::Form, true), "B=150&G=200&R=100");
    }

    #[test]
    fn delimited_and_deep_object() {
        assert_eq!(query(&arr(), Style::SpaceDelimited, false), "color=blue black brown");
        assert_eq!(query(&obj(), Style::SpaceDelimited, false), "color=B 150 G 200 R 100");
        assert_eq!(query(&arr(), Style::PipeDelimited, false), "color=blue|black|brown");
        assert_eq!(query(&obj(), Style::PipeDelimited, false), "color=B|150|G|200|R|100");
        assert_eq!(query(&obj(), Style::DeepObject, true), "color[B]=150&color[G]=200&color[R]=100");
    }

    #[test]
    fn cookies() {
        assert_eq!(
            cookie_pairs("color", &arr(), false),
            [("color".to_owned(), "blue,black,brown".to_owned())]
        );
        assert_eq!(cookie_pairs("color", &obj(), true).len(), 3);
    }

    #[test]
    fn path_values_cannot_add_segments() {
        assert_eq!(path_value("color", &json!(["a/b", "c"]), Style::Simple, false), "a%2Fb,c");
    }
}
