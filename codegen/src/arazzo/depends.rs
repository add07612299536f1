//! A step's `dependsOn` (Arazzo 1.1): what each entry names, and whether the order this
//! generator runs steps in can satisfy it.
//!
//! Steps run one at a time, in the order of the `steps` array, moved only by actions
//! (`goto`, `retry`, `end`). The spec says `dependsOn` "only establishes a prerequisite
//! relationship ... and does not trigger execution", and that a tool supporting only
//! sequential execution "MUST execute steps in an order that satisfies both explicit
//! (`dependsOn`) and implicit (output reference) dependencies". The generator does not
//! reorder steps, so the array order must satisfy them: a step may depend only on steps
//! written before it. A step depending on itself or on a later step is an error here (a
//! cycle always contains such an entry, and the note names the cycle). A `goto` can still
//! reach a step before its dependency ran; the generated step then fails the run with
//! `WorkflowError::DependencyNotCompleted` before sending anything (`Run::depends_on`).
//!
//! A step of another workflow (`$workflows.<id>.steps.<id>`,
//! `$sourceDescriptions.<name>.<id>.steps.<id>`) is checked (the source, the workflow, the
//! step) and then refused as `unsupported`: another workflow runs here only as a nested
//! call whose record is its inputs and outputs, so whether one of its steps completed is
//! not known to the caller, and the spec's use for such entries (joining concurrent
//! workflows) does not exist in a sequential run.

use crate::arazzo::model::{Text, Workflow};
use crate::arazzo::resolve;
use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::load::Loaded;

const FORMS: &str = "a `dependsOn` entry is a `stepId` of the same workflow, `$workflows.<workflowId>.steps.<stepId>` or `$sourceDescriptions.<name>.<workflowId>.steps.<stepId>`";

/// Checks every step's `dependsOn` in `workflow`.
pub fn check(loaded: &Loaded, workflow: &Workflow, diags: &mut Diagnostics) {
    for (index, step) in workflow.steps.iter().enumerate() {
        let mut seen: Vec<&Text> = Vec::new();
        for entry in &step.depends_on {
            if let Some(first) = seen.iter().find(|t| t.value == entry.value) {
                diags.push(
                    Diagnostic::error(entry.span, format!("duplicate `dependsOn` entry `{}`", entry.value))
                        .with_code(codes::DUPLICATE)
                        .with_note(first.span, "first listed here"),
                );
                continue;
            }
            seen.push(entry);
            if entry.value.starts_with("$workflows.") {
                other_workflow(loaded, workflow, entry, diags);
            } else if entry.value.starts_with("$sourceDescriptions.") {
                other_document(loaded, entry, diags);
            } else if entry.value.starts_with('$') {
                diags.push(
                    Diagnostic::error(entry.span, format!("`{}` is not a step reference", entry.value))
                        .with_code(codes::INVALID)
                        .with_note(None, FORMS),
                );
            } else {
                same_workflow(workflow, index, entry, diags);
            }
        }
    }
}

/// The index of the step of `workflow` an entry names, if any.
pub fn local_step(workflow: &Workflow, entry: &str) -> Option<usize> {
    workflow.steps.iter().position(|s| s.step_id.value == entry)
}

fn same_workflow(workflow: &Workflow, index: usize, entry: &Text, diags: &mut Diagnostics) {
    let step = &workflow.steps[index].step_id.value;
    let Some(target) = local_step(workflow, &entry.value) else {
        diags.push(
            Diagnostic::error(
                entry.span,
                format!(
                    "`dependsOn` entry `{}` names no step of workflow `{}`",
                    entry.value, workflow.workflow_id.value
                ),
            )
            .with_code(codes::UNKNOWN_STEP)
            .with_suggestion(&entry.value, workflow.steps.iter().map(|s| s.step_id.value.as_str()))
            .with_note(
                None,
                "step ids are case-sensitive; a step of another workflow is `$workflows.<workflowId>.steps.<stepId>`",
            ),
        );
        return;
    };
    if target == index {
        diags.push(
            Diagnostic::error(entry.span, format!("step `{step}` depends on itself"))
                .with_code(codes::INVALID)
                .with_note(None, "a dependency must complete before the step runs, so this one never can")
                .with_help("remove the entry"),
        );
    } else if target > index {
        let mut d = Diagnostic::error(
            entry.span,
            format!(
                "step `{step}` depends on step `{}`, which comes after it in `steps`",
                entry.value
            ),
        )
        .with_code(codes::INVALID)
        .with_note(
            None,
            "steps run in the order of `steps` (`dependsOn` does not trigger execution, and this generator does not reorder), so in that order the dependency has not completed when the step is reached",
        );
        if let Some(cycle) = path_back(workflow, target, index) {
            d = d.with_note(None, format!("and the dependencies form a cycle: {}", cycle.join(" -> ")));
        }
        diags.push(d.with_help(format!("move step `{}` before step `{step}`", entry.value)));
    }
}

/// A chain of `dependsOn` from step `from` back to step `to`, as step ids from `to`, if any.
fn path_back(workflow: &Workflow, from: usize, to: usize) -> Option<Vec<String>> {
    let mut stack = vec![(from, vec![to, from])];
    let mut visited = vec![false; workflow.steps.len()];
    while let Some((at, path)) = stack.pop() {
        if std::mem::replace(&mut visited[at], true) {
            continue;
        }
        for dep in &workflow.steps[at].depends_on {
            let Some(next) = local_step(workflow, &dep.value) else { continue };
            let mut longer = path.clone();
            longer.push(next);
            if next == to {
                return Some(longer.iter().map(|i| format!("`{}`", workflow.steps[*i].step_id.value)).collect());
            }
            stack.push((next, longer));
        }
    }
    None
}

/// Splits `<workflowId>.steps.<stepId>`, returning both and the step id's offset in `rest`.
fn split_step(rest: &str) -> Option<(&str, &str, usize)> {
    let at = rest.find(".steps.")?;
    let (workflow, step) = (&rest[..at], &rest[at + ".steps.".len()..]);
    (!workflow.is_empty() && !step.is_empty()).then_some((workflow, step, at + ".steps.".len()))
}

fn malformed(entry: &Text, form: &str) -> Diagnostic {
    Diagnostic::error(entry.span, format!("`{}` must be `{form}`", entry.value)).with_code(codes::INVALID)
}

fn unknown_step(entry: &Text, offset: usize, step: &str, workflow: &Workflow) -> Diagnostic {
    Diagnostic::error(
        entry.sub_span(offset, step.len()),
        format!("workflow `{}` has no step `{step}`", workflow.workflow_id.value),
    )
    .with_code(codes::UNKNOWN_STEP)
    .with_suggestion(step, workflow.steps.iter().map(|s| s.step_id.value.as_str()))
}

fn refuse(entry: &Text, workflow: &str) -> Diagnostic {
    Diagnostic::error(
        entry.span,
        format!("`dependsOn` on a step of another workflow (`{workflow}`) is not supported by this version of the generator"),
    )
    .with_code(codes::UNSUPPORTED)
    .with_note(
        None,
        "this generator runs another workflow only as a nested call, which records its inputs and outputs but not which of its steps completed, so the dependency could not be honoured; rather than run it wrongly, the generator refuses it",
    )
    .with_help("depend on the step of this workflow that calls that workflow, or on the workflow itself (workflow-level `dependsOn`)")
}

fn other_workflow(loaded: &Loaded, own: &Workflow, entry: &Text, diags: &mut Diagnostics) {
    const PREFIX: &str = "$workflows.";
    let rest = &entry.value[PREFIX.len()..];
    let Some((workflow_id, step_id, step_at)) = split_step(rest) else {
        diags.push(malformed(entry, "$workflows.<workflowId>.steps.<stepId>"));
        return;
    };
    let workflows = &loaded.document.workflows;
    let Some(workflow) = workflows.iter().find(|w| w.workflow_id.value == workflow_id) else {
        diags.push(
            Diagnostic::error(
                entry.sub_span(PREFIX.len(), workflow_id.len()),
                format!("unknown workflowId `{workflow_id}`"),
            )
            .with_code(codes::UNKNOWN_WORKFLOW)
            .with_suggestion(workflow_id, workflows.iter().map(|w| w.workflow_id.value.as_str())),
        );
        return;
    };
    if local_step(workflow, step_id).is_none() {
        diags.push(unknown_step(entry, PREFIX.len() + step_at, step_id, workflow));
        return;
    }
    if workflow.workflow_id.value == own.workflow_id.value {
        diags.push(
            Diagnostic::error(
                entry.span,
                format!("`{}` names a step of this workflow; write its stepId, `{step_id}`", entry.value),
            )
            .with_code(codes::INVALID)
            .with_help(format!("write `{step_id}`")),
        );
        return;
    }
    diags.push(refuse(entry, workflow_id));
}

fn other_document(loaded: &Loaded, entry: &Text, diags: &mut Diagnostics) {
    const PREFIX: &str = "$sourceDescriptions.";
    let form = "$sourceDescriptions.<name>.<workflowId>.steps.<stepId>";
    let rest = &entry.value[PREFIX.len()..];
    let Some((qualified, step_id, step_at)) = split_step(rest) else {
        diags.push(malformed(entry, form));
        return;
    };
    if !qualified.contains('.') {
        diags.push(malformed(entry, form));
        return;
    }
    // `$sourceDescriptions.<name>.<workflowId>`, spanned from the entry's start, so the
    // resolver's diagnostics point into the entry.
    let workflow_ref = Text {
        value: entry.value[..PREFIX.len() + qualified.len()].to_owned(),
        span: entry.span,
        quoted: entry.quoted,
    };
    match resolve::workflow(loaded, &workflow_ref) {
        Ok(callee) => {
            if local_step(callee.workflow, step_id).is_none() {
                diags.push(unknown_step(entry, PREFIX.len() + step_at, step_id, callee.workflow));
                return;
            }
            diags.push(refuse(entry, &workflow_ref.value));
        }
        Err(Some(d)) => diags.push(d),
        // The source could not be loaded (already reported): the ids cannot be checked, and
        // the entry would be refused anyway.
        Err(None) => diags.push(refuse(entry, &workflow_ref.value)),
    }
}
