//! The lints generated code allows, and why, emitted with their reasons.
//!
//! Generated code is compiled in users' crates under their lint settings, and this project
//! holds it to clippy's pedantic group as well (`clients/` and `generated/` warn on
//! `clippy::pedantic`, and CI's clippy denies warnings). What the generator cannot honour,
//! because the description decides it (names, prose, sizes, argument counts), is allowed here
//! and nowhere else, as `#[allow(lints.., reason = "..")]` attributes, so that each reason
//! travels with the code it excuses and every other lint stays on.

use proc_macro2::TokenStream;
use quote::quote;

/// A set of lints allowed for one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Allow {
    lints: &'static [&'static str],
    reason: &'static str,
}

/// Doc comments are built from descriptions, summaries and titles, which are prose (and
/// Markdown, and HTML) written for readers of the description, not for rustdoc.
pub(crate) const PROSE: Allow = Allow {
    lints: &[
        "clippy::doc_markdown",
        "clippy::doc_lazy_continuation",
        "clippy::doc_overindented_list_items",
        "clippy::empty_docs",
        "clippy::tabs_in_doc_comments",
        "rustdoc::bare_urls",
        "rustdoc::broken_intra_doc_links",
        "rustdoc::invalid_html_tags",
        "rustdoc::invalid_rust_codeblocks",
    ],
    reason: "doc comments carry the description's own prose",
};

/// Names are the description's (schemas, statuses, parameters), made into identifiers.
pub(crate) const NAMES: Allow = Allow {
    lints: &["clippy::enum_variant_names", "clippy::similar_names"],
    reason: "names come from the description",
};

/// One argument per parameter, one variant per schema or status, one field per property,
/// one function per operation or workflow: their number and size are the description's.
pub(crate) const SHAPE: Allow = Allow {
    lints: &[
        "clippy::too_many_arguments",
        "clippy::too_many_lines",
        "clippy::large_enum_variant",
        "clippy::large_types_passed_by_value",
        "clippy::struct_excessive_bools",
        "clippy::fn_params_excessive_bools",
    ],
    reason: "sizes follow the description",
};

/// A deprecated operation, schema or property is still generated (with `#[deprecated]`), and
/// the code around it uses it.
pub(crate) const DEPRECATED: Allow = Allow {
    lints: &["deprecated"],
    reason: "deprecated parts of the description are generated and used like the rest",
};

/// Exact statuses are matched before the ranges and `default` that also cover them.
pub(crate) const STATUS_ARMS: Allow = Allow {
    lints: &["clippy::match_overlapping_arm"],
    reason: "exact statuses come before the ranges that cover them, as OpenAPI ranks them",
};

/// `const` and `default` values are written as the description writes them.
pub(crate) const LITERALS: Allow = Allow {
    lints: &["clippy::unreadable_literal"],
    reason: "numbers are written as the description writes them",
};

/// A step's success and failure paths are the two branches of one `if` over its criteria,
/// also when the first one ends the run.
pub(crate) const BRANCHES: Allow = Allow {
    lints: &["clippy::redundant_else"],
    reason: "a step's success and failure paths are the two branches of one `if`",
};

/// What a client module (its types included) allows.
pub(crate) const CLIENT: &[Allow] = &[PROSE, NAMES, SHAPE, DEPRECATED, STATUS_ARMS, LITERALS];

/// What the inputs and outputs structs of a workflow allow.
pub(crate) const WORKFLOW_TYPES: &[Allow] = &[PROSE, SHAPE, DEPRECATED];

/// What `impl Workflows` (the state machines) allows.
pub(crate) const WORKFLOWS: &[Allow] = &[PROSE, SHAPE, DEPRECATED, BRANCHES];

/// One `#[allow(.., reason = "..")]` per entry.
pub(crate) fn attrs(allows: &[Allow]) -> TokenStream {
    allows
        .iter()
        .map(|allow| {
            let lints = allow.lints.iter().map(|lint| lint.parse::<TokenStream>().unwrap_or_default());
            let reason = allow.reason;
            quote!(#[allow(#(#lints),*, reason = #reason)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lint_is_a_path_and_every_set_has_a_reason() {
        for allow in CLIENT.iter().chain(WORKFLOW_TYPES).chain(WORKFLOWS) {
            assert!(!allow.reason.is_empty() && !allow.lints.is_empty());
            for lint in allow.lints {
                assert!(syn::parse_str::<syn::Path>(lint).is_ok(), "{lint}");
            }
        }
        let text = attrs(&[NAMES]).to_string();
        assert_eq!(
            text,
            "# [allow (clippy :: enum_variant_names , clippy :: similar_names , reason = \"names come from the description\")]"
        );
    }
}
