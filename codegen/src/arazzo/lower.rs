//! Lowering: a checked document becomes the workflow IR.
//!
//! Runs only when the checker found no errors, so it resolves names without
//! reporting; anything it still cannot resolve is skipped rather than
//! guessed. This is also where output types are decided, by following each
//! output's JSON pointer through the response schema.
//!
//! It is also where spec strings are parsed for emission (criteria, runtime
//! expressions, templates, JSON pointers): the IR carries the parsed forms, so
//! the emitter only prints them. The checker has parsed the same text and
//! reported any error, so a parse failure here is a generator bug; it becomes
//! an error diagnostic at the text (see [`Failures`]), never emitted code.

use std::cell::RefCell;

use std::collections::BTreeSet;

use arazzo_expr::{Expression, JsonPointer, MessagePart, Source, StringValue};

use crate::arazzo::events;
use crate::arazzo::model::Text;
use crate::arazzo::model::{Action, Criterion, OutputValue, Reusable, Selector, Step, StepTarget, Version, Workflow};
use crate::arazzo::resolve::{self, OpRef};
use crate::diagnostics::{Diagnostic, codes};
use crate::ir::{
    ActionIr, ActionKindIr, BodyIr, BodyKind, ChannelClientIr, ClientIr, CriterionIr, FieldIr, Location, OutputIr, ParamIr, PlacedSelector,
    Program, RustType, SelectorIr, StepCall, StepIr, StyleIr, Target, TemplateIr, ValueIr, WorkflowIr,
};
use crate::load::Loaded;
use crate::names;
use crate::openapi::{ParamLocation, PointerLookup};
use crate::yaml::{Node, Value};

/// Parse failures of text the checker accepted (generator bugs), as error diagnostics at
/// the text; any one of them fails the generation, so what was lowered is never emitted.
#[derive(Default)]
pub struct Failures(RefCell<Vec<Diagnostic>>);

impl Failures {
    fn push(&self, span: crate::source::Span, message: String, code: &'static str) {
        self.0.borrow_mut().push(
            Diagnostic::error(
                span,
                format!("{message} (the checker accepted it: a generator bug, please report it)"),
            )
            .with_code(code),
        );
    }

    /// A string to evaluate at run time (expression, template or literal), parsed.
    fn value(&self, text: &Text, what: &str) -> Option<ValueIr> {
        match arazzo_expr::classify(&text.value) {
            Ok(parsed) => Some(ValueIr {
                text: text.value.clone(),
                parsed,
            }),
            Err(e) => {
                self.push(
                    text.sub_span(e.offset, 1),
                    format!("{what} `{}` does not parse: {}", text.value, e.message),
                    codes::EXPRESSION,
                );
                None
            }
        }
    }

    /// A Selector Object's `selector`, parsed by the same rule the checker applied.
    fn selector(&self, s: &Selector) -> Option<arazzo_expr::Selector> {
        let version = s.version.as_ref().map(|v| v.value.as_str());
        match arazzo_expr::Selector::parse(&s.kind.value, version, &s.selector.value) {
            Ok(parsed) => Some(parsed),
            Err(e) => {
                self.push(
                    s.selector.span,
                    format!("selector `{}` does not parse: {e}", s.selector.value),
                    codes::EXPRESSION,
                );
                None
            }
        }
    }

    fn criterion(&self, c: &Criterion) -> Option<CriterionIr> {
        fn field(t: &Option<Text>) -> Option<&str> {
            t.as_ref().map(|t| t.value.as_str())
        }
        let version = field(&c.version);
        match arazzo_expr::Criterion::parse(field(&c.kind), version, field(&c.context), &c.condition.value) {
            Ok(parsed) => Some(CriterionIr {
                condition: c.condition.value.clone(),
                parsed,
                goessner: arazzo_expr::Criterion::is_goessner(version),
            }),
            Err(e) => {
                self.push(
                    c.span,
                    format!("criterion `{}` does not parse: {e}", c.condition.value),
                    codes::CRITERION,
                );
                None
            }
        }
    }

    fn pointer(&self, text: &Text) -> Option<JsonPointer> {
        JsonPointer::parse(&text.value)
            .map_err(|e| {
                self.push(
                    text.sub_span(e.offset, 1),
                    format!("JSON pointer `{}` does not parse: {}", text.value, e.message),
                    codes::EXPRESSION,
                );
            })
            .ok()
    }
}

/// A spec structure as a template: strings parsed, members in document order (a repeated
/// key keeps its first place and its last value, as a JSON reader would).
fn template(node: &Node, failures: &Failures) -> Option<TemplateIr> {
    Some(match &node.value {
        Value::Null => TemplateIr::Scalar(serde_json::Value::Null),
        Value::Bool(b) => TemplateIr::Scalar(serde_json::Value::Bool(*b)),
        Value::Number(n) => TemplateIr::Scalar(serde_json::Value::Number(n.clone())),
        Value::String(s) => {
            let text = Text {
                value: s.clone(),
                span: node.span,
                quoted: node.quoted,
            };
            TemplateIr::Text(failures.value(&text, "value")?)
        }
        Value::Seq(items) => TemplateIr::Array(items.iter().map(|i| template(i, failures)).collect::<Option<_>>()?),
        Value::Map(map) => {
            let mut members: Vec<(String, TemplateIr)> = Vec::new();
            for (key, value) in &map.entries {
                let value = template(value, failures)?;
                match members.iter_mut().find(|(k, _)| *k == key.name) {
                    Some((_, slot)) => *slot = value,
                    None => members.push((key.name.clone(), value)),
                }
            }
            TemplateIr::Object(members)
        }
    })
}

/// A payload or parameter value as a template, with (1.1) every Selector Object in it taken
/// out: each becomes `null` in the template and a (JSON pointer, selector) pair the runtime
/// evaluates and puts in its place. A 1.0 document's value is literal data throughout.
fn value_with_selectors(node: &Node, version: Version, failures: &Failures) -> Option<(TemplateIr, Vec<PlacedSelector>)> {
    fn walk(node: &mut Node, at: &mut Vec<String>, out: &mut Vec<PlacedSelector>, failures: &Failures) {
        if crate::arazzo::model::is_selector(node) {
            let mut ignored = crate::diagnostics::Diagnostics::default();
            if let Some(selector) = crate::arazzo::model::load_selector(node, &mut ignored) {
                // `None`: a failure is recorded and nothing lowered is emitted.
                if let Some(selector) = selector_ir(&selector, failures) {
                    out.push((JsonPointer::from_tokens(at.iter()), selector));
                }
                node.value = Value::Null;
                return;
            }
        }
        match &mut node.value {
            Value::Seq(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    at.push(i.to_string());
                    walk(item, at, out, failures);
                    at.pop();
                }
            }
            Value::Map(map) => {
                for (key, value) in &mut map.entries {
                    at.push(key.name.clone());
                    walk(value, at, out, failures);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    if version < Version::V1_1 {
        return Some((template(node, failures)?, Vec::new()));
    }
    let mut node = node.clone();
    let mut selectors = Vec::new();
    walk(&mut node, &mut Vec::new(), &mut selectors, failures);
    Some((template(&node, failures)?, selectors))
}

fn selector_ir(s: &Selector, failures: &Failures) -> Option<SelectorIr> {
    Some(SelectorIr {
        context: s.context.value.clone(),
        context_parsed: failures.value(&s.context, "selector context")?,
        selector_parsed: failures.selector(s)?,
        selector: s.selector.value.clone(),
        kind: s.kind.value.clone(),
        version: s.version.as_ref().map(|v| v.value.clone()),
    })
}

fn style_ir(style: Option<&str>, location: Location) -> StyleIr {
    match style {
        Some("matrix") => StyleIr::Matrix,
        Some("label") => StyleIr::Label,
        Some("form") => StyleIr::Form,
        Some("simple") => StyleIr::Simple,
        Some("spaceDelimited") => StyleIr::SpaceDelimited,
        Some("pipeDelimited") => StyleIr::PipeDelimited,
        Some("deepObject") => StyleIr::DeepObject,
        _ => match location {
            Location::Path | Location::Header => StyleIr::Simple,
            Location::Query | Location::Cookie | Location::QueryString { .. } => StyleIr::Form,
        },
    }
}

/// The index in the program of a workflow named by a `workflowId`: one of
/// this document's (they come first), or `$sourceDescriptions.<s>.<id>` in
/// an Arazzo source, whose workflows start at `foreign[s]` (the checker has
/// made sure it exists).
fn workflow_index(loaded: &Loaded, foreign: &[Option<usize>], id: &str) -> Option<usize> {
    if let Some((source, id)) = id.strip_prefix("$sourceDescriptions.").and_then(|r| r.split_once('.')) {
        let index = loaded.sources.iter().position(|s| s.name == source)?;
        let nested = loaded.sources[index].arazzo.as_deref()?;
        return Some(foreign.get(index).copied().flatten()? + nested.document.workflows.iter().position(|w| w.workflow_id.value == id)?);
    }
    loaded.document.workflows.iter().position(|w| w.workflow_id.value == id)
}

/// `all_operations`: generate every operation of each API (SDK mode)
/// instead of only those the workflows call.
/// `Err`: the [`Failures`] (a checked document does not have any).
pub fn lower(loaded: &Loaded, all_operations: bool) -> Result<Program, Vec<Diagnostic>> {
    let failures = Failures::default();
    let mut program = lower_at(loaded, all_operations, &[], &failures);
    let failures = failures.0.into_inner();
    if !failures.is_empty() {
        return Err(failures);
    }
    crate::arazzo::unique::make_unique(&mut program);
    Ok(program)
}

/// Lowers the document at `at` (see `ClientIr::source`), then appends the
/// programs of the Arazzo documents it names, renamed under their source
/// name (`lib_pets`, `lib_fetch`) and with their indices shifted, so one
/// flat program (one `Workflows`, one client per OpenAPI source) runs them
/// all and a call across documents is an ordinary call by index.
fn lower_at(loaded: &Loaded, all_operations: bool, at: &[usize], failures: &Failures) -> Program {
    let mut clients = Vec::new();
    let mut client_of_source = vec![None; loaded.sources.len()];
    for (index, source) in loaded.sources.iter().enumerate() {
        if source.api.is_some() {
            client_of_source[index] = Some(clients.len());
            clients.push(ClientIr {
                source_name: source.name.clone(),
                module: names::snake(&source.name),
                source: [at, &[index]].concat(),
                operations: if all_operations { None } else { Some(Vec::new()) },
            });
        }
    }
    // One HTTP client per AsyncAPI source that some `send` step posts to.
    let mut channels = Vec::new();
    let mut channel_of_source = vec![None; loaded.sources.len()];
    for workflow in &loaded.document.workflows {
        for step in &workflow.steps {
            if !events::is_event_step(loaded, step) || events::action(step).ok() != Some(events::Action::Send) {
                continue;
            }
            let Ok(event) = events::resolve(loaded, step) else { continue };
            if channel_of_source[event.source].is_some() {
                continue;
            }
            let (Some(api), Some(channel)) = (event.api(loaded), event.channel(loaded)) else {
                continue;
            };
            channel_of_source[event.source] = Some(channels.len());
            let name = &loaded.sources[event.source].name;
            channels.push(ChannelClientIr {
                source_name: name.clone(),
                field: names::snake(name),
                base_url: api
                    .servers_of(channel)
                    .into_iter()
                    .find(|s| s.is_http())
                    .map(crate::asyncapi::Server::base_url),
            });
        }
    }
    let mut nested = Vec::new();
    let mut foreign = vec![None; loaded.sources.len()];
    let mut next_workflow = loaded.document.workflows.len();
    for (index, source) in loaded.sources.iter().enumerate() {
        if let Some(doc) = source.arazzo.as_deref() {
            let program = lower_at(doc, all_operations, &[at, &[index]].concat(), failures);
            foreign[index] = Some(next_workflow);
            next_workflow += program.workflows.len();
            nested.push((source.name.as_str(), program));
        }
    }
    let mut used: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); clients.len()];
    let mut workflows: Vec<WorkflowIr> = loaded
        .document
        .workflows
        .iter()
        .map(|w| {
            let lowering = Lowering {
                loaded,
                workflow: w,
                client_of_source: &client_of_source,
                channel_of_source: &channel_of_source,
                foreign: &foreign,
                at,
                failures,
            };
            lowering.workflow(&mut used)
        })
        .collect();
    for (client, ops) in clients.iter_mut().zip(used) {
        if let Some(selected) = &mut client.operations {
            *selected = ops.into_iter().collect();
        }
    }
    for (source, mut program) in nested {
        shift(&mut program, clients.len(), workflows.len(), channels.len());
        let snake = names::snake(source);
        let camel = names::camel(source);
        for client in &mut program.clients {
            client.module = format!("{snake}_{}", client.module);
        }
        for workflow in &mut program.workflows {
            workflow.method = format!("{snake}_{}", workflow.method);
            workflow.type_prefix = format!("{camel}{}", workflow.type_prefix);
            workflow.reference = format!("$sourceDescriptions.{source}.{}", workflow.reference);
        }
        for channel in &mut program.channels {
            channel.field = format!("{snake}_{}", channel.field);
        }
        clients.extend(program.clients);
        workflows.extend(program.workflows);
        channels.extend(program.channels);
    }
    Program {
        clients,
        workflows,
        channels,
    }
}

/// Which steps run on every path from the first step to a successful end
/// of the workflow (they dominate the exit of the step graph). Edges: the
/// next step by default (the exit after the last), every `goto` of a success
/// or failure action, `end` and `goto` to a workflow on success to the exit,
/// and a retry's step run and return. Conservative: an action's criteria
/// are assumed to match or not, whichever adds paths.
fn always_run(steps: &[StepIr]) -> Vec<bool> {
    let n = steps.len();
    let exit = n;
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (i, step) in steps.iter().enumerate() {
        preds[if i + 1 < n { i + 1 } else { exit }].push(i);
        for action in &step.on_success {
            match &action.kind {
                ActionKindIr::End | ActionKindIr::Goto(Target::Workflow(_)) => preds[exit].push(i),
                ActionKindIr::Goto(Target::Step(j)) if *j < n => preds[*j].push(i),
                _ => {}
            }
        }
        for action in &step.on_failure {
            match &action.kind {
                ActionKindIr::Goto(Target::Step(j)) if *j < n => preds[*j].push(i),
                ActionKindIr::Goto(Target::Workflow(_)) => preds[exit].push(i),
                ActionKindIr::Retry {
                    then: Some(Target::Step(j)),
                    ..
                } if *j < n => {
                    preds[*j].push(i);
                    preds[i].push(*j);
                }
                _ => {}
            }
        }
    }
    // Iterative dominators over node sets (workflows have a handful of steps).
    let all: Vec<bool> = vec![true; n + 1];
    let mut dom: Vec<Vec<bool>> = vec![all; n + 1];
    if n == 0 {
        return Vec::new();
    }
    dom[0] = (0..=n).map(|k| k == 0).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for node in 1..=n {
            let mut meet: Option<Vec<bool>> = None;
            for p in &preds[node] {
                meet = Some(match meet {
                    None => dom[*p].clone(),
                    Some(m) => m.iter().zip(&dom[*p]).map(|(a, b)| *a && *b).collect(),
                });
            }
            // Unreachable: dominated by everything (left as is).
            let Some(mut meet) = meet else { continue };
            meet[node] = true;
            if meet != dom[node] {
                dom[node] = meet;
                changed = true;
            }
        }
    }
    dom[exit][..n].to_vec()
}

/// Moves a nested program's client and workflow indices past the
/// `clients` and `workflows` already in the program it joins.
fn shift(program: &mut Program, clients: usize, workflows: usize, channels: usize) {
    let target = |t: &mut Target| {
        if let Target::Workflow(w) = t {
            *w += workflows;
        }
    };
    for workflow in &mut program.workflows {
        for d in &mut workflow.depends_on {
            *d += workflows;
        }
        for step in &mut workflow.steps {
            match &mut step.call {
                StepCall::Operation { client, .. } => *client += clients,
                StepCall::Workflow { workflow, .. } => *workflow += workflows,
                StepCall::Send { channel, .. } => *channel += channels,
                StepCall::Receive { .. } => {}
            }
            for action in step.on_success.iter_mut().chain(step.on_failure.iter_mut()) {
                match &mut action.kind {
                    ActionKindIr::Goto(t) => target(t),
                    ActionKindIr::Retry { then: Some(t), .. } => target(t),
                    _ => {}
                }
            }
        }
    }
}

struct Lowering<'a> {
    loaded: &'a Loaded,
    workflow: &'a Workflow,
    client_of_source: &'a [Option<usize>],
    /// Per source: its index in `Program::channels` (AsyncAPI sources `send` steps use).
    channel_of_source: &'a [Option<usize>],
    /// Per source: where the workflows of an `arazzo` source start.
    foreign: &'a [Option<usize>],
    /// This document's place (see `ClientIr::source`).
    at: &'a [usize],
    failures: &'a Failures,
}

fn text(t: &Option<crate::arazzo::model::Text>) -> Option<String> {
    t.as_ref().map(|t| t.value.clone())
}

/// The Rust type a workflow input gets from its JSON Schema.
fn input_type(schema: &Node) -> RustType {
    let ty = schema.get("type").map(|t| match &t.value {
        Value::String(s) => s.clone(),
        // `type: [string, "null"]`: the non-null member decides.
        Value::Seq(items) => items
            .iter()
            .filter_map(Node::as_str)
            .find(|s| *s != "null")
            .unwrap_or("")
            .to_owned(),
        _ => String::new(),
    });
    match ty.as_deref() {
        Some("string") => RustType::String,
        Some("integer") => RustType::Integer,
        Some("number") => RustType::Number,
        Some("boolean") => RustType::Boolean,
        Some("array") => RustType::Vec(Box::new(schema.get("items").map_or(RustType::Json, input_type))),
        _ => RustType::Json,
    }
}

impl Lowering<'_> {
    fn doc(&self) -> &crate::arazzo::model::Document {
        &self.loaded.document
    }

    fn op_of(&self, step: &Step) -> Option<OpRef> {
        match step.target.as_ref()? {
            StepTarget::OperationId(t) => resolve::operation_id(self.loaded, t).ok(),
            StepTarget::OperationPath(t) => resolve::operation_path(self.loaded, t).ok(),
            StepTarget::WorkflowId(_) | StepTarget::ChannelPath(_) => None,
        }
    }

    fn workflow(&self, used: &mut [BTreeSet<usize>]) -> WorkflowIr {
        let wf = self.workflow;
        let components = &self.doc().components;
        let inputs: Vec<FieldIr> = resolve::input_properties(wf, components)
            .into_iter()
            .map(|p| {
                let ty = input_type(&p.schema);
                FieldIr {
                    rust_name: names::snake(&p.name),
                    ty: if p.required { ty } else { ty.optional() },
                    doc: p.schema.get("description").and_then(Node::as_str).map(str::to_owned),
                    secret: p.schema.get("format").and_then(Node::as_str) == Some("password") || arazzo_expr::is_credential_name(&p.name),
                    json_name: p.name,
                }
            })
            .collect();
        let steps: Vec<StepIr> = wf.steps.iter().filter_map(|s| self.step(s, used)).collect();
        let always = always_run(&steps);
        let outputs = wf
            .outputs
            .iter()
            .map(|(name, value)| {
                let selector = match value {
                    OutputValue::Selector(s) => selector_ir(s, self.failures),
                    OutputValue::Expression(_) => None,
                };
                // For a selector, its context decides which step it depends on.
                let expr = match value {
                    OutputValue::Expression(t) | OutputValue::Selector(Selector { context: t, .. }) => t.value.as_str(),
                };
                let shown = selector.as_ref().map_or_else(|| expr.to_owned(), SelectorIr::shown);
                OutputIr {
                    field: FieldIr {
                        json_name: name.value.clone(),
                        rust_name: names::snake(&name.value),
                        ty: {
                            let ty = match value {
                                OutputValue::Expression(_) => self.output_type(expr, &inputs),
                                OutputValue::Selector(s) => self.selector_type(None, s),
                            };
                            // An output of a step that some successful run skips
                            // can be absent: `Option`, not a run-time error.
                            match arazzo_expr::classify(expr) {
                                Ok(StringValue::Expression(Expression::Steps { step_id, .. }))
                                    if steps.iter().position(|s| s.id == step_id).is_some_and(|i| !always[i]) =>
                                {
                                    ty.optional()
                                }
                                _ => ty,
                            }
                        },
                        doc: Some(format!("`{shown}`")),
                        secret: false,
                    },
                    expression: shown,
                    parsed: value.expression().and_then(|t| self.failures.value(t, "output")),
                    selector,
                }
            })
            .collect();
        WorkflowIr {
            id: wf.workflow_id.value.clone(),
            version: self.doc().version,
            self_uri: self.doc().self_uri.as_ref().map(|t| t.value.clone()),
            reference: wf.workflow_id.value.clone(),
            document: self.at.to_vec(),
            sources: self.loaded.sources.iter().map(|s| (s.name.clone(), s.url.clone())).collect(),
            method: names::snake(&wf.workflow_id.value),
            type_prefix: names::camel(&wf.workflow_id.value),
            summary: text(&wf.summary),
            description: text(&wf.description),
            inputs,
            outputs,
            steps,
            depends_on: wf
                .depends_on
                .iter()
                .filter_map(|d| workflow_index(self.loaded, self.foreign, &d.value))
                .collect(),
        }
    }

    fn step(&self, step: &Step, used: &mut [BTreeSet<usize>]) -> Option<StepIr> {
        let call = match step.target.as_ref()? {
            StepTarget::WorkflowId(t) => {
                let mut selectors = Vec::new();
                let inputs = crate::arazzo::check_calls::call_inputs(self.workflow, step, &self.doc().components)
                    .into_iter()
                    .map(|p| {
                        let (value, within) = value_with_selectors(&p.value, self.doc().version, self.failures)?;
                        let name = p.name.value.as_str();
                        selectors.extend(within.into_iter().map(|(at, s)| {
                            (
                                JsonPointer::from_tokens(std::iter::once(name).chain(at.tokens().iter().map(String::as_str))),
                                s,
                            )
                        }));
                        Some((p.name.value, value))
                    })
                    .collect::<Option<Vec<_>>>()?;
                StepCall::Workflow {
                    workflow: workflow_index(self.loaded, self.foreign, &t.value)?,
                    inputs: TemplateIr::Object(inputs),
                    selectors,
                }
            }
            _ if events::is_event_step(self.loaded, step) => self.event_call(step)?,
            _ => self.operation_call(step, used)?,
        };
        // A step's own action list replaces the workflow's list wholesale
        // (what Redocly Respect and Jentic do; see ARCHITECTURE.md).
        let components = &self.doc().components;
        let on_success = if step.on_success.is_empty() {
            &self.workflow.success_actions
        } else {
            &step.on_success
        };
        let on_failure = if step.on_failure.is_empty() {
            &self.workflow.failure_actions
        } else {
            &step.on_failure
        };
        Some(StepIr {
            id: step.step_id.value.clone(),
            variant: names::camel(&step.step_id.value),
            description: text(&step.description),
            call,
            success: step
                .success_criteria
                .iter()
                .map(|c| self.failures.criterion(c))
                .collect::<Option<_>>()?,
            on_success: self.actions(on_success, &components.success_actions, "successActions"),
            on_failure: self.actions(on_failure, &components.failure_actions, "failureActions"),
            outputs: step
                .outputs
                .iter()
                .filter_map(|(k, v)| Some((k, v.expression()?)))
                .map(|(k, v)| Some((k.value.clone(), self.failures.value(v, "output")?)))
                .collect::<Option<_>>()?,
            selectors: step
                .outputs
                .iter()
                .filter_map(|(k, v)| match v {
                    OutputValue::Selector(s) => Some((k.value.clone(), selector_ir(s, self.failures)?)),
                    OutputValue::Expression(_) => None,
                })
                .collect(),
            timeout: step.timeout.map(|(ms, _)| ms),
            // The checker accepted only earlier steps of this workflow (`depends.rs`).
            depends_on: step.depends_on.iter().map(|d| d.value.clone()).collect(),
        })
    }

    /// A `send` or `receive` step (checked clean: its channel resolves and speaks HTTP).
    fn event_call(&self, step: &Step) -> Option<StepCall> {
        let event = events::resolve(self.loaded, step).ok()?;
        let api = event.api(self.loaded)?;
        // Channel addresses are paths under the server; AsyncAPI writes them with or without `/`.
        let address = event.channel(self.loaded)?.address.clone()?;
        let address = if address.starts_with('/') { address } else { format!("/{address}") };
        let messages = event.messages(self.loaded);
        match events::action(step).ok()? {
            events::Action::Send => {
                let headers = resolve::step_parameters(self.workflow, step, &self.doc().components)
                    .into_iter()
                    .map(|p| {
                        let (value, selectors) = value_with_selectors(&p.value, self.doc().version, self.failures)?;
                        Some(ParamIr {
                            name: p.name.value,
                            location: Location::Header,
                            value,
                            selectors,
                            required: false,
                            style: StyleIr::Simple,
                            explode: false,
                        })
                    })
                    .collect::<Option<_>>()?;
                let body = step.request_body.as_ref();
                let (payload, selectors) = match body.and_then(|b| b.payload.as_ref()) {
                    Some(p) => {
                        let (payload, selectors) = value_with_selectors(p, self.doc().version, self.failures)?;
                        (Some(payload), selectors)
                    }
                    None => (None, Vec::new()),
                };
                Some(StepCall::Send {
                    channel: (*self.channel_of_source.get(event.source)?)?,
                    address,
                    content_type: body
                        .and_then(|b| b.content_type.as_ref().map(|c| c.value.clone()))
                        .or_else(|| messages.iter().find_map(|m| m.content_type.clone()))
                        .unwrap_or_else(|| "application/json".to_owned()),
                    headers,
                    payload,
                    selectors,
                })
            }
            events::Action::Receive => {
                let location = events::correlation(self.loaded, step, &event).ok()?;
                let correlation = match (location, step.correlation_id.as_ref()) {
                    (Some(location), Some(id)) => Some(self.correlation(location, id)?),
                    _ => None,
                };
                Some(StepCall::Receive {
                    address,
                    correlation,
                    kinds: messages
                        .iter()
                        .map(|m| {
                            m.payload
                                .as_ref()
                                .map(|p| crate::asyncapi::constants(&api.root, p))
                                .unwrap_or_default()
                        })
                        .collect(),
                    timeout_ms: step.timeout.map(|(ms, _)| ms),
                })
            }
        }
    }

    /// A `receive` step's correlation: the messages' location (a `$message` expression, as
    /// the checker required) and the step's `correlationId`, both parsed.
    fn correlation(&self, location: String, id: &Text) -> Option<(String, MessagePart, ValueIr)> {
        let part = match Expression::parse(&location) {
            Ok(Expression::Message(part)) => part,
            Ok(_) => {
                self.failures.push(
                    id.span,
                    format!("the messages' correlation id location `{location}` does not read `$message`"),
                    codes::EXPRESSION,
                );
                return None;
            }
            Err(e) => {
                self.failures.push(
                    id.span,
                    format!("the messages' correlation id location `{location}` does not parse: {}", e.message),
                    codes::EXPRESSION,
                );
                return None;
            }
        };
        Some((location, part, self.failures.value(id, "correlationId")?))
    }

    fn operation_call(&self, step: &Step, used: &mut [BTreeSet<usize>]) -> Option<StepCall> {
        let op_ref = self.op_of(step)?;
        let (_, op) = op_ref.get(self.loaded)?;
        let client = (*self.client_of_source.get(op_ref.source)?)?;
        if let Some(set) = used.get_mut(client) {
            set.insert(op_ref.operation);
        }
        let components = &self.doc().components;
        let params = resolve::step_parameters(self.workflow, step, components)
            .into_iter()
            .map(|p| {
                let declared = op
                    .parameters
                    .iter()
                    .find(|d| d.name == p.name.value && d.location.as_str() == p.location.as_ref().map_or("", |l| l.value.as_str()));
                let location = match p.location.as_ref()?.value.as_str() {
                    "path" => Location::Path,
                    "query" => Location::Query,
                    "header" => Location::Header,
                    "cookie" => Location::Cookie,
                    "querystring" => Location::QueryString {
                        preformatted: declared.is_some_and(crate::openapi::Parameter::querystring_preformatted),
                    },
                    // The checker refused any other `in`.
                    _ => return Some(None),
                };
                let required = declared.is_some_and(|d| d.required || d.location == ParamLocation::Path);
                let style = style_ir(declared.and_then(|d| d.style.as_deref()), location);
                let explode = declared.map_or(style == StyleIr::Form, |d| d.explode());
                let (value, selectors) = value_with_selectors(&p.value, self.doc().version, self.failures)?;
                Some(Some(ParamIr {
                    name: p.name.value,
                    location,
                    value,
                    selectors,
                    required,
                    style,
                    explode,
                }))
            })
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        let body = step.request_body.as_ref().map(|b| {
            let (payload, selectors) = match b.payload.as_ref() {
                Some(p) => value_with_selectors(p, self.doc().version, self.failures)?,
                None => (TemplateIr::Scalar(serde_json::Value::Null), Vec::new()),
            };
            let content_type = b
                .content_type
                .as_ref()
                .map(|c| c.value.clone())
                .or_else(|| {
                    op.request_body
                        .as_ref()
                        .and_then(|rb| rb.content.first())
                        .map(|m| m.media_type.clone())
                })
                .unwrap_or_else(|| "application/json".to_owned());
            let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            let kind = if essence == "application/x-www-form-urlencoded" {
                BodyKind::Form
            } else if essence == "multipart/form-data" {
                BodyKind::Multipart
            } else if essence.ends_with("json") || b.payload.as_ref().is_some_and(|p| p.as_str().is_none()) {
                // A structured payload for a non-JSON media type is still sent as JSON.
                BodyKind::Json
            } else {
                BodyKind::Text
            };
            Some(BodyIr {
                content_type,
                kind,
                payload,
                selectors,
                replacements: b
                    .replacements
                    .iter()
                    .map(|(t, v, _)| {
                        let (value, selectors) = value_with_selectors(v, self.doc().version, self.failures)?;
                        Some((self.failures.pointer(t)?, value, selectors))
                    })
                    .collect::<Option<_>>()?,
            })
        });
        let body = match body {
            Some(b) => Some(b?),
            None => None,
        };
        Some(StepCall::Operation {
            client,
            method: op.method.as_str().to_owned(),
            path: op.path.clone(),
            params,
            body,
        })
    }

    fn actions(&self, list: &[Reusable<Action>], components: &[(crate::arazzo::model::Text, Action)], kind: &str) -> Vec<ActionIr> {
        list.iter()
            .filter_map(|r| resolve::action(r, components, kind).ok())
            .filter_map(|a| {
                let step_index = |id: &str| self.workflow.steps.iter().position(|s| s.step_id.value == id);
                let target = match (&a.step_id, &a.workflow_id) {
                    (Some(step), _) => Some(Target::Step(step_index(&step.value)?)),
                    (None, Some(workflow)) => Some(Target::Workflow(workflow_index(self.loaded, self.foreign, &workflow.value)?)),
                    (None, None) => None,
                };
                let kind = match a.kind.value.as_str() {
                    "end" => ActionKindIr::End,
                    "goto" => ActionKindIr::Goto(target?),
                    "retry" => ActionKindIr::Retry {
                        after: a.retry_after.map(|(v, _)| v),
                        limit: a.retry_limit.map_or(1, |(v, _)| v),
                        then: target,
                    },
                    _ => return None,
                };
                Some(ActionIr {
                    name: a.name.value.clone(),
                    kind,
                    criteria: a.criteria.iter().map(|c| self.failures.criterion(c)).collect::<Option<_>>()?,
                })
            })
            .collect()
    }

    /// Follows `$steps.<id>.outputs.<name>` to the step output's own
    /// expression, and a `$response.body#/ptr` there through the schema.
    fn output_type(&self, expr: &str, inputs: &[FieldIr]) -> RustType {
        let Ok(StringValue::Expression(parsed)) = arazzo_expr::classify(expr) else {
            return RustType::String;
        };
        match parsed {
            Expression::SelfUri => RustType::String,
            Expression::Inputs { name, pointer: None } => inputs
                .iter()
                .find(|i| i.json_name == name)
                .map_or(RustType::Json.optional(), |i| i.ty.clone()),
            Expression::Steps {
                step_id,
                output,
                pointer: None,
            } => {
                let Some(step) = self.workflow.steps.iter().find(|s| s.step_id.value == step_id) else {
                    return RustType::Json.optional();
                };
                let Some((_, inner)) = step.outputs.iter().find(|(k, _)| k.value == output) else {
                    return RustType::Json.optional();
                };
                match inner {
                    OutputValue::Expression(e) => self.step_output_type(step, &e.value),
                    OutputValue::Selector(s) => self.selector_type(Some(step), s),
                }
            }
            _ => RustType::Json.optional(),
        }
    }

    /// A Selector Object's type: a pointer or singular JSONPath query on the step's
    /// response body is followed through the response schema like a `$response.body#/...`
    /// pointer; `$.a[*]` on it is a `Vec` of the items' type; any other query on any context
    /// is a `Vec` of JSON (it always yields a list), an XPath selector an optional string,
    /// and anything else is optional JSON.
    fn selector_type(&self, step: Option<&Step>, s: &Selector) -> RustType {
        let Ok(parsed) = arazzo_expr::Selector::parse(&s.kind.value, s.version.as_ref().map(|v| v.value.as_str()), &s.selector.value)
        else {
            return RustType::Json.optional();
        };
        if parsed.is_xpath() {
            // A string value, or nothing (arazzo_expr::selector's rule).
            return RustType::String.optional();
        }
        let list = RustType::Vec(Box::new(RustType::Json));
        let Some((step, mut tokens)) = self.body_context(step, &s.context.value) else {
            return if parsed.yields_list() { list } else { RustType::Json.optional() };
        };
        if let Some(of) = parsed.length_of() {
            // Goessner's `.length`: an integer when the schema says an array or a string is there.
            tokens.extend(of);
            return match self.body_shape(step, &tokens) {
                Some((true, _, optional) | (_, true, optional)) => {
                    if optional {
                        RustType::Integer.optional()
                    } else {
                        RustType::Integer
                    }
                }
                _ => RustType::Json.optional(),
            };
        }
        let (items, selected) = match (parsed.tokens(), parsed.wildcard_prefix()) {
            (Some(t), _) => (false, t),
            (None, Some(t)) => (true, [t, vec!["0".to_owned()]].concat()),
            (None, None) => return list,
        };
        tokens.extend(selected);
        let ty = self.body_type(step, &tokens);
        match (items, ty) {
            (true, Some((ty, _))) => RustType::Vec(Box::new(ty)),
            (true, None) => list,
            (false, Some((ty, optional))) => {
                if optional {
                    ty.optional()
                } else {
                    ty
                }
            }
            (false, None) => RustType::Json.optional(),
        }
    }

    /// The step whose response body a selector's context reads, and the pointer into it:
    /// `$response.body[#ptr]` in that step, or (in a workflow output) a step output that is
    /// itself `$response.body[#ptr]`, followed by the context's own pointer.
    fn body_context<'s>(&'s self, step: Option<&'s Step>, context: &str) -> Option<(&'s Step, Vec<String>)> {
        let tokens = |p: Option<arazzo_expr::JsonPointer>| p.map(|p| p.tokens().to_vec()).unwrap_or_default();
        match (step, arazzo_expr::classify(context).ok()?) {
            (Some(step), StringValue::Expression(Expression::Response(Source::Body(base)))) => Some((step, tokens(base))),
            (None, StringValue::Expression(Expression::Steps { step_id, output, pointer })) => {
                let step = self.workflow.steps.iter().find(|s| s.step_id.value == step_id)?;
                let (_, value) = step.outputs.iter().find(|(k, _)| k.value == output)?;
                let StringValue::Expression(Expression::Response(Source::Body(base))) =
                    arazzo_expr::classify(&value.expression()?.value).ok()?
                else {
                    return None;
                };
                Some((step, [tokens(base), tokens(pointer)].concat()))
            }
            _ => None,
        }
    }

    /// Whether the schema at `tokens` is an array, a string, and may be absent.
    fn body_shape(&self, step: &Step, tokens: &[String]) -> Option<(bool, bool, bool)> {
        let op_ref = self.op_of(step)?;
        let (api, op) = op_ref.get(self.loaded)?;
        match api.response_pointer(op, &resolve::accepted_statuses(step), tokens) {
            PointerLookup::Found { schema, optional } => {
                let (array, string, _) = api.shape(&schema);
                Some((array, string, optional))
            }
            _ => None,
        }
    }

    /// The schema type at `tokens` in the step's response body (and whether it may be
    /// absent), when the schema says.
    fn body_type(&self, step: &Step, tokens: &[String]) -> Option<(RustType, bool)> {
        let op_ref = self.op_of(step)?;
        let (api, op) = op_ref.get(self.loaded)?;
        let client = self.client_of_source.get(op_ref.source).copied().flatten()?;
        match api.response_pointer(op, &resolve::accepted_statuses(step), tokens) {
            PointerLookup::Found { schema, optional } => Some((RustType::Schema { client, schema }, optional)),
            _ => None,
        }
    }

    fn step_output_type(&self, step: &Step, expr: &str) -> RustType {
        let Ok(StringValue::Expression(parsed)) = arazzo_expr::classify(expr) else {
            return RustType::String;
        };
        match parsed {
            Expression::StatusCode => RustType::Integer,
            Expression::Url | Expression::Method => RustType::String,
            Expression::Response(Source::Header(_)) | Expression::Message(MessagePart::Header(_)) => RustType::String.optional(),
            Expression::Message(MessagePart::Payload(Some(pointer))) => {
                let Some(event) = events::resolve(self.loaded, step).ok() else {
                    return RustType::Json.optional();
                };
                match events::payload_lookup(self.loaded, &event, pointer.tokens()) {
                    crate::asyncapi::SchemaLookup::Found { ty, optional } => {
                        let ty = match ty.as_deref() {
                            Some("string") => RustType::String,
                            Some("integer") => RustType::Integer,
                            Some("number") => RustType::Number,
                            Some("boolean") => RustType::Boolean,
                            _ => RustType::Json.optional(),
                        };
                        if optional { ty.optional() } else { ty }
                    }
                    crate::asyncapi::SchemaLookup::Missing { .. } => RustType::Json.optional(),
                }
            }
            Expression::Response(Source::Body(Some(pointer))) => {
                let Some(op_ref) = self.op_of(step) else {
                    return RustType::Json.optional();
                };
                let Some((api, op)) = op_ref.get(self.loaded) else {
                    return RustType::Json.optional();
                };
                let Some(client) = self.client_of_source.get(op_ref.source).copied().flatten() else {
                    return RustType::Json.optional();
                };
                match api.response_pointer(op, &resolve::accepted_statuses(step), pointer.tokens()) {
                    PointerLookup::Found { schema, optional } => {
                        let ty = RustType::Schema { client, schema };
                        if optional { ty.optional() } else { ty }
                    }
                    PointerLookup::Open | PointerLookup::Missing { .. } | PointerLookup::NoBody => RustType::Json.optional(),
                }
            }
            _ => RustType::Json.optional(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        crate::yaml::parse(text, crate::source::FileId(0)).expect("YAML")
    }

    #[test]
    fn templates_keep_document_order_and_parse_every_string() {
        let failures = Failures::default();
        let t = template(
            &node("zeta: 1\nalpha:\n  - \"q\\\"uote\"\n  - {y: ~, b: 2.5}\nmid: $inputs.x\n"),
            &failures,
        )
        .expect("lowered");
        let TemplateIr::Object(members) = &t else {
            panic!("an object: {t:?}")
        };
        let names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["zeta", "alpha", "mid"]);
        let TemplateIr::Array(items) = &members[1].1 else {
            panic!("an array: {t:?}")
        };
        assert!(matches!(&items[0], TemplateIr::Text(v) if v.parsed == StringValue::Literal("q\"uote".to_owned())));
        let TemplateIr::Object(inner) = &items[1] else {
            panic!("an object: {t:?}")
        };
        assert_eq!(inner.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["y", "b"]);
        assert!(matches!(
            &members[2].1,
            TemplateIr::Text(ValueIr {
                parsed: StringValue::Expression(Expression::Inputs { .. }),
                ..
            })
        ));
        assert!(failures.0.into_inner().is_empty());
    }

    #[test]
    fn a_string_that_does_not_parse_is_a_located_error_not_emitted_code() {
        let failures = Failures::default();
        assert!(template(&node("a: [1, $inptus.x]\n"), &failures).is_none());
        let failures = failures.0.into_inner();
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(
            failures[0].message.contains("`$inptus.x` does not parse"),
            "{}",
            failures[0].message
        );
        assert!(failures[0].span.is_some(), "located at the string");
    }
}
