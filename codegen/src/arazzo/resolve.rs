//! Name resolution shared by the checker and the lowering.
//!
//! Both need to know which operation a step calls, which parameters apply to
//! it after workflow-level ones are merged in, and what a reusable object
//! points at. The checker turns failures into diagnostics; the lowering only
//! runs on documents that checked clean.

use crate::arazzo::model::{Action, Components, Parameter, Reusable, Step, Text, Workflow};
use crate::diagnostics::Diagnostic;
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
            return Err(Diagnostic::error(
                text.span,
                format!("`{value}` must be `$sourceDescriptions.<source>.<operationId>`"),
            ));
        };
        let Some(index) = loaded.sources.iter().position(|s| s.name == source_name) else {
            return Err(Diagnostic::error(
                text.sub_span(20, source_name.len()),
                format!("unknown source description `{source_name}`"),
            )
            .with_suggestion(source_name, loaded.sources.iter().map(|s| s.name.as_str())));
        };
        let Some(api) = loaded.sources.get(index).and_then(|s| s.api.as_ref()) else {
            // The source failed to load; that error is already reported.
            return Err(Diagnostic::error(
                text.span,
                format!("source description `{source_name}` could not be loaded"),
            ));
        };
        return match api.operations.iter().position(|o| o.operation_id.as_deref() == Some(op_id)) {
            Some(operation) => Ok(OpRef { source: index, operation }),
            None => Err(unknown_operation(text, op_id, 21 + source_name.len(), api.operation_ids())),
        };
    }
    let apis: Vec<(usize, &OpenApi)> = openapi_sources(loaded).collect();
    if apis.len() > 1 {
        let found: Vec<&str> = apis
            .iter()
            .filter(|(_, a)| a.operation_by_id(value).is_some())
            .filter_map(|(i, _)| loaded.sources.get(*i).map(|s| s.name.as_str()))
            .collect();
        let help = match found.as_slice() {
            [one] => format!("write `$sourceDescriptions.{one}.{value}`"),
            _ => "write `$sourceDescriptions.<source>.<operationId>`".to_owned(),
        };
        return Err(Diagnostic::error(
            text.span,
            format!("operationId `{value}` must name its source: this document has several OpenAPI source descriptions"),
        )
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

fn unknown_operation<'a>(text: &Text, op_id: &str, offset: usize, known: impl IntoIterator<Item = &'a str>) -> Diagnostic {
    Diagnostic::error(text.sub_span(offset, op_id.len()), format!("unknown operationId `{op_id}`")).with_suggestion(op_id, known)
}

/// Resolves `operationPath`: `{$sourceDescriptions.<name>.url}#/paths/<escaped path>/<method>`.
pub fn operation_path(loaded: &Loaded, text: &Text) -> Result<OpRef, Diagnostic> {
    let value = text.value.as_str();
    let form = "an operationPath is `{$sourceDescriptions.<name>.url}#/paths/<escaped path>/<method>`";
    let Some((head, pointer)) = value.split_once('#') else {
        return Err(Diagnostic::error(text.span, "operationPath has no `#` JSON pointer to an operation").with_help(form));
    };
    let source_name = head
        .strip_prefix("{$sourceDescriptions.")
        .and_then(|r| r.strip_suffix(".url}"))
        .or_else(|| head.strip_prefix("$sourceDescriptions.").and_then(|r| r.strip_suffix(".url")));
    let Some(source_name) = source_name else {
        return Err(Diagnostic::error(text.span, "operationPath must start with `{$sourceDescriptions.<name>.url}`").with_help(form));
    };
    let Some(index) = loaded.sources.iter().position(|s| s.name == source_name) else {
        return Err(Diagnostic::error(text.span, format!("unknown source description `{source_name}`"))
            .with_suggestion(source_name, loaded.sources.iter().map(|s| s.name.as_str())));
    };
    let Some(api) = loaded.sources.get(index).and_then(|s| s.api.as_ref()) else {
        return Err(Diagnostic::error(
            text.span,
            format!("source description `{source_name}` could not be loaded"),
        ));
    };
    let pointer_offset = head.len() + 1;
    if let Some(operation) = api.operations.iter().position(|o| o.pointer == pointer) {
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
    );
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
                ));
            };
            match components.parameters.iter().find(|(k, _)| k.value == key) {
                Some((_, p)) => Ok(EffectiveParameter {
                    name: p.name.clone(),
                    location: p.location.clone(),
                    value: value.clone().unwrap_or_else(|| p.value.clone()),
                }),
                None => Err(Diagnostic::error(reference.span, format!("unknown component parameter `{key}`"))
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
                ));
            };
            if value.is_some() {
                return Err(Diagnostic::error(*span, "`value` only applies to parameter references"));
            }
            components.iter().find(|(k, _)| k.value == key).map(|(_, a)| a).ok_or_else(|| {
                Diagnostic::error(reference.span, format!("unknown component in `{kind}`: `{key}`"))
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

pub fn input_properties(workflow: &Workflow, components: &Components) -> Vec<InputProperty> {
    let Some(schema) = input_schema(workflow, components) else {
        return Vec::new();
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Node::as_seq)
        .map(|s| s.iter().filter_map(Node::as_str).collect())
        .unwrap_or_default();
    schema
        .get("properties")
        .and_then(Node::as_map)
        .map(|props| {
            props
                .iter()
                .map(|(k, v)| InputProperty {
                    name: k.name.clone(),
                    required: required.contains(&k.name.as_str()),
                    schema: v.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
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
