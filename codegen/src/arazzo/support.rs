//! What this version of the generator cannot compile yet, said out loud.
//!
//! A feature that is parsed but not executed would be a silent wrong answer
//! at run time. Every such feature is a compile error here instead, naming
//! the feature, until the lowering and runtime implement it.

use crate::arazzo::model::Workflow;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Loaded;
use crate::source::Span;
use crate::yaml::Value;

fn unsupported(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(span, format!("{what} is not supported by this version of the generator"))
        .with_note(None, "rather than run it wrongly, the generator refuses it")
        .with_code(crate::diagnostics::codes::UNSUPPORTED)
}

pub fn check(loaded: &Loaded, diags: &mut Diagnostics) {
    for workflow in &loaded.document.workflows {
        steps(workflow, diags);
    }
}

fn steps(workflow: &Workflow, diags: &mut Diagnostics) {
    for step in &workflow.steps {
        let Some(body) = &step.request_body else { continue };
        // Replacement targets are JSON pointers into the built payload;
        // XPath targets (for XML payloads) are not evaluated.
        for (target, _, kind) in &body.replacements {
            if let Some(kind) = kind.as_ref().filter(|k| k.value != "jsonpointer") {
                diags.push(unsupported(
                    kind.span,
                    &format!(
                        "a replacement `target` selected by `{}` (only JSON pointers are applied)",
                        kind.value
                    ),
                ));
            } else if kind.is_none() && !(target.value.is_empty() || target.value.starts_with('/')) {
                diags.push(unsupported(
                    target.span,
                    &format!("a replacement `target` that is not a JSON pointer (`{}`)", target.value),
                ));
            }
        }
        let Some(ct) = &body.content_type else { continue };
        let essence = ct.value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        let structured = body.payload.as_ref().is_some_and(|p| !matches!(p.value, Value::String(_)));
        let by_members = essence == "application/x-www-form-urlencoded" || essence == "multipart/form-data";
        if by_members && body.payload.as_ref().is_some_and(|p| p.as_map().is_none()) {
            // Form and multipart bodies are built member by member.
            diags.push(unsupported(
                ct.span,
                &format!("a `{}` request body whose payload is not an object", ct.value),
            ));
        } else if !by_members && !essence.ends_with("json") && !essence.starts_with("text/") && structured {
            // A string payload is sent as it is under any media type; a
            // structured one would need an encoder for that type (XML...).
            diags.push(unsupported(
                ct.span,
                &format!("a structured payload for a `{}` request body", ct.value),
            ));
        }
    }
}
