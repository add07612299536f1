//! Every rule a workflow must satisfy before code is generated for it.
//!
//! The checker reads the loaded model and pushes diagnostics; it never
//! stops at the first problem and never produces code. What it accepts, the
//! lowering can translate without failing.

use std::collections::HashMap;

use arazzo_expr::condition::{Accessor, ComparisonOp, Literal, Node as CondNode, Operand};
use arazzo_expr::{
    Criterion as ExprCriterion, CriterionField, Expression, ParseError, Selector as ExprSelector, SelectorError, Source, StringValue,
    WorkflowField, XPathVersion,
};

use crate::arazzo::events;
use crate::arazzo::model::{Action, Criterion, Document, OutputValue, Reusable, Selector, Step, StepTarget, Text, Version, Workflow};
use crate::arazzo::resolve::{self, OpRef};
use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::load::Loaded;
use crate::openapi::{ParamLocation, PointerLookup};
use crate::yaml::{Node, Value};

pub fn check(loaded: &Loaded, diags: &mut Diagnostics) {
    let doc = &loaded.document;
    unique(doc.source_descriptions.iter().map(|s| &s.name), "source description name", diags);
    unique(doc.workflows.iter().map(|w| &w.workflow_id), "workflowId", diags);
    for source in &doc.source_descriptions {
        id_pattern(&source.name, "source description name", diags);
    }
    for workflow in &doc.workflows {
        id_pattern(&workflow.workflow_id, "workflowId", diags);
        WorkflowChecker::new(loaded, workflow).check(diags);
    }
    crate::arazzo::check_calls::check(loaded, diags);
}

/// `[A-Za-z0-9_\-]+` is the spec's SHOULD for ids, so breaking it is a
/// warning, not an error: the document is valid, but runtime expressions
/// (`$steps.<id>...`) cannot name such an id, since they end at a space.
fn id_pattern(text: &Text, what: &str, diags: &mut Diagnostics) {
    if text.value.is_empty() {
        diags.push(Diagnostic::error(text.span, format!("{what} must not be empty")).with_code(codes::BAD_NAME));
        return;
    }
    let ok = text.value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !ok {
        diags.push(
            Diagnostic::warning(text.span, format!("{what} `{}` should match `[A-Za-z0-9_-]+`", text.value))
                .with_code(codes::ID_PATTERN)
                .with_note(None, "runtime expressions cannot refer to it"),
        );
    }
}

fn output_name_pattern(text: &Text, diags: &mut Diagnostics) {
    let ok = !text.value.is_empty() && text.value.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if !ok {
        diags.push(
            Diagnostic::error(text.span, format!("output name `{}` must match `[a-zA-Z0-9.-_]+`", text.value)).with_code(codes::BAD_NAME),
        );
    }
}

fn unique<'a>(items: impl Iterator<Item = &'a Text>, what: &str, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Text> = HashMap::new();
    for item in items {
        if let Some(first) = seen.get(item.value.as_str()) {
            diags.push(
                Diagnostic::error(item.span, format!("duplicate {what} `{}`", item.value))
                    .with_code(codes::DUPLICATE)
                    .with_note(first.span, "first defined here"),
            );
        } else {
            seen.insert(&item.value, item);
        }
    }
}

/// A string found in the document, as a `Text`, if the node is one.
fn node_text(node: &Node) -> Option<Text> {
    match &node.value {
        Value::String(s) => Some(Text {
            value: s.clone(),
            span: node.span,
            quoted: node.quoted,
        }),
        _ => None,
    }
}

fn parse_error(text: &Text, error: &ParseError, what: &str) -> Diagnostic {
    // Not malformed: this build of the generator (and so of the runtime) lacks a feature.
    if let Some(feature) = error.feature {
        return Diagnostic::error(
            text.sub_span(error.offset, 1),
            format!("{what} `{}`: {}", text.value, error.message),
        )
        .with_code(codes::UNSUPPORTED)
        .with_help(format!("arazzo = {{ version = \"0.1\", features = [\"{feature}\"] }}"));
    }
    let code = if what.starts_with("criterion") {
        codes::CRITERION
    } else {
        codes::EXPRESSION
    };
    Diagnostic::error(
        text.sub_span(error.offset, 1),
        format!("malformed {what} `{}`: {}", text.value, error.message),
    )
    .with_code(code)
}

struct WorkflowChecker<'a> {
    loaded: &'a Loaded,
    doc: &'a Document,
    workflow: &'a Workflow,
    inputs: Vec<String>,
    /// The operation each step calls, once resolved, by step index (ids
    /// may be duplicated in a broken document).
    ops: Vec<Option<OpRef>>,
    /// The AsyncAPI channel each event step uses, by step index.
    events: Vec<Option<crate::arazzo::events::EventRef>>,
}

/// Where an expression is used decides what it may refer to.
#[derive(Clone, Copy)]
struct Scope<'a> {
    /// The step (index and object) the expression belongs to.
    step: Option<(usize, &'a Step)>,
    /// Inside a step's outputs, `$response.body` pointers are checked
    /// against the response schema.
    check_body_pointers: bool,
    /// Workflow outputs are evaluated after the last step: no request or
    /// response exists there.
    outside_steps: bool,
}

impl<'a> WorkflowChecker<'a> {
    fn new(loaded: &'a Loaded, workflow: &'a Workflow) -> Self {
        let doc = &loaded.document;
        let inputs = resolve::input_properties(workflow, &doc.components)
            .into_iter()
            .map(|p| p.name)
            .collect();
        WorkflowChecker {
            loaded,
            doc,
            workflow,
            inputs,
            ops: Vec::new(),
            events: Vec::new(),
        }
    }

    fn check(mut self, diags: &mut Diagnostics) {
        let wf = self.workflow;
        unique(wf.steps.iter().map(|s| &s.step_id), "stepId", diags);
        self.check_inputs_schema(diags);
        unique(wf.depends_on.iter(), "`dependsOn` entry", diags);
        for dep in &wf.depends_on {
            self.workflow_exists(dep, diags);
        }
        crate::arazzo::depends::check(self.loaded, wf, diags);
        for step in &wf.steps {
            id_pattern(&step.step_id, "stepId", diags);
            if events::is_event_step(self.loaded, step) {
                let event = self.check_event_target(step, diags);
                self.events.push(event);
                self.ops.push(None);
                continue;
            }
            self.events.push(None);
            for (field, span) in [
                ("action", step.action.as_ref().map(|t| t.span)),
                ("correlationId", step.correlation_id.as_ref().map(|t| t.span)),
            ] {
                if let Some(span) = span {
                    diags.push(
                        Diagnostic::error(
                            span,
                            format!("`{field}` only applies to a step on an AsyncAPI source (`send` or `receive`)"),
                        )
                        .with_code(codes::INVALID),
                    );
                }
            }
            let op = self.check_target(step, diags);
            self.ops.push(op);
        }
        self.check_parameter_list(&wf.parameters, diags);
        self.check_actions(&wf.success_actions, "successActions", None, diags);
        self.check_actions(&wf.failure_actions, "failureActions", None, diags);
        for (index, step) in wf.steps.iter().enumerate() {
            self.check_step(index, step, diags);
        }
        for (name, expr) in &wf.outputs {
            output_name_pattern(name, diags);
            self.check_output(
                expr,
                Scope {
                    step: None,
                    check_body_pointers: false,
                    outside_steps: true,
                },
                "workflow output",
                diags,
            );
        }
    }

    fn check_inputs_schema(&self, diags: &mut Diagnostics) {
        let Some(inputs) = &self.workflow.inputs else { return };
        if let Some(r) = inputs.get("$ref") {
            if resolve::input_schema(self.workflow, &self.doc.components).is_none() {
                let key = r.as_str().unwrap_or_default();
                diags.push(
                    Diagnostic::error(r.span, format!("`{key}` does not name an entry of `components.inputs`"))
                        .with_code(codes::UNKNOWN_COMPONENT)
                        .with_suggestion(
                            key.rsplit('/').next().unwrap_or(key),
                            self.doc.components.inputs.iter().map(|(k, _)| k.value.as_str()),
                        ),
                );
            }
            return;
        }
        if inputs.as_map().is_none() {
            diags.push(
                Diagnostic::error(
                    inputs.span,
                    format!("`inputs` must be a JSON Schema object, found {}", inputs.kind()),
                )
                .with_code(codes::BAD_VALUE),
            );
        }
    }

    /// `$inputs.customer.firstName` reads into input `customer`; the path is
    /// followed through the input's schema where the schema says enough
    /// (inline `properties`; a `$ref` or a schema without `type` is trusted),
    /// so reading a member of a string, or a member a closed object does not
    /// declare, is an error.
    fn input_member(&self, span: crate::source::Span, input: &str, member: &str) -> Option<Diagnostic> {
        let schema = resolve::input_schema(self.workflow, &self.doc.components)?;
        let mut at = schema.get("properties")?.get(input)?;
        let mut path = input.to_owned();
        for part in member.split('.') {
            if at.get("$ref").is_some() {
                return None;
            }
            let kind = at.get("type").and_then(Node::as_str);
            match kind {
                Some("object") | None => {}
                Some("array") if part.parse::<usize>().is_ok() => {
                    at = at.get("items")?;
                    path = format!("{path}.{part}");
                    continue;
                }
                Some(other) => {
                    return Some(
                        Diagnostic::error(
                            span,
                            format!("`$inputs.{input}.{member}` reads member `{part}` of `{path}`, whose schema type is `{other}`"),
                        )
                        .with_code(codes::UNKNOWN_INPUT),
                    );
                }
            }
            let properties = at.get("properties");
            match properties.and_then(|p| p.get(part)) {
                Some(next) => at = next,
                None => {
                    let closed = at
                        .get("additionalProperties")
                        .is_some_and(|a| matches!(a.value, crate::yaml::Value::Bool(false)));
                    if !closed {
                        return None;
                    }
                    let names: Vec<&str> = properties.and_then(Node::as_map).map(|m| m.keys().collect()).unwrap_or_default();
                    return Some(
                        Diagnostic::error(
                            span,
                            format!("`$inputs.{input}.{member}`: the schema of `{path}` has no property `{part}`"),
                        )
                        .with_code(codes::UNKNOWN_INPUT)
                        .with_suggestion(part, names.iter().copied()),
                    );
                }
            }
            path = format!("{path}.{part}");
        }
        None
    }

    fn workflow_exists(&self, text: &Text, diags: &mut Diagnostics) -> bool {
        self.callee(text, diags).is_some()
    }

    /// The workflow `text` names, reporting it when there is none.
    fn callee(&self, text: &Text, diags: &mut Diagnostics) -> Option<resolve::Callee<'a>> {
        match resolve::workflow(self.loaded, text) {
            Ok(callee) => Some(callee),
            Err(d) => {
                diags.extend(d);
                None
            }
        }
    }

    fn check_target(&self, step: &Step, diags: &mut Diagnostics) -> Option<OpRef> {
        // With a source that failed to load (already reported), "unknown
        // operation" would only repeat that error in other words.
        let sources_loaded = self.loaded.sources.iter().all(crate::load::LoadedSource::is_loaded);
        let mut report = |d: Diagnostic| {
            if sources_loaded {
                diags.push(d);
            }
        };
        match step.target.as_ref()? {
            StepTarget::OperationId(text) => {
                let op = resolve::operation_id(self.loaded, text).map_err(&mut report).ok();
                if op.is_some() {
                    diags.extend(resolve::unqualified_operation_id(self.loaded, text));
                }
                op
            }
            StepTarget::OperationPath(text) => match resolve::operation_path_shape(text) {
                Ok(()) => resolve::operation_path(self.loaded, text).map_err(&mut report).ok(),
                Err(d) => {
                    diags.push(d);
                    None
                }
            },
            StepTarget::WorkflowId(text) => {
                self.workflow_exists(text, diags);
                None
            }
            // Event steps are checked by `check_event_target`.
            StepTarget::ChannelPath(_) => None,
        }
    }

    /// An event step's channel, action, transport and correlation id.
    fn check_event_target(&self, step: &Step, diags: &mut Diagnostics) -> Option<events::EventRef> {
        let action = events::action(step).map_err(|d| diags.push(d)).ok();
        let sources_loaded = self.loaded.sources.iter().all(crate::load::LoadedSource::is_loaded);
        let event = match events::resolve(self.loaded, step) {
            Ok(e) => e,
            Err(d) => {
                if sources_loaded {
                    diags.push(d);
                }
                return None;
            }
        };
        diags.extend(events::transport(self.loaded, step, &event));
        match action {
            Some(events::Action::Receive) => {
                if let Err(d) = events::correlation(self.loaded, step, &event) {
                    diags.push(d);
                }
            }
            Some(events::Action::Send) => {
                // A send step's `timeout` bounds its post as it bounds an operation's request
                // (`Run::limit` and `Run::send`); only `correlationId` is out of place here.
                if let Some(span) = step.correlation_id.as_ref().map(|t| t.span) {
                    diags.push(
                        Diagnostic::error(span, "`correlationId` only applies to a step with `action: receive`").with_code(codes::INVALID),
                    );
                }
            }
            None => {}
        }
        Some(event)
    }

    fn check_parameter_list(&self, list: &[Reusable<crate::arazzo::model::Parameter>], diags: &mut Diagnostics) {
        let mut seen: HashMap<(String, Option<String>), Text> = HashMap::new();
        for reusable in list {
            match resolve::parameter(reusable, &self.doc.components) {
                Ok(p) => {
                    let key = (p.name.value.clone(), p.location.as_ref().map(|l| l.value.clone()));
                    if let Some(first) = seen.get(&key) {
                        diags.push(
                            Diagnostic::error(
                                p.name.span,
                                format!(
                                    "duplicate parameter `{}`{}",
                                    p.name.value,
                                    key.1.as_ref().map(|l| format!(" in {l}")).unwrap_or_default()
                                ),
                            )
                            .with_code(codes::DUPLICATE)
                            .with_note(first.span, "first defined here"),
                        );
                    } else {
                        seen.insert(key, p.name.clone());
                    }
                }
                Err(d) => diags.push(d),
            }
        }
    }

    /// An `in: querystring` parameter (Arazzo 1.1): its value "MUST resolve to a string
    /// representing the complete query string", and it "cannot coexist with `query`
    /// parameters". A constant that is not a string is wrong here; what an expression or a
    /// Selector Object yields is checked when the run evaluates it (`Run::param`).
    fn check_querystring(&self, p: &resolve::EffectiveParameter, params: &[resolve::EffectiveParameter], diags: &mut Diagnostics) {
        let selector = p.value.as_map().is_some() && crate::arazzo::model::is_selector(&p.value);
        if !matches!(p.value.value, Value::String(_)) && !selector {
            diags.push(
                Diagnostic::error(
                    p.value.span,
                    format!(
                        "the value of `in: querystring` parameter `{}` must be a string (the whole query string), found {}",
                        p.name.value,
                        p.value.kind()
                    ),
                )
                .with_code(codes::PARAMETER)
                .with_help("write the query string as the operation's media type formats it, e.g. `value: \"a=1&b={$inputs.b}\"`"),
            );
        }
        for other in params.iter().filter(|o| o.location.as_ref().is_some_and(|l| l.value == "query")) {
            diags.push(
                Diagnostic::error(
                    other.name.span,
                    format!(
                        "`in: query` parameter `{}` cannot be sent with `in: querystring` parameter `{}`, which is the whole query string",
                        other.name.value, p.name.value
                    ),
                )
                .with_code(codes::PARAMETER)
                .with_note(p.name.span, "the querystring parameter")
                .with_help(format!("put `{}` into the querystring value", other.name.value)),
            );
        }
    }

    /// In a step that calls a workflow, `$outputs.<name>` (in the step's
    /// outputs and criteria) reads the called workflow's outputs, as the
    /// official pet-coupons example does.
    fn callee_of(&self, scope: Scope<'a>) -> Option<resolve::Callee<'a>> {
        let (_, step) = scope.step?;
        match &step.target {
            Some(StepTarget::WorkflowId(target)) => resolve::workflow(self.loaded, target).ok(),
            _ => None,
        }
    }

    fn op_at(&self, index: usize) -> Option<(&'a crate::openapi::OpenApi, &'a crate::openapi::Operation)> {
        self.ops.get(index).copied().flatten().and_then(|r| r.get(self.loaded))
    }

    fn check_step(&self, index: usize, step: &'a Step, diags: &mut Diagnostics) {
        let scope = Scope {
            step: Some((index, step)),
            check_body_pointers: false,
            outside_steps: false,
        };
        self.check_parameter_list(&step.parameters, diags);
        let op = self.op_at(index);
        let params = resolve::step_parameters(self.workflow, step, &self.doc.components);
        let calls_workflow = matches!(step.target, Some(StepTarget::WorkflowId(_)));
        for p in &params {
            if let Some(text) = node_text(&p.value) {
                self.check_value(&text, scope, "parameter value", diags);
            } else if self.doc.version >= Version::V1_1 && p.value.as_map().is_some() {
                self.check_payload(&p.value, scope, diags);
            }
            if calls_workflow {
                continue;
            }
            let Some(location) = &p.location else {
                diags.push(
                    Diagnostic::error(
                        p.name.span,
                        format!(
                            "parameter `{}` needs `in` (path, query, header or cookie) because the step calls an operation",
                            p.name.value
                        ),
                    )
                    .with_code(codes::PARAMETER),
                );
                continue;
            };
            if self.events.get(index).is_some_and(Option::is_some) && location.value != "header" {
                diags.push(
                    Diagnostic::error(
                        location.span,
                        format!(
                            "parameter `{}` of event step `{}` is `in: {}`; a message takes only `in: header` parameters",
                            p.name.value, step.step_id.value, location.value
                        ),
                    )
                    .with_code(codes::PARAMETER),
                );
            }
            if location.value == "querystring" {
                self.check_querystring(p, &params, diags);
            }
            let Some((_, op)) = op else { continue };
            let declared = op
                .parameters
                .iter()
                .any(|d| same_parameter(&d.name, d.location.as_str(), &p.name.value, &location.value));
            let reserved = location.value == "header" && is_reserved_header(&p.name.value);
            if !declared && !reserved {
                let same_in: Vec<&str> = op
                    .parameters
                    .iter()
                    .filter(|d| d.location.as_str() == location.value)
                    .map(|d| d.name.as_str())
                    .collect();
                let elsewhere = op.parameters.iter().find(|d| d.name == p.name.value);
                // Real APIs need headers their descriptions leave out
                // (`OpenAI-Beta: assistants=v2`); they are sent as given.
                // A path or query parameter the operation lacks builds a
                // different URL, so that stays an error.
                let (code, sent) = match location.value.as_str() {
                    "header" | "cookie" => (codes::UNDECLARED_PARAMETER, "; it is sent as given"),
                    _ => (codes::PARAMETER, ""),
                };
                let mut d = Diagnostic::error(
                    p.name.span,
                    format!(
                        "operation `{}` has no {} parameter `{}`{sent}",
                        op_name(op),
                        location.value,
                        p.name.value
                    ),
                )
                .with_code(code);
                d = match elsewhere {
                    Some(e) => d.with_help(format!(
                        "`{}` is a {} parameter: write `in: {}`",
                        e.name,
                        e.location.as_str(),
                        e.location.as_str()
                    )),
                    None => d.with_suggestion(&p.name.value, same_in.iter().copied()),
                };
                if same_in.is_empty() {
                    d = d.with_note(None, format!("it declares no {} parameters", location.value));
                } else {
                    d = d.with_note(None, format!("its {} parameters are: {}", location.value, same_in.join(", ")));
                }
                diags.push(d);
            }
        }
        if let Some((_, op)) = op {
            let needed = op
                .parameters
                .iter()
                .filter(|d| d.required || d.location == ParamLocation::Path)
                .filter(|d| !(d.location == ParamLocation::Header && is_reserved_header(&d.name)));
            for declared in needed {
                let given = params.iter().any(|p| {
                    p.location
                        .as_ref()
                        .is_some_and(|l| same_parameter(&declared.name, declared.location.as_str(), &p.name.value, &l.value))
                });
                if !given {
                    diags.push(
                        Diagnostic::error(
                            step.step_id.span,
                            format!(
                                "step `{}` does not set required {} parameter `{}` of operation `{}`",
                                step.step_id.value,
                                declared.location.as_str(),
                                declared.name,
                                op_name(op)
                            ),
                        )
                        .with_code(codes::PARAMETER)
                        .with_help(format!(
                            "add `- {{ name: {}, in: {}, value: ... }}` to the step's parameters",
                            declared.name,
                            declared.location.as_str()
                        )),
                    );
                }
            }
        }
        let receives = self.events.get(index).is_some_and(Option::is_some) && step.action.as_ref().is_some_and(|a| a.value == "receive");
        if let Some(body) = &step.request_body {
            if receives {
                diags.push(
                    Diagnostic::error(body.span, "a step that receives a message cannot have a request body")
                        .with_code(codes::REQUEST_BODY),
                );
            } else if calls_workflow {
                diags.push(
                    Diagnostic::error(
                        body.span,
                        "a step that calls a workflow cannot have a request body; pass values as parameters",
                    )
                    .with_code(codes::REQUEST_BODY),
                );
            } else if let Some((_, op)) = op {
                match &op.request_body {
                    None => diags.push(
                        Diagnostic::error(body.span, format!("operation `{}` takes no request body", op_name(op)))
                            .with_code(codes::REQUEST_BODY),
                    ),
                    Some(rb) => {
                        if let Some(ct) = &body.content_type {
                            let accepted = rb.content.iter().any(|m| media_matches(&m.media_type, &ct.value));
                            if !accepted && !rb.content.is_empty() {
                                diags.push(
                                    Diagnostic::error(
                                        ct.span,
                                        format!("operation `{}` does not accept `{}` bodies", op_name(op), ct.value),
                                    )
                                    .with_code(codes::REQUEST_BODY)
                                    .with_note(
                                        None,
                                        format!(
                                            "it accepts: {}",
                                            rb.content.iter().map(|m| m.media_type.as_str()).collect::<Vec<_>>().join(", ")
                                        ),
                                    ),
                                );
                            }
                        }
                    }
                }
            }
            if let Some(payload) = &body.payload {
                self.check_payload(payload, scope, diags);
            }
            for (target, value, kind) in &body.replacements {
                // An explicit `jsonpointer` type makes any target a pointer that must parse.
                if (target.value.starts_with('/') || target.value.is_empty() || kind.as_ref().is_some_and(|k| k.value == "jsonpointer"))
                    && let Err(e) = arazzo_expr::JsonPointer::parse(&target.value)
                {
                    diags.push(parse_error(target, &e, "replacement target"));
                }
                self.check_payload(value, scope, diags);
            }
        } else if let Some((_, op)) = op
            && op.request_body.as_ref().is_some_and(|rb| rb.required)
        {
            diags.push(
                Diagnostic::error(
                    step.step_id.span,
                    format!(
                        "operation `{}` requires a request body, and step `{}` has none",
                        op_name(op),
                        step.step_id.value
                    ),
                )
                .with_code(codes::REQUEST_BODY)
                .with_help("add `requestBody: { contentType: ..., payload: ... }`"),
            );
        }
        // Criteria of a step that calls an operation see its response, so
        // their body pointers are checked like the step's outputs.
        let response_scope = Scope {
            check_body_pointers: !calls_workflow,
            ..scope
        };
        for criterion in &step.success_criteria {
            self.check_criterion(criterion, response_scope, diags);
        }
        for (name, expr) in &step.outputs {
            output_name_pattern(name, diags);
            self.check_output(
                expr,
                Scope {
                    step: Some((index, step)),
                    check_body_pointers: !calls_workflow,
                    outside_steps: false,
                },
                "step output",
                diags,
            );
        }
        unique(step.outputs.iter().map(|(k, _)| k), "output", diags);
        self.check_actions(&step.on_success, "successActions", Some((index, step)), diags);
        self.check_actions(&step.on_failure, "failureActions", Some((index, step)), diags);
    }

    fn check_payload(&self, node: &Node, scope: Scope<'a>, diags: &mut Diagnostics) {
        match &node.value {
            Value::String(_) => {
                if let Some(text) = node_text(node) {
                    self.check_value(&text, scope, "payload value", diags);
                }
            }
            Value::Seq(items) => items.iter().for_each(|i| self.check_payload(i, scope, diags)),
            Value::Map(_) if self.doc.version >= Version::V1_1 && crate::arazzo::model::is_selector(node) => {
                if let Some(selector) = crate::arazzo::model::load_selector(node, diags) {
                    self.check_selector(&selector, scope, diags);
                }
            }
            Value::Map(m) => m.iter().for_each(|(_, v)| self.check_payload(v, scope, diags)),
            _ => {}
        }
    }

    fn check_actions(&self, list: &'a [Reusable<Action>], kind: &str, step: Option<(usize, &'a Step)>, diags: &mut Diagnostics) {
        let components = if kind == "successActions" {
            &self.doc.components.success_actions
        } else {
            &self.doc.components.failure_actions
        };
        let mut names: Vec<&Text> = Vec::new();
        for reusable in list {
            let action = match resolve::action(reusable, components, kind) {
                Ok(a) => a,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            names.push(&action.name);
            if let Some(target) = &action.step_id
                && !self.workflow.steps.iter().any(|s| s.step_id.value == target.value)
            {
                diags.push(
                    Diagnostic::error(
                        target.span,
                        format!("`{}` goes to unknown step `{}`", action.name.value, target.value),
                    )
                    .with_code(codes::UNKNOWN_STEP)
                    .with_suggestion(&target.value, self.workflow.steps.iter().map(|s| s.step_id.value.as_str()))
                    .with_note(
                        None,
                        format!(
                            "steps of workflow `{}`: {}",
                            self.workflow.workflow_id.value,
                            self.workflow
                                .steps
                                .iter()
                                .map(|s| s.step_id.value.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ),
                );
            }
            if let Some(target) = &action.workflow_id {
                self.workflow_exists(target, diags);
            }
            // A retry with a stepId runs that step and then the retried
            // one again: naming the step itself runs it twice per retry.
            if action.kind.value == "retry"
                && let (Some(target), Some((_, own))) = (&action.step_id, step)
                && target.value == own.step_id.value
            {
                diags.push(
                    Diagnostic::warning(
                        target.span,
                        format!(
                            "`{}` retries step `{}` by running `{}` first, so the step runs twice per retry",
                            action.name.value, own.step_id.value, target.value
                        ),
                    )
                    .with_code(codes::RETRY_OWN_STEP)
                    .with_help("remove `stepId`: a `retry` without one retries its own step"),
                );
            }
            // Workflow-level actions run for each step, so `$statusCode`
            // and `$response` have values there too. A step's success
            // actions see the response its success criteria accepted, so
            // their body pointers are checked against that schema.
            let calls_operation = step.is_some_and(|(_, st)| !matches!(st.target, Some(StepTarget::WorkflowId(_))));
            let scope = Scope {
                step,
                check_body_pointers: kind == "successActions" && calls_operation,
                outside_steps: false,
            };
            for c in &action.criteria {
                self.check_criterion(c, scope, diags);
            }
        }
        unique(names.into_iter(), "action name", diags);
    }

    fn check_criterion(&self, c: &Criterion, scope: Scope<'a>, diags: &mut Diagnostics) {
        if let Some(d) = unsupported_criterion(c, self.doc.version) {
            diags.push(d);
            if let Some(ctx) = &c.context {
                self.check_value(ctx, scope, "criterion context", diags);
            }
            return;
        }
        let parsed = ExprCriterion::parse(
            c.kind.as_ref().map(Text::as_str),
            c.version.as_ref().map(Text::as_str),
            c.context.as_ref().map(Text::as_str),
            &c.condition.value,
        );
        match parsed {
            Err(e) => {
                let (text, what) = match e.field {
                    CriterionField::Context => (c.context.as_ref().unwrap_or(&c.condition), "criterion context"),
                    CriterionField::Type => (c.kind.as_ref().unwrap_or(&c.condition), "criterion type"),
                    CriterionField::Version => (c.version.as_ref().or(c.kind.as_ref()).unwrap_or(&c.condition), "criterion version"),
                    CriterionField::Condition => (&c.condition, "criterion"),
                };
                if e.field == CriterionField::Context && c.context.is_none() {
                    diags.push(
                        Diagnostic::error(
                            c.span,
                            format!(
                                "a `{}` criterion needs a `context` (e.g. `context: $response.body`)",
                                c.kind.as_ref().map_or("typed", Text::as_str)
                            ),
                        )
                        .with_code(codes::CRITERION),
                    );
                } else {
                    diags.push(parse_error(text, &e.error, what));
                }
            }
            Ok(ExprCriterion::Simple(cond)) => {
                for (expr, range) in cond.expressions() {
                    self.check_reference(expr, &c.condition, range.start, range.len(), scope, diags);
                }
                self.check_enum_comparisons(cond.root(), &c.condition, scope, diags);
                if let Some(ctx) = &c.context {
                    self.check_value(ctx, scope, "criterion context", diags);
                }
            }
            Ok(parsed) => {
                if let Some(ctx) = &c.context {
                    self.check_value(ctx, scope, "criterion context", diags);
                }
                if let ExprCriterion::JsonPath { context, path } = &parsed {
                    self.check_jsonpath_enums(context, path, &c.condition, scope, diags);
                    self.check_jsonpath_queries(context, path, &c.condition, scope, diags);
                }
                #[cfg(feature = "xpath")]
                if let ExprCriterion::XPath { expression, .. } = &parsed
                    && let Err(e) = super::xpath::check(expression)
                {
                    diags.push(parse_error(&c.condition, &e, "criterion"));
                }
            }
        }
    }

    /// `$.autofix.status == "complete"` with context `$response.body`: the
    /// query is followed through the response schema, and a literal outside
    /// its enum is an error. JSONPath compares strings exactly (RFC 9535), so
    /// unlike `simple` conditions the case must match too.
    fn check_jsonpath_enums(
        &self,
        context: &Expression,
        path: &arazzo_expr::JsonPathCondition,
        text: &Text,
        scope: Scope<'a>,
        diags: &mut Diagnostics,
    ) {
        let Expression::Response(Source::Body(base)) = context else {
            return;
        };
        let Some((index, step)) = scope.step else { return };
        let Some((api, op)) = self.op_at(index) else { return };
        let statuses = resolve::accepted_statuses(step);
        for comparison in path.literal_comparisons() {
            let mut tokens = pointer_tokens(base.as_ref());
            tokens.extend(comparison.path.iter().cloned());
            let PointerLookup::Found { schema, .. } = api.response_pointer(op, &statuses, &tokens) else {
                continue;
            };
            let Some(values) = api.enum_values(&schema) else { continue };
            if values.is_empty() || values.contains(&comparison.literal) {
                continue;
            }
            let query = format!("$.{}", comparison.path.join("."));
            let shown: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
            diags.push(
                Diagnostic::error(
                    text.sub_span(comparison.literal_offset, comparison.literal.len() + 2),
                    format!(
                        "`{}` is not a value of `{query}`, whose schema allows only {}",
                        comparison.literal,
                        shown.join(", ")
                    ),
                )
                .with_code(codes::ENUM_LITERAL)
                .with_suggestion(&comparison.literal, values.iter().map(String::as_str)),
            );
        }
    }

    /// Every singular query of a jsonpath condition whose context is the
    /// response body, followed through the response schema like a
    /// `$response.body#/...` pointer: a query that can never select
    /// anything (a member a closed object lacks, a member of an array, an
    /// index into an object) is an error at the segment, an undeclared
    /// member of an open object a warning; a compared `.length` of an array
    /// or string is read as its length, with a warning showing the RFC 9535
    /// form (`length($.result)`).
    fn check_jsonpath_queries(
        &self,
        context: &Expression,
        path: &arazzo_expr::JsonPathCondition,
        text: &Text,
        scope: Scope<'a>,
        diags: &mut Diagnostics,
    ) {
        let Expression::Response(Source::Body(base)) = context else {
            return;
        };
        let Some((index, step)) = scope.step else { return };
        let Some((api, op)) = self.op_at(index) else { return };
        let statuses = resolve::accepted_statuses(step);
        let base = pointer_tokens(base.as_ref());
        let found = |tokens: &[String]| match api.response_pointer(op, &statuses, tokens) {
            PointerLookup::Found { schema, .. } => Some(api.shape(&schema)),
            _ => None,
        };
        let condition = text.value.as_str();
        'queries: for query in path.singular_queries() {
            let written = condition.get(query.range.clone()).unwrap_or_default().trim();
            let mut tokens = base.clone();
            tokens.extend(query.segments.iter().map(|s| s.name.clone()));
            let at = |n: usize| {
                if n == 0 {
                    "the response body".to_owned()
                } else {
                    format!("`/{}`", tokens[..n].join("/"))
                }
            };
            if query.length_read
                && let Some(last) = query.segments.last()
                && let Some((array, string, _)) = found(&tokens[..tokens.len() - 1])
                && (array || string)
            {
                let parent = condition.get(query.range.start..last.range.start - 1).unwrap_or("$").trim();
                let rfc = format!("length({parent})");
                let fixed = format!("{}{rfc}{}", &condition[..query.range.start], &condition[query.range.end..]);
                let what = if array { "array" } else { "string" };
                let span = text.sub_span(query.range.start, query.range.len());
                diags.push(
                    Diagnostic::warning(
                        span,
                        format!(
                            "`{written}` is read as the length of the {what} `{parent}`, as JavaScript JSONPath evaluators read it; RFC 9535 selects nothing there"
                        ),
                    )
                    .with_code(codes::JSONPATH_LENGTH)
                    .with_help(format!("write `{fixed}`"))
                    .with_replacement(span, rfc, written),
                );
                continue;
            }
            for (i, segment) in query.segments.iter().enumerate() {
                let n = base.len() + i;
                let Some((array, _, object)) = found(&tokens[..n]) else { continue };
                let problem = if segment.is_index && object {
                    format!(
                        "{} of `{}` is an object, and `[{}]` selects from arrays only",
                        at(n),
                        op_name(op),
                        segment.name
                    )
                } else if !segment.is_index && array {
                    format!("{} of `{}` is an array, which has no member `{}`", at(n), op_name(op), segment.name)
                } else {
                    continue;
                };
                let mut d = Diagnostic::error(
                    text.sub_span(segment.range.start, segment.range.len()),
                    format!("`{written}` cannot select anything: {problem}"),
                )
                .with_code(codes::RESPONSE_POINTER);
                if segment.name == "length" && array {
                    let parent = condition.get(query.range.start..segment.range.start - 1).unwrap_or("$").trim();
                    d = d.with_help(format!("for the number of items, compare `length({parent})`"));
                }
                diags.push(d);
                continue 'queries;
            }
            if let PointerLookup::Missing {
                index,
                token,
                known,
                closed,
            } = api.response_pointer(op, &statuses, &tokens)
                && let Some(segment) = index.checked_sub(base.len()).and_then(|i| query.segments.get(i))
            {
                let span = text.sub_span(segment.range.start, segment.range.len());
                let d = if closed {
                    Diagnostic::error(
                        span,
                        format!(
                            "`{written}` cannot select anything: {} of `{}` has no `{token}`",
                            at(index),
                            op_name(op)
                        ),
                    )
                    .with_code(codes::RESPONSE_POINTER)
                } else {
                    Diagnostic::warning(
                        span,
                        format!(
                            "`{written}` reads `{token}`, which {} of `{}` does not declare",
                            at(index),
                            op_name(op)
                        ),
                    )
                    .with_code(codes::UNDECLARED_MEMBER)
                };
                diags.push(d.with_suggestion(&token, known.iter().map(String::as_str)));
            }
        }
    }

    /// `==` / `!=` between a value whose schema is a string enum and a string
    /// outside that enum can never be true (or never false): almost always a
    /// typo such as `"complete"` for `completed`.
    fn check_enum_comparisons(&self, node: &CondNode, text: &Text, scope: Scope<'a>, diags: &mut Diagnostics) {
        let (left, right) = match node {
            CondNode::Or(items) | CondNode::And(items) => {
                items.iter().for_each(|n| self.check_enum_comparisons(n, text, scope, diags));
                return;
            }
            CondNode::Not(inner) => return self.check_enum_comparisons(inner, text, scope, diags),
            CondNode::Comparison {
                left,
                op: ComparisonOp::Eq | ComparisonOp::Ne,
                right,
            } => (left, right),
            CondNode::Comparison { .. } | CondNode::Test(_) => return,
        };
        let (expression, accessors, range, literal) = match (left, right) {
            (
                Operand::Expression {
                    expression,
                    accessors,
                    span,
                    ..
                },
                Operand::Literal(Literal::String(s)),
            )
            | (
                Operand::Literal(Literal::String(s)),
                Operand::Expression {
                    expression,
                    accessors,
                    span,
                    ..
                },
            ) => (expression, accessors, span, s),
            _ => return,
        };
        let Some(values) = self.enum_of(expression, accessors, scope) else {
            return;
        };
        let wanted = literal.to_lowercase();
        if values.is_empty() || values.iter().any(|v| v.to_lowercase() == wanted) {
            return;
        }
        let span = literal_offset(&text.value, literal, range).map_or_else(
            || text.sub_span(range.start, range.len()),
            |at| text.sub_span(at, literal.len() + 2),
        );
        let shown: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        diags.push(
            Diagnostic::error(
                span,
                format!(
                    "`{literal}` is not a value of `{expression}`, whose schema allows only {}",
                    shown.join(", ")
                ),
            )
            .with_code(codes::ENUM_LITERAL)
            .with_suggestion(literal, values.iter().map(String::as_str)),
        );
    }

    /// The string enum a value has, when its schema says: a response body
    /// pointer of the current step, or a step output that is one.
    fn enum_of(&self, expr: &Expression, accessors: &[Accessor], scope: Scope<'a>) -> Option<Vec<String>> {
        let (index, mut tokens) = match expr {
            Expression::Response(Source::Body(pointer)) => (scope.step?.0, pointer_tokens(pointer.as_ref())),
            Expression::Steps { step_id, output, pointer } => {
                let index = self.workflow.steps.iter().position(|s| s.step_id.value == *step_id)?;
                let (_, value) = self.workflow.steps.get(index)?.outputs.iter().find(|(k, _)| k.value == *output)?;
                let Ok(StringValue::Expression(Expression::Response(Source::Body(inner)))) =
                    arazzo_expr::classify(&value.expression()?.value)
                else {
                    return None;
                };
                let mut tokens = pointer_tokens(inner.as_ref());
                tokens.extend(pointer_tokens(pointer.as_ref()));
                (index, tokens)
            }
            _ => return None,
        };
        tokens.extend(accessors.iter().map(|a| match a {
            Accessor::Member(name) => name.clone(),
            Accessor::Index(i) => i.to_string(),
        }));
        let step = self.workflow.steps.get(index)?;
        let (api, op) = self.op_at(index)?;
        match api.response_pointer(op, &resolve::accepted_statuses(step), &tokens) {
            PointerLookup::Found { schema, .. } => api.enum_values(&schema),
            _ => None,
        }
    }

    fn check_output(&self, value: &OutputValue, scope: Scope<'a>, what: &str, diags: &mut Diagnostics) {
        match value {
            OutputValue::Expression(text) => self.check_value(text, scope, what, diags),
            OutputValue::Selector(selector) => self.check_selector(selector, scope, diags),
        }
    }

    /// A Selector Object: its context is an expression checked like any other; its selector
    /// parses as its `type` says; and when the context is the response body, a pointer or
    /// singular JSONPath query is followed through the response schema like a
    /// `$response.body#/...` pointer, so one that can never select anything is an error at the
    /// token that cannot match.
    pub(crate) fn check_selector(&self, sel: &Selector, scope: Scope<'a>, diags: &mut Diagnostics) {
        self.check_value(&sel.context, scope, "selector context", diags);
        let context = match arazzo_expr::classify(&sel.context.value) {
            Ok(StringValue::Expression(expr)) => Some(expr),
            Ok(_) => {
                diags.push(
                    Diagnostic::error(
                        sel.context.span,
                        format!("a selector's `context` must be a runtime expression, found `{}`", sel.context.value),
                    )
                    .with_code(codes::EXPRESSION)
                    .with_help("select the structured data to apply the selector to, such as `$response.body`"),
                );
                None
            }
            Err(_) => None,
        };
        let parsed = match ExprSelector::parse(&sel.kind.value, sel.version.as_ref().map(Text::as_str), &sel.selector.value) {
            Ok(parsed) => parsed,
            Err(SelectorError::Syntax(e)) => return diags.push(parse_error(&sel.selector, &e, "selector")),
            // An unknown `type` itself the loader has reported, with a suggestion.
            Err(SelectorError::UnknownType(message)) => {
                if let Some(version) = &sel.version
                    && ["jsonpath", "xpath", "jsonpointer"].contains(&sel.kind.value.as_str())
                {
                    diags.push(Diagnostic::error(version.span, message).with_code(codes::BAD_VALUE));
                }
                return;
            }
            Err(SelectorError::Unsupported(what, offset)) => {
                // At the construct (a Goessner filter), else at the version or type naming it.
                let at = match offset {
                    Some(offset) => sel.selector.sub_span(offset, 1),
                    None => sel.version.as_ref().unwrap_or(&sel.kind).span,
                };
                let help = if sel.kind.value == "xpath" {
                    "write the selector for XPath 3.1 (`version: xpath-31`, the default)"
                } else {
                    "use a `jsonpointer` or RFC 9535 `jsonpath` selector on JSON data"
                };
                return diags.push(
                    Diagnostic::error(at, format!("{what} is not supported by this version of the generator"))
                        .with_code(codes::UNSUPPORTED)
                        .with_note(None, "rather than select a value wrongly, the generator refuses it")
                        .with_help(help),
                );
            }
        };
        if parsed.is_xpath() {
            // Compiled by the runtime's engine when the generator has it (as `xpath` criteria).
            #[cfg(feature = "xpath")]
            if let ExprSelector::XPath { expression, .. } = &parsed
                && let Err(e) = super::xpath::check(expression)
            {
                diags.push(parse_error(&sel.selector, &e, "selector"));
            }
        }
        let Some((context, base, scope)) = self.body_of(context, scope) else {
            return;
        };
        let context = Some(context);
        let base = &base;
        match &parsed {
            ExprSelector::JsonPath { .. } => {
                let path = if sel.version.as_ref().is_some_and(|v| v.value == arazzo_expr::selector::GOESSNER) {
                    arazzo_expr::JsonPathCondition::parse_goessner(&sel.selector.value)
                } else {
                    arazzo_expr::JsonPathCondition::parse(&sel.selector.value)
                };
                if let Ok(path) = path {
                    self.check_jsonpath_queries(
                        context.as_ref().unwrap_or(&Expression::StatusCode),
                        &path,
                        &sel.selector,
                        scope,
                        diags,
                    );
                }
            }
            ExprSelector::XPath { .. } => self.check_xpath_over_json(sel, base.as_ref(), scope, diags),
            ExprSelector::Pointer(pointer) => {
                let Some((index, step)) = scope.step else { return };
                let Some((api, op)) = self.op_at(index) else { return };
                let mut tokens = pointer_tokens(base.as_ref());
                let skip = tokens.len();
                tokens.extend(pointer.tokens().iter().cloned());
                let PointerLookup::Missing {
                    index,
                    token,
                    known,
                    closed,
                } = api.response_pointer(op, &resolve::accepted_statuses(step), &tokens)
                else {
                    return;
                };
                let Some(within) = index.checked_sub(skip) else { return };
                let written: usize = pointer
                    .tokens()
                    .iter()
                    .take(within)
                    .map(|t| 1 + arazzo_expr::JsonPointer::escape(t).len())
                    .sum();
                let escaped = arazzo_expr::JsonPointer::escape(&token);
                let span = sel.selector.sub_span(written + 1, escaped.len());
                let path: String = tokens.iter().take(index).map(|t| format!("/{t}")).collect();
                let at = if path.is_empty() {
                    "the response body".to_owned()
                } else {
                    format!("`{path}`")
                };
                let d = if closed {
                    Diagnostic::error(
                        span,
                        format!(
                            "selector `{}` cannot select anything: {at} of `{}` has no `{token}`",
                            sel.selector.value,
                            op_name(op)
                        ),
                    )
                    .with_code(codes::RESPONSE_POINTER)
                } else {
                    Diagnostic::warning(
                        span,
                        format!(
                            "selector `{}` reads `{token}`, which {at} of `{}` does not declare; it is typed as JSON",
                            sel.selector.value,
                            op_name(op)
                        ),
                    )
                    .with_code(codes::UNDECLARED_MEMBER)
                };
                diags.push(d.with_suggestion(&token, known.iter().map(String::as_str)));
            }
        }
    }

    /// An `xpath` selector reads XML text: over a response that can only be JSON (every
    /// response the step accepts declares JSON media types, and the selected value is not a
    /// JSON string, which could hold XML) it can never select anything.
    fn check_xpath_over_json(&self, sel: &Selector, base: Option<&arazzo_expr::JsonPointer>, scope: Scope<'a>, diags: &mut Diagnostics) {
        let Some((index, step)) = scope.step else { return };
        let Some((api, op)) = self.op_at(index) else { return };
        let statuses = resolve::accepted_statuses(step);
        let media: Vec<&str> = crate::openapi::selected_responses(op, &statuses)
            .into_iter()
            .flat_map(|r| r.content.iter().map(|m| m.media_type.as_str()))
            .collect();
        if media.is_empty() || !media.iter().all(|m| crate::openapi::is_json_media_type(m)) {
            return;
        }
        if let PointerLookup::Found { schema, .. } = api.response_pointer(op, &statuses, &pointer_tokens(base))
            && api.shape(&schema).1
        {
            return;
        }
        let mut listed: Vec<&str> = Vec::new();
        for m in media {
            if !listed.contains(&m) {
                listed.push(m);
            }
        }
        diags.push(
            Diagnostic::error(
                sel.selector.span,
                format!(
                    "xpath selector `{}` cannot select anything: it reads XML, and the response of `{}` is JSON ({})",
                    sel.selector.value,
                    op_name(op),
                    listed.join(", ")
                ),
            )
            .with_code(codes::RESPONSE_POINTER)
            .with_help("select from JSON with a `jsonpointer` or `jsonpath` selector"),
        );
    }

    /// The response body a selector's context reads, as a `$response.body[#ptr]` context in
    /// the scope of the step that received it: the step's own (in its outputs), or the step
    /// whose output `$steps.<id>.outputs.<name>` is itself `$response.body[#ptr]` (in a
    /// workflow output, or a value another step sends), so both are checked against that
    /// step's response schema.
    fn body_of(&self, context: Option<Expression>, scope: Scope<'a>) -> Option<(Expression, Option<arazzo_expr::JsonPointer>, Scope<'a>)> {
        match context? {
            Expression::Response(Source::Body(base)) if scope.check_body_pointers => {
                Some((Expression::Response(Source::Body(base.clone())), base, scope))
            }
            // In a workflow output, or in a later step's parameters, payload or replacements.
            Expression::Steps { step_id, output, pointer }
                if scope.outside_steps || scope.step.is_some_and(|(_, s)| s.step_id.value != step_id) =>
            {
                let index = self.workflow.steps.iter().position(|s| s.step_id.value == step_id)?;
                let step = &self.workflow.steps[index];
                if matches!(step.target, Some(StepTarget::WorkflowId(_))) {
                    return None;
                }
                let (_, value) = step.outputs.iter().find(|(k, _)| k.value == output)?;
                let Ok(StringValue::Expression(Expression::Response(Source::Body(inner)))) =
                    arazzo_expr::classify(&value.expression()?.value)
                else {
                    return None;
                };
                let mut tokens = pointer_tokens(inner.as_ref());
                tokens.extend(pointer_tokens(pointer.as_ref()));
                let base = (!tokens.is_empty()).then(|| arazzo_expr::JsonPointer::from_tokens(tokens.iter()));
                let scope = Scope {
                    step: Some((index, step)),
                    check_body_pointers: true,
                    outside_steps: false,
                };
                Some((Expression::Response(Source::Body(base.clone())), base, scope))
            }
            _ => None,
        }
    }

    /// A string value that may be a literal, an expression or a template.
    fn check_value(&self, text: &Text, scope: Scope<'a>, what: &str, diags: &mut Diagnostics) {
        match arazzo_expr::classify(&text.value) {
            Err(e) => diags.push(parse_error(text, &e, &format!("runtime expression in {what}"))),
            Ok(StringValue::Literal(_)) => {
                if let Some(d) = unbraced_expression(text, what) {
                    diags.push(d);
                }
            }
            Ok(StringValue::Expression(expr)) => self.check_reference(&expr, text, 0, text.value.len(), scope, diags),
            Ok(StringValue::Template(t)) => {
                // Searching on from the last match keeps two uses of one
                // expression apart.
                let mut from = 0;
                for expr in t.expressions() {
                    let rendered = expr.to_string();
                    let offset = text
                        .value
                        .get(from..)
                        .and_then(|rest| rest.find(&rendered))
                        .map_or(0, |at| from + at);
                    from = offset + rendered.len();
                    self.check_reference(expr, text, offset, rendered.len(), scope, diags);
                }
            }
        }
    }

    /// Whatever an expression names must exist.
    fn check_reference(&self, expr: &Expression, text: &Text, offset: usize, len: usize, scope: Scope<'a>, diags: &mut Diagnostics) {
        let span = text.sub_span(offset, len);
        // Each diagnostic points at the name that is wrong, not at the `$`.
        let part = |skip: usize, name: &str| part_span(text, offset, len, skip, name);
        match expr {
            Expression::Inputs { name, .. } => {
                if let Some((input, member)) = member_of(self.inputs.iter().map(String::as_str), name) {
                    let member_at = part("$inputs.".len() + input.len() + 1, &member);
                    if let Some(d) = self.input_member(member_at, input, &member) {
                        diags.push(d);
                    }
                } else if !declares(self.inputs.iter().map(String::as_str), name) {
                    let mut d = Diagnostic::error(
                        part("$inputs.".len(), name),
                        format!("`$inputs.{name}` is not an input of workflow `{}`", self.workflow.workflow_id.value),
                    )
                    .with_code(codes::UNKNOWN_INPUT);
                    d = if self.inputs.is_empty() {
                        d.with_help("declare it under the workflow's `inputs.properties`")
                    } else {
                        d.with_suggestion(name, self.inputs.iter().map(String::as_str))
                            .with_note(None, format!("declared inputs: {}", self.inputs.join(", ")))
                    };
                    diags.push(d);
                }
            }
            Expression::Steps { step_id, output, .. } => {
                let Some(target) = self.workflow.steps.iter().find(|s| s.step_id.value == *step_id) else {
                    diags.push(
                        Diagnostic::error(
                            part("$steps.".len(), step_id),
                            format!("`$steps.{step_id}` names no step of workflow `{}`", self.workflow.workflow_id.value),
                        )
                        .with_code(codes::UNKNOWN_STEP)
                        .with_suggestion(step_id, self.workflow.steps.iter().map(|s| s.step_id.value.as_str())),
                    );
                    return;
                };
                // Arazzo 1.1: "implementations SHOULD produce an error if a step references
                // another step's outputs where the referenced step appears later in the steps
                // array". Steps run in array order here whether or not `dependsOn` is used
                // (see `depends.rs`), so the rule applies to every 1.1 document; a 1.0
                // document keeps its behaviour (the reference selects nothing until then).
                if self.doc.version >= Version::V1_1
                    && let Some((index, step)) = scope.step
                    && self
                        .workflow
                        .steps
                        .iter()
                        .position(|s| s.step_id.value == *step_id)
                        .is_some_and(|t| t > index)
                {
                    diags.push(
                        Diagnostic::error(
                            part("$steps.".len(), step_id),
                            format!(
                                "step `{}` reads an output of step `{step_id}`, which comes after it in `steps`",
                                step.step_id.value
                            ),
                        )
                        .with_code(codes::INVALID)
                        .with_note(
                            None,
                            "an output reference is an implicit dependency, and steps run in the order of `steps`, so the output does not exist yet when the step is reached",
                        )
                        .with_help(format!("move step `{step_id}` before step `{}`", step.step_id.value)),
                    );
                }
                // A step that calls a workflow also has the callee's outputs
                // (the runtime starts the step's outputs from them).
                let mut names: Vec<&str> = target.outputs.iter().map(|(k, _)| k.value.as_str()).collect();
                if let Some(StepTarget::WorkflowId(callee)) = &target.target
                    && let Ok(callee) = resolve::workflow(self.loaded, callee)
                {
                    names.extend(
                        callee
                            .workflow
                            .outputs
                            .iter()
                            .map(|(k, _)| k.value.as_str())
                            .filter(|n| !names.contains(n))
                            .collect::<Vec<_>>(),
                    );
                }
                // `$steps.s.outputs.result.id` reads member `id` of output
                // `result` (the runtime navigates it, like `$inputs.a.b`).
                if !declares(names.iter().copied(), output) {
                    let mut d = Diagnostic::error(
                        part("$steps.".len() + step_id.len() + ".outputs.".len(), output),
                        format!("step `{step_id}` declares no output `{output}`"),
                    )
                    .with_code(codes::UNKNOWN_OUTPUT);
                    d = if names.is_empty() {
                        d.with_help(format!("add it under `outputs:` of step `{step_id}`"))
                    } else {
                        d.with_suggestion(output, names.iter().copied())
                            .with_note(None, format!("outputs of `{step_id}`: {}", names.join(", ")))
                    };
                    diags.push(d);
                }
            }
            Expression::Workflows {
                workflow_id, field, name, ..
            } => {
                let Some(target) = self.doc.workflows.iter().find(|w| w.workflow_id.value == *workflow_id) else {
                    diags.push(
                        Diagnostic::error(
                            part("$workflows.".len(), workflow_id),
                            format!("`$workflows.{workflow_id}` names no workflow of this document"),
                        )
                        .with_code(codes::UNKNOWN_WORKFLOW)
                        .with_suggestion(workflow_id, self.doc.workflows.iter().map(|w| w.workflow_id.value.as_str())),
                    );
                    return;
                };
                let names: Vec<String> = match field {
                    WorkflowField::Outputs => target.outputs.iter().map(|(k, _)| k.value.clone()).collect(),
                    WorkflowField::Inputs => resolve::input_properties(target, &self.doc.components)
                        .into_iter()
                        .map(|p| p.name)
                        .collect(),
                };
                if !names.iter().any(|n| n == name) {
                    let what = if *field == WorkflowField::Outputs { "output" } else { "input" };
                    let skip = "$workflows.".len() + workflow_id.len() + 1 + what.len() + "s.".len();
                    diags.push(
                        Diagnostic::error(part(skip, name), format!("workflow `{workflow_id}` declares no {what} `{name}`"))
                            .with_code(codes::UNKNOWN_OUTPUT)
                            .with_suggestion(name, names.iter().map(String::as_str)),
                    );
                }
            }
            Expression::Outputs { name, .. } if self.callee_of(scope).is_some() => {
                let Some(callee) = self.callee_of(scope) else { return };
                let outputs = &callee.workflow.outputs;
                if !outputs.iter().any(|(k, _)| k.value == *name) {
                    diags.push(
                        Diagnostic::error(
                            part("$outputs.".len(), name),
                            format!(
                                "`$outputs.{name}` is not an output of workflow `{}`, which this step calls",
                                callee.workflow.workflow_id.value
                            ),
                        )
                        .with_code(codes::UNKNOWN_OUTPUT)
                        .with_suggestion(name, outputs.iter().map(|(k, _)| k.value.as_str())),
                    );
                }
            }
            Expression::Outputs { name, .. } => {
                if !self.workflow.outputs.iter().any(|(k, _)| k.value == *name) {
                    diags.push(
                        Diagnostic::error(
                            part("$outputs.".len(), name),
                            format!(
                                "`$outputs.{name}` is not an output of workflow `{}`",
                                self.workflow.workflow_id.value
                            ),
                        )
                        .with_code(codes::UNKNOWN_OUTPUT)
                        .with_suggestion(name, self.workflow.outputs.iter().map(|(k, _)| k.value.as_str())),
                    );
                }
            }
            Expression::SourceDescriptions { name, .. } => {
                if !self.doc.source_descriptions.iter().any(|s| s.name.value == *name) {
                    diags.push(
                        Diagnostic::error(
                            part("$sourceDescriptions.".len(), name),
                            format!("unknown source description `{name}`"),
                        )
                        .with_code(codes::UNKNOWN_SOURCE)
                        .with_suggestion(name, self.doc.source_descriptions.iter().map(|s| s.name.value.as_str())),
                    );
                }
            }
            Expression::Components { .. } => {
                diags.push(
                    Diagnostic::error(span, "`$components` expressions are only allowed in a `reference`").with_code(codes::EXPRESSION),
                );
            }
            Expression::SelfUri if self.doc.version < Version::V1_1 => {
                diags.push(
                    Diagnostic::error(span, "`$self` is Arazzo 1.1; this document declares Arazzo 1.0")
                        .with_code(codes::VERSION)
                        .with_help("declare `arazzo: 1.1.0` (and a `$self` URI) to use it"),
                );
            }
            Expression::SelfUri => {
                if self.doc.self_uri.is_none() {
                    diags.push(
                        Diagnostic::error(
                            span,
                            "`$self` reads the document's `$self` field, which this document does not have",
                        )
                        .with_code(codes::EXPRESSION)
                        .with_help("add `$self: <the document's URI>` at the top of the document"),
                    );
                }
            }
            Expression::Response(Source::Body(Some(pointer))) if scope.check_body_pointers => {
                let Some((index, step)) = scope.step else { return };
                let Some((api, op)) = self.op_at(index) else { return };
                let statuses = resolve::accepted_statuses(step);
                if let PointerLookup::Missing {
                    index,
                    token,
                    known,
                    closed,
                } = api.response_pointer(op, &statuses, pointer.tokens())
                {
                    let path: String = pointer.tokens().iter().take(index).map(|t| format!("/{t}")).collect();
                    // The token as written: escaped, after `#` and the tokens before it.
                    let written: usize = pointer
                        .tokens()
                        .iter()
                        .take(index)
                        .map(|t| 1 + arazzo_expr::JsonPointer::escape(t).len())
                        .sum();
                    let span = part("$response.body#".len() + written + 1, &arazzo_expr::JsonPointer::escape(&token));
                    let at = if path.is_empty() {
                        "the response body".to_owned()
                    } else {
                        format!("`{path}`")
                    };
                    let d = if closed {
                        Diagnostic::error(
                            span,
                            format!("`{expr}` cannot select anything: {at} of `{}` has no `{token}`", op_name(op)),
                        )
                    } else {
                        // The schema does not forbid unknown members, so the
                        // server may send it: warn, and type it as JSON.
                        Diagnostic::warning(
                            span,
                            format!(
                                "`{expr}` reads `{token}`, which {at} of `{}` does not declare; it is typed as JSON",
                                op_name(op)
                            ),
                        )
                        .with_code(codes::UNDECLARED_MEMBER)
                    };
                    let d = if closed { d.with_code(codes::RESPONSE_POINTER) } else { d };
                    diags.push(d.with_suggestion(&token, known.iter().map(String::as_str)));
                }
            }
            Expression::Message(part) => {
                let action = scope.step.and_then(|(_, st)| st.action.as_ref()).map(|a| a.value.as_str());
                if !matches!(action, Some("receive")) {
                    // An action that is neither is reported already; saying more would repeat it.
                    if matches!(action, None | Some("send")) {
                        diags.push(
                            Diagnostic::error(span, format!("`{expr}` only has a value in a step with `action: receive`"))
                                .with_code(codes::EXPRESSION),
                        );
                    }
                    return;
                }
                // A receive step whose channel did not resolve is reported already.
                let Some(event) = scope.step.and_then(|(i, _)| self.events.get(i).cloned().flatten()) else {
                    return;
                };
                let arazzo_expr::MessagePart::Payload(Some(pointer)) = part else {
                    return;
                };
                if !scope.check_body_pointers {
                    return;
                }
                let tokens = pointer.tokens().to_vec();
                if let crate::asyncapi::SchemaLookup::Missing { index, token, known } = events::payload_lookup(self.loaded, &event, &tokens)
                {
                    let written: usize = tokens
                        .iter()
                        .take(index)
                        .map(|t| 1 + arazzo_expr::JsonPointer::escape(t).len())
                        .sum();
                    let at = part_span(
                        text,
                        offset,
                        len,
                        "$message.payload#".len() + written + 1,
                        &arazzo_expr::JsonPointer::escape(&token),
                    );
                    let channel = event.channel(self.loaded).map_or("", |c| c.key.as_str());
                    diags.push(
                        Diagnostic::error(
                            at,
                            format!(
                                "`{expr}` cannot select anything: no message of channel `{channel}` this step receives has `{token}` there"
                            ),
                        )
                        .with_code(codes::RESPONSE_POINTER)
                        .with_suggestion(&token, known.iter().map(String::as_str)),
                    );
                }
            }
            Expression::Url | Expression::Method | Expression::StatusCode | Expression::Request(_) | Expression::Response(_) => {
                if scope.outside_steps {
                    diags.push(Diagnostic::error(span, format!("`{expr}` only has a value inside a step")).with_code(codes::EXPRESSION));
                }
            }
        }
    }
}

/// Input and output names may contain `.`, and documents (the official
/// examples among them) also write `$inputs.customer.firstName` to mean the
/// `firstName` member of input `customer`; so `name` is declared when it, or
/// a prefix of it ending before a `.`, is one of `names`.
fn declares<'n>(names: impl Iterator<Item = &'n str> + Clone, name: &str) -> bool {
    names.clone().any(|n| n == name) || member_of(names, name).is_some()
}

/// For `customer.firstName` where `customer` is declared and
/// `customer.firstName` is not: (`customer`, `firstName`).
fn member_of<'n>(mut names: impl Iterator<Item = &'n str> + Clone, name: &str) -> Option<(&'n str, String)> {
    if names.clone().any(|n| n == name) {
        return None;
    }
    names.find_map(|n| {
        name.strip_prefix(n)
            .and_then(|rest| rest.strip_prefix('.'))
            .map(|rest| (n, rest.to_owned()))
    })
}

/// `Bearer $steps.login.outputs.token`: an expression inside a string is
/// only evaluated in braces ("Expressions can be embedded into string values
/// by surrounding the expression with {} curly braces"), so this is sent as
/// written. Legal, but almost never meant (a guaranteed 401 for a token):
/// lint `unbraced-expression`, deny by default, with the braced fix.
fn unbraced_expression(text: &Text, what: &str) -> Option<Diagnostic> {
    const ROOTS: [&str; 11] = [
        "$url",
        "$method",
        "$statusCode",
        "$request.",
        "$response.",
        "$inputs.",
        "$outputs.",
        "$steps.",
        "$workflows.",
        "$sourceDescriptions.",
        "$components.",
    ];
    let value = &text.value;
    let (at, _) = value
        .match_indices('$')
        .find(|(i, _)| *i > 0 && ROOTS.iter().any(|r| value[*i..].starts_with(r)))?;
    let end = value[at..].find(char::is_whitespace).map_or(value.len(), |n| at + n);
    let expression = &value[at..end];
    let span = text.sub_span(at, expression.len());
    let fixed = format!("{}{{{expression}}}{}", &value[..at], &value[end..]);
    let d = Diagnostic::warning(
        span,
        format!("`{expression}` in this {what} is sent as written: an expression inside a string is evaluated only in braces"),
    )
    .with_code(codes::UNBRACED_EXPRESSION)
    .with_help(format!("write `{fixed}`"));
    // A quoted scalar takes the braces where it stands; a plain one is
    // replaced whole by a double-quoted string, because `{` is a flow
    // indicator when the scalar sits in a flow mapping. The pipeline keeps
    // the fix only if the file holds exactly the text it replaces.
    Some(if text.quoted {
        d.with_replacement(span, format!("{{{expression}}}"), expression)
    } else {
        let quoted = serde_json::Value::String(fixed).to_string();
        d.with_replacement(text.span, quoted, value)
    })
}

/// Criterion versions that Arazzo defines but this generator does
/// not evaluate: a correct document, refused as unsupported rather than
/// reported as wrong. Unknown XPath versions are errors with a suggestion
/// (the expression parser would only list the valid ones); `xpath-31` is
/// one from Arazzo 1.1 on.
fn unsupported_criterion(c: &Criterion, arazzo: Version) -> Option<Diagnostic> {
    let kind = c.kind.as_ref()?;
    let version = c.version.as_ref()?;
    let known: &[&str] = if arazzo >= Version::V1_1 {
        &XPathVersion::NAMES
    } else {
        &XPathVersion::NAMES[..3]
    };
    let spec = if arazzo >= Version::V1_1 { "Arazzo 1.1" } else { "Arazzo 1.0.1" };
    match (kind.value.as_str(), version.value.as_str()) {
        ("xpath", v) if !known.contains(&v) => Some(
            Diagnostic::error(version.span, format!("unknown XPath version `{v}`"))
                .with_code(codes::CRITERION)
                .with_suggestion(v, known.iter().copied())
                .with_note(None, format!("{spec} defines {}", known.join(", "))),
        ),
        // 1.1: "implementations MUST apply the semantics defined in that version's
        // specification". The engine is XPath 3.1, which reads 2.0 and 3.0 as they are (it is
        // their backwards-compatible successor) but not 1.0's conversions and comparisons.
        ("xpath", v @ "xpath-10") if arazzo >= Version::V1_1 => Some(
            Diagnostic::error(
                version.span,
                format!("XPath version `{v}` is not supported by this version of the generator"),
            )
            .with_code(codes::UNSUPPORTED)
            .with_note(
                None,
                "Arazzo 1.1 requires XPath 1.0's own semantics (its type conversions and comparisons); the engine here is XPath 3.1",
            )
            .with_help("write the condition for XPath 3.1 (`version: xpath-31`, the default)"),
        ),
        // Goessner's dialect is evaluated where its meaning is RFC 9535's or JavaScript's
        // `.length`; a filter or script expression would need JavaScript's semantics.
        ("jsonpath", arazzo_expr::selector::GOESSNER) => match arazzo_expr::JsonPathCondition::parse_goessner(&c.condition.value) {
            Err(e) if e.message.starts_with("unsupported: ") => Some(goessner_unsupported(&c.condition, &e)),
            _ => None,
        },
        _ => None,
    }
}

/// A Goessner JSONPath construct this generator does not evaluate, at its column.
fn goessner_unsupported(text: &Text, e: &ParseError) -> Diagnostic {
    let what = e.message.trim_start_matches("unsupported: ");
    Diagnostic::error(
        text.sub_span(e.offset, 1),
        format!("{what} is not supported by this version of the generator"),
    )
    .with_code(codes::UNSUPPORTED)
    .with_note(
        None,
        "`draft-goessner-dispatch-jsonpath-00` is evaluated where it selects what RFC 9535 selects, and `.length` as JavaScript reads it",
    )
    .with_help("write the condition in RFC 9535 JSONPath (no `version`), whose filters have defined semantics")
}

/// OpenAPI says header parameters named `Accept`, `Content-Type` or
/// `Authorization` "SHALL be ignored" (content negotiation and security
/// schemes own them), so a step may set them whatever the operation declares.
fn is_reserved_header(name: &str) -> bool {
    ["accept", "content-type", "authorization"].contains(&name.to_ascii_lowercase().as_str())
}

/// Header names are case-insensitive (RFC 9110); other parameter names are not.
fn same_parameter(declared: &str, declared_in: &str, given: &str, given_in: &str) -> bool {
    declared_in == given_in && (declared == given || (given_in == "header" && declared.eq_ignore_ascii_case(given)))
}

fn pointer_tokens(pointer: Option<&arazzo_expr::JsonPointer>) -> Vec<String> {
    pointer.map(|p| p.tokens().to_vec()).unwrap_or_default()
}

/// Where a string literal compared with the expression at `expression` is
/// written in a condition, quotes included: the first such literal after the
/// expression, or the last before it (`"x" == $a` reads either way).
fn literal_offset(condition: &str, literal: &str, expression: &std::ops::Range<usize>) -> Option<usize> {
    let quoted = [format!("\"{literal}\""), format!("'{literal}'")];
    let after = condition.get(expression.end..).and_then(|rest| {
        quoted
            .iter()
            .filter_map(|q| rest.find(q.as_str()))
            .min()
            .map(|at| expression.end + at)
    });
    after.or_else(|| {
        let before = condition.get(..expression.start)?;
        quoted.iter().filter_map(|q| before.rfind(q.as_str())).max()
    })
}

/// Where `name` is written inside the runtime expression at
/// `offset..offset + len` of `text`, `skip` bytes after its `$`; the whole
/// expression when the source spells it some other way.
fn part_span(text: &Text, offset: usize, len: usize, skip: usize, name: &str) -> crate::source::Span {
    let start = offset.saturating_add(skip);
    let inside = start.saturating_add(name.len()) <= offset.saturating_add(len);
    if inside && !name.is_empty() && text.value.get(start..).is_some_and(|rest| rest.starts_with(name)) {
        text.sub_span(start, name.len())
    } else {
        text.sub_span(offset, len)
    }
}

fn op_name(op: &crate::openapi::Operation) -> String {
    op.operation_id
        .clone()
        .unwrap_or_else(|| format!("{} {}", op.method.as_str(), op.path))
}

/// `application/json` matches `application/json; charset=utf-8`, and
/// OpenAPI ranges like `application/*` and `*/*`.
fn media_matches(declared: &str, given: &str) -> bool {
    let essence = |s: &str| s.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let (d, g) = (essence(declared), essence(given));
    if d == g || d == "*/*" {
        return true;
    }
    match (d.split_once('/'), g.split_once('/')) {
        (Some((dt, "*")), Some((gt, _))) => dt == gt,
        _ => false,
    }
}
