//! AsyncAPI 3.0 source descriptions, read from the spanned YAML tree into an index of
//! servers, channels (with their messages) and operations.
//!
//! Arazzo 1.1 steps name AsyncAPI operations (`operationId`, `operationPath`) or channels
//! (`channelPath`); the checker resolves those names here and reads messages' payload
//! schemas, headers and `correlationId`s. Only local `$ref`s (`#/...`) are followed: an
//! external one is reported where it is written. Loading checks shape only; whether a
//! protocol can be compiled is the checker's call (`arazzo/events.rs`).

use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::source::Span;
use crate::yaml::{Node, Value};

/// How many `$ref`s one lookup follows before calling it a cycle.
const REF_HOPS: usize = 32;

#[derive(Debug)]
pub struct AsyncApi {
    pub servers: Vec<Server>,
    pub channels: Vec<Channel>,
    pub operations: Vec<Operation>,
    /// The whole document, for schema lookups that follow `$ref`s.
    pub root: Node,
}

#[derive(Debug)]
pub struct Server {
    pub name: String,
    pub host: String,
    pub protocol: String,
    pub pathname: String,
    pub protocol_span: Span,
}

impl Server {
    pub fn is_http(&self) -> bool {
        matches!(self.protocol.to_ascii_lowercase().as_str(), "http" | "https")
    }

    /// `protocol://host/pathname`, without a trailing `/`.
    pub fn base_url(&self) -> String {
        let path = self.pathname.trim_end_matches('/');
        let path = if path.is_empty() || path.starts_with('/') {
            path.to_owned()
        } else {
            format!("/{path}")
        };
        format!("{}://{}{path}", self.protocol.to_ascii_lowercase(), self.host)
    }
}

#[derive(Debug)]
pub struct Channel {
    /// The key under `channels`.
    pub key: String,
    pub address: Option<String>,
    pub messages: Vec<Message>,
    /// Indices into `AsyncApi::servers`; empty means every server (AsyncAPI 3.0).
    pub servers: Vec<usize>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Message {
    /// The key in the channel's `messages`.
    pub key: String,
    pub content_type: Option<String>,
    /// The payload schema (`$ref`s not yet followed).
    pub payload: Option<Node>,
    /// `correlationId.location`, a `$message.header.<name>` or `$message.payload#/..` expression.
    pub correlation: Option<(String, Span)>,
}

#[derive(Debug)]
pub struct Operation {
    /// The key under `operations`: AsyncAPI 3.0's operation id.
    pub id: String,
    /// Index into `AsyncApi::channels`.
    pub channel: Option<usize>,
    /// Indices into that channel's `messages`; empty means all of them.
    pub messages: Vec<usize>,
}

impl AsyncApi {
    pub fn operation(&self, id: &str) -> Option<(usize, &Operation)> {
        self.operations.iter().enumerate().find(|(_, o)| o.id == id)
    }

    /// The channel a JSON pointer (`/channels/<key>`) names.
    pub fn channel_at(&self, pointer: &str) -> Option<usize> {
        let key = unescape(pointer.strip_prefix("/channels/")?);
        self.channels.iter().position(|c| c.key == key)
    }

    /// The servers a channel is available on.
    pub fn servers_of(&self, channel: &Channel) -> Vec<&Server> {
        if channel.servers.is_empty() {
            self.servers.iter().collect()
        } else {
            channel.servers.iter().filter_map(|i| self.servers.get(*i)).collect()
        }
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Follows local `$ref`s (`#/a/b`) until a node without one; `None` for a dangling or
/// external reference or a cycle.
pub fn deref<'a>(root: &'a Node, mut node: &'a Node) -> Option<&'a Node> {
    for _ in 0..REF_HOPS {
        let Some(reference) = node.get("$ref").and_then(Node::as_str) else {
            return Some(node);
        };
        let pointer = reference.strip_prefix('#')?;
        let tokens: Vec<String> = pointer.split('/').skip(1).map(unescape).collect();
        node = root.pointer(tokens.iter().map(String::as_str))?;
    }
    None
}

fn text(node: Option<&Node>) -> Option<String> {
    match &node?.value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn bad_ref(node: &Node, what: &str) -> Diagnostic {
    let reference = node.get("$ref").and_then(Node::as_str).unwrap_or_default();
    let span = node.get("$ref").map_or(node.span, |r| r.span);
    let d = Diagnostic::error(span, format!("{what} `{reference}` does not resolve in this AsyncAPI document")).with_code(codes::INVALID);
    if reference.starts_with('#') {
        d
    } else {
        d.with_code(codes::UNSUPPORTED)
            .with_note(None, "only references inside the AsyncAPI document (`#/...`) are followed")
    }
}

/// Loads an AsyncAPI document (its `asyncapi` field is known to exist).
pub fn load(root: Node, diags: &mut Diagnostics) -> Option<AsyncApi> {
    let version = root.get("asyncapi")?;
    let v = text(Some(version)).unwrap_or_default();
    if !v.starts_with("3.") {
        diags.push(
            Diagnostic::error(version.span, format!("unsupported AsyncAPI version `{v}`"))
                .with_code(codes::VERSION)
                .with_help("this generator reads AsyncAPI 3.x descriptions (`asyncapi: 3.0.0`)"),
        );
        return None;
    }
    let mut servers = Vec::new();
    if let Some(map) = root.get("servers").and_then(Node::as_map) {
        for (key, node) in map.iter() {
            let Some(node) = deref(&root, node) else {
                diags.push(bad_ref(node, "server reference"));
                continue;
            };
            let host = text(node.get("host"));
            let protocol = node.get("protocol");
            match (host, protocol.and_then(|p| text(Some(p)))) {
                (Some(host), Some(p)) => servers.push(Server {
                    name: key.name.clone(),
                    host,
                    protocol: p,
                    pathname: text(node.get("pathname")).unwrap_or_default(),
                    protocol_span: protocol.map_or(key.span, |p| p.span),
                }),
                _ => diags.push(
                    Diagnostic::error(key.span, format!("AsyncAPI server `{}` needs `host` and `protocol`", key.name))
                        .with_code(codes::MISSING_FIELD),
                ),
            }
        }
    }
    let mut channels = Vec::new();
    if let Some(map) = root.get("channels").and_then(Node::as_map) {
        for (key, node) in map.iter() {
            let Some(node) = deref(&root, node) else {
                diags.push(bad_ref(node, "channel reference"));
                continue;
            };
            channels.push(load_channel(&root, &key.name, key.span, node, &servers, diags));
        }
    }
    let mut api = AsyncApi {
        servers,
        channels,
        operations: Vec::new(),
        root,
    };
    let mut operations = Vec::new();
    if let Some(map) = api.root.get("operations").and_then(Node::as_map) {
        for (key, node) in map.iter() {
            let Some(node) = deref(&api.root, node) else {
                diags.push(bad_ref(node, "operation reference"));
                continue;
            };
            operations.push(load_operation(&api, &key.name, key.span, node, diags));
        }
    }
    api.operations = operations;
    Some(api)
}

fn load_channel(root: &Node, key: &str, span: Span, node: &Node, servers: &[Server], diags: &mut Diagnostics) -> Channel {
    let mut messages = Vec::new();
    if let Some(map) = node.get("messages").and_then(Node::as_map) {
        for (mkey, mnode) in map.iter() {
            let Some(m) = deref(root, mnode) else {
                diags.push(bad_ref(mnode, "message reference"));
                continue;
            };
            let correlation = m.get("correlationId").and_then(|c| deref(root, c)).and_then(|c| c.get("location"));
            messages.push(Message {
                key: mkey.name.clone(),
                content_type: text(m.get("contentType")).or_else(|| text(root.get("defaultContentType"))),
                payload: m.get("payload").cloned(),
                correlation: correlation.and_then(|l| Some((text(Some(l))?, l.span))),
            });
        }
    }
    let mut channel_servers = Vec::new();
    for s in node.get("servers").and_then(Node::as_seq).unwrap_or_default() {
        let named = s
            .get("$ref")
            .and_then(Node::as_str)
            .and_then(|r| r.strip_prefix("#/servers/"))
            .and_then(|name| servers.iter().position(|sv| sv.name == unescape(name)));
        match named {
            Some(i) => channel_servers.push(i),
            None => diags.push(bad_ref(s, "server reference")),
        }
    }
    Channel {
        key: key.to_owned(),
        address: text(node.get("address")),
        messages,
        servers: channel_servers,
        span,
    }
}

fn load_operation(api: &AsyncApi, id: &str, span: Span, node: &Node, diags: &mut Diagnostics) -> Operation {
    let action = text(node.get("action")).unwrap_or_default();
    if action != "send" && action != "receive" {
        diags.push(
            Diagnostic::error(
                node.get("action").map_or(span, |a| a.span),
                format!("AsyncAPI operation `{id}` needs `action: send` or `action: receive`"),
            )
            .with_code(codes::BAD_VALUE),
        );
    }
    let channel = match node.get("channel") {
        Some(c) => {
            let found = c
                .get("$ref")
                .and_then(Node::as_str)
                .and_then(|r| api.channel_at(r.strip_prefix('#')?));
            if found.is_none() {
                diags.push(bad_ref(c, "channel reference").with_code(codes::UNKNOWN_CHANNEL));
            }
            found
        }
        None => {
            diags.push(
                Diagnostic::error(span, format!("AsyncAPI operation `{id}` is missing required field `channel`"))
                    .with_code(codes::MISSING_FIELD),
            );
            None
        }
    };
    let mut messages = Vec::new();
    for m in node.get("messages").and_then(Node::as_seq).unwrap_or_default() {
        // `#/channels/<channel>/messages/<key>`: a message of the operation's channel.
        let found = m.get("$ref").and_then(Node::as_str).and_then(|r| {
            let rest = r.strip_prefix("#/channels/")?;
            let (ch, key) = rest.split_once("/messages/")?;
            let ci = api.channels.iter().position(|c| c.key == unescape(ch))?;
            (Some(ci) == channel)
                .then(|| api.channels[ci].messages.iter().position(|msg| msg.key == unescape(key)))
                .flatten()
        });
        match found {
            Some(i) => messages.push(i),
            None => diags
                .push(bad_ref(m, "operation message reference (a message of the operation's channel)").with_code(codes::UNKNOWN_MESSAGE)),
        }
    }
    Operation {
        id: id.to_owned(),
        channel,
        messages,
    }
}

/// What a JSON pointer selects in a schema: its type, whether it may be absent, or the
/// member that does not exist.
#[derive(Debug, PartialEq)]
pub enum SchemaLookup {
    /// `ty`: `string`, `integer`, `number`, `boolean`, or `None` for anything else.
    Found { ty: Option<String>, optional: bool },
    /// Token `index` is not a property of a closed object (`additionalProperties: false`);
    /// `known` are the ones it has.
    Missing { index: usize, token: String, known: Vec<String> },
}

/// Follows `tokens` through `schema` (properties and array items, `$ref`s followed).
/// A schema that says nothing about a member selects JSON that may be absent.
pub fn lookup(root: &Node, schema: &Node, tokens: &[String]) -> SchemaLookup {
    let mut node = deref(root, schema);
    let mut optional = false;
    for (index, token) in tokens.iter().enumerate() {
        let Some(s) = node else {
            return SchemaLookup::Found { ty: None, optional: true };
        };
        if let Some(items) = s.get("items") {
            optional = true;
            node = deref(root, items);
            continue;
        }
        let Some(props) = s.get("properties").and_then(Node::as_map) else {
            return SchemaLookup::Found { ty: None, optional: true };
        };
        match props.get(token) {
            Some(p) => {
                let required = s
                    .get("required")
                    .and_then(Node::as_seq)
                    .is_some_and(|r| r.iter().any(|n| n.as_str() == Some(token)));
                optional |= !required;
                node = deref(root, p);
            }
            // Members a schema does not list may still be sent, unless it forbids them.
            None if s.get("additionalProperties").and_then(Node::as_bool) != Some(false) => {
                return SchemaLookup::Found { ty: None, optional: true };
            }
            None => {
                return SchemaLookup::Missing {
                    index,
                    token: token.clone(),
                    known: props.keys().map(str::to_owned).collect(),
                };
            }
        }
    }
    let ty = node.and_then(|n| n.get("type")).and_then(Node::as_str).map(str::to_owned);
    SchemaLookup::Found { ty, optional }
}

/// The constant members of a message schema (`const`, or an `enum` of one value), as
/// (JSON pointer, JSON value): what tells this message from the others of its channel.
pub fn constants(root: &Node, schema: &Node) -> Vec<(arazzo_expr::JsonPointer, serde_json::Value)> {
    let mut out = Vec::new();
    collect_constants(root, schema, &mut Vec::new(), 0, &mut out);
    out
}

fn collect_constants(
    root: &Node,
    schema: &Node,
    at: &mut Vec<String>,
    depth: usize,
    out: &mut Vec<(arazzo_expr::JsonPointer, serde_json::Value)>,
) {
    let Some(s) = deref(root, schema) else { return };
    if depth > 16 {
        return;
    }
    let single = s.get("const").or_else(|| {
        s.get("enum")
            .and_then(Node::as_seq)
            .filter(|e| e.len() == 1)
            .and_then(<[Node]>::first)
    });
    if let Some(c) = single {
        out.push((arazzo_expr::JsonPointer::from_tokens(at.iter()), c.to_json()));
        return;
    }
    let required: Vec<&str> = s
        .get("required")
        .and_then(Node::as_seq)
        .map(|r| r.iter().filter_map(Node::as_str).collect())
        .unwrap_or_default();
    for (key, prop) in s
        .get("properties")
        .and_then(Node::as_map)
        .map(|m| m.iter().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        // Only required members can tell messages apart: an optional one may be absent.
        if required.contains(&key.name.as_str()) {
            at.push(key.name.clone());
            collect_constants(root, prop, at, depth + 1, out);
            at.pop();
        }
    }
}
