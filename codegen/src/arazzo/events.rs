//! Event steps (Arazzo 1.1): steps on an AsyncAPI source description that `send` a
//! message to a channel or `receive` one from it.
//!
//! Which steps are event steps, which channel and messages they mean, and everything
//! about them that can be wrong (unknown channel, operation or message, a correlation id
//! the messages do not define, a protocol other than HTTP, `$message` pointers the payload
//! schema cannot hold) are decided here, for the checker (diagnostics) and the lowering
//! (the IR) alike, so the two cannot disagree.

#![allow(clippy::result_large_err, reason = "the error is a 128-byte Diagnostic on a cold path")]

use crate::arazzo::model::{Step, StepTarget, Text};
use crate::asyncapi::{AsyncApi, Channel, Message, SchemaLookup};
use crate::diagnostics::{Diagnostic, codes};
use crate::load::Loaded;

/// The channel (and the messages on it) a step names.
#[derive(Debug, Clone)]
pub struct EventRef {
    /// Index into `Loaded::sources`.
    pub source: usize,
    pub channel: usize,
    /// Indices into the channel's messages the step may send or receive.
    pub messages: Vec<usize>,
}

impl EventRef {
    pub fn api<'a>(&self, loaded: &'a Loaded) -> Option<&'a AsyncApi> {
        loaded.sources.get(self.source)?.events.as_ref()
    }

    pub fn channel<'a>(&self, loaded: &'a Loaded) -> Option<&'a Channel> {
        self.api(loaded)?.channels.get(self.channel)
    }

    pub fn messages<'a>(&self, loaded: &'a Loaded) -> Vec<&'a Message> {
        let Some(channel) = self.channel(loaded) else { return Vec::new() };
        self.messages.iter().filter_map(|i| channel.messages.get(*i)).collect()
    }
}

/// `send` or `receive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Send,
    Receive,
}

fn asyncapi_source(loaded: &Loaded, name: &str) -> Option<usize> {
    loaded.sources.iter().position(|s| s.name == name && s.events.is_some())
}

/// Whether `step` is an event step: it has `action` or `channelPath`, or names an
/// operation of an AsyncAPI source.
pub fn is_event_step(loaded: &Loaded, step: &Step) -> bool {
    if step.action.is_some() {
        return true;
    }
    match &step.target {
        Some(StepTarget::ChannelPath(_)) => true,
        Some(StepTarget::OperationId(t)) => match t.value.strip_prefix("$sourceDescriptions.") {
            Some(rest) => rest
                .split_once('.')
                .is_some_and(|(name, _)| asyncapi_source(loaded, name).is_some()),
            None => {
                let in_openapi = loaded
                    .sources
                    .iter()
                    .filter_map(|s| s.api.as_ref())
                    .any(|a| a.operations.iter().any(|o| o.operation_id.as_deref() == Some(t.value.as_str())));
                !in_openapi
                    && loaded
                        .sources
                        .iter()
                        .filter_map(|s| s.events.as_ref())
                        .any(|a| a.operation(&t.value).is_some())
            }
        },
        Some(StepTarget::OperationPath(t)) => source_of_path(&t.value).is_some_and(|name| asyncapi_source(loaded, name).is_some()),
        _ => false,
    }
}

/// `{$sourceDescriptions.<name>.url}#...` -> `<name>`.
fn source_of_path(value: &str) -> Option<&str> {
    let (head, _) = value.split_once('#')?;
    head.strip_prefix("{$sourceDescriptions.")?.strip_suffix(".url}")
}

pub fn action(step: &Step) -> Result<Action, Diagnostic> {
    match step.action.as_ref().map(|a| a.value.as_str()) {
        Some("send") => Ok(Action::Send),
        Some("receive") => Ok(Action::Receive),
        Some(other) => {
            let a = step.action.as_ref().map_or(step.step_id.span, |a| a.span);
            Err(Diagnostic::error(a, format!("unknown step action `{other}`"))
                .with_code(codes::BAD_VALUE)
                .with_suggestion(other, ["send", "receive"])
                .with_note(None, "the action of a step on an AsyncAPI source is `send` or `receive`"))
        }
        None => Err(Diagnostic::error(
            step.step_id.span,
            format!(
                "step `{}` uses an AsyncAPI source and needs `action: send` or `action: receive`",
                step.step_id.value
            ),
        )
        .with_code(codes::MISSING_FIELD)),
    }
}

/// Resolves the channel an event step names.
pub fn resolve(loaded: &Loaded, step: &Step) -> Result<EventRef, Diagnostic> {
    match &step.target {
        Some(StepTarget::OperationId(t)) => operation_id(loaded, t),
        Some(StepTarget::OperationPath(t)) => {
            let (source, api, pointer, offset) = path_source(loaded, t, "operationPath", "#/operations/<operationId>")?;
            let id = pointer.strip_prefix("/operations/").map(|k| k.replace("~1", "/").replace("~0", "~"));
            match id.as_deref().and_then(|id| api.operation(id)) {
                Some((index, _)) => operation_ref(loaded, source, index, t),
                None => Err(Diagnostic::error(
                    t.sub_span(offset, pointer.len()),
                    format!("operationPath `{pointer}` does not point at an operation of AsyncAPI source `{}`", loaded.sources[source].name),
                )
                .with_code(codes::UNKNOWN_OPERATION)
                .with_suggestion(pointer, api.operations.iter().map(|o| format!("/operations/{}", o.id)).collect::<Vec<_>>().iter().map(String::as_str))),
            }
        }
        Some(StepTarget::ChannelPath(t)) => {
            let (source, api, pointer, offset) = path_source(loaded, t, "channelPath", "#/channels/<channel>")?;
            match api.channel_at(pointer) {
                Some(channel) => Ok(EventRef {
                    source,
                    channel,
                    messages: (0..api.channels[channel].messages.len()).collect(),
                }),
                None => {
                    let known: Vec<String> = api.channels.iter().map(|c| format!("/channels/{}", c.key)).collect();
                    Err(Diagnostic::error(
                        t.sub_span(offset, pointer.len()),
                        format!("channelPath `{pointer}` does not point at a channel of AsyncAPI source `{}`", loaded.sources[source].name),
                    )
                    .with_code(codes::UNKNOWN_CHANNEL)
                    .with_suggestion(pointer, known.iter().map(String::as_str))
                    .with_note(None, format!("its channels are: {}", api.channels.iter().map(|c| c.key.as_str()).collect::<Vec<_>>().join(", "))))
                }
            }
        }
        _ => Err(Diagnostic::error(step.step_id.span, "a step with `action` must name an AsyncAPI operation or channel")
            .with_code(codes::UNKNOWN_CHANNEL)
            .with_help("name it with `operationId: $sourceDescriptions.<asyncapi source>.<operationId>` or `channelPath: '{$sourceDescriptions.<asyncapi source>.url}#/channels/<channel>'`")),
    }
}

fn path_source<'a, 't>(
    loaded: &'a Loaded,
    t: &'t Text,
    field: &str,
    form: &str,
) -> Result<(usize, &'a AsyncApi, &'t str, usize), Diagnostic> {
    let help = format!("a {field} is `{{$sourceDescriptions.<name>.url}}{form}`");
    let Some((head, pointer)) = t.value.split_once('#') else {
        return Err(Diagnostic::error(t.span, format!("{field} has no `#` JSON pointer"))
            .with_code(codes::UNKNOWN_CHANNEL)
            .with_help(help));
    };
    let Some(name) = source_of_path(&t.value) else {
        return Err(
            Diagnostic::error(t.span, format!("{field} must start with `{{$sourceDescriptions.<name>.url}}`"))
                .with_code(codes::UNKNOWN_CHANNEL)
                .with_help(help),
        );
    };
    let Some(source) = loaded.sources.iter().position(|s| s.name == name) else {
        return Err(
            Diagnostic::error(t.sub_span(20, name.len()), format!("unknown source description `{name}`"))
                .with_code(codes::UNKNOWN_SOURCE)
                .with_suggestion(name, loaded.sources.iter().map(|s| s.name.as_str())),
        );
    };
    let Some(api) = loaded.sources[source].events.as_ref() else {
        return Err(Diagnostic::error(
            t.sub_span(20, name.len()),
            format!("source description `{name}` is not an AsyncAPI description"),
        )
        .with_code(codes::UNKNOWN_CHANNEL)
        .with_note(None, format!("a {field} of an event step points into a source of `type: asyncapi`")));
    };
    let _ = head;
    Ok((source, api, pointer, t.value.len() - pointer.len()))
}

fn operation_id(loaded: &Loaded, t: &Text) -> Result<EventRef, Diagnostic> {
    let (source, id, offset) = match t.value.strip_prefix("$sourceDescriptions.") {
        Some(rest) => {
            let Some((name, id)) = rest.split_once('.') else {
                return Err(Diagnostic::error(
                    t.span,
                    format!("`{}` must be `$sourceDescriptions.<source>.<operationId>`", t.value),
                )
                .with_code(codes::UNKNOWN_OPERATION));
            };
            let Some(source) = loaded.sources.iter().position(|s| s.name == name) else {
                return Err(
                    Diagnostic::error(t.sub_span(20, name.len()), format!("unknown source description `{name}`"))
                        .with_code(codes::UNKNOWN_SOURCE)
                        .with_suggestion(name, loaded.sources.iter().map(|s| s.name.as_str())),
                );
            };
            if loaded.sources[source].events.is_none() {
                return Err(Diagnostic::error(
                    t.sub_span(20, name.len()),
                    format!("source description `{name}` is not an AsyncAPI description, so its operations cannot `send` or `receive`"),
                )
                .with_code(codes::UNKNOWN_OPERATION));
            }
            (source, id, 20 + name.len() + 1)
        }
        None => {
            let found = loaded
                .sources
                .iter()
                .position(|s| s.events.as_ref().is_some_and(|a| a.operation(&t.value).is_some()));
            match found {
                Some(source) => (source, t.value.as_str(), 0),
                None => {
                    let known: Vec<&str> = loaded
                        .sources
                        .iter()
                        .filter_map(|s| s.events.as_ref())
                        .flat_map(|a| a.operations.iter().map(|o| o.id.as_str()))
                        .collect();
                    return Err(Diagnostic::error(t.span, format!("unknown AsyncAPI operationId `{}`", t.value))
                        .with_code(codes::UNKNOWN_OPERATION)
                        .with_suggestion(&t.value, known));
                }
            }
        }
    };
    let api = loaded.sources[source]
        .events
        .as_ref()
        .ok_or_else(|| Diagnostic::error(t.span, "not an AsyncAPI source"))?;
    match api.operation(id) {
        Some((index, _)) => operation_ref(loaded, source, index, t),
        None => Err(
            Diagnostic::error(t.sub_span(offset, id.len()), format!("unknown operationId `{id}`"))
                .with_code(codes::UNKNOWN_OPERATION)
                .with_suggestion(id, api.operations.iter().map(|o| o.id.as_str()))
                .with_note(
                    None,
                    format!(
                        "the operations of `{}` are: {}",
                        loaded.sources[source].name,
                        api.operations.iter().map(|o| o.id.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ),
        ),
    }
}

fn operation_ref(loaded: &Loaded, source: usize, index: usize, t: &Text) -> Result<EventRef, Diagnostic> {
    let api = loaded.sources[source]
        .events
        .as_ref()
        .ok_or_else(|| Diagnostic::error(t.span, "not an AsyncAPI source"))?;
    let op = &api.operations[index];
    // A broken channel reference is reported by the loader.
    let channel = op.channel.ok_or_else(|| {
        Diagnostic::error(t.span, format!("AsyncAPI operation `{}` names no channel", op.id)).with_code(codes::UNKNOWN_CHANNEL)
    })?;
    let messages = if op.messages.is_empty() {
        (0..api.channels[channel].messages.len()).collect()
    } else {
        op.messages.clone()
    };
    Ok(EventRef { source, channel, messages })
}

/// Why `event` cannot be compiled over HTTP: a channel without an address, channel
/// parameters, or a server whose protocol is not HTTP.
pub fn transport(loaded: &Loaded, step: &Step, event: &EventRef) -> Vec<Diagnostic> {
    let (Some(api), Some(channel)) = (event.api(loaded), event.channel(loaded)) else {
        return Vec::new();
    };
    let at = target_span(step);
    let mut out = Vec::new();
    for server in api.servers_of(channel) {
        if !server.is_http() {
            out.push(
                Diagnostic::error(
                    at,
                    format!(
                        "step `{}` uses channel `{}`, whose server `{}` speaks `{}`; this generator compiles event steps over HTTP only",
                        step.step_id.value, channel.key, server.name, server.protocol
                    ),
                )
                .with_code(codes::UNSUPPORTED)
                .with_note(server.protocol_span, format!("protocol `{}` is declared here", server.protocol))
                .with_help("describe the channel on a server with `protocol: http` or `https` (a webhook)"),
            );
        }
    }
    match &channel.address {
        None => out.push(
            Diagnostic::error(
                at,
                format!(
                    "channel `{}` has no `address`, so there is no HTTP path to send to or receive on",
                    channel.key
                ),
            )
            .with_code(codes::UNSUPPORTED)
            .with_note(channel.span, "the channel is declared here"),
        ),
        Some(address) if address.contains('{') => out.push(
            Diagnostic::error(
                at,
                format!(
                    "channel `{}` has parameters in its address `{address}`, which event steps do not fill in yet",
                    channel.key
                ),
            )
            .with_code(codes::UNSUPPORTED)
            .with_note(channel.span, "the channel is declared here"),
        ),
        Some(_) => {}
    }
    out
}

pub fn target_span(step: &Step) -> crate::source::Span {
    match &step.target {
        Some(StepTarget::OperationId(t) | StepTarget::OperationPath(t) | StepTarget::ChannelPath(t) | StepTarget::WorkflowId(t)) => t.span,
        None => step.step_id.span,
    }
}

/// The correlation id location every message of a receive step defines, or the
/// diagnostic for a `correlationId` that none of them can be matched on.
pub fn correlation(loaded: &Loaded, step: &Step, event: &EventRef) -> Result<Option<String>, Diagnostic> {
    let Some(given) = &step.correlation_id else { return Ok(None) };
    let messages = event.messages(loaded);
    let locations: Vec<&str> = messages
        .iter()
        .filter_map(|m| m.correlation.as_ref().map(|(l, _)| l.as_str()))
        .collect();
    let channel = event.channel(loaded).map_or("", |c| c.key.as_str());
    if locations.is_empty() || locations.len() < messages.len() {
        let without: Vec<&str> = messages
            .iter()
            .filter(|m| m.correlation.is_none())
            .map(|m| m.key.as_str())
            .collect();
        return Err(Diagnostic::error(
            given.span,
            format!("step `{}` sets `correlationId`, but {} of channel `{channel}` define no `correlationId`", step.step_id.value, if without.is_empty() { "the messages".to_owned() } else { format!("messages {}", without.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")) }),
        )
        .with_code(codes::UNKNOWN_CORRELATION_ID)
        .with_help("add `correlationId: { location: '$message.payload#/...' }` to each message in the AsyncAPI description, or remove `correlationId` from the step"));
    }
    if locations.iter().any(|l| *l != locations[0]) {
        return Err(Diagnostic::error(
            given.span,
            format!(
                "the messages step `{}` may receive locate their correlation id differently ({}); one location is needed to match on",
                step.step_id.value,
                locations.join(", ")
            ),
        )
        .with_code(codes::UNSUPPORTED));
    }
    // AsyncAPI writes header locations as `$message.header#/<name>`; Arazzo's grammar
    // (and the runtime) reads `$message.header.<name>`.
    let location = match locations[0].strip_prefix("$message.header#/") {
        Some(name) if !name.contains('/') => format!("$message.header.{}", name.replace("~1", "/").replace("~0", "~")),
        _ => locations[0].to_owned(),
    };
    // The location is a runtime expression over the message (`$message.payload#/id`).
    match arazzo_expr::Expression::parse(&location) {
        Ok(arazzo_expr::Expression::Message(_)) => Ok(Some(location)),
        _ => {
            let span = messages
                .iter()
                .find_map(|m| m.correlation.as_ref().map(|(_, s)| *s))
                .unwrap_or(given.span);
            Err(Diagnostic::error(
                span,
                format!("correlation id location `{location}` is not a `$message.header.<name>` or `$message.payload#/...` expression"),
            )
            .with_code(codes::EXPRESSION))
        }
    }
}

/// What `$message.payload#<tokens>` selects in the payload schemas of the step's
/// messages: the first message whose schema has the member decides the type; when
/// none has it and some schema is closed, the member cannot exist.
pub fn payload_lookup(loaded: &Loaded, event: &EventRef, tokens: &[String]) -> SchemaLookup {
    let Some(api) = event.api(loaded) else {
        return SchemaLookup::Found { ty: None, optional: true };
    };
    let mut missing = None;
    for message in event.messages(loaded) {
        let Some(payload) = &message.payload else {
            return SchemaLookup::Found { ty: None, optional: true };
        };
        match crate::asyncapi::lookup(&api.root, payload, tokens) {
            found @ SchemaLookup::Found { .. } => return found,
            m @ SchemaLookup::Missing { .. } => {
                missing.get_or_insert(m);
            }
        }
    }
    missing.unwrap_or(SchemaLookup::Found { ty: None, optional: true })
}
