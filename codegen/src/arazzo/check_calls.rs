//! Checks of steps that call workflows (`workflowId`): the parameters a step
//! passes must be inputs the callee declares, and the callee's required
//! inputs must all be passed.
//!
//! Separate from `check.rs` because it exists for the workflow-call feature
//! (lowering turns these parameters into the callee's JSON inputs); a typo
//! here would otherwise be an input silently dropped at run time.

use crate::arazzo::model::{Step, StepTarget, Workflow};
use crate::arazzo::resolve;
use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::load::Loaded;

pub fn check(loaded: &Loaded, diags: &mut Diagnostics) {
    for workflow in &loaded.document.workflows {
        for step in &workflow.steps {
            call(loaded, workflow, step, diags);
        }
    }
}

/// The parameters that become a called workflow's inputs: all of the
/// step's own (the spec: "when the step specifies a workflowId, all
/// parameters map to workflow inputs") and the workflow-level ones without `in`.
pub fn call_inputs(workflow: &Workflow, step: &Step, components: &crate::arazzo::model::Components) -> Vec<resolve::EffectiveParameter> {
    let own: Vec<resolve::EffectiveParameter> = step
        .parameters
        .iter()
        .filter_map(|r| resolve::parameter(r, components).ok())
        .collect();
    resolve::step_parameters(workflow, step, components)
        .into_iter()
        .filter(|p| p.location.is_none() || own.iter().any(|o| o.name.value == p.name.value))
        .collect()
}

fn call(loaded: &Loaded, workflow: &Workflow, step: &Step, diags: &mut Diagnostics) {
    let Some(StepTarget::WorkflowId(target)) = &step.target else {
        return;
    };
    // An unknown workflow is reported by the main checker.
    let Ok(callee) = resolve::workflow(loaded, target) else { return };
    let declared = resolve::input_properties(callee.workflow, callee.components);
    let passed = call_inputs(workflow, step, &loaded.document.components);
    let callee_id = &callee.workflow.workflow_id.value;
    for p in &passed {
        if !declared.iter().any(|d| d.name == p.name.value) {
            let mut d = Diagnostic::error(p.name.span, format!("workflow `{callee_id}` declares no input `{}`", p.name.value))
                .with_code(codes::UNKNOWN_INPUT)
                .with_note(None, "the parameters of a step that calls a workflow become that workflow's inputs");
            d = if declared.is_empty() {
                d.with_help(format!("declare it under `inputs.properties` of workflow `{callee_id}`"))
            } else {
                d.with_suggestion(&p.name.value, declared.iter().map(|i| i.name.as_str()))
            };
            diags.push(d);
        }
    }
    for input in declared.iter().filter(|i| i.required) {
        if !passed.iter().any(|p| p.name.value == input.name) {
            diags.push(
                Diagnostic::error(
                    target.span,
                    format!(
                        "step `{}` does not pass `{}`, a required input of workflow `{callee_id}`",
                        step.step_id.value, input.name
                    ),
                )
                .with_code(codes::MISSING_FIELD)
                .with_help(format!("add a parameter `name: {}` to the step", input.name)),
            );
        }
    }
}
