//! The typed HTTP client module for one OpenAPI description.
//!
//! Users call operations as ordinary async methods with typed arguments and
//! get back `Result<arazzo::ResponseValue<T>, arazzo::ApiError<E>>`: `?`
//! stops on every status that is not a success, a success keeps its status
//! and headers, and a documented error status keeps its typed body, so that
//! handling a `404` is a `match` arm rather than string inspection. `T` and
//! `E` are the body type when there is one case, an enum with a variant per
//! documented status (`<Op>Response`, `<Op>Error`) when there are several or
//! the case has typed headers, and `Infallible` when there is none (see
//! [`Outcomes`] for where `default` goes). All HTTP work (URLs, auth,
//! retries, decoding) is delegated to the `arazzo` runtime: the generated
//! code only maps OpenAPI names onto its builder, which keeps the emitted
//! code small and reviewable.
//!
//! Every path in the output is fully qualified (`::std::...`,
//! `::arazzo::...`) so the module compiles wherever it is included, with
//! only the `arazzo` dependency.

use std::collections::HashMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::types::{NameSet, Ty, TypeSpace, doc_attrs, field_name, make_ident, type_name};
use crate::openapi::schema::view;
use crate::openapi::{
    ApiKeyLocation, MediaType, OpenApi, Operation, ParamLocation, Parameter, RequestBody, Response, ResponseHeader, SchemaRef,
    SecuritySchemeKind, StatusKey, is_json_media_type,
};

/// Header parameters that OpenAPI says to ignore: the runtime owns them.
const IGNORED_HEADERS: &[&str] = &["accept", "content-type", "authorization"];

/// Local names in generated method bodies, which arguments must not shadow.
const LOCALS: &[&str] = &["request", "exchange", "item", "value"];

/// Emits `pub mod #module { pub mod types {..} Client, response enums }` for
/// the selected operations (indices into `api.operations`; `None` = all;
/// out-of-range indices are ignored).
#[cfg(test)]
pub fn emit_client(api: &OpenApi, module: &proc_macro2::Ident, operations: Option<&[usize]>) -> TokenStream {
    let types = TypeSpace::for_operations(api, operations);
    emit_client_with(api, module, operations, &types)
}

/// Like [`emit_client`], with a type space the caller built (and may have
/// extended) so that its own code names the same types.
pub fn emit_client_with(api: &OpenApi, module: &proc_macro2::Ident, operations: Option<&[usize]>, types: &TypeSpace<'_>) -> TokenStream {
    let ops = selected(api, operations);
    let type_items = types.emit();
    let doc = module_doc(api);
    let base_url = api.default_server_url().unwrap_or_else(|| "/".to_owned());
    let auth = auth_methods(api);
    let (server_items, server_constructor) = server_variables(api);
    let names = client_names(api, &ops);
    let methods = ops.iter().map(|op| method(types, op, &names));
    let responses = ops.iter().map(|op| outcome_types(types, op, &names));
    let forms = ops.iter().filter_map(|op| multipart_form(api, types, op, &names));
    let shapes = super::shapes::emit_shapes(api, &ops);
    let allow = super::lints::attrs(super::lints::CLIENT);
    quote! {
        #doc
        #allow
        pub mod #module {
            #type_items

            /// The spec's first server, used by `Client::default()`.
            pub const DEFAULT_BASE_URL: &str = #base_url;

            /// One method per operation; cheap to clone (the connection pool is shared).
            #[derive(::std::clone::Clone, ::std::fmt::Debug)]
            pub struct Client {
                http: ::arazzo::HttpClient,
            }

            impl Client {
                /// A client for the API at `base_url`. Infallible: a malformed URL is
                /// reported by the first request.
                #[must_use]
                pub fn new(base_url: impl ::std::convert::Into<::std::string::String>) -> Self {
                    Self { http: ::arazzo::HttpClient::new(base_url) }
                }

                #server_constructor

                #auth

                /// Sends requests through `client` (proxies, TLS roots, timeouts).
                #[must_use]
                pub fn with_http_client(self, client: ::arazzo::reqwest::Client) -> Self {
                    Self { http: self.http.with_http_client(client) }
                }

                /// Retries transient failures according to `policy`.
                #[must_use]
                pub fn with_retry_policy(self, policy: ::arazzo::RetryPolicy) -> Self {
                    Self { http: self.http.with_retry_policy(policy) }
                }

                /// Runs every request under `limits`: timeouts, body size, redirects
                /// (the default: `arazzo::Limits::default()`).
                #[must_use]
                pub fn with_limits(self, limits: ::arazzo::Limits) -> Self {
                    Self { http: self.http.with_limits(limits) }
                }

                /// What an answer that does not match its documented schema does:
                /// `arazzo::SchemaChecks::Strict` (the default) makes it
                /// `arazzo::ClientError::ResponseSchema`, `Warn` a `tracing` warning.
                #[must_use]
                pub fn with_schema_checks(self, checks: ::arazzo::SchemaChecks) -> Self {
                    Self { http: self.http.with_schema_checks(checks) }
                }

                /// The underlying runtime client, for requests this description does not cover.
                #[must_use]
                pub fn http(&self) -> &::arazzo::HttpClient {
                    &self.http
                }

                #(#methods)*
            }

            impl ::std::default::Default for Client {
                fn default() -> Self {
                    Self::new(DEFAULT_BASE_URL)
                }
            }

            #server_items

            #(#responses)*

            #(#forms)*

            #shapes
        }
    }
}

fn selected<'o>(api: &'o OpenApi, operations: Option<&[usize]>) -> Vec<&'o Operation> {
    match operations {
        None => api.operations.iter().collect(),
        Some(indices) => indices.iter().filter_map(|i| api.operations.get(*i)).collect(),
    }
}

fn module_doc(api: &OpenApi) -> TokenStream {
    let mut text = if api.title.trim().is_empty() {
        "Client for an API described by OpenAPI.".to_owned()
    } else {
        api.title.clone()
    };
    if !api.api_version.is_empty() {
        text.push_str(&format!(" (version {})", api.api_version));
    }
    if let Some(description) = &api.description {
        text.push_str("\n\n");
        text.push_str(description);
    }
    doc_attrs(Some(&text))
}

/// One `with_*` method per kind of credential the description declares.
/// Bearer-like schemes (http bearer, OAuth2, OpenID Connect) share
/// `with_bearer_token`; the first apiKey scheme is `with_api_key`, others are
/// named after the scheme. Other `http` schemes (digest, custom) and mutual
/// TLS have no method: configure them through `with_http_client`.
fn auth_methods(api: &OpenApi) -> TokenStream {
    let mut out = TokenStream::new();
    let kinds = || api.security_schemes.iter().map(|s| &s.kind);
    if kinds().any(|k| {
        matches!(
            k,
            SecuritySchemeKind::HttpBearer | SecuritySchemeKind::OAuth2 | SecuritySchemeKind::OpenIdConnect
        )
    }) {
        out.extend(quote! {
            /// Sends `Authorization: Bearer <token>` with every request.
            #[must_use]
            pub fn with_bearer_token(self, token: impl ::std::convert::Into<::std::string::String>) -> Self {
                Self { http: self.http.with_auth(::arazzo::Auth::bearer(token)) }
            }
        });
    }
    if kinds().any(|k| matches!(k, SecuritySchemeKind::HttpBasic)) {
        out.extend(quote! {
            /// Sends HTTP basic credentials with every request.
            #[must_use]
            pub fn with_basic_auth(
                self,
                username: impl ::std::convert::Into<::std::string::String>,
                password: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self { http: self.http.with_auth(::arazzo::Auth::basic(username, password)) }
            }
        });
    }
    let mut used = NameSet::default();
    for name in api.operations.iter().map(|op| op.rust_name.as_str()) {
        used.reserve(name);
    }
    for name in [
        "with_bearer_token",
        "with_basic_auth",
        "with_http_client",
        "with_retry_policy",
        "with_limits",
    ] {
        used.reserve(name);
    }
    let mut first = true;
    for scheme in &api.security_schemes {
        let SecuritySchemeKind::ApiKey { name, location } = &scheme.kind else {
            continue;
        };
        let method = if first {
            used.unique("with_api_key")
        } else {
            used.unique(&format!("with_{}", field_name(&scheme.name).trim_start_matches("r#")))
        };
        first = false;
        let method = make_ident(&method);
        let location = match location {
            ApiKeyLocation::Header => quote!(::arazzo::ApiKeyLocation::Header),
            ApiKeyLocation::Query => quote!(::arazzo::ApiKeyLocation::Query),
            ApiKeyLocation::Cookie => quote!(::arazzo::ApiKeyLocation::Cookie),
        };
        let doc = format!(" Sends the API key of scheme `{}` as `{name}` with every request.", scheme.name);
        out.extend(quote! {
            #[doc = #doc]
            #[must_use]
            pub fn #method(self, key: impl ::std::convert::Into<::std::string::String>) -> Self {
                Self { http: self.http.with_auth(::arazzo::Auth::api_key(#location, #name, key)) }
            }
        });
    }
    out
}

/// For a first server whose URL has `{variables}`: a `ServerVariables`
/// struct (defaults from the spec, every field settable) and
/// `Client::for_server`, so that choosing a region is typed rather than
/// string surgery on `DEFAULT_BASE_URL`. Nothing for servers without
/// variables.
fn server_variables(api: &OpenApi) -> (TokenStream, TokenStream) {
    let Some(server) = api.servers.first().filter(|s| !s.variables.is_empty()) else {
        return (TokenStream::new(), TokenStream::new());
    };
    let mut used = NameSet::default();
    let vars: Vec<(Ident, &str, &str, TokenStream)> = server
        .variables
        .iter()
        .map(|(name, default, choices)| {
            let ident = make_ident(&used.unique(&field_name(name)));
            let mut text = format!("`{{{name}}}`, default `{default}`.");
            if !choices.is_empty() {
                let list: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
                text.push_str(&format!(" The spec allows {}.", list.join(", ")));
            }
            (ident, name.as_str(), default.as_str(), doc_attrs(Some(&text)))
        })
        .collect();
    let fields = vars
        .iter()
        .map(|(ident, _, _, doc)| quote!(#doc pub #ident: ::std::string::String,));
    let defaults = vars
        .iter()
        .map(|(ident, _, default, _)| quote!(#ident: ::std::string::String::from(#default),));
    let replacements = vars.iter().map(|(ident, name, _, _)| {
        let placeholder = format!("{{{name}}}");
        quote!(.replace(#placeholder, &self.#ident))
    });
    let template = &server.url;
    let doc = format!(" The variables of the server URL `{}`.", template.replace('`', "'"));
    let items = quote! {
        #[doc = #doc]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq)]
        pub struct ServerVariables {
            #(#fields)*
        }

        impl ::std::default::Default for ServerVariables {
            fn default() -> Self {
                Self { #(#defaults)* }
            }
        }

        impl ServerVariables {
            /// The server URL with these values substituted.
            #[must_use]
            pub fn url(&self) -> ::std::string::String {
                ::std::string::String::from(#template) #(#replacements)*
            }
        }
    };
    let constructor = quote! {
        /// A client for the spec's server with `variables` substituted into its URL.
        #[must_use]
        pub fn for_server(variables: &ServerVariables) -> Self {
            Self::new(variables.url())
        }
    };
    (items, constructor)
}

/// How a parameter's value is taken and turned into text.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// `&str`, passed as is.
    Str,
    /// A number or boolean, by value, sent with `to_string()`.
    Scalar(Ty),
    /// A generated string enum, by reference, sent with `as_str()`.
    Enum(Ty),
    /// A list of one of the above.
    List(Box<Shape>),
    /// Anything else, as JSON; strings are sent bare, other values as JSON text.
    Json,
}

fn shape(types: &TypeSpace<'_>, param: &Parameter) -> Shape {
    let Some(schema) = &param.schema else {
        return Shape::Str;
    };
    match types.lookup_ty(schema, 0).without_option() {
        Ty::Vec(item) => scalar_shape(types, item.without_option()).map_or(Shape::Json, |s| Shape::List(Box::new(s))),
        other => scalar_shape(types, other).unwrap_or(Shape::Json),
    }
}

fn scalar_shape(types: &TypeSpace<'_>, ty: Ty) -> Option<Shape> {
    match ty {
        Ty::String => Some(Shape::Str),
        Ty::Int(_) | Ty::Float(_) | Ty::Bool => Some(Shape::Scalar(ty)),
        Ty::Named(_) if types.is_string_enum(&ty) => Some(Shape::Enum(ty)),
        _ => None,
    }
}

/// The argument type for a shape (before `Option` for optional parameters).
fn arg_type(types: &TypeSpace<'_>, shape: &Shape) -> TokenStream {
    match shape {
        Shape::Str => quote!(&str),
        Shape::Scalar(ty) => types.render_in_client(ty),
        Shape::Enum(ty) => {
            let ty = types.render_in_client(ty);
            quote!(&#ty)
        }
        Shape::List(item) => {
            let item = match item.as_ref() {
                Shape::Str => quote!(&str),
                Shape::Scalar(ty) | Shape::Enum(ty) => types.render_in_client(ty),
                Shape::List(_) | Shape::Json => quote!(::arazzo::serde_json::Value),
            };
            quote!(&[#item])
        }
        Shape::Json => quote!(&::arazzo::serde_json::Value),
    }
}

/// An expression turning `value` (of the shape's argument type) into
/// something the builder takes as a string.
fn text_of(shape: &Shape, value: &TokenStream) -> TokenStream {
    match shape {
        Shape::Str => quote!(#value),
        Shape::Scalar(_) => quote!(#value.to_string()),
        Shape::Enum(_) => quote!(#value.as_str()),
        Shape::List(_) | Shape::Json => quote! {
            ::arazzo::serde_json::Value::as_str(#value)
                .map_or_else(|| #value.to_string(), ::std::borrow::ToOwned::to_owned)
        },
    }
}

/// An expression turning a list item (`&T`) into an owned `String`.
fn item_text(shape: &Shape) -> TokenStream {
    match shape {
        Shape::Str => quote!(::std::string::ToString::to_string(*item)),
        Shape::Scalar(_) => quote!(item.to_string()),
        Shape::Enum(_) => quote!(::std::string::ToString::to_string(item.as_str())),
        Shape::List(_) | Shape::Json => quote! {
            ::arazzo::serde_json::Value::as_str(item)
                .map_or_else(|| item.to_string(), ::std::borrow::ToOwned::to_owned)
        },
    }
}

/// One argument of a generated method.
#[derive(Debug, Clone)]
pub struct Arg {
    pub ident: Ident,
    /// The argument's type, relative to the client module.
    pub ty: TokenStream,
    pub source: ArgSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgSource {
    /// `op.parameters[index]`.
    Parameter(usize),
    /// The request body, with the media type sent.
    Body { media_type: String, kind: BodyKind },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Json,
    /// `multipart/form-data` from a typed object: each member one part
    /// (strings as text parts, other values as JSON parts).
    Multipart,
    /// `multipart/form-data` whose schema has binary members: a generated
    /// `<Op>Multipart` struct, files sent as file parts.
    MultipartFiles,
    Form,
    Bytes,
}

/// The parameters that become arguments, in order: path parameters in
/// template order, then the others as listed. Path parameters not in the
/// template and headers the runtime owns are left out.
fn argument_parameters(op: &Operation) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for name in op.path_placeholders() {
        if let Some(index) = op
            .parameters
            .iter()
            .position(|p| p.location == ParamLocation::Path && p.name == name)
        {
            out.push(index);
        }
    }
    for (index, param) in op.parameters.iter().enumerate() {
        let ignored_header = param.location == ParamLocation::Header && IGNORED_HEADERS.contains(&param.name.to_ascii_lowercase().as_str());
        if param.location != ParamLocation::Path && !ignored_header {
            out.push(index);
        }
    }
    out
}

/// The media type the client sends: JSON first, then multipart with an
/// object schema, then form, then the first listed (as bytes).
fn chosen_body(body: &RequestBody) -> Option<(String, BodyKind, Option<&crate::openapi::SchemaRef>)> {
    if let Some(json) = body.content.iter().find(|m| is_json_media_type(&m.media_type)) {
        return Some((json.media_type.clone(), BodyKind::Json, json.schema.as_ref()));
    }
    if let Some(multipart) = body.multipart() {
        return Some((multipart.media_type.clone(), BodyKind::Multipart, multipart.schema.as_ref()));
    }
    if let Some(form) = body
        .content
        .iter()
        .find(|m| m.media_type.starts_with("application/x-www-form-urlencoded"))
    {
        return Some((form.media_type.clone(), BodyKind::Form, None));
    }
    let first = body.content.first()?;
    let media_type = if first.media_type.contains('*') {
        "application/octet-stream".to_owned()
    } else {
        first.media_type.clone()
    };
    Some((media_type, BodyKind::Bytes, None))
}

/// The arguments of `op`'s method, in order (see [`emit_client`]); exposed so
/// that other emitters can call the method.
pub fn operation_args(types: &TypeSpace<'_>, op: &Operation, names: &ClientNames) -> Vec<Arg> {
    let mut used = NameSet::default();
    for local in LOCALS {
        used.reserve(local);
    }
    let body = op.request_body.as_ref().and_then(|b| chosen_body(b).map(|c| (b.required, c)));
    let form = names.forms.get(&op.pointer);
    let body = body.map(|(required, (media_type, kind, schema))| match (kind, form) {
        (BodyKind::Multipart, Some(_)) => (required, (media_type, BodyKind::MultipartFiles, schema)),
        other => (required, (media_type, other.0, schema)),
    });
    if body.is_some() {
        used.reserve("body");
    }
    let mut args = Vec::new();
    for index in argument_parameters(op) {
        let Some(param) = op.parameters.get(index) else {
            continue;
        };
        // The whole query string (OpenAPI 3.2), as its media type formats it.
        let inner = if param.location == ParamLocation::QueryString {
            quote!(&str)
        } else {
            arg_type(types, &shape(types, param))
        };
        let ty = if param.required {
            inner
        } else {
            quote!(::std::option::Option<#inner>)
        };
        args.push(Arg {
            ident: make_ident(&used.unique(&field_name(&param.name))),
            ty,
            source: ArgSource::Parameter(index),
        });
    }
    if let Some((required, (media_type, kind, schema))) = body {
        let inner = match kind {
            BodyKind::Json | BodyKind::Multipart => {
                let ty = schema.map_or_else(|| quote!(::arazzo::serde_json::Value), |s| types.rust_type(s));
                quote!(&#ty)
            }
            // By value: the files' bytes move into the request.
            BodyKind::MultipartFiles => form.map_or_else(|| quote!(::arazzo::serde_json::Value), |f| quote!(#f)),
            BodyKind::Form => quote!(::std::vec::Vec<(::std::string::String, ::std::string::String)>),
            BodyKind::Bytes => quote!(::std::vec::Vec<u8>),
        };
        let ty = if required { inner } else { quote!(::std::option::Option<#inner>) };
        args.push(Arg {
            ident: make_ident("body"),
            ty,
            source: ArgSource::Body { media_type, kind },
        });
    }
    args
}

/// `let request = ...;` applying one argument to the request builder.
fn apply_arg(types: &TypeSpace<'_>, op: &Operation, arg: &Arg) -> TokenStream {
    let ident = &arg.ident;
    let value = quote!(#ident);
    let (expr, required) = match &arg.source {
        ArgSource::Parameter(index) => {
            let Some(param) = op.parameters.get(*index) else {
                return TokenStream::new();
            };
            (apply_param(param, &shape(types, param), &value), param.required)
        }
        ArgSource::Body { media_type, kind } => {
            let expr = match kind {
                BodyKind::Json => quote!(request.json(#value)?),
                BodyKind::Multipart => quote!(request.multipart_from(#value)?),
                BodyKind::MultipartFiles => quote!(request.multipart_parts(#value.into_parts()?)),
                BodyKind::Form => quote!(request.form(#value)),
                BodyKind::Bytes => quote!(request.bytes(#media_type, #value)),
            };
            let required = op.request_body.as_ref().is_some_and(|b| b.required);
            (expr, required)
        }
    };
    if required {
        quote!(let request = #expr;)
    } else {
        quote! {
            let request = match #ident {
                ::std::option::Option::Some(#ident) => #expr,
                ::std::option::Option::None => request,
            };
        }
    }
}

fn apply_param(param: &Parameter, shape: &Shape, value: &TokenStream) -> TokenStream {
    let name = &param.name;
    let setter = match param.location {
        ParamLocation::Path => quote!(path),
        ParamLocation::Query => quote!(query),
        ParamLocation::Header => quote!(header),
        ParamLocation::Cookie => quote!(cookie),
        ParamLocation::QueryString => {
            let preformatted = param.querystring_preformatted();
            return quote!(request.querystring(#value, #preformatted));
        }
    };
    let style = param.style.as_deref().unwrap_or("");
    if *shape == Shape::Json && param.location == ParamLocation::Query && (style == "deepObject" || param.explode()) {
        return exploded_object(param, value);
    }
    if needs_style_table(param, shape) {
        return styled(param, shape, value);
    }
    let Shape::List(item) = shape else {
        let text = text_of(shape, value);
        return quote!(request.#setter(#name, #text));
    };
    let item_text = item_text(item);
    let repeated = matches!(param.location, ParamLocation::Query | ParamLocation::Cookie) && param.explode();
    // OpenAPI's array delimiters for non-exploded query arrays; every other
    // style (form, simple) joins with commas.
    let delimiter = match style {
        "spaceDelimited" => " ",
        "pipeDelimited" => "|",
        _ => ",",
    };
    // A scalar's `to_string` is the mapping itself (no closure around it).
    let mapping = match item.as_ref() {
        Shape::Scalar(_) => quote!(::std::string::ToString::to_string),
        _ => quote!(|item| #item_text),
    };
    if repeated {
        quote!(#value.iter().fold(request, |request, item| request.#setter(#name, #item_text)))
    } else {
        quote! {
            request.#setter(
                #name,
                #value
                    .iter()
                    .map(#mapping)
                    .collect::<::std::vec::Vec<_>>()
                    .join(#delimiter),
            )
        }
    }
}

/// Whether a parameter goes through the runtime's style table
/// (`::arazzo::__private::ParamSpec`) instead of inline code: `label` and `matrix`
/// path parameters, arrays and objects in paths (whose separators must stay
/// literal while each value is encoded), and arrays and objects in headers
/// and cookies. Query parameters keep their inline encoding.
fn needs_style_table(param: &Parameter, shape: &Shape) -> bool {
    let structured = matches!(shape, Shape::List(_) | Shape::Json);
    match param.location {
        ParamLocation::Path => structured || matches!(param.style.as_deref(), Some("label" | "matrix")),
        ParamLocation::Header | ParamLocation::Cookie => structured,
        ParamLocation::Query | ParamLocation::QueryString => false,
    }
}

/// `ParamSpec::new(..).style(..).explode(..).apply_serialize(request, value)?`
/// with the parameter's declared style and effective explode.
fn styled(param: &Parameter, shape: &Shape, value: &TokenStream) -> TokenStream {
    let name = &param.name;
    let location = match param.location {
        ParamLocation::Path => quote!(Path),
        ParamLocation::Query => quote!(Query),
        ParamLocation::Header => quote!(Header),
        ParamLocation::Cookie => quote!(Cookie),
        ParamLocation::QueryString => {
            let preformatted = param.querystring_preformatted();
            quote!(QueryString { preformatted: #preformatted })
        }
    };
    let mut spec = quote!(::arazzo::__private::ParamSpec::new(::arazzo::__private::In::#location, #name));
    // Styles that do not fit the location (OpenAPI allows none of them) keep
    // the location's default, as `ParamSpec::new` sets it.
    let style = match (param.location, param.style.as_deref()) {
        (ParamLocation::Path, Some("label")) => Some(quote!(Label)),
        (ParamLocation::Path, Some("matrix")) => Some(quote!(Matrix)),
        _ => None,
    };
    if let Some(style) = style {
        spec = quote!(#spec.style(::arazzo::__private::Style::#style));
    }
    let explode = param.explode();
    spec = quote!(#spec.explode(#explode));
    // Scalars are taken by value; everything else is already a reference.
    let value = match shape {
        Shape::Scalar(_) => quote!(&#value),
        _ => quote!(#value),
    };
    quote!(#spec.apply_serialize(request, #value)?)
}

/// A JSON-typed query parameter sent exploded: an object's members become
/// `name[key]=value` (`deepObject`) or `key=value` (`form`, the default);
/// anything that is not an object is sent as one `name=value`.
fn exploded_object(param: &Parameter, value: &TokenStream) -> TokenStream {
    let name = &param.name;
    let key = if param.style.as_deref() == Some("deepObject") {
        let template = format!("{}[{{key}}]", name.replace('{', "{{").replace('}', "}}"));
        quote!(&::std::format!(#template))
    } else {
        quote!(key)
    };
    let member = quote! {
        ::arazzo::serde_json::Value::as_str(member).map_or_else(|| member.to_string(), ::std::borrow::ToOwned::to_owned)
    };
    let whole = text_of(&Shape::Json, value);
    quote! {
        match #value.as_object() {
            ::std::option::Option::Some(object) => object
                .iter()
                .fold(request, |request, (key, member)| request.query(#key, #member)),
            ::std::option::Option::None => request.query(#name, #whole),
        }
    }
}

/// The identifier of `op`'s success enum (`ListProductsResponse`), when it has one.
pub fn response_enum_ident(op: &Operation) -> Ident {
    make_ident(&type_name(&format!("{} response", op.rust_name)))
}

/// The identifier of `op`'s error enum (`ListSeerModelsError`), when it has one.
pub fn error_enum_ident(op: &Operation) -> Ident {
    make_ident(&type_name(&format!("{} error", op.rust_name)))
}

/// The variant of a response enum for a status key.
pub fn status_variant(status: StatusKey) -> Ident {
    let name = match status {
        StatusKey::Code(code) => match code {
            200 => "Ok".to_owned(),
            201 => "Created".to_owned(),
            202 => "Accepted".to_owned(),
            203 => "NonAuthoritativeInformation".to_owned(),
            204 => "NoContent".to_owned(),
            205 => "ResetContent".to_owned(),
            206 => "PartialContent".to_owned(),
            301 => "MovedPermanently".to_owned(),
            302 => "Found".to_owned(),
            303 => "SeeOther".to_owned(),
            304 => "NotModified".to_owned(),
            307 => "TemporaryRedirect".to_owned(),
            308 => "PermanentRedirect".to_owned(),
            400 => "BadRequest".to_owned(),
            401 => "Unauthorized".to_owned(),
            403 => "Forbidden".to_owned(),
            404 => "NotFound".to_owned(),
            405 => "MethodNotAllowed".to_owned(),
            406 => "NotAcceptable".to_owned(),
            408 => "RequestTimeout".to_owned(),
            409 => "Conflict".to_owned(),
            410 => "Gone".to_owned(),
            412 => "PreconditionFailed".to_owned(),
            413 => "PayloadTooLarge".to_owned(),
            415 => "UnsupportedMediaType".to_owned(),
            422 => "UnprocessableEntity".to_owned(),
            429 => "TooManyRequests".to_owned(),
            500 => "InternalServerError".to_owned(),
            501 => "NotImplemented".to_owned(),
            502 => "BadGateway".to_owned(),
            503 => "ServiceUnavailable".to_owned(),
            504 => "GatewayTimeout".to_owned(),
            other => format!("Status{other}"),
        },
        StatusKey::Range(class) => format!("Status{class}xx"),
        StatusKey::Default => "Default".to_owned(),
    };
    make_ident(&name)
}

/// What a response variant carries: the decoded JSON type, or the raw body.
fn payload(types: &TypeSpace<'_>, response: &Response) -> Option<Ty> {
    let media = response.json()?;
    Some(media.schema.as_ref().map_or(Ty::Json, |s| types.lookup_ty(s, 0)))
}

/// Names of the structs generated beside the response enums, decided once
/// per client module so that the method, the enum and the struct agree, and
/// made unique against everything else at the module's top level.
#[derive(Debug, Default)]
pub struct ClientNames {
    /// `<Op><Status>Headers` of each response that documents headers, by
    /// operation pointer and status.
    headers: HashMap<(String, StatusKey), Ident>,
    /// `<Op>Multipart` of each operation (by pointer) whose multipart body
    /// has binary members.
    forms: HashMap<String, Ident>,
    /// `__shapes::R<n>`, the response shapes of each operation (by pointer): `n` is its
    /// index among the module's operations, as `shapes::emit_shapes` numbers them.
    tables: HashMap<String, Ident>,
}

impl ClientNames {
    fn header(&self, op: &Operation, status: StatusKey) -> Option<&Ident> {
        self.headers.get(&(op.pointer.clone(), status))
    }
}

/// The `__shapes` table of `op`'s documented response shapes.
fn shape_table(op: &Operation, names: &ClientNames) -> Ident {
    names.tables.get(&op.pointer).cloned().unwrap_or_else(|| make_ident("R_MISSING"))
}

/// The [`ClientNames`] of a client module generating `ops`.
pub fn client_names(api: &OpenApi, ops: &[&Operation]) -> ClientNames {
    let mut used = NameSet::default();
    for name in ["types", "Client", "ServerVariables", "DEFAULT_BASE_URL"] {
        used.reserve(name);
    }
    for op in ops {
        used.reserve(&response_enum_ident(op).to_string());
        used.reserve(&error_enum_ident(op).to_string());
    }
    let mut out = HashMap::new();
    for op in ops {
        for response in op.responses.iter().filter(|r| !r.headers.is_empty()) {
            let base = type_name(&format!("{} {} headers", op.rust_name, status_variant(response.status)));
            out.insert((op.pointer.clone(), response.status), make_ident(&used.unique(&base)));
        }
    }
    let mut forms = HashMap::new();
    for op in ops {
        if file_form(api, op).is_some() {
            let base = type_name(&format!("{} multipart", op.rust_name));
            forms.insert(op.pointer.clone(), make_ident(&used.unique(&base)));
        }
    }
    let tables = ops
        .iter()
        .enumerate()
        .map(|(i, op)| (op.pointer.clone(), quote::format_ident!("R{}", i)))
        .collect();
    ClientNames {
        headers: out,
        forms,
        tables,
    }
}

/// The multipart media type and schema an operation sends when its schema
/// has members that are files (see [`crate::openapi::schema::SchemaView::is_binary`]); those bodies
/// get a form struct of their own, since the schema's type (shared with any
/// JSON use) holds such members as strings.
fn file_form<'o>(api: &OpenApi, op: &'o Operation) -> Option<(&'o MediaType, &'o SchemaRef)> {
    let body = op.request_body.as_ref()?;
    let (_, kind, _) = chosen_body(body)?;
    if kind != BodyKind::Multipart {
        return None;
    }
    let media = body.multipart()?;
    let schema = media.schema.as_ref()?;
    let v = view(&api.root, schema);
    v.properties
        .iter()
        .any(|p| file_member(api, &p.schema).is_some())
        .then_some((media, schema))
}

/// How a member travels as a file: `Some((list, contentMediaType, base64))`
/// for a binary string or an array of them.
fn file_member(api: &OpenApi, schema: &SchemaRef) -> Option<(bool, Option<String>, bool)> {
    let v = view(&api.root, schema);
    let (v, list) = match (&v.items, v.is_array()) {
        (Some(items), true) => (view(&api.root, items), true),
        _ => (v, false),
    };
    let base64 = v.content_encoding.as_deref().is_some_and(|e| e.eq_ignore_ascii_case("base64"));
    v.is_binary().then(|| (list, v.content_media_type.clone(), base64))
}

/// `pub struct <Op>Multipart`: one field per member of the body's schema
/// (readOnly members left out: they never travel in requests), files as
/// `::arazzo::FilePart`, and `into_parts`, which turns it into the parts sent.
fn multipart_form(api: &OpenApi, types: &TypeSpace<'_>, op: &Operation, names: &ClientNames) -> Option<TokenStream> {
    let name = names.forms.get(&op.pointer)?;
    let (media, schema) = file_form(api, op)?;
    let v = view(&api.root, schema);
    let mut used = NameSet::default();
    let mut fields = Vec::new();
    let mut pushes = Vec::new();
    for prop in &v.properties {
        let pv = view(&api.root, &prop.schema);
        if pv.read_only || prop.beside_ref.read_only {
            continue;
        }
        let ident = make_ident(&used.unique(&field_name(&prop.name)));
        let member = &prop.name;
        let required = v.is_required(&prop.name);
        let mut text = pv
            .description
            .clone()
            .or_else(|| prop.beside_ref.description.clone())
            .unwrap_or_default();
        // `file` / `files` / `value` is bound by the caller of `push`.
        let (ty, push, binding, source) = match file_member(api, &prop.schema) {
            Some((list, media_type, base64)) => {
                let content_type = media
                    .part_content_type(&prop.name)
                    .and_then(|c| c.split(',').next())
                    .map(str::trim)
                    .map(str::to_owned)
                    .or(media_type)
                    .unwrap_or_else(|| "application/octet-stream".to_owned());
                let encoded = if base64 { ", base64-encoded" } else { "" };
                text.push_str(&format!(
                    "\n\nSent as a file part (`{}`{encoded}) unless the `FilePart` names its own content type.",
                    content_type.replace('`', "'")
                ));
                let push = quote! {
                    parts.push((::std::string::String::from(#member), ::arazzo::Part::file(file, #content_type, #base64)));
                };
                if list {
                    let push = quote!(for file in files { #push });
                    (
                        quote!(::std::vec::Vec<::arazzo::FilePart>),
                        push,
                        quote!(files),
                        quote!(self.#ident),
                    )
                } else {
                    (quote!(::arazzo::FilePart), push, quote!(file), quote!(self.#ident))
                }
            }
            None => {
                let ty = types.render_in_client(&types.lookup_ty(&prop.schema, 0).without_option());
                let push = quote! {
                    parts.push((::std::string::String::from(#member), ::arazzo::Part::value(#member, value)?));
                };
                (ty, push, quote!(value), quote!(&self.#ident))
            }
        };
        let doc = doc_attrs(Some(&text));
        if required && !pv.nullable {
            fields.push(quote!(#doc pub #ident: #ty,));
            pushes.push(quote! { let #binding = #source; #push });
        } else {
            fields.push(quote!(#doc pub #ident: ::std::option::Option<#ty>,));
            pushes.push(quote! {
                if let ::std::option::Option::Some(#binding) = #source { #push }
            });
        }
    }
    let doc = format!(
        " The `multipart/form-data` body of `{}`: binary members are files, the others values.",
        operation_label(op).replace('`', "'")
    );
    Some(quote! {
        #[doc = #doc]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            /// The parts sent, in the schema's member order; absent members are left out.
            ///
            /// # Errors
            ///
            /// [`::arazzo::ClientError::InvalidRequest`] when a value member does not serialise.
            #[allow(clippy::vec_init_then_push, reason = "each member is pushed on its own, optional ones behind an `if let`")]
            pub fn into_parts(self) -> ::std::result::Result<::std::vec::Vec<(::std::string::String, ::arazzo::Part)>, ::arazzo::ClientError> {
                let mut parts = ::std::vec::Vec::new();
                #(#pushes)*
                ::std::result::Result::Ok(parts)
            }
        }
    })
}

/// How a response header is decoded: the field's type without `Option`,
/// and whether it is a comma-separated list.
fn header_type(types: &TypeSpace<'_>, header: &ResponseHeader) -> (TokenStream, bool) {
    let text = || (quote!(::std::string::String), false);
    let Some(schema) = &header.schema else {
        return text();
    };
    let scalar = |ty: &Ty| match ty {
        Ty::String | Ty::Int(_) | Ty::Float(_) | Ty::Bool => Some(types.render_in_client(ty)),
        Ty::Named(_) if types.is_string_enum(ty) => Some(types.render_in_client(ty)),
        _ => None,
    };
    match types.lookup_ty(schema, 0).without_option() {
        Ty::Vec(item) => scalar(&item.without_option()).map_or_else(text, |item| (item, true)),
        // Objects, unions and untyped schemas have no agreed text form in a
        // header; the value is kept as sent.
        other => scalar(&other).map_or_else(text, |ty| (ty, false)),
    }
}

fn operation_label(op: &Operation) -> String {
    op.operation_id
        .clone()
        .unwrap_or_else(|| format!("{} {}", op.method.as_str(), op.path))
}

/// `pub struct <Op><Status>Headers` with one field per documented header
/// and `from_exchange`, which decodes them.
fn header_struct(types: &TypeSpace<'_>, op: &Operation, response: &Response, name: &Ident) -> TokenStream {
    let label = operation_label(op);
    let mut used = NameSet::default();
    let mut fields = Vec::new();
    let mut reads = Vec::new();
    for header in &response.headers {
        let ident = make_ident(&used.unique(&field_name(&header.name)));
        let (inner, list) = header_type(types, header);
        let header_name = &header.name;
        let read = if list {
            quote!(exchange.header_list::<#inner>(#label, #header_name)?)
        } else {
            quote!(exchange.header_value::<#inner>(#label, #header_name)?)
        };
        let (ty, read) = if list {
            (quote!(::std::vec::Vec<#inner>), read)
        } else {
            (inner, read)
        };
        let (ty, read) = if header.required {
            (ty, quote!(#read.ok_or_else(|| exchange.missing_header(#label, #header_name))?))
        } else {
            (quote!(::std::option::Option<#ty>), read)
        };
        let mut text = format!("`{}`", header.name);
        if let Some(description) = header.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            text.push_str(": ");
            text.push_str(description);
        }
        let doc = doc_attrs(Some(&text));
        let deprecated = header.deprecated.then(|| quote!(#[deprecated]));
        fields.push(quote!(#doc #deprecated pub #ident: #ty,));
        reads.push(quote!(#ident: #read,));
    }
    let doc = format!(
        " The documented headers of the `{}` response of `{}`.",
        response.status,
        label.replace('`', "'")
    );
    quote! {
        #[doc = #doc]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        impl #name {
            /// Reads the headers from an answer.
            ///
            /// # Errors
            ///
            /// [`::arazzo::ClientError::InvalidHeader`] for a required header that is
            /// absent or a value that does not parse.
            pub fn from_exchange(exchange: &::arazzo::Exchange) -> ::std::result::Result<Self, ::arazzo::ClientError> {
                ::std::result::Result::Ok(Self { #(#reads)* })
            }
        }
    }
}

/// Which side of the `Result` an answer is on: statuses below 400 are
/// successes (2xx, and 1xx/3xx such as `304 Not Modified`, which a conditional
/// request expects), 400 and above errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Success,
    Error,
}

/// The documented responses of an operation, split into the `Ok` and `Err`
/// cases of its method.
///
/// `default` is an error case; when the operation documents no success
/// status at all it is the success case too (for an answer below 400), so an
/// operation documented only by `default` still has a typed success.
struct Outcomes<'o> {
    success: Vec<&'o Response>,
    error: Vec<&'o Response>,
}

impl<'o> Outcomes<'o> {
    fn of(op: &'o Operation) -> Self {
        let side = |r: &Response| match r.status {
            StatusKey::Code(code) if code < 400 => Some(Side::Success),
            StatusKey::Range(class) if class < 4 => Some(Side::Success),
            StatusKey::Code(_) | StatusKey::Range(_) => Some(Side::Error),
            StatusKey::Default => None,
        };
        let mut success: Vec<&Response> = op.responses.iter().filter(|r| side(r) == Some(Side::Success)).collect();
        let mut error: Vec<&Response> = op.responses.iter().filter(|r| side(r) == Some(Side::Error)).collect();
        if let Some(default) = op.responses.iter().find(|r| r.status == StatusKey::Default) {
            if success.is_empty() {
                success.push(default);
            }
            error.push(default);
        }
        Outcomes { success, error }
    }

    fn side(&self, side: Side) -> &[&'o Response] {
        match side {
            Side::Success => &self.success,
            Side::Error => &self.error,
        }
    }

    /// Whether `default` answers statuses below 400 too.
    fn default_succeeds(&self) -> bool {
        self.success.iter().any(|r| r.status == StatusKey::Default)
    }
}

/// How one side's cases are typed: nothing (`Infallible`), the one case's body
/// type directly, or an enum with a variant per status.
fn side_is_enum(op: &Operation, responses: &[&Response], names: &ClientNames) -> bool {
    match responses {
        [] => false,
        [one] => names.header(op, one.status).is_some(),
        _ => true,
    }
}

/// The `T` of `ResponseValue<T>` (success) or `E` of `ApiError<E>` (error),
/// relative to the client module.
fn side_type(types: &TypeSpace<'_>, op: &Operation, outcomes: &Outcomes<'_>, side: Side, names: &ClientNames) -> TokenStream {
    let responses = outcomes.side(side);
    if side_is_enum(op, responses, names) {
        let ident = match side {
            Side::Success => response_enum_ident(op),
            Side::Error => error_enum_ident(op),
        };
        return quote!(#ident);
    }
    match responses.first() {
        Some(r) => payload_type(types, r),
        None => quote!(::std::convert::Infallible),
    }
}

fn payload_type(types: &TypeSpace<'_>, r: &Response) -> TokenStream {
    match payload(types, r) {
        Some(ty) => types.render_in_client(&ty),
        None => quote!(::arazzo::RawBody),
    }
}

fn method(types: &TypeSpace<'_>, op: &Operation, names: &ClientNames) -> TokenStream {
    let name = make_ident(&op.rust_name);
    let outcomes = Outcomes::of(op);
    let success = side_type(types, op, &outcomes, Side::Success, names);
    let error = side_type(types, op, &outcomes, Side::Error, names);
    let args = operation_args(types, op, names);
    let params = args.iter().map(|a| {
        let ident = &a.ident;
        let ty = &a.ty;
        quote!(#ident: #ty)
    });
    let applied = args.iter().map(|a| apply_arg(types, op, a));
    let method = make_ident(op.method.as_str());
    let table = shape_table(op, names);
    let path = &op.path;
    let body = dispatch(types, op, &outcomes, names);
    let doc = method_doc(op, &outcomes, &error);
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    quote! {
        #doc
        #deprecated
        pub async fn #name(&self, #(#params),*) -> ::std::result::Result<::arazzo::ResponseValue<#success>, ::arazzo::ApiError<#error>> {
            let request = ::arazzo::Request::new(::arazzo::Method::#method, #path).responses(::std::option::Option::Some(&__shapes::#table));
            #(#applied)*
            let exchange = self.http.send(request).await?;
            #body
        }
    }
}

fn method_doc(op: &Operation, outcomes: &Outcomes<'_>, error: &TokenStream) -> TokenStream {
    let mut text = String::new();
    for part in [op.summary.as_deref(), op.description.as_deref()].into_iter().flatten() {
        let part = part.trim();
        if !part.is_empty() && !text.contains(part) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(part);
        }
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&format!("`{} {}`", op.method.as_str(), op.path.replace('`', "'")));
    if let Some(id) = &op.operation_id {
        text.push_str(&format!(" (operationId `{}`)", id.replace('`', "'")));
    }
    text.push_str("\n\n# Errors\n\n");
    if !outcomes.error.is_empty() {
        let statuses: Vec<String> = outcomes.error.iter().map(|r| format!("`{}`", r.status)).collect();
        let error = error.to_string().replace(' ', "");
        text.push_str(&format!(
            "[`ApiError::Documented`](::arazzo::ApiError::Documented) with a `{error}` for a documented error status ({}); ",
            statuses.join(", ")
        ));
    }
    text.push_str(
        "[`ApiError::Client`](::arazzo::ApiError::Client) when there is no answer, the status is not documented, \
         or the answer does not match the description.",
    );
    doc_attrs(Some(&text))
}

/// The `match` from status to result. Exact codes come before ranges; then
/// `default` (or the unexpected-status error) for what is left.
fn dispatch(types: &TypeSpace<'_>, op: &Operation, outcomes: &Outcomes<'_>, names: &ClientNames) -> TokenStream {
    let arm_value = |r: &Response, side: Side| {
        let responses = outcomes.side(side);
        let body = match payload(types, r) {
            Some(ty) => {
                let ty = types.render_in_client(&ty);
                quote!(exchange.into_json::<#ty>()?)
            }
            None => quote!(exchange.into_raw()),
        };
        let value = if side_is_enum(op, responses, names) {
            let variant = status_variant(r.status);
            let enum_ident = match side {
                Side::Success => response_enum_ident(op),
                Side::Error => error_enum_ident(op),
            };
            match names.header(op, r.status) {
                // Headers first: the body takes the exchange.
                Some(headers) => quote! {{
                    let headers = #headers::from_exchange(&exchange)?;
                    #body.map(|body| #enum_ident::#variant { body, headers })
                }},
                None => quote!(#body.map(#enum_ident::#variant)),
            }
        } else {
            body
        };
        match side {
            Side::Success => quote!(::std::result::Result::Ok(#value)),
            Side::Error => quote!(::std::result::Result::Err(::arazzo::ApiError::documented(#value))),
        }
    };
    let side_of = |r: &Response| {
        if outcomes.success.iter().any(|s| std::ptr::eq(*s, r)) {
            Side::Success
        } else {
            Side::Error
        }
    };
    let unexpected = quote!(::std::result::Result::Err(::arazzo::ApiError::Client(exchange.unexpected_status())));
    let mut arms = Vec::new();
    for r in op.responses.iter().filter(|r| matches!(r.status, StatusKey::Code(_))) {
        if let StatusKey::Code(code) = r.status {
            let code = Literal::u16_unsuffixed(code);
            let value = arm_value(r, side_of(r));
            arms.push(quote!(#code => #value,));
        }
    }
    for r in op.responses.iter().filter(|r| matches!(r.status, StatusKey::Range(_))) {
        if let StatusKey::Range(class) = r.status {
            let low = Literal::u16_unsuffixed(u16::from(class) * 100);
            let high = Literal::u16_unsuffixed(u16::from(class) * 100 + 99);
            let value = arm_value(r, side_of(r));
            arms.push(quote!(#low..=#high => #value,));
        }
    }
    let fallback = match op.responses.iter().find(|r| r.status == StatusKey::Default) {
        Some(r) if outcomes.default_succeeds() => {
            let success = arm_value(r, Side::Success);
            arms.push(quote!(0..=399 => #success,));
            arm_value(r, Side::Error)
        }
        Some(r) => {
            // The operation documents its successes; `default` is its error shape,
            // so an undocumented status below 400 is not decoded as one.
            arms.push(quote!(0..=399 => #unexpected,));
            arm_value(r, Side::Error)
        }
        None => unexpected,
    };
    if arms.is_empty() {
        return fallback;
    }
    quote! {
        match exchange.status() {
            #(#arms)*
            _ => #fallback,
        }
    }
}

/// `<Op>Response` (several success cases, or one with typed headers),
/// `<Op>Error` (likewise for error cases) and the header structs of the
/// operation's responses.
fn outcome_types(types: &TypeSpace<'_>, op: &Operation, names: &ClientNames) -> TokenStream {
    let label = operation_label(op).replace('`', "'");
    let outcomes = Outcomes::of(op);
    let mut out = TokenStream::new();
    for side in [Side::Success, Side::Error] {
        let responses = outcomes.side(side);
        if !side_is_enum(op, responses, names) {
            continue;
        }
        let (name, doc) = match side {
            Side::Success => (
                response_enum_ident(op),
                format!(" The documented success statuses of `{label}`, the body of its `ResponseValue`."),
            ),
            Side::Error => (
                error_enum_ident(op),
                format!(" The documented error statuses of `{label}`, the body of its `ApiError::Documented`."),
            ),
        };
        let variants = responses.iter().map(|r| {
            let variant = status_variant(r.status);
            let ty = payload_type(types, r);
            let status = match (r.status, side) {
                (StatusKey::Default, Side::Success) => "`default` (below 400)".to_owned(),
                (StatusKey::Default, Side::Error) => "`default` (400 and above)".to_owned(),
                (status, _) => format!("`{status}`"),
            };
            let text = if r.description.trim().is_empty() {
                status
            } else {
                format!("{status}: {}", r.description.trim())
            };
            let doc = doc_attrs(Some(&text));
            match names.header(op, r.status) {
                Some(headers) => {
                    quote!(#doc #variant { #[doc = " The body."] body: #ty, #[doc = " The documented headers."] headers: #headers },)
                }
                None => quote!(#doc #variant(#ty),),
            }
        });
        out.extend(quote! {
            #[doc = #doc]
            #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
            pub enum #name {
                #(#variants)*
            }
        });
    }
    for r in &op.responses {
        if let Some(headers) = names.header(op, r.status) {
            out.extend(header_struct(types, op, r, headers));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openapi::tests::{HOSTILE, PETSTORE, SEER, load_str};

    fn emit(text: &str, operations: Option<&[usize]>) -> String {
        let (api, _) = load_str(text);
        let module = proc_macro2::Ident::new("seer_api", proc_macro2::Span::call_site());
        let tokens = emit_client(&api, &module, operations);
        match syn::parse2::<syn::File>(tokens) {
            Ok(file) => prettyplease::unparse(&file),
            Err(e) => panic!("emitted tokens do not parse: {e}"),
        }
    }

    /// Whitespace and trailing commas removed, so assertions do not depend
    /// on prettyplease's line breaking.
    fn squash(s: &str) -> String {
        let mut out: String = s.split_whitespace().collect();
        for close in [")", ">", "}", "]"] {
            out = out.replace(&format!(",{close}"), close);
        }
        out
    }

    fn assert_has(code: &str, needles: &[&str]) {
        let squashed = squash(code);
        for needle in needles {
            let needle_squashed = squash(needle);
            let needle_squashed = needle_squashed.trim_end_matches(',');
            assert!(squashed.contains(needle_squashed), "missing `{needle}` in:\n{code}");
        }
    }

    #[test]
    fn seer_client() {
        let code = emit(SEER, None);
        assert_has(
            &code,
            &[
                "/// Sentry Seer API (version 0.0.1)",
                "pub mod seer_api {",
                "pub mod types {",
                "pub const DEFAULT_BASE_URL: &str = \"https://sentry.io/api/0\";",
                "#[derive(::std::clone::Clone, ::std::fmt::Debug)] pub struct Client { http: ::arazzo::HttpClient, }",
                "pub fn new(base_url: impl ::std::convert::Into<::std::string::String>) -> Self { Self { http: ::arazzo::HttpClient::new(base_url), } }",
                "pub fn with_bearer_token(self, token: impl ::std::convert::Into<::std::string::String>) -> Self { Self { http: self.http.with_auth(::arazzo::Auth::bearer(token)), } }",
                "pub fn with_http_client(self, client: ::arazzo::reqwest::Client) -> Self",
                "pub fn with_retry_policy(self, policy: ::arazzo::RetryPolicy) -> Self",
                "pub fn http(&self) -> &::arazzo::HttpClient",
                "/// Sentry List Seer AI models",
                "pub async fn list_seer_models(&self, organization_id_or_slug: &str) -> ::std::result::Result<::arazzo::ResponseValue<::std::vec::Vec<types::SeerModel>>, ::arazzo::ApiError<ListSeerModelsError>> {",
                "/// # Errors /// /// [`ApiError::Documented`](::arazzo::ApiError::Documented) with a `ListSeerModelsError` for a documented error status (`401`, `403`);",
                "let request = ::arazzo::Request::new(::arazzo::Method::GET, \"/organizations/{organization_id_or_slug}/seer/models/\").responses(::std::option::Option::Some(&__shapes::R0));",
                "pub static R0: ::arazzo::schema::Responses = ::arazzo::schema::Responses { operation: \"listSeerModels\", shapes: &[(200, 200, &S0)] };",
                "pub fn with_schema_checks(self, checks: ::arazzo::SchemaChecks) -> Self { Self { http: self.http.with_schema_checks(checks), } }",
                "let request = request.path(\"organization_id_or_slug\", organization_id_or_slug);",
                "let exchange = self.http.send(request).await?;",
                "200 => { ::std::result::Result::Ok(exchange.into_json::<::std::vec::Vec<types::SeerModel>>()?) }",
                "401 => { ::std::result::Result::Err(::arazzo::ApiError::documented(exchange.into_raw().map(ListSeerModelsError::Unauthorized))) }",
                "_ => { ::std::result::Result::Err(::arazzo::ApiError::Client(exchange.unexpected_status())) }",
                "pub async fn start_seer_issue_fix(&self, issue_id: &str, body: ::std::option::Option<&types::StartSeerIssueFixRequest>,)",
                "::std::option::Option::Some(body) => request.json(body)?,",
                "impl ::std::default::Default for Client { fn default() -> Self { Self::new(DEFAULT_BASE_URL) } }",
                "/// The documented error statuses of `listSeerModels`, the body of its `ApiError::Documented`.",
                "#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)] pub enum ListSeerModelsError {",
                "/// `401`",
                "Forbidden(::arazzo::RawBody),",
                "::arazzo::ResponseValue<types::StartSeerIssueFixResponse202>",
                "::arazzo::ResponseValue<types::RetrieveSeerIssueFixStateResponse200>",
            ],
        );
        assert!(!code.contains("with_api_key") && !code.contains("with_basic_auth"));
        // One success status without headers: its body type is the `T`, no enum.
        assert!(!code.contains("ListSeerModelsResponse"), "{code}");
    }

    #[test]
    fn petstore_client() {
        let code = emit(PETSTORE, None);
        assert_has(
            &code,
            &[
                "pub const DEFAULT_BASE_URL: &str = \"https://eu.petstore.example/v1\";",
                "pub fn with_basic_auth(self, username: impl ::std::convert::Into<::std::string::String>, password: impl ::std::convert::Into<::std::string::String>,) -> Self",
                "::arazzo::Auth::basic(username, password)",
                "pub fn with_api_key(self, key: impl ::std::convert::Into<::std::string::String>) -> Self",
                "::arazzo::Auth::api_key(::arazzo::ApiKeyLocation::Header, \"X-Api-Key\", key)",
                "pub async fn list_pets(&self, x_trace_id: ::std::option::Option<&str>, limit: ::std::option::Option<i32>, status: ::std::option::Option<&[types::PetStatus]>, tags: ::std::option::Option<&[&str]>, session: ::std::option::Option<&str>, request_2: ::std::option::Option<bool>,)",
                "::std::option::Option::Some(x_trace_id) => { request.header(\"X-Trace-Id\", x_trace_id) }",
                "request.query(\"limit\", limit.to_string())",
                "status.iter().fold(request, |request, item| { request.query(\"status\", ::std::string::ToString::to_string(item.as_str())) })",
                "request.query(\"tags\", tags.iter().map(|item| ::std::string::ToString::to_string(*item)).collect::<::std::vec::Vec<_>>().join(\",\"))",
                "request.cookie(\"session\", session)",
                "request.query(\"request\", request_2.to_string())",
                "-> ::std::result::Result<::arazzo::ResponseValue<ListPetsResponse>, ::arazzo::ApiError<types::Error>>",
                "200 => { ::std::result::Result::Ok(exchange.into_json::<types::PetPage>()?.map(ListPetsResponse::Ok)) }",
                "200..=299 => { ::std::result::Result::Ok(exchange.into_raw().map(ListPetsResponse::Status2xx)) }",
                // Successes are documented, so `default` is the error shape only.
                "0..=399 => { ::std::result::Result::Err(::arazzo::ApiError::Client(exchange.unexpected_status())) }",
                "_ => { ::std::result::Result::Err(::arazzo::ApiError::documented(exchange.into_json::<types::Error>()?)) }",
                "pub enum ListPetsResponse { /// `200`: A page of pets. Ok(types::PetPage), /// `2XX`: Other success. Status2xx(::arazzo::RawBody), }",
                "pub async fn create_pet(&self, x_trace_id: ::std::option::Option<&str>, limit: ::std::option::Option<i64>, body: &types::NewPetRequest)",
                "let request = request.json(body)?;",
                "pub async fn create_pet(&self, x_trace_id: ::std::option::Option<&str>, limit: ::std::option::Option<i64>, body: &types::NewPetRequest,) -> ::std::result::Result<::arazzo::ResponseValue<types::Pet>, ::arazzo::ApiError<types::Error>>",
                "422 => { ::std::result::Result::Err(::arazzo::ApiError::documented(exchange.into_json::<types::Error>()?)) }",
                "pub async fn show_pet_by_id(&self, pet_id: i64)",
                "let request = request.path(\"petId\", pet_id.to_string());",
                "/// `DELETE /pets/{petId}`",
                "#[deprecated] pub async fn delete_pets_pet_id(&self, pet_id: i64)",
                "::arazzo::Method::DELETE",
                "pub async fn upload_photo(&self, pet_id: i64, body: ::std::vec::Vec<u8>)",
                "let request = request.bytes(\"image/png\", body);",
                "pub async fn login(&self, body: ::std::option::Option<::std::vec::Vec<(::std::string::String, ::std::string::String)>>,) -> ::std::result::Result<::arazzo::ResponseValue<::arazzo::RawBody>, ::arazzo::ApiError<::std::convert::Infallible>>",
                "request.form(body)",
                "200 => ::std::result::Result::Ok(exchange.into_raw()),",
                "::arazzo::ResponseValue<::std::vec::Vec<types::Animal>>",
                "::arazzo::ResponseValue<types::Weird>",
            ],
        );
        assert!(!code.contains("\"Accept\""), "Accept is the runtime's business");
    }

    #[test]
    fn selection_and_operations_without_responses() {
        let code = emit(PETSTORE, Some(&[2, 999]));
        assert!(code.contains("pub async fn show_pet_by_id("));
        assert!(!code.contains("pub async fn list_pets("));
        assert!(!code.contains("PetPage"));
        let bare = emit(
            "openapi: 3.1.0\ninfo: {title: '', version: ''}\npaths:\n  /ping:\n    head: {}\n",
            None,
        );
        assert_has(
            &bare,
            &[
                "/// Client for an API described by OpenAPI.",
                "pub const DEFAULT_BASE_URL: &str = \"/\";",
                "pub async fn head_ping(&self) -> ::std::result::Result<::arazzo::ResponseValue<::std::convert::Infallible>, ::arazzo::ApiError<::std::convert::Infallible>>",
                "let exchange = self.http.send(request).await?; ::std::result::Result::Err(::arazzo::ApiError::Client(exchange.unexpected_status())) }",
            ],
        );
        assert!(!bare.contains("match exchange"), "no single-arm match");
        assert!(!bare.contains("pub enum"), "no enum for an empty side");
    }

    #[test]
    fn hostile_documents_still_emit_parseable_code() {
        for text in HOSTILE {
            let Ok(root) = crate::yaml::parse(text, crate::source::FileId(0)) else {
                continue;
            };
            let mut diags = crate::diagnostics::Diagnostics::default();
            let api = crate::openapi::load(root, crate::source::FileId(0), &mut diags);
            let module = proc_macro2::Ident::new("api", proc_macro2::Span::call_site());
            let tokens = emit_client(&api, &module, None);
            if let Err(e) = syn::parse2::<syn::File>(tokens) {
                panic!("{text}\n{e}");
            }
        }
    }

    #[test]
    fn parameter_styles_and_server_variables() {
        let code = emit(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers:\n  - url: 'https://{region}.x.example/{v}'\n    variables:\n      region: {default: eu, enum: [eu, us]}\n      v: {default: v1}\npaths:\n  /o:\n    get:\n      operationId: o\n      parameters:\n        - {name: filter, in: query, style: deepObject, explode: true, schema: {type: object, properties: {a: {type: string}}}}\n        - {name: opts, in: query, schema: {type: object, additionalProperties: true}}\n        - {name: ids, in: query, style: pipeDelimited, schema: {type: array, items: {type: integer}}}\n        - {name: words, in: query, style: spaceDelimited, explode: false, schema: {type: array, items: {type: string}}}\n      responses: {}\n",
            None,
        );
        assert_has(
            &code,
            &[
                "request.query(&::std::format!(\"filter[{key}]\"), ::arazzo::serde_json::Value::as_str(member)",
                "object.iter().fold(request, |request, (key, member)| { request.query(key,",
                ".join(\"|\")",
                ".join(\" \")",
                "pub struct ServerVariables { /// `{region}`, default `eu`. The spec allows `eu`, `us`. pub region: ::std::string::String, /// `{v}`, default `v1`. pub v: ::std::string::String, }",
                "::std::string::String::from(\"https://{region}.x.example/{v}\").replace(\"{region}\", &self.region).replace(\"{v}\", &self.v)",
                "pub fn for_server(variables: &ServerVariables) -> Self { Self::new(variables.url()) }",
            ],
        );
    }

    #[test]
    fn documented_response_headers_get_a_struct() {
        let code = emit(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    get:\n      operationId: listP\n      responses:\n        '200':\n          description: Page.\n          headers:\n            X-Rate-Limit: {required: true, schema: {type: integer, format: int32}}\n            X-Ids: {schema: {type: array, items: {type: integer}}}\n            X-Mode: {schema: {type: string, enum: [a, b]}}\n            X-Obj: {schema: {type: object}}\n            Content-Type: {schema: {type: string}}\n          content: {application/json: {schema: {type: string}}}\n        '404': {description: Gone.}\n  /q:\n    get:\n      operationId: listPOk\n      responses:\n        '204': {description: None., headers: {ETag: {schema: {type: string}}}}\n",
            None,
        );
        assert_has(
            &code,
            &[
                // One success, but with typed headers: an enum of one variant keeps them beside the body.
                "pub enum ListPResponse { /// `200`: Page. Ok { /// The body. body: ::std::string::String, /// The documented headers. headers: ListPOkHeaders, }, }",
                "-> ::std::result::Result<::arazzo::ResponseValue<ListPResponse>, ::arazzo::ApiError<::arazzo::RawBody>>",
                "pub struct ListPOkHeaders { /// `X-Rate-Limit` pub x_rate_limit: i32, /// `X-Ids` pub x_ids: ::std::option::Option<::std::vec::Vec<i64>>, /// `X-Mode` pub x_mode: ::std::option::Option<types::ListPxMode>, /// `X-Obj` pub x_obj: ::std::option::Option<::std::string::String>, }",
                "x_rate_limit: exchange.header_value::<i32>(\"listP\", \"X-Rate-Limit\")?.ok_or_else(|| exchange.missing_header(\"listP\", \"X-Rate-Limit\"))?,",
                "x_ids: exchange.header_list::<i64>(\"listP\", \"X-Ids\")?,",
                "200 => { ::std::result::Result::Ok({ let headers = ListPOkHeaders::from_exchange(&exchange)?; exchange.into_json::<::std::string::String>()?.map(|body| ListPResponse::Ok { body, headers }) }) }",
                "404 => { ::std::result::Result::Err(::arazzo::ApiError::documented(exchange.into_raw())) }",
                // `listPOk` + `NoContent` cannot collide with `listP` + `Ok`, but names are unique anyway.
                "NoContent { /// The body. body: ::arazzo::RawBody, /// The documented headers. headers: ListPOkNoContentHeaders, }",
            ],
        );
        assert!(!code.contains("Content-Type"), "Content-Type response headers are ignored");
    }

    #[test]
    fn statuses_below_400_are_ok_and_the_others_err() {
        let code = emit(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /d:\n    get:\n      operationId: onlyDefault\n      responses:\n        default: {description: Any., content: {application/json: {schema: {type: string}}}}\n  /r:\n    get:\n      operationId: ranges\n      responses:\n        '3XX': {description: Moved.}\n        '4XX': {description: Client error., content: {application/json: {schema: {type: integer}}}}\n        '503': {description: Down., headers: {Retry-After: {schema: {type: integer}}}}\n",
            None,
        );
        assert_has(
            &code,
            &[
                // Only `default`: the success below 400, the documented error above.
                "pub async fn only_default(&self) -> ::std::result::Result<::arazzo::ResponseValue<::std::string::String>, ::arazzo::ApiError<::std::string::String>>",
                "0..=399 => { ::std::result::Result::Ok(exchange.into_json::<::std::string::String>()?) }",
                "_ => { ::std::result::Result::Err(::arazzo::ApiError::documented(exchange.into_json::<::std::string::String>()?)) }",
                // Ranges go by class; several error cases are an enum, typed headers a struct variant.
                "pub async fn ranges(&self) -> ::std::result::Result<::arazzo::ResponseValue<::arazzo::RawBody>, ::arazzo::ApiError<RangesError>>",
                "503 => { ::std::result::Result::Err(::arazzo::ApiError::documented({ let headers = RangesServiceUnavailableHeaders::from_exchange(&exchange)?; exchange.into_raw().map(|body| RangesError::ServiceUnavailable { body, headers }) })) }",
                "300..=399 => ::std::result::Result::Ok(exchange.into_raw()),",
                "400..=499 => { ::std::result::Result::Err(::arazzo::ApiError::documented(exchange.into_json::<i64>()?.map(RangesError::Status4xx))) }",
                "_ => { ::std::result::Result::Err(::arazzo::ApiError::Client(exchange.unexpected_status())) }",
                "pub enum RangesError { /// `4XX`: Client error. Status4xx(i64), /// `503`: Down. ServiceUnavailable { /// The body. body: ::arazzo::RawBody, /// The documented headers. headers: RangesServiceUnavailableHeaders, }, }",
                "with a `RangesError` for a documented error status (`4XX`, `503`)",
            ],
        );
        assert!(!code.contains("OnlyDefaultResponse") && !code.contains("OnlyDefaultError") && !code.contains("RangesResponse"));
    }

    #[test]
    fn label_matrix_and_structured_header_and_cookie_parameters_use_the_style_table() {
        let code = emit(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a/{l}{m}/{s}:\n    get:\n      operationId: a\n      parameters:\n        - {name: l, in: path, required: true, style: label, schema: {type: integer}}\n        - {name: m, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: string}}}\n        - {name: s, in: path, required: true, schema: {type: string}}\n        - {name: X-O, in: header, explode: true, schema: {type: object}}\n        - {name: X-S, in: header, schema: {type: string}}\n        - {name: c, in: cookie, explode: false, schema: {type: array, items: {type: string}}}\n      responses: {}\n",
            None,
        );
        assert_has(
            &code,
            &[
                "let request = ::arazzo::__private::ParamSpec::new(::arazzo::__private::In::Path, \"l\").style(::arazzo::__private::Style::Label).explode(false).apply_serialize(request, &l)?;",
                "let request = ::arazzo::__private::ParamSpec::new(::arazzo::__private::In::Path, \"m\").style(::arazzo::__private::Style::Matrix).explode(true).apply_serialize(request, m)?;",
                "let request = request.path(\"s\", s);",
                "::arazzo::__private::ParamSpec::new(::arazzo::__private::In::Header, \"X-O\").explode(true).apply_serialize(request, x_o)?",
                "request.header(\"X-S\", x_s)",
                "::arazzo::__private::ParamSpec::new(::arazzo::__private::In::Cookie, \"c\").explode(false).apply_serialize(request, c)?",
            ],
        );
    }

    #[test]
    fn multipart_bodies_with_binary_members_get_a_form_struct() {
        let code = emit(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /u:\n    post:\n      operationId: up\n      requestBody:\n        content:\n          multipart/form-data:\n            schema:\n              type: object\n              required: [a]\n              properties:\n                a: {type: string, format: binary}\n                b: {type: string, contentMediaType: image/png}\n                c: {type: string, contentEncoding: base64}\n                d: {type: array, items: {type: string, format: binary}}\n                e: {type: integer}\n                f: {type: string, readOnly: true}\n            encoding:\n              a: {contentType: 'text/csv, text/plain'}\n      responses: {}\n  /t:\n    post:\n      operationId: text\n      requestBody:\n        content:\n          multipart/form-data:\n            schema: {type: object, properties: {x: {type: string}}}\n      responses: {}\n",
            None,
        );
        assert_has(
            &code,
            &[
                "pub async fn up(&self, body: ::std::option::Option<UpMultipart>)",
                "::std::option::Option::Some(body) => { request.multipart_parts(body.into_parts()?) }",
                "pub struct UpMultipart { /// Sent as a file part (`text/csv`) unless the `FilePart` names its own content type. pub a: ::arazzo::FilePart,",
                "pub b: ::std::option::Option<::arazzo::FilePart>,",
                "pub d: ::std::option::Option<::std::vec::Vec<::arazzo::FilePart>>, pub e: ::std::option::Option<i64>, }",
                "let file = self.a; parts.push((::std::string::String::from(\"a\"), ::arazzo::Part::file(file, \"text/csv\", false)));",
                "::arazzo::Part::file(file, \"image/png\", false)",
                "::arazzo::Part::file(file, \"application/octet-stream\", true)",
                "if let ::std::option::Option::Some(files) = self.d { for file in files { parts.push((::std::string::String::from(\"d\"), ::arazzo::Part::file(file, \"application/octet-stream\", false))); } }",
                "if let ::std::option::Option::Some(value) = &self.e { parts.push((::std::string::String::from(\"e\"), ::arazzo::Part::value(\"e\", value)?)); }",
                // No binary member: the schema's own type, one JSON value.
                "pub async fn text(&self, body: ::std::option::Option<&types::TextRequest>)",
            ],
        );
        let form = code
            .split("pub struct UpMultipart")
            .nth(1)
            .and_then(|rest| rest.split('}').next())
            .unwrap_or("");
        assert!(
            form.contains("pub e:") && !form.contains("pub f:"),
            "readOnly members are not sent: {form}"
        );
        assert!(!code.contains("TextMultipart"));
    }

    #[test]
    fn status_variants() {
        let name = |s| status_variant(s).to_string();
        assert_eq!(name(StatusKey::Code(204)), "NoContent");
        assert_eq!(name(StatusKey::Code(418)), "Status418");
        assert_eq!(name(StatusKey::Range(5)), "Status5xx");
        assert_eq!(name(StatusKey::Default), "Default");
    }

    /// Every `::arazzo::` item and builder method the emitted code calls
    /// exists in the runtime crate's source. Not a compile check (the
    /// integration tests do that): a fast guard against renames on either
    /// side.
    #[test]
    fn runtime_names_exist() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src");
        let mut runtime = String::new();
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            runtime.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
        let lib = std::fs::read_to_string(dir.join("lib.rs")).unwrap_or_default();
        let code = emit(SEER, None) + &emit(PETSTORE, None);
        let names_after = |prefix: &str| {
            let mut items: Vec<String> = code
                .split(prefix)
                .skip(1)
                .filter_map(|rest| rest.split(|c: char| !c.is_alphanumeric() && c != '_').next())
                .map(str::to_owned)
                .collect();
            items.sort_unstable();
            items.dedup();
            items
        };
        let exported_in = |text: &str, item: &str| {
            text.contains(&format!("pub use {item};"))
                || text.contains(&format!(" {item},"))
                || text.contains(&format!(" {item}}}"))
                || text.contains(&format!("{{{item},"))
                || text.contains(&format!("::{item};"))
                || text.contains(&format!("pub mod {item} "))
                || text.contains(&format!("pub mod {item};"))
        };
        for item in names_after("::arazzo::") {
            assert!(exported_in(&lib, &item), "`::arazzo::{item}` is not exported by runtime/src/lib.rs");
        }
        let private = lib
            .split("pub mod __private {")
            .nth(1)
            .and_then(|rest| rest.split('}').next())
            .unwrap_or("");
        for item in names_after("::arazzo::__private::") {
            assert!(
                exported_in(&format!("{private}}}"), &item),
                "`::arazzo::__private::{item}` is not in runtime/src/lib.rs's `__private`"
            );
        }
        let methods = [
            "new",
            "with_auth",
            "with_http_client",
            "with_retry_policy",
            "with_limits",
            "with_schema_checks",
            "responses",
            "send",
            "bearer",
            "basic",
            "api_key",
            "path",
            "query",
            "header",
            "cookie",
            "json",
            "form",
            "bytes",
            "multipart",
            "status",
            "into_json",
            "into_raw",
            "documented",
            "map",
            "multipart_from",
            "unexpected_status",
            "header_value",
            "header_list",
            "missing_header",
            "apply_serialize",
            "style",
            "multipart_parts",
            "file",
            "value",
            "explode",
        ];
        for method in methods {
            assert!(
                runtime.contains(&format!("pub fn {method}("))
                    || runtime.contains(&format!("pub const fn {method}("))
                    || runtime.contains(&format!("pub fn {method}<"))
                    || runtime.contains(&format!("pub async fn {method}(")),
                "the runtime has no `{method}`"
            );
        }
    }
}
