//! What this version of the generator cannot compile yet, said out loud.
//!
//! A feature that is parsed but not executed would be a silent wrong answer
//! at run time. Every such feature is a compile error here instead, naming
//! the feature, until the lowering and runtime implement it.

use crate::arazzo::model::{Action, Reusable, StepTarget, Workflow};
use crate::arazzo::resolve;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Loaded;
use crate::openapi::ParamLocation;
use crate::source::Span;

fn unsupported(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(span, format!("{what} is not supported by this version of the generator"))
        .with_note(None, "rather than run it wrongly, the generator refuses it")
}

pub fn check(loaded: &Loaded, diags: &mut Diagnostics) {
    for workflow in &loaded.document.workflows {
        if let Some(first) = workflow.depends_on.first() {
            diags.push(unsupported(first.span, "`dependsOn`"));
        }
        actions(&workflow.success_actions, loaded, diags);
        actions(&workflow.failure_actions, loaded, diags);
        steps(workflow, loaded, diags);
    }
}

fn actions(list: &[Reusable<Action>], loaded: &Loaded, diags: &mut Diagnostics) {
    let components = &loaded.document.components;
    for reusable in list {
        let action = match reusable {
            Reusable::Inline(a) => Some(a),
            Reusable::Reference { reference, .. } => components
                .success_actions
                .iter()
                .chain(&components.failure_actions)
                .find(|(k, _)| reference.value.ends_with(&format!(".{}", k.value)))
                .map(|(_, a)| a),
        };
        let Some(action) = action else { continue };
        if let Some(target) = &action.workflow_id {
            diags.push(unsupported(target.span, &format!("`{}` to a workflow", action.kind.value)));
        }
        if let (Some(target), "retry") = (&action.step_id, action.kind.value.as_str()) {
            diags.push(unsupported(target.span, "a `retry` that first runs another step"));
        }
    }
}

fn steps(workflow: &Workflow, loaded: &Loaded, diags: &mut Diagnostics) {
    for step in &workflow.steps {
        if let Some(StepTarget::WorkflowId(target)) = &step.target {
            diags.push(unsupported(target.span, "a step that calls a workflow (`workflowId`)"));
        }
        actions(&step.on_success, loaded, diags);
        actions(&step.on_failure, loaded, diags);
        if let Some(body) = &step.request_body {
            if let Some((target, _)) = body.replacements.first() {
                diags.push(unsupported(target.span, "`replacements` in a request body"));
            }
            if let Some(ct) = &body.content_type {
                let essence = ct.value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
                let known = essence.ends_with("json") || essence == "application/x-www-form-urlencoded" || essence.starts_with("text/");
                if !known {
                    diags.push(unsupported(ct.span, &format!("a `{}` request body", ct.value)));
                }
            }
        }
        // Arrays and objects need OpenAPI style/explode serialisation.
        let op = match &step.target {
            Some(StepTarget::OperationId(t)) => resolve::operation_id(loaded, t).ok(),
            Some(StepTarget::OperationPath(t)) => resolve::operation_path(loaded, t).ok(),
            _ => None,
        };
        let Some((api, op)) = op.and_then(|r| r.get(loaded)) else {
            continue;
        };
        for p in resolve::step_parameters(workflow, step, &loaded.document.components) {
            let Some(location) = &p.location else { continue };
            let declared = op
                .parameters
                .iter()
                .find(|d| d.name == p.name.value && d.location.as_str() == location.value);
            let Some(schema) = declared.and_then(|d| d.schema.as_ref()) else {
                continue;
            };
            let kind = api
                .schema_node(schema)
                .and_then(|n| n.get("type"))
                .and_then(|t| t.as_str())
                .unwrap_or("");
            if matches!(kind, "array" | "object") && declared.is_some_and(|d| d.location != ParamLocation::Header || kind == "object") {
                diags.push(unsupported(
                    p.name.span,
                    &format!("an {kind}-typed {} parameter (style/explode serialisation)", location.value),
                ));
            }
        }
    }
}
