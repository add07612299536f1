//! Name resolution shared by the checker and the lowering.
//!
//! Both need to know which operation a step calls, which parameters apply to
//! it after workflow-level ones are merged in, and what a reusable object
//! points at. The checker turns failures into diagnostics; the lowering only
//! runs on documents that checked clean.

// A `Diagnostic` is 128 bytes, just over clippy's threshold; these run once
// per reference on the checking path, where boxing would buy nothing.
#![allow(clippy::result_large_err, reason = "the error is a 128-byte Diagnostic on a cold path")]

use crate::arazzo::model::{Action, Components, Parameter, Reusable, Step, Text, Workflow};
use crate::diagnostics::did_you_mean;
use crate::diagnostics::{Diagnostic, codes};
use crate::load::Loaded;
use crate::openapi::{OpenApi, Operation};
use crate::yaml::Node;

/// An operation a step calls: indices into `Loaded::sources` and that API's operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpRef {
    pub source: usize,
    pub operation: usize,
}

impl OpRef {
    pub fn get<'a>(&self, loaded: &'a Loaded) -> Option<(&'a OpenApi, &'a Operation)> {
        let api = loaded.sources.get(self.source)?.api.as_ref()?;
        Some((api, api.operations.get(self.operation)?))
    }
}

fn openapi_sources(loaded: &Loaded) -> impl Iterator<Item = (usize, &OpenApi)> {
    loaded
        .sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.api.as_ref().map(|a| (i, a)))
}

/// Resolves `operationId`, plain or as `$sourceDescriptions.<name>.<operationId>`.
pub fn operation_id(loaded: &Loaded, text: &Text) -> Result<OpRef, Diagnostic> {
    let value = text.value.as_str();
    if let Some(rest) = value.strip_prefix("$sourceDescriptions.") {
        let Some((source_name, op_id)) = rest.split_once('.') else {
            return Err(
                Diagnostic::error(text.span, format!("`{value}` must be `$sourceDescriptions.<source>.<operationId>`"))
                    .with_code(codes::UNKNOWN_OPERATION),
            );
        };
        let Some(index) = loaded.sources.iter().position(|s| s.name == source_name) else {
            return Err(Diagnostic::error(
                text.sub_span(20, source_name.len()),
                format!("unknown source description `{source_name}`"),
            )
            .with_code(codes::UNKNOWN_SOURCE)
            .with_suggestion(source_name, loaded.sources.iter().map(|s| s.name.as_str())));
        };
        let Some(api) = loaded.sources.get(index).and_then(|s| s.api.as_ref()) else {
            // The source failed to load; that error is already reported.
            return Err(
                Diagnostic::error(text.span, format!("source description `{source_name}` could not be loaded"))
                    .with_code(codes::SOURCE_UNAVAILABLE),
            );
        };
        return match api.operations.iter().position(|o| o.operation_id.as_deref() == Some(op_id)) {
            Some(operation) => Ok(OpRef { source: index, operation }),
            None => Err(unknown_operation(text, op_id, 21 + source_name.len(), api.operation_ids())),
        };
    }
    let apis: Vec<(usize, &OpenApi)> = openapi_sources(loaded).collect();
    let found: Vec<(usize, &str)> = apis
        .iter()
        .filter(|(_, a)| a.operation_by_id(value).is_some())
        .filter_map(|(i, _)| loaded.sources.get(*i).map(|s| (*i, s.name.as_str())))
        .collect();
    if found.len() > 1 {
        let mut names: Vec<String> = found.iter().map(|(_, n)| format!("`$sourceDescriptions.{n}.{value}`")).collect();
        names.dedup();
        let help = match names.as_slice() {
            [_] => format!("the sources defining it share one name (`{}`): rename one", found[0].1),
            _ => format!("write one of {}", names.join(", ")),
        };
        return Err(Diagnostic::error(
            text.span,
            format!(
                "operationId `{value}` is ambiguous: {} OpenAPI source descriptions define it",
                found.len()
            ),
        )
        .with_code(codes::UNKNOWN_OPERATION)
        .with_help(help));
    }
    for (index, api) in &apis {
        if let Some(operation) = api.operations.iter().position(|o| o.operation_id.as_deref() == Some(value)) {
            return Ok(OpRef { source: *index, operation });
        }
    }
    let known: Vec<&str> = apis.iter().flat_map(|(_, a)| a.operation_ids()).collect();
    Err(unknown_operation(text, value, 0, known))
}

/// A bare operationId that resolved, in a document with several OpenAPI
/// sources: it names one of them only by luck of the others' names, so a
/// new operation in another source would make it ambiguous. Lint
/// `unqualified-operation-id` (warn), with the qualified form as its fix.
pub fn unqualified_operation_id(loaded: &Loaded, text: &Text) -> Option<Diagnostic> {
    let value = text.value.as_str();
    if value.starts_with("$sourceDescriptions.") || openapi_sources(loaded).count() < 2 {
        return None;
    }
    let op = operation_id(loaded, text).ok()?;
    let source = &loaded.sources.get(op.source)?.name;
    let qualified = format!("$sourceDescriptions.{source}.{value}");
    Some(
        Diagnostic::warning(
            text.span,
            format!(
                "operationId `{value}` does not name its source; it resolves to source description `{source}`, the only one defining it"
            ),
        )
        .with_code(codes::UNQUALIFIED_OPERATION_ID)
        .with_help(format!("write `{qualified}`"))
        .with_replacement(text.sub_span(0, value.len()), qualified, value),
    )
}

fn unknown_operation<'a>(text: &Text, op_id: &str, offset: usize, known: impl IntoIterator<Item = &'a str>) -> Diagnostic {
    Diagnostic::error(text.sub_span(offset, op_id.len()), format!("unknown operationId `{op_id}`"))
        .with_code(codes::UNKNOWN_OPERATION)
        .with_suggestion(op_id, known)
}

/// Resolves `operationPath`: `{$sourceDescriptions.<name>.url}#/paths/<escaped path>/<method>`.
pub fn operation_path(loaded: &Loaded, text: &Text) -> Result<OpRef, Diagnostic> {
    let value = text.value.as_str();
    let form = "an operationPath is `{$sourceDescriptions.<name>.url}#/paths/<escaped path>/<method>`";
    let Some((head, pointer)) = value.split_once('#') else {
        return Err(
            Diagnostic::error(text.span, "operationPath has no `#` JSON pointer to an operation")
                .with_code(codes::UNKNOWN_OPERATION)
                .with_help(form),
        );
    };
    let source_name = head
        .strip_prefix("{$sourceDescriptions.")
        .and_then(|r| r.strip_suffix(".url}"))
        .or_else(|| head.strip_prefix("$sourceDescriptions.").and_then(|r| r.strip_suffix(".url")));
    let Some(source_name) = source_name else {
        return Err(
            Diagnostic::error(text.span, "operationPath must start with `{$sourceDescriptions.<name>.url}`")
                .with_code(codes::UNKNOWN_OPERATION)
                .with_help(form),
        );
    };
    let Some(index) = loaded.sources.iter().position(|s| s.name == source_name) else {
        return Err(Diagnostic::error(text.span, format!("unknown source description `{source_name}`"))
            .with_code(codes::UNKNOWN_SOURCE)
            .with_suggestion(source_name, loaded.sources.iter().map(|s| s.name.as_str())));
    };
    let Some(api) = loaded.sources.get(index).and_then(|s| s.api.as_ref()) else {
        return Err(
            Diagnostic::error(text.span, format!("source description `{source_name}` could not be loaded"))
                .with_code(codes::SOURCE_UNAVAILABLE),
        );
    };
    let pointer_offset = head.len() + 1;
    // The pointer is a URI fragment, so `%7Bid%7D` spells `{id}`.
    if let Some(operation) = api.operation_by_pointer(pointer) {
        return Ok(OpRef { source: index, operation });
    }
    let lands_on_path = api
        .operations
        .iter()
        .any(|o| o.pointer.rsplit_once('/').map(|(p, _)| p) == Some(pointer));
    let mut d = Diagnostic::error(
        text.sub_span(pointer_offset, pointer.len()),
        if lands_on_path {
            format!("operationPath `{pointer}` points at a path item, not an operation")
        } else {
            format!("operationPath `{pointer}` does not point at an operation in `{source_name}`")
        },
    )
    .with_code(codes::UNKNOWN_OPERATION);
    if lands_on_path {
        let methods: Vec<&str> = api
            .operations
            .iter()
            .filter(|o| o.pointer.rsplit_once('/').map(|(p, _)| p) == Some(pointer))
            .map(|o| o.pointer.as_str())
            .collect();
        d = d.with_help(format!("add the method, e.g. `{}`", methods.first().copied().unwrap_or_default()));
    } else {
        d = d.with_suggestion(pointer, api.operations.iter().map(|o| o.pointer.as_str()));
    }
    Err(d)
}

/// A workflow a step, action or `dependsOn` names, and the components its
/// `$ref`s and references resolve against (those of its own document).
#[derive(Debug, Clone, Copy)]
pub struct Callee<'a> {
    pub workflow: &'a Workflow,
    pub components: &'a Components,
    /// Named as `$sourceDescriptions.<source>.<workflowId>`.
    #[expect(dead_code, reason = "resolution records it; callers so far only need the workflow")]
    pub foreign: bool,
}

/// Resolves a workflowId: one of this document's, or
/// `$sourceDescriptions.<source>.<workflowId>` in a source of type `arazzo`.
/// `Err(None)`: the source named could not be loaded (already reported).
pub fn workflow<'a>(loaded: &'a Loaded, text: &Text) -> Result<Callee<'a>, Option<Diagnostic>> {
    let id = text.value.as_str();
    let doc = &loaded.document;
    let Some(rest) = id.strip_prefix("$sourceDescriptions.") else {
        return match doc.workflows.iter().find(|w| w.workflow_id.value == id) {
            Some(workflow) => Ok(Callee {
                workflow,
                components: &doc.components,
                foreign: false,
            }),
            None => Err(Some(unknown_workflow(
                text,
                0,
                id,
                doc.workflows.iter().map(|w| w.workflow_id.value.as_str()),
            ))),
        };
    };
    let Some((source_name, workflow_id)) = rest.split_once('.') else {
        return Err(Some(
            Diagnostic::error(text.span, format!("`{id}` must be `$sourceDescriptions.<source>.<workflowId>`"))
                .with_code(codes::UNKNOWN_WORKFLOW),
        ));
    };
    let Some(source) = loaded.sources.iter().find(|s| s.name == source_name) else {
        return Err(Some(
            Diagnostic::error(
                text.sub_span(20, source_name.len()),
                format!("unknown source description `{source_name}`"),
            )
            .with_code(codes::UNKNOWN_SOURCE)
            .with_suggestion(source_name, loaded.sources.iter().map(|s| s.name.as_str())),
        ));
    };
    if source.api.is_some() {
        return Err(Some(
            Diagnostic::error(
                text.sub_span(20, source_name.len()),
                format!("source description `{source_name}` is an OpenAPI description, so it has no workflows"),
            )
            .with_code(codes::UNKNOWN_WORKFLOW)
            .with_help("a step calls an operation of an OpenAPI source with `operationId` or `operationPath`"),
        ));
    }
    let Some(other) = source.arazzo.as_deref().map(|l| &l.document) else {
        return Err(None);
    };
    match other.workflows.iter().find(|w| w.workflow_id.value == workflow_id) {
        Some(workflow) => Ok(Callee {
            workflow,
            components: &other.components,
            foreign: true,
        }),
        None => Err(Some(unknown_workflow(
            text,
            21 + source_name.len(),
            workflow_id,
            other.workflows.iter().map(|w| w.workflow_id.value.as_str()),
        ))),
    }
}

fn unknown_workflow<'a>(text: &Text, offset: usize, id: &str, known: impl IntoIterator<Item = &'a str>) -> Diagnostic {
    let d = Diagnostic::error(text.sub_span(offset, id.len()), format!("unknown workflowId `{id}`")).with_code(codes::UNKNOWN_WORKFLOW);
    match did_you_mean(id, known) {
        Some(best) => d.with_help(format!("did you mean `{best}`?")),
        None => d,
    }
}

/// What an operationPath's JSON pointer must look like whatever the API:
/// `/paths/<escaped path>/<method>`. Checked even when the source cannot be
/// read (a remote URL), so a pointer that stops at a path item is caught
/// without the OpenAPI description.
pub fn operation_path_shape(text: &Text) -> Result<(), Diagnostic> {
    let Some((_, pointer)) = text.value.split_once('#') else {
        return Ok(()); // `operation_path` reports the missing pointer with the full form
    };
    let offset = text.value.len() - pointer.len();
    let tokens: Vec<&str> = pointer.split('/').collect();
    let error = |message: String| Diagnostic::error(text.sub_span(offset, pointer.len()), message).with_code(codes::UNKNOWN_OPERATION);
    match tokens.as_slice() {
        ["", "paths", path, method] if !path.is_empty() => {
            if crate::openapi::HttpMethod::from_key(method).is_some() {
                Ok(())
            } else {
                Err(
                    error(format!("operationPath `{pointer}` ends in `{method}`, which is not an HTTP method"))
                        .with_suggestion(method, ["get", "put", "post", "delete", "options", "head", "patch", "trace"]),
                )
            }
        }
        ["", "paths", path] if !path.is_empty() => Err(error(format!("operationPath `{pointer}` points at a path item, not an operation"))
            .with_help(format!("add the method, e.g. `{pointer}/get`"))),
        _ => Err(error(format!(
            "operationPath `{pointer}` must point at an operation: `#/paths/<escaped path>/<method>`"
        ))),
    }
}

/// A parameter after reusable objects are resolved and workflow-level
/// parameters merged in.
#[derive(Debug, Clone)]
pub struct EffectiveParameter {
    pub name: Text,
    pub location: Option<Text>,
    pub value: Node,
}

/// Resolves a reusable parameter: `$components.parameters.<name>`, with the
/// reusable object's `value` overriding the component's.
pub fn parameter(reusable: &Reusable<Parameter>, components: &Components) -> Result<EffectiveParameter, Diagnostic> {
    match reusable {
        Reusable::Inline(p) => Ok(EffectiveParameter {
            name: p.name.clone(),
            location: p.location.clone(),
            value: p.value.clone(),
        }),
        Reusable::Reference { reference, value, .. } => {
            let Some(key) = reference.value.strip_prefix("$components.parameters.") else {
                return Err(Diagnostic::error(
                    reference.span,
                    format!(
                        "a parameter reference must be `$components.parameters.<name>`, found `{}`",
                        reference.value
                    ),
                )
                .with_code(codes::UNKNOWN_COMPONENT));
            };
            match components.parameters.iter().find(|(k, _)| k.value == key) {
                Some((_, p)) => Ok(EffectiveParameter {
                    name: p.name.clone(),
                    location: p.location.clone(),
                    value: value.clone().unwrap_or_else(|| p.value.clone()),
                }),
                // At the name after the prefix, the part that is wrong.
                None => Err(Diagnostic::error(
                    reference.sub_span(reference.value.len() - key.len(), key.len()),
                    format!("unknown component parameter `{key}`"),
                )
                .with_code(codes::UNKNOWN_COMPONENT)
                .with_suggestion(key, components.parameters.iter().map(|(k, _)| k.value.as_str()))),
            }
        }
    }
}

/// Resolves a reusable success or failure action.
pub fn action<'a>(reusable: &'a Reusable<Action>, components: &'a [(Text, Action)], kind: &str) -> Result<&'a Action, Diagnostic> {
    match reusable {
        Reusable::Inline(a) => Ok(a),
        Reusable::Reference { reference, value, span } => {
            let prefix = format!("$components.{kind}.");
            let Some(key) = reference.value.strip_prefix(&prefix) else {
                return Err(Diagnostic::error(
                    reference.span,
                    format!("this reference must be `{prefix}<name>`, found `{}`", reference.value),
                )
                .with_code(codes::UNKNOWN_COMPONENT));
            };
            if value.is_some() {
                return Err(Diagnostic::error(*span, "`value` only applies to parameter references").with_code(codes::INVALID));
            }
            components.iter().find(|(k, _)| k.value == key).map(|(_, a)| a).ok_or_else(|| {
                Diagnostic::error(
                    reference.sub_span(prefix.len(), key.len()),
                    format!("unknown component in `{kind}`: `{key}`"),
                )
                .with_code(codes::UNKNOWN_COMPONENT)
                .with_suggestion(key, components.iter().map(|(k, _)| k.value.as_str()))
            })
        }
    }
}

/// The parameters that apply to a step: the workflow's, overridden by the
/// step's own on the same (name, in). Unresolvable ones are skipped here
/// (the checker reports them).
pub fn step_parameters(workflow: &Workflow, step: &Step, components: &Components) -> Vec<EffectiveParameter> {
    let mut merged: Vec<EffectiveParameter> = Vec::new();
    let key = |p: &EffectiveParameter| (p.name.value.clone(), p.location.as_ref().map(|l| l.value.clone()));
    for reusable in workflow.parameters.iter().chain(&step.parameters) {
        if let Ok(p) = parameter(reusable, components) {
            let k = key(&p);
            merged.retain(|q| key(q) != k);
            merged.push(p);
        }
    }
    merged
}

/// One declared workflow input.
#[derive(Debug, Clone)]
pub struct InputProperty {
    pub name: String,
    pub required: bool,
    pub schema: Node,
}

/// The workflow's input schema with a `$ref` to `#/components/inputs/<name>` followed.
pub fn input_schema<'a>(workflow: &'a Workflow, components: &'a Components) -> Option<&'a Node> {
    let schema = workflow.inputs.as_ref()?;
    match schema.get("$ref").and_then(Node::as_str) {
        Some(r) => {
            let key = r.strip_prefix("#/components/inputs/")?;
            components.inputs.iter().find(|(k, _)| k.value == key).map(|(_, n)| n)
        }
        None => Some(schema),
    }
}

/// The inputs a workflow declares: the `properties` of its input schema,
/// following `$ref`s to `#/components/inputs/<name>` and `allOf` (whose
/// `required` lists hold), `oneOf` and `anyOf` (whose members are optional,
/// since another branch may apply). The first declaration of a name wins.
pub fn input_properties(workflow: &Workflow, components: &Components) -> Vec<InputProperty> {
    let mut out = Vec::new();
    if let Some(schema) = workflow.inputs.as_ref() {
        collect_properties(schema, components, true, 0, &mut out);
    }
    out
}

/// Deep enough for any real schema; stops `$ref` cycles.
const MAX_SCHEMA_DEPTH: usize = 16;

fn collect_properties(schema: &Node, components: &Components, may_require: bool, depth: usize, out: &mut Vec<InputProperty>) {
    if depth > MAX_SCHEMA_DEPTH {
        return;
    }
    if let Some(target) = schema.get("$ref").and_then(Node::as_str) {
        let key = target.strip_prefix("#/components/inputs/").unwrap_or_default();
        if let Some((_, node)) = components.inputs.iter().find(|(k, _)| k.value == key) {
            collect_properties(node, components, may_require, depth + 1, out);
        }
        return;
    }
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Node::as_seq)
        .map(|s| s.iter().filter_map(Node::as_str).collect())
        .unwrap_or_default();
    for (key, value) in schema.get("properties").and_then(Node::as_map).into_iter().flat_map(|m| m.iter()) {
        let is_required = may_require && required.contains(&key.name.as_str());
        match out.iter_mut().find(|p| p.name == key.name) {
            Some(existing) => existing.required |= is_required,
            None => out.push(InputProperty {
                name: key.name.clone(),
                required: is_required,
                schema: value.clone(),
            }),
        }
    }
    for (keyword, keeps_required) in [("allOf", true), ("oneOf", false), ("anyOf", false)] {
        for branch in schema.get(keyword).and_then(Node::as_seq).unwrap_or_default() {
            collect_properties(branch, components, may_require && keeps_required, depth + 1, out);
        }
    }
}

/// The status codes a step's success criteria pin down with
/// `$statusCode == N`; empty when they don't (then all 2xx responses apply).
pub fn accepted_statuses(step: &Step) -> Vec<u16> {
    step.success_criteria
        .iter()
        .filter(|c| c.kind.as_ref().is_none_or(|k| k.value == "simple"))
        .filter_map(|c| {
            let rest = c.condition.value.trim().strip_prefix("$statusCode")?.trim_start();
            let code = rest.strip_prefix("==")?.trim();
            code.parse::<u16>().ok()
        })
        .collect()
}
