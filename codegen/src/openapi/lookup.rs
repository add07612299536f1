//! What a JSON pointer selects inside a response or request body, decided
//! from the schemas alone.
//!
//! The Arazzo checker uses this to reject `$response.body#/autofx/status`
//! at build time (with "did you mean `autofix`?") and to learn the Rust type
//! of `$response.body#/autofix/status` for the generated workflow. The rules
//! are written down on [`PointerLookup`]; they deliberately flag more than
//! JSON Schema would (see "closed enough" there), because a typo in a
//! workflow is far more likely than a server sending undocumented fields
//! that a workflow relies on.

use super::schema::{Additional, SchemaView, view};
use super::{OpenApi, Operation, Response, SchemaRef, StatusKey};

/// Union branches nested deeper than this are not explored (a `oneOf` that
/// refers to itself would otherwise never consume a token).
const MAX_UNION_DEPTH: usize = 16;

/// The answer to "what does this pointer select?".
///
/// A token that is not among an object's declared `properties` is
/// [`PointerLookup::Missing`], with `closed` saying whether it truly cannot
/// exist (`additionalProperties: false`, a scalar, a bad array index) or is
/// merely undeclared in an object that accepts unknown members (JSON
/// Schema's default). The checker makes the first an error and the second a
/// warning: a typo is the likely cause, but the server may still send it. An
/// object is *open* (tokens not declared give [`PointerLookup::Open`]) when it
/// declares no `properties` at all, or says `additionalProperties: true` / `{}`. With `additionalProperties:
/// <schema>`, an undeclared token is `Found` with that schema, `optional`
/// (a map lookup may miss).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PointerLookup {
    /// The pointer lands on a schema. `optional` is true when the last token
    /// is a property that is not `required` (or a map key), or when the value
    /// or any object on the way is nullable. An absent non-required
    /// *intermediate* object is deliberately not counted: the runtime reports
    /// it as a typed error. An array index as the last token is not optional
    /// either: an index out of range is likewise a runtime error.
    Found { schema: SchemaRef, optional: bool },
    /// The pointer enters a schema that allows anything there (no schema,
    /// an open object, `{}`): the value is untyped JSON.
    Open,
    /// The pointer cannot exist: token `token` (index `index`) is not a
    /// property of a closed-enough object, not an index into an array, or
    /// steps into a scalar. `known`: the property names available there.
    /// `closed`: the schema forbids it, rather than just not declaring it.
    Missing {
        index: usize,
        token: String,
        known: Vec<String>,
        closed: bool,
    },
    /// No response with a JSON body for those statuses.
    NoBody,
}

impl OpenApi {
    /// What `pointer` selects inside the JSON body of `op`'s responses.
    /// `statuses`: the status codes the workflow step accepts (each matched
    /// exactly, then by range, then `default`); empty means every documented
    /// 2xx, falling back to `default` when there is none. Responses without
    /// a JSON body are skipped (a body-less 204 next to a 200 does not make
    /// every field optional: the runtime reports a missing body as an error).
    /// When several responses have JSON bodies their answers are combined:
    /// found in all with equal schemas is `Found`; found in some and missing
    /// in others is `Found` and `optional`; different schemas are `Open`.
    pub fn response_pointer(&self, op: &Operation, statuses: &[u16], pointer: &[String]) -> PointerLookup {
        let mut results = Vec::new();
        for response in selected_responses(op, statuses) {
            let Some(media) = response.json() else {
                continue;
            };
            results.push(match &media.schema {
                Some(schema) => self.schema_pointer(schema, pointer),
                None => PointerLookup::Open,
            });
        }
        if results.is_empty() {
            return PointerLookup::NoBody;
        }
        self.combine(results)
    }

    /// What `pointer` selects inside a value of `schema` (used for request
    /// bodies). Follows `$ref`, `allOf` (merged), nullability, array indices
    /// and `oneOf`/`anyOf` (each branch, combined as in
    /// [`OpenApi::response_pointer`]).
    pub fn schema_pointer(&self, schema: &SchemaRef, pointer: &[String]) -> PointerLookup {
        self.walk(schema.clone(), pointer, 0, false, 0)
    }

    fn walk(
        &self,
        mut current: SchemaRef,
        pointer: &[String],
        start: usize,
        mut nullable_on_way: bool,
        union_depth: usize,
    ) -> PointerLookup {
        let mut last_optional = false;
        let mut index = start;
        while let Some(token) = pointer.get(index) {
            let schema = view(&self.root, &current);
            nullable_on_way |= schema.nullable;
            let branches = schema.union_branches();
            if schema.properties.is_empty() && !schema.is_array() && !branches.is_empty() {
                if union_depth >= MAX_UNION_DEPTH {
                    return PointerLookup::Open;
                }
                let results = branches
                    .into_iter()
                    .map(|b| self.walk(b, pointer, index, nullable_on_way, union_depth + 1))
                    .collect();
                return self.combine(results);
            }
            let step = step(&schema, token, index);
            match step {
                Step::Next { schema, optional } => {
                    current = schema;
                    last_optional = optional;
                }
                Step::Done(result) => return result,
            }
            index += 1;
        }
        let last = view(&self.root, &current);
        PointerLookup::Found {
            optional: last_optional || nullable_on_way || last.nullable,
            schema: current,
        }
    }

    fn combine(&self, results: Vec<PointerLookup>) -> PointerLookup {
        if results.contains(&PointerLookup::Open) {
            return PointerLookup::Open;
        }
        let mut found: Option<(SchemaRef, bool)> = None;
        let mut missing: Option<PointerLookup> = None;
        let mut any_missing = false;
        for result in results {
            match result {
                PointerLookup::Found { schema, optional } => match &mut found {
                    None => found = Some((schema, optional)),
                    Some((first, first_optional)) => {
                        if !self.same_schema(first, &schema) {
                            return PointerLookup::Open;
                        }
                        *first_optional |= optional;
                    }
                },
                PointerLookup::Missing {
                    index,
                    token,
                    known,
                    closed,
                } => {
                    any_missing = true;
                    missing = Some(merge_missing(missing, index, token, known, closed));
                }
                PointerLookup::NoBody | PointerLookup::Open => {}
            }
        }
        match (found, missing) {
            (Some((schema, optional)), _) => PointerLookup::Found {
                schema,
                optional: optional || any_missing,
            },
            (None, Some(missing)) => missing,
            (None, None) => PointerLookup::NoBody,
        }
    }

    /// Two schemas describe the same values when they are one schema, or
    /// written identically (two inline `{type: string}` in two responses).
    fn same_schema(&self, a: &SchemaRef, b: &SchemaRef) -> bool {
        if a == b {
            return true;
        }
        match (self.schema_node(a), self.schema_node(b)) {
            (Some(x), Some(y)) => x.to_json() == y.to_json(),
            _ => false,
        }
    }
}

/// Keeps the `Missing` that got furthest; at equal depth, merges the names
/// known there so the did-you-mean sees every branch's properties.
fn merge_missing(previous: Option<PointerLookup>, index: usize, token: String, known: Vec<String>, closed: bool) -> PointerLookup {
    match previous {
        Some(PointerLookup::Missing {
            index: prev_index,
            token: prev_token,
            known: mut prev_known,
            closed: prev_closed,
        }) if prev_index >= index => {
            if prev_index == index {
                for name in known {
                    if !prev_known.contains(&name) {
                        prev_known.push(name);
                    }
                }
            }
            PointerLookup::Missing {
                index: prev_index,
                token: prev_token,
                known: prev_known,
                // Only a pointer every branch forbids is an error.
                closed: prev_closed && closed,
            }
        }
        _ => PointerLookup::Missing {
            index,
            token,
            known,
            closed,
        },
    }
}

/// The responses a step accepting `statuses` can receive.
pub(crate) fn selected_responses<'a>(op: &'a Operation, statuses: &[u16]) -> Vec<&'a Response> {
    let mut out: Vec<&Response> = Vec::new();
    if statuses.is_empty() {
        out.extend(op.responses.iter().filter(|r| r.status.is_success()));
        if out.is_empty() {
            out.extend(op.responses.iter().filter(|r| r.status == StatusKey::Default));
        }
        return out;
    }
    for status in statuses {
        if let Some(response) = op.response_for(*status)
            && !out.iter().any(|r| r.status == response.status)
        {
            out.push(response);
        }
    }
    out
}

enum Step {
    Next { schema: SchemaRef, optional: bool },
    Done(PointerLookup),
}

/// One pointer token applied to one (non-union) schema.
fn step(schema: &SchemaView, token: &str, index: usize) -> Step {
    if schema.is_array() {
        return array_step(schema, token, index);
    }
    if schema.is_object() || !schema.properties.is_empty() {
        return object_step(schema, token, index);
    }
    if schema.types.is_empty() && schema.enum_values.is_none() {
        return Step::Done(PointerLookup::Open);
    }
    Step::Done(PointerLookup::Missing {
        index,
        token: token.to_owned(),
        known: Vec::new(),
        closed: true,
    })
}

fn object_step(schema: &SchemaView, token: &str, index: usize) -> Step {
    if let Some(prop) = schema.property(token) {
        return Step::Next {
            schema: prop.schema.clone(),
            // `nullable` beside the `$ref` lets the value be null whatever
            // the referenced schema says.
            optional: !schema.is_required(token) || prop.beside_ref.nullable,
        };
    }
    match &schema.additional {
        Additional::Schema(value) => Step::Next {
            schema: value.clone(),
            optional: true,
        },
        Additional::Allowed => Step::Done(PointerLookup::Open),
        Additional::Unspecified if schema.properties.is_empty() => Step::Done(PointerLookup::Open),
        Additional::Unspecified | Additional::Forbidden => Step::Done(PointerLookup::Missing {
            index,
            token: token.to_owned(),
            known: schema.properties.iter().map(|p| p.name.clone()).collect(),
            closed: matches!(schema.additional, Additional::Forbidden),
        }),
    }
}

fn array_step(schema: &SchemaView, token: &str, index: usize) -> Step {
    let valid_index = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) && (token == "0" || !token.starts_with('0'));
    let Some(position) = valid_index.then(|| token.parse::<usize>().ok()).flatten() else {
        return Step::Done(PointerLookup::Missing {
            index,
            token: token.to_owned(),
            known: Vec::new(),
            closed: true,
        });
    };
    let item = schema.prefix_items.get(position).or(schema.items.as_ref()).cloned();
    match item {
        Some(schema) => Step::Next { schema, optional: false },
        None => Step::Done(PointerLookup::Open),
    }
}
