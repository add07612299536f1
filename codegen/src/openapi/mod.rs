//! The OpenAPI half of the generator's input: an OpenAPI 3.0/3.1 document
//! loaded into a small model of what the generator needs (operations with
//! their parameters, bodies and responses; servers; security schemes).
//!
//! The Arazzo checker asks this model questions ("does operation X exist?",
//! "what type does `$response.body#/autofix/status` have?") and the client
//! emitter turns it into Rust. Schemas are not copied into the model: they are
//! addressed by [`SchemaRef`] (a canonical JSON pointer into [`OpenApi::root`])
//! so that one schema reached through different `$ref`s is one type.
//!
//! Loading never fails and never panics: every problem becomes a diagnostic
//! at the offending node and loading continues with what is usable.

pub mod bundle;
mod load;
mod lookup;
pub mod refs;
pub mod schema;
#[cfg(test)]
pub(crate) mod tests;

use std::fmt;

use crate::source::{FileId, Span};
use crate::yaml::Node;

pub use load::load;
pub use lookup::PointerLookup;
pub(crate) use lookup::selected_responses;

/// One loaded OpenAPI document.
#[derive(Debug, Clone)]
pub struct OpenApi {
    #[expect(dead_code, reason = "kept with the document it came from; no stage reads it yet")]
    pub file: FileId,
    /// The whole document, for `$ref` resolution and schema queries.
    pub root: Node,
    /// The `openapi` field, e.g. `3.1.0`.
    #[cfg_attr(not(test), expect(dead_code, reason = "only the loader's tests read it so far"))]
    pub version: String,
    pub title: String,
    /// `info.version`: the version of the API, not of OpenAPI.
    pub api_version: String,
    pub description: Option<String>,
    pub servers: Vec<Server>,
    /// In document order: paths in order, methods in the order written.
    pub operations: Vec<Operation>,
    pub security_schemes: Vec<SecurityScheme>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    pub url: String,
    pub description: Option<String>,
    /// `(name, default, enum)` of each `{variable}` in the URL.
    pub variables: Vec<(String, String, Vec<String>)>,
}

impl Server {
    /// The URL with every variable replaced by its default.
    pub fn default_url(&self) -> String {
        self.variables.iter().fold(self.url.clone(), |url, (name, default, _)| {
            url.replace(&format!("{{{name}}}"), default)
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
}

impl HttpMethod {
    pub const ALL: [HttpMethod; 8] = [
        HttpMethod::Get,
        HttpMethod::Put,
        HttpMethod::Post,
        HttpMethod::Delete,
        HttpMethod::Options,
        HttpMethod::Head,
        HttpMethod::Patch,
        HttpMethod::Trace,
    ];

    /// The method as sent on the wire (`GET`).
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Head => "HEAD",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Trace => "TRACE",
        }
    }

    /// The key used in a path item (`get`).
    pub fn key(self) -> &'static str {
        match self {
            HttpMethod::Get => "get",
            HttpMethod::Put => "put",
            HttpMethod::Post => "post",
            HttpMethod::Delete => "delete",
            HttpMethod::Options => "options",
            HttpMethod::Head => "head",
            HttpMethod::Patch => "patch",
            HttpMethod::Trace => "trace",
        }
    }

    pub fn from_key(key: &str) -> Option<HttpMethod> {
        HttpMethod::ALL.into_iter().find(|m| m.key() == key)
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub operation_id: Option<String>,
    pub method: HttpMethod,
    /// The path template as written, e.g. `/issues/{issue_id}/seer/autofix/`.
    pub path: String,
    /// JSON pointer of the operation object, e.g. `/paths/~1pets~1{id}/get`.
    pub pointer: String,
    /// The span of the method key (`get:`), one token that a caret can sit under.
    pub span: Span,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    /// snake_case method name, unique in the document; from the operationId,
    /// or from method and path when there is none.
    pub rust_name: String,
    /// Path-item parameters merged with the operation's (the operation wins on
    /// `(name, in)`), `$ref`s resolved, in the order written (path-item first).
    pub parameters: Vec<Parameter>,
    pub request_body: Option<RequestBody>,
    /// In document order, at most one per status key.
    pub responses: Vec<Response>,
}

impl Operation {
    /// The `{name}` placeholders of the path template, in order.
    pub fn path_placeholders(&self) -> Vec<&str> {
        path_placeholders(&self.path)
    }

    /// The response documented for `status`: the exact code, else its range
    /// (`2XX`), else `default`.
    pub fn response_for(&self, status: u16) -> Option<&Response> {
        let exact = self.responses.iter().find(|r| r.status == StatusKey::Code(status));
        let range = || {
            let class = u8::try_from(status / 100).ok()?;
            self.responses.iter().find(|r| r.status == StatusKey::Range(class))
        };
        let default = || self.responses.iter().find(|r| r.status == StatusKey::Default);
        exact.or_else(range).or_else(default)
    }
}

/// `{name}` placeholders of a path template, in order, without duplicates.
pub fn path_placeholders(path: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let after = rest.get(start + 1..).unwrap_or("");
        let Some(end) = after.find('}') else {
            break;
        };
        let name = after.get(..end).unwrap_or("");
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
        rest = after.get(end + 1..).unwrap_or("");
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamLocation {
    Path,
    Query,
    Header,
    Cookie,
    /// OpenAPI 3.2: the whole query string as one value, described by `content`.
    QueryString,
}

impl ParamLocation {
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
            ParamLocation::QueryString => "querystring",
        }
    }

    pub fn from_key(key: &str) -> Option<ParamLocation> {
        match key {
            "path" => Some(ParamLocation::Path),
            "query" => Some(ParamLocation::Query),
            "header" => Some(ParamLocation::Header),
            "cookie" => Some(ParamLocation::Cookie),
            "querystring" => Some(ParamLocation::QueryString),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub location: ParamLocation,
    /// Always true for path parameters, whatever the document says.
    pub required: bool,
    /// `schema`, or the schema of the first `content` entry.
    pub schema: Option<SchemaRef>,
    pub style: Option<String>,
    pub explode: Option<bool>,
    /// The media type of `content` (its only entry), for an `in: querystring` parameter.
    pub media_type: Option<String>,
    pub description: Option<String>,
    pub deprecated: bool,
    /// Where the parameter is listed for this operation (the `$ref` site, not
    /// the component it points to).
    pub span: Span,
}

impl Parameter {
    /// Whether an `in: querystring` parameter's text is the query string as written
    /// (`application/x-www-form-urlencoded`) rather than one value to percent-encode whole
    /// (`application/json` and every other media type); see `arazzo::Request::querystring`.
    pub fn querystring_preformatted(&self) -> bool {
        self.media_type.as_deref().is_some_and(|m| {
            m.split(';')
                .next()
                .unwrap_or(m)
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
    }

    /// The effective `explode`: OpenAPI defaults it to true for `form` style
    /// (the query and cookie default) and false otherwise.
    pub fn explode(&self) -> bool {
        self.explode.unwrap_or_else(|| match self.style.as_deref() {
            Some(style) => style == "form",
            None => matches!(
                self.location,
                ParamLocation::Query | ParamLocation::Cookie | ParamLocation::QueryString
            ),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    pub required: bool,
    pub description: Option<String>,
    pub content: Vec<MediaType>,
}

impl RequestBody {
    /// The first JSON media type, if any.
    pub fn json(&self) -> Option<&MediaType> {
        self.content.iter().find(|m| is_json_media_type(&m.media_type))
    }

    /// The `multipart/form-data` media type, if it has a schema.
    pub fn multipart(&self) -> Option<&MediaType> {
        self.content
            .iter()
            .find(|m| m.media_type.to_ascii_lowercase().starts_with("multipart/form-data") && m.schema.is_some())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MediaType {
    pub media_type: String,
    pub schema: Option<SchemaRef>,
    /// The Encoding Object's `contentType` of each property that has one
    /// (multipart and form bodies), in the order written.
    pub encoding: Vec<(String, String)>,
}

impl MediaType {
    /// The `contentType` the Encoding Object gives `property`, if any.
    pub fn part_content_type(&self, property: &str) -> Option<&str> {
        self.encoding.iter().find(|(p, _)| p == property).map(|(_, c)| c.as_str())
    }
}

/// A key of the `responses` map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusKey {
    Code(u16),
    /// `2XX` is `Range(2)`.
    Range(u8),
    Default,
}

impl StatusKey {
    pub fn parse(key: &str) -> Option<StatusKey> {
        if key == "default" {
            return Some(StatusKey::Default);
        }
        let bytes = key.as_bytes();
        match bytes {
            [d @ b'1'..=b'5', b'X' | b'x', b'X' | b'x'] => Some(StatusKey::Range(d - b'0')),
            [b'1'..=b'9', b'0'..=b'9', b'0'..=b'9'] => key.parse().ok().map(StatusKey::Code),
            _ => None,
        }
    }

    /// Whether a response with this key describes a status below 400 (the typed
    /// client's success side).
    pub fn is_success_or_redirect(self) -> bool {
        match self {
            StatusKey::Code(code) => code < 400,
            StatusKey::Range(class) => class < 4,
            StatusKey::Default => false,
        }
    }

    /// Whether a response with this key can describe a 2xx status.
    pub fn is_success(self) -> bool {
        match self {
            StatusKey::Code(code) => (200..300).contains(&code),
            StatusKey::Range(class) => class == 2,
            StatusKey::Default => false,
        }
    }
}

impl fmt::Display for StatusKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusKey::Code(code) => write!(f, "{code}"),
            StatusKey::Range(class) => write!(f, "{class}XX"),
            StatusKey::Default => f.write_str("default"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: StatusKey,
    pub description: String,
    pub content: Vec<MediaType>,
    /// Documented response headers, in the order written, `$ref`s resolved.
    /// `Content-Type` is left out: OpenAPI says a header of that name "SHALL
    /// be ignored" (the media type already says it).
    pub headers: Vec<ResponseHeader>,
}

/// One Header Object of a response. Header Objects only allow `style:
/// simple`, so there is no style to keep: arrays are comma-separated.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHeader {
    pub name: String,
    pub required: bool,
    /// `schema`, or the schema of the first `content` entry.
    pub schema: Option<SchemaRef>,
    pub description: Option<String>,
    pub deprecated: bool,
}

impl Response {
    /// The first JSON media type, if any.
    pub fn json(&self) -> Option<&MediaType> {
        self.content.iter().find(|m| is_json_media_type(&m.media_type))
    }
}

/// Identifies a schema: its location in the document after following every
/// `$ref`, so equal refs compare equal.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchemaRef {
    pub pointer: String,
}

impl SchemaRef {
    /// The component name when this is `/components/schemas/Name` itself.
    pub fn component_name(&self) -> Option<String> {
        let tokens = refs::split_pointer(&self.pointer)?;
        match tokens.as_slice() {
            [c, s, name] if c == "components" && s == "schemas" => Some(name.clone()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The key under `components.securitySchemes`.
    pub name: String,
    pub kind: SecuritySchemeKind,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SecuritySchemeKind {
    HttpBearer,
    HttpBasic,
    /// An `http` scheme other than bearer/basic (e.g. `digest`), by name.
    Http(String),
    ApiKey {
        name: String,
        location: ApiKeyLocation,
    },
    OAuth2,
    OpenIdConnect,
    MutualTls,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    Header,
    Query,
    Cookie,
}

/// Whether a media type carries JSON: `application/json`, any `+json`
/// suffix, with or without parameters.
pub fn is_json_media_type(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json") || essence == "*/*+json"
}

impl OpenApi {
    pub fn operation_by_id(&self, id: &str) -> Option<&Operation> {
        self.operations.iter().find(|op| op.operation_id.as_deref() == Some(id))
    }

    /// The operation at a JSON pointer such as `/paths/~1pets/get`, however
    /// it is spelled: a leading `#` and percent-encoding (`%7B`) are accepted.
    pub fn operation_by_pointer(&self, pointer: &str) -> Option<usize> {
        let pointer = refs::normalize_pointer(pointer)?;
        self.operations.iter().position(|op| op.pointer == pointer)
    }

    pub fn operation_ids(&self) -> impl Iterator<Item = &str> {
        self.operations.iter().filter_map(|op| op.operation_id.as_deref())
    }

    /// The schema node a [`SchemaRef`] designates.
    pub fn schema_node(&self, schema: &SchemaRef) -> Option<&Node> {
        refs::lookup(&self.root, &schema.pointer).ok()
    }

    /// The [`SchemaRef`] for the schema written at `pointer`, following
    /// `$ref`s. A broken reference keeps the pointer of the `$ref` itself,
    /// which then reads as an unconstrained schema (already reported).
    pub fn schema_at(&self, pointer: &str) -> SchemaRef {
        schema_at(&self.root, pointer)
    }

    /// String enum values of a schema (after `$ref` and single-branch
    /// `allOf`), if it is a string enum; `null` members are skipped.
    pub fn enum_values(&self, schema: &SchemaRef) -> Option<Vec<String>> {
        schema::view(&self.root, schema).string_enum()
    }

    /// What JSON values of `schema` are, as far as JSONPath cares:
    /// (array, string, object), each true when the schema says values are
    /// only that (a union of types or an untyped schema is none of them).
    pub fn shape(&self, schema: &SchemaRef) -> (bool, bool, bool) {
        let view = schema::view(&self.root, schema);
        let only = |t: schema::JsonType| view.types.iter().all(|x| *x == t) && !view.types.is_empty();
        let array = view.is_array() && !view.is_object() && (view.types.is_empty() || only(schema::JsonType::Array));
        let string = only(schema::JsonType::String);
        let object = view.is_object() && !view.is_array() && (view.types.is_empty() || only(schema::JsonType::Object));
        (array, string, object)
    }

    /// The URL of the document's first server (variables at their defaults).
    pub fn default_server_url(&self) -> Option<String> {
        self.servers.first().map(Server::default_url)
    }
}

pub(crate) fn schema_at(root: &Node, pointer: &str) -> SchemaRef {
    match refs::resolve_pointer(root, pointer) {
        Some((_, pointer)) => SchemaRef { pointer },
        None => SchemaRef {
            pointer: pointer.to_owned(),
        },
    }
}
