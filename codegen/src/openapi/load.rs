//! Builds the [`OpenApi`] model from a parsed document.
//!
//! Kept apart from the model so the model file reads as a data definition.
//! Every check here reports at the most precise span available and then
//! carries on with a usable default: one bad parameter must not hide the
//! problems of the next hundred operations.

use std::collections::{HashMap, HashSet};

use heck::{ToSnakeCase, ToUpperCamelCase};

use super::refs;
use super::{
    ApiKeyLocation, HttpMethod, MediaType, OpenApi, Operation, ParamLocation, Parameter, RequestBody, Response, ResponseHeader,
    SecurityScheme, SecuritySchemeKind, Server, StatusKey, path_placeholders, schema_at,
};
use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::source::{FileId, Span};
use crate::yaml::{Map, Node};

/// Path item keys other than the HTTP methods.
const PATH_ITEM_KEYS: &[&str] = &["$ref", "summary", "description", "servers", "parameters"];

/// Names the generated `Client` already uses for its own methods, which an
/// operation's method must not take.
const CLIENT_METHOD_NAMES: &[&str] = &[
    "new",
    "for_server",
    "default",
    "http",
    "clone",
    "fmt",
    "with_bearer_token",
    "with_basic_auth",
    "with_api_key",
    "with_http_client",
    "with_retry_policy",
    "with_limits",
];

/// Loads a parsed OpenAPI document. Never panics; problems (unsupported
/// version, missing `paths`, unresolvable `$ref`s, duplicate operationIds,
/// malformed parameters and responses) are pushed to `diags` and loading goes
/// on with what is usable.
pub fn load(root: Node, file: FileId, diags: &mut Diagnostics) -> OpenApi {
    let mut loader = Loader {
        root: &root,
        diags,
        version: String::new(),
    };
    let version = loader.version();
    loader.version.clone_from(&version);
    let info = root.get("info");
    if info.is_none() {
        loader.diags.push(Diagnostic::error(root.span, "the document has no `info` object"));
    }
    let title = string(info, "title").unwrap_or_default();
    let api_version = string(info, "version").unwrap_or_default();
    let description = string(info, "description");
    let servers = loader.servers();
    let security_schemes = loader.security_schemes();
    let mut operations = loader.paths(&version);
    loader.check_operation_ids(&operations);
    assign_rust_names(&mut operations);
    check_refs(&root, root.span.file, loader.diags);
    OpenApi {
        file,
        version,
        title,
        api_version,
        description,
        servers,
        operations,
        security_schemes,
        root,
    }
}

/// Every `$ref` of the document; those under a path item or a component are marked as
/// found there, like the loader's own findings (lint `uncalled-operation`).
fn check_refs(root: &Node, file: FileId, diags: &mut Diagnostics) {
    let Some(map) = root.as_map() else {
        return refs::check_refs(root, diags);
    };
    for (key, value) in map.iter() {
        match value.as_map().filter(|_| key.name == "paths") {
            Some(paths) => {
                for (path, item) in paths.iter().filter(|(k, _)| !refs::is_data_key(&k.name)) {
                    let since = diags.len_now();
                    refs::check_refs_from(root, item, diags);
                    diags.in_path_item(since, file, &path.name);
                }
            }
            None if key.name == "components" => {
                // Each component on its own: a broken one that no called operation reaches
                // need not stop the build either.
                let kinds = value.as_map().into_iter().flat_map(|m| m.iter());
                for (kind, members) in kinds.filter(|(k, _)| !refs::is_data_key(&k.name)) {
                    match members.as_map() {
                        Some(members) => {
                            for (name, member) in members.iter().filter(|(k, _)| !refs::is_data_key(&k.name)) {
                                let since = diags.len_now();
                                refs::check_refs_from(root, member, diags);
                                diags.in_component(since, file, &kind.name, &name.name);
                            }
                        }
                        None => refs::check_refs_from(root, members, diags),
                    }
                }
            }
            None if !refs::is_data_key(&key.name) => refs::check_refs_from(root, value, diags),
            None => {}
        }
    }
}

fn string(node: Option<&Node>, key: &str) -> Option<String> {
    node?.get(key)?.as_str().map(str::to_owned)
}

struct Loader<'a, 'd> {
    root: &'a Node,
    diags: &'d mut Diagnostics,
    /// The `openapi` field: `in: querystring` exists only from 3.2 on.
    version: String,
}

impl<'a> Loader<'a, '_> {
    fn version(&mut self) -> String {
        let Some(node) = self.root.get("openapi") else {
            let diagnostic = if self.root.get("swagger").is_some() {
                Diagnostic::error(
                    self.root.span,
                    "Swagger 2.0 documents are not supported; OpenAPI 3.0 or 3.1 is required",
                )
                .with_help("convert it, e.g. with `swagger2openapi` or the Swagger Editor's converter")
            } else if self.root.as_map().is_none() {
                Diagnostic::error(
                    self.root.span,
                    format!("expected an OpenAPI document (a mapping), found {}", self.root.kind()),
                )
            } else {
                Diagnostic::error(self.root.span, "the document has no `openapi` version field")
                    .with_help("add `openapi: 3.1.0` (or the 3.0.x version it follows)")
            };
            self.diags.push(diagnostic);
            return String::new();
        };
        let version = match &node.value {
            crate::yaml::Value::String(s) => s.clone(),
            crate::yaml::Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        if version.starts_with("3.2.") {
            // 3.2 only adds to 3.1 (new fields we ignore), so a 3.1 reading
            // of it is right for everything we generate.
            self.diags.push(
                Diagnostic::warning(
                    node.span,
                    format!("OpenAPI `{version}` is read as 3.1 plus `in: querystring` parameters: other fields added in 3.2 are ignored"),
                )
                .with_code(codes::OPENAPI_VERSION),
            );
        } else if !(version.starts_with("3.0.") || version.starts_with("3.1.")) {
            // `openapi: 3.1` in YAML is the number 3.1, which lost its patch part.
            let help = if version.matches('.').count() < 2 {
                "write the full version as a quoted string, e.g. `openapi: \"3.1.0\"`"
            } else {
                "this generator reads OpenAPI 3.0.x and 3.1.x descriptions (Swagger 2.0 must be converted first)"
            };
            self.diags.push(
                Diagnostic::error(
                    node.span,
                    format!("unsupported OpenAPI version `{version}`; 3.0.x and 3.1.x are supported"),
                )
                .with_help(help),
            );
        }
        version
    }

    /// Follows a `$ref` on a component-like object; broken refs were or will
    /// be reported by `check_refs`, so they just yield `None`.
    fn deref(&self, node: &'a Node, pointer: &str) -> Option<(&'a Node, String)> {
        refs::resolve(self.root, node, pointer).ok()
    }

    fn servers(&mut self) -> Vec<Server> {
        let Some(list) = self.root.get("servers").and_then(Node::as_seq) else {
            return Vec::new();
        };
        list.iter().filter_map(|server| self.server(server)).collect()
    }

    fn server(&mut self, node: &Node) -> Option<Server> {
        let Some(url) = node.get("url").and_then(Node::as_str) else {
            self.diags.push(Diagnostic::error(node.span, "a server must have a `url` string"));
            return None;
        };
        let variables = node
            .get("variables")
            .and_then(Node::as_map)
            .map(|vars| {
                vars.iter()
                    .map(|(name, var)| {
                        let default = string(Some(var), "default").unwrap_or_default();
                        let choices = var
                            .get("enum")
                            .and_then(Node::as_seq)
                            .map(|e| e.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                            .unwrap_or_default();
                        (name.name.clone(), default, choices)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Server {
            url: url.to_owned(),
            description: string(Some(node), "description"),
            variables,
        })
    }

    fn security_schemes(&mut self) -> Vec<SecurityScheme> {
        let Some(map) = self
            .root
            .get("components")
            .and_then(|c| c.get("securitySchemes"))
            .and_then(Node::as_map)
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (key, node) in map.iter() {
            let pointer = refs::pointer_of(&["components", "securitySchemes", key.name.as_str()]);
            let Some((node, _)) = self.deref(node, &pointer) else {
                continue;
            };
            if let Some(kind) = self.security_scheme_kind(node) {
                out.push(SecurityScheme {
                    name: key.name.clone(),
                    kind,
                    description: string(Some(node), "description"),
                });
            }
        }
        out
    }

    fn security_scheme_kind(&mut self, node: &Node) -> Option<SecuritySchemeKind> {
        let kind = node.get("type").and_then(Node::as_str);
        match kind {
            Some("http") => {
                let scheme = string(Some(node), "scheme").unwrap_or_default();
                Some(match scheme.to_ascii_lowercase().as_str() {
                    "bearer" => SecuritySchemeKind::HttpBearer,
                    "basic" => SecuritySchemeKind::HttpBasic,
                    _ => SecuritySchemeKind::Http(scheme),
                })
            }
            Some("apiKey") => {
                let name = string(Some(node), "name").unwrap_or_default();
                let location = match node.get("in").and_then(Node::as_str) {
                    Some("header") => ApiKeyLocation::Header,
                    Some("query") => ApiKeyLocation::Query,
                    Some("cookie") => ApiKeyLocation::Cookie,
                    _ => {
                        self.diags.push(Diagnostic::error(
                            node.get("in").map_or(node.span, |n| n.span),
                            "an apiKey security scheme needs `in: header`, `query` or `cookie`",
                        ));
                        return None;
                    }
                };
                Some(SecuritySchemeKind::ApiKey { name, location })
            }
            Some("oauth2") => Some(SecuritySchemeKind::OAuth2),
            Some("openIdConnect") => Some(SecuritySchemeKind::OpenIdConnect),
            Some("mutualTLS") => Some(SecuritySchemeKind::MutualTls),
            _ => {
                let span = node.get("type").map_or(node.span, |n| n.span);
                self.diags.push(
                    Diagnostic::error(span, "unknown security scheme type")
                        .with_suggestion(kind.unwrap_or(""), ["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"]),
                );
                None
            }
        }
    }

    fn paths(&mut self, version: &str) -> Vec<Operation> {
        let Some(paths_node) = self.root.get("paths") else {
            if self.root.as_map().is_some() {
                let message = "the document has no `paths`, so it describes no operations";
                self.diags.push(if version.starts_with("3.1.") || version.starts_with("3.2.") {
                    Diagnostic::warning(self.root.span, message).with_code(codes::NO_PATHS)
                } else {
                    Diagnostic::error(self.root.span, message).with_code(codes::MISSING_FIELD)
                });
            }
            return Vec::new();
        };
        let Some(paths) = paths_node.as_map() else {
            self.diags.push(Diagnostic::error(
                paths_node.span,
                format!("`paths` must be a mapping, found {}", paths_node.kind()),
            ));
            return Vec::new();
        };
        let mut operations = Vec::new();
        for (key, item) in paths.iter() {
            // The Paths Object "MAY be extended with Specification Extensions".
            if key.name.starts_with("x-") {
                continue;
            }
            let since = self.diags.len_now();
            if !key.name.starts_with('/') {
                self.diags
                    .push(Diagnostic::error(key.span, format!("path `{}` must start with `/`", key.name)));
            }
            self.path_item(&key.name, item, &mut operations);
            // What is wrong in a path item no workflow calls need not stop
            // the build (lint `uncalled-operation`).
            self.diags.in_path_item(since, self.root.span.file, &key.name);
        }
        operations
    }

    fn path_item(&mut self, path: &str, item: &'a Node, out: &mut Vec<Operation>) {
        let item_pointer = refs::join("/paths", path);
        let Some((item, resolved)) = self.deref(item, &item_pointer) else {
            return;
        };
        let Some(map) = item.as_map() else {
            if !matches!(item.value, crate::yaml::Value::Null) {
                self.diags.push(Diagnostic::error(
                    item.span,
                    format!("a path item must be a mapping, found {}", item.kind()),
                ));
            }
            return;
        };
        let shared = self.parameter_list(map.get("parameters"), &refs::join(&resolved, "parameters"));
        for (key, node) in map.iter() {
            if let Some(method) = HttpMethod::from_key(&key.name) {
                let pointer = refs::join(&item_pointer, &key.name);
                let own_pointer = refs::join(&resolved, &key.name);
                let op = self.operation(path, method, key.span, node, &pointer, &own_pointer, &shared);
                out.push(op);
            } else if !PATH_ITEM_KEYS.contains(&key.name.as_str()) && !key.name.starts_with("x-") {
                let known = HttpMethod::ALL.iter().map(|m| m.key()).chain(PATH_ITEM_KEYS.iter().copied());
                self.diags.push(
                    Diagnostic::warning(key.span, format!("unknown key `{}` in a path item", key.name))
                        .with_code(codes::OPENAPI_UNKNOWN_FIELD)
                        .with_suggestion(&key.name, known),
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn operation(
        &mut self,
        path: &str,
        method: HttpMethod,
        span: Span,
        node: &'a Node,
        pointer: &str,
        own_pointer: &str,
        shared: &[Parameter],
    ) -> Operation {
        let own = self.parameter_list(node.get("parameters"), &refs::join(own_pointer, "parameters"));
        let mut parameters = merge_parameters(shared, own);
        self.complete_path_parameters(path, span, &mut parameters);
        self.check_querystring(&mut parameters);
        let request_body = node
            .get("requestBody")
            .and_then(|b| self.request_body(b, &refs::join(own_pointer, "requestBody")));
        let responses = self.responses(node.get("responses"), &refs::join(own_pointer, "responses"));
        let operation_id = node.get("operationId").and_then(Node::as_str).map(str::to_owned);
        Operation {
            operation_id,
            method,
            path: path.to_owned(),
            pointer: pointer.to_owned(),
            span,
            summary: string(Some(node), "summary"),
            description: string(Some(node), "description"),
            deprecated: node.get("deprecated").and_then(Node::as_bool) == Some(true),
            rust_name: String::new(),
            parameters,
            request_body,
            responses,
        }
    }

    fn parameter_list(&mut self, list: Option<&'a Node>, pointer: &str) -> Vec<Parameter> {
        let Some(list) = list else {
            return Vec::new();
        };
        let Some(items) = list.as_seq() else {
            self.diags.push(Diagnostic::error(
                list.span,
                format!("`parameters` must be a list, found {}", list.kind()),
            ));
            return Vec::new();
        };
        let mut out: Vec<Parameter> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(param) = self.parameter(item, &refs::join(pointer, &index.to_string())) else {
                continue;
            };
            if let Some(first) = out.iter().find(|p| p.name == param.name && p.location == param.location) {
                self.diags.push(
                    Diagnostic::error(
                        param.span,
                        format!("parameter `{}` in {} is listed twice", param.name, param.location.as_str()),
                    )
                    .with_note(first.span, "first listed here"),
                );
                continue;
            }
            out.push(param);
        }
        out
    }

    fn parameter(&mut self, site: &'a Node, pointer: &str) -> Option<Parameter> {
        let (node, resolved) = self.deref(site, pointer)?;
        let Some(name) = node.get("name").and_then(Node::as_str) else {
            self.diags.push(Diagnostic::error(site.span, "a parameter needs a `name` string"));
            return None;
        };
        let in_node = node.get("in");
        let is_3_2 = self.version.starts_with("3.2.");
        let location = in_node
            .and_then(Node::as_str)
            .and_then(ParamLocation::from_key)
            .filter(|l| *l != ParamLocation::QueryString || is_3_2);
        let Some(location) = location else {
            let found = in_node.and_then(Node::as_str).unwrap_or("");
            let mut d = Diagnostic::error(
                in_node.map_or(site.span, |n| n.span),
                format!("parameter `{name}` needs `in: path`, `query`, `header` or `cookie`"),
            );
            d = if found == "querystring" {
                d.with_note(
                    None,
                    format!(
                        "`in: querystring` is OpenAPI 3.2; this document declares `openapi: {}`",
                        self.version
                    ),
                )
                .with_help("declare `openapi: 3.2.0` to use it")
            } else if is_3_2 {
                d.with_suggestion(found, ["path", "query", "header", "cookie", "querystring"])
            } else {
                d.with_suggestion(found, ["path", "query", "header", "cookie"])
            };
            self.diags.push(d);
            return None;
        };
        let media_type = if location == ParamLocation::QueryString {
            Some(self.querystring_content(name, site, node)?)
        } else {
            None
        };
        let required = node.get("required").and_then(Node::as_bool) == Some(true);
        let schema = if node.get("schema").is_some() {
            Some(schema_at(self.root, &refs::join(&resolved, "schema")))
        } else {
            first_content_schema(node, &resolved).map(|p| schema_at(self.root, &p))
        };
        Some(Parameter {
            name: name.to_owned(),
            location,
            required: required || location == ParamLocation::Path,
            schema,
            style: string(Some(node), "style"),
            explode: node.get("explode").and_then(Node::as_bool),
            media_type,
            description: string(Some(node), "description"),
            deprecated: node.get("deprecated").and_then(Node::as_bool) == Some(true),
            span: site.span,
        })
    }

    /// An `in: querystring` parameter's one media type. OpenAPI 3.2: such a parameter "MUST
    /// use `content`" (one entry) and `style`, `explode`, `allowReserved` and `schema` "MUST
    /// NOT be used" with it.
    fn querystring_content(&mut self, name: &str, site: &Node, node: &Node) -> Option<String> {
        for field in ["schema", "style", "explode", "allowReserved"] {
            if let Some(n) = node.get(field) {
                self.diags.push(
                    Diagnostic::error(n.span, format!("`{field}` is not allowed on `in: querystring` parameter `{name}`"))
                        .with_note(None, "OpenAPI 3.2: a querystring parameter is described by `content` alone")
                        .with_help("describe the query string with `content: {application/x-www-form-urlencoded: {schema: ...}}`"),
                );
            }
        }
        let entries: Vec<&str> = node
            .get("content")
            .and_then(Node::as_map)
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        match entries.as_slice() {
            [one] => Some((*one).to_owned()),
            _ => {
                self.diags.push(
                    Diagnostic::error(
                        node.get("content").map_or(site.span, |n| n.span),
                        format!(
                            "`in: querystring` parameter `{name}` needs `content` with exactly one media type, found {}",
                            entries.len()
                        ),
                    )
                    .with_help("e.g. `content: {application/x-www-form-urlencoded: {schema: {type: object}}}`"),
                );
                None
            }
        }
    }

    /// OpenAPI 3.2: at most one `in: querystring` parameter, and none beside `in: query`
    /// ones (it is the whole query string). The extra ones are reported and dropped.
    fn check_querystring(&mut self, parameters: &mut Vec<Parameter>) {
        let Some(first) = parameters.iter().position(|p| p.location == ParamLocation::QueryString) else {
            return;
        };
        let (qs_name, qs_span) = (parameters[first].name.clone(), parameters[first].span);
        let mut keep = Vec::with_capacity(parameters.len());
        for (index, p) in parameters.drain(..).enumerate() {
            let clash = match p.location {
                ParamLocation::QueryString if index != first => Some("a second `in: querystring` parameter"),
                ParamLocation::Query => Some("an `in: query` parameter"),
                _ => None,
            };
            match clash {
                Some(what) => self.diags.push(
                    Diagnostic::error(
                        p.span,
                        format!(
                            "parameter `{}` is {what} of an operation with `in: querystring` parameter `{qs_name}`",
                            p.name
                        ),
                    )
                    .with_note(qs_span, "the querystring parameter, which is the whole query string")
                    .with_help("put the value into the querystring parameter's content, or drop one of them"),
                ),
                None => keep.push(p),
            }
        }
        *parameters = keep;
    }

    /// Every `{placeholder}` needs a path parameter to fill it; a missing one
    /// is an error in the document, reported here and filled in as a required
    /// string so that the operation stays callable.
    fn complete_path_parameters(&mut self, path: &str, span: Span, parameters: &mut Vec<Parameter>) {
        let placeholders = path_placeholders(path);
        for name in &placeholders {
            let declared = parameters.iter().any(|p| p.location == ParamLocation::Path && p.name == *name);
            if !declared {
                self.diags.push(
                    Diagnostic::error(
                        span,
                        format!("path `{path}` has a `{{{name}}}` placeholder but no `in: path` parameter `{name}`"),
                    )
                    .with_help(format!(
                        "declare it: `- {{name: {name}, in: path, required: true, schema: {{type: string}}}}`"
                    )),
                );
                parameters.push(Parameter {
                    name: (*name).to_owned(),
                    location: ParamLocation::Path,
                    required: true,
                    schema: None,
                    style: None,
                    explode: None,
                    media_type: None,
                    description: None,
                    deprecated: false,
                    span,
                });
            }
        }
        for param in parameters.iter() {
            if param.location == ParamLocation::Path && !placeholders.contains(&param.name.as_str()) {
                self.diags.push(
                    Diagnostic::warning(
                        param.span,
                        format!("path parameter `{}` does not appear in the path `{path}`", param.name),
                    )
                    .with_code(codes::UNUSED_PATH_PARAMETER)
                    .with_suggestion(&param.name, placeholders.iter().copied()),
                );
            }
        }
    }

    fn request_body(&mut self, site: &'a Node, pointer: &str) -> Option<RequestBody> {
        let (node, resolved) = self.deref(site, pointer)?;
        Some(RequestBody {
            required: node.get("required").and_then(Node::as_bool) == Some(true),
            description: string(Some(node), "description"),
            content: self.content(node.get("content"), &refs::join(&resolved, "content")),
        })
    }

    fn content(&mut self, content: Option<&Node>, pointer: &str) -> Vec<MediaType> {
        let Some(content) = content else {
            return Vec::new();
        };
        let Some(map) = content.as_map() else {
            self.diags.push(Diagnostic::error(
                content.span,
                format!("`content` must be a mapping of media types, found {}", content.kind()),
            ));
            return Vec::new();
        };
        map.iter()
            .map(|(key, media)| {
                let media_pointer = refs::join(pointer, &key.name);
                MediaType {
                    media_type: key.name.clone(),
                    schema: media
                        .get("schema")
                        .map(|_| schema_at(self.root, &refs::join(&media_pointer, "schema"))),
                    encoding: media
                        .get("encoding")
                        .and_then(Node::as_map)
                        .map(|encoding| {
                            encoding
                                .iter()
                                .filter_map(|(property, e)| {
                                    let content_type = e.get("contentType")?.as_str()?;
                                    Some((property.name.clone(), content_type.to_owned()))
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect()
    }

    fn responses(&mut self, node: Option<&'a Node>, pointer: &str) -> Vec<Response> {
        let Some(map) = node.and_then(Node::as_map) else {
            return Vec::new();
        };
        let mut out: Vec<(Response, Span)> = Vec::new();
        for (key, site) in map.iter() {
            if key.name.starts_with("x-") {
                continue;
            }
            let Some(status) = StatusKey::parse(&key.name) else {
                self.diags.push(
                    Diagnostic::error(key.span, format!("`{}` is not a response status", key.name))
                        .with_help("use a code such as `200`, a range such as `2XX`, or `default`"),
                );
                continue;
            };
            if let Some((_, first)) = out.iter().find(|(r, _)| r.status == status) {
                self.diags.push(
                    Diagnostic::error(key.span, format!("response `{status}` is documented twice"))
                        .with_note(*first, "first documented here"),
                );
                continue;
            }
            let Some((resolved_node, resolved)) = self.deref(site, &refs::join(pointer, &key.name)) else {
                continue;
            };
            let response = Response {
                status,
                description: string(Some(resolved_node), "description").unwrap_or_default(),
                content: self.content(resolved_node.get("content"), &refs::join(&resolved, "content")),
                headers: self.response_headers(resolved_node.get("headers"), &refs::join(&resolved, "headers")),
            };
            out.push((response, key.span));
        }
        out.into_iter().map(|(r, _)| r).collect()
    }

    fn response_headers(&mut self, node: Option<&'a Node>, pointer: &str) -> Vec<ResponseHeader> {
        let Some(map) = node.and_then(Node::as_map) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (key, site) in map.iter() {
            if key.name.eq_ignore_ascii_case("content-type") {
                continue;
            }
            let Some((header, resolved)) = self.deref(site, &refs::join(pointer, &key.name)) else {
                continue;
            };
            if header.as_map().is_none() {
                self.diags.push(Diagnostic::error(
                    site.span,
                    format!("response header `{}` must be a Header Object, found {}", key.name, header.kind()),
                ));
                continue;
            }
            let schema = if header.get("schema").is_some() {
                Some(schema_at(self.root, &refs::join(&resolved, "schema")))
            } else {
                first_content_schema(header, &resolved).map(|p| schema_at(self.root, &p))
            };
            out.push(ResponseHeader {
                name: key.name.clone(),
                required: header.get("required").and_then(Node::as_bool) == Some(true),
                schema,
                description: string(Some(header), "description"),
                deprecated: header.get("deprecated").and_then(Node::as_bool) == Some(true),
            });
        }
        out
    }

    fn check_operation_ids(&mut self, operations: &[Operation]) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for op in operations {
            let Some(id) = op.operation_id.as_deref() else {
                continue;
            };
            let span = self.operation_id_span(op).unwrap_or(op.span);
            if let Some(first) = seen.get(id) {
                let since = self.diags.len_now();
                self.diags.push(
                    Diagnostic::error(span, format!("operationId `{id}` is used by more than one operation"))
                        .with_note(*first, "first used here")
                        .with_help("operationIds must be unique in a document"),
                );
                // Found at the later operation: when no workflow calls it, the build need
                // not stop (lint `uncalled-operation`); a workflow that does call it is
                // ambiguous, and this stays an error.
                self.diags.in_path_item(since, self.root.span.file, &op.path);
            } else {
                seen.insert(id, span);
            }
        }
    }

    fn operation_id_span(&self, op: &Operation) -> Option<Span> {
        let tokens = refs::split_pointer(&op.pointer)?;
        let node = self.root.pointer(tokens.iter().map(String::as_str))?;
        let node = refs::resolve(self.root, node, &op.pointer).ok()?.0;
        node.get("operationId").map(|n| n.span)
    }
}

/// The pointer of the schema of a parameter's first `content` entry (the
/// alternative to `schema` for parameters with complex serialisation).
fn first_content_schema(node: &Node, pointer: &str) -> Option<String> {
    let content: &Map = node.get("content")?.as_map()?;
    let (key, media) = content.iter().next()?;
    media.get("schema")?;
    let media_pointer = refs::join(&refs::join(pointer, "content"), &key.name);
    Some(refs::join(&media_pointer, "schema"))
}

/// Path-item parameters first, each replaced by the operation's parameter of
/// the same `(name, in)` when there is one; then the operation's own.
fn merge_parameters(shared: &[Parameter], own: Vec<Parameter>) -> Vec<Parameter> {
    let mut own: Vec<Option<Parameter>> = own.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(shared.len() + own.len());
    for param in shared {
        let overriding = own
            .iter_mut()
            .find(|slot| slot.as_ref().is_some_and(|p| p.name == param.name && p.location == param.location));
        match overriding.and_then(Option::take) {
            Some(p) => out.push(p),
            None => out.push(param.clone()),
        }
    }
    out.extend(own.into_iter().flatten());
    out
}

/// snake_case with everything but ASCII letters and digits as a separator,
/// so that `repos/get-content` and `List Seer AI Models` give usable names.
pub(crate) fn snake(text: &str) -> String {
    let cleaned: String = text.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    cleaned.to_snake_case()
}

fn name_from_path(op: &Operation) -> String {
    let name = snake(&format!("{} {}", op.method.key(), op.path));
    if name == op.method.key() { format!("{name}_root") } else { name }
}

/// Gives each operation a unique snake_case method name, stable in document
/// order: later duplicates get `_2`, `_3`... Uniqueness is also checked after
/// UpperCamel conversion because response enums are named from it.
fn assign_rust_names(operations: &mut [Operation]) {
    let mut taken: HashSet<String> = CLIENT_METHOD_NAMES.iter().map(|n| (*n).to_upper_camel_case()).collect();
    for op in operations.iter_mut() {
        let from_id = op.operation_id.as_deref().map(snake).unwrap_or_default();
        let base = if from_id.is_empty() { name_from_path(op) } else { from_id };
        let base = if base.starts_with(|c: char| c.is_ascii_digit()) {
            format!("op_{base}")
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 2;
        while !taken.insert(name.to_upper_camel_case()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        op.rust_name = name;
    }
}
