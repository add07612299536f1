//! Response schemas lowered to `arazzo::schema::Shape` statics, so the runtime
//! checks every documented JSON answer without parsing schema text.
//!
//! One `static` per schema location reached from a response (`S0`, `S1`, ...,
//! each with its pointer as doc), so a `$ref` shared by two operations is one
//! static and a recursive schema refers to itself by name instead of being
//! inlined forever. `allOf` is already merged by `SchemaView`.

use std::collections::{HashMap, VecDeque};

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::openapi::schema::{Additional, JsonType, view};
use crate::openapi::{OpenApi, Operation, SchemaRef, StatusKey};

pub struct ShapeSpace<'a> {
    api: &'a OpenApi,
    ids: HashMap<SchemaRef, usize>,
    nullable: HashMap<String, usize>,
    queue: VecDeque<(usize, SchemaRef)>,
    items: Vec<(usize, TokenStream)>,
    next: usize,
}

impl<'a> ShapeSpace<'a> {
    pub fn new(api: &'a OpenApi) -> Self {
        ShapeSpace {
            api,
            ids: HashMap::new(),
            nullable: HashMap::new(),
            queue: VecDeque::new(),
            items: Vec::new(),
            next: 0,
        }
    }

    fn fresh(&mut self) -> usize {
        self.next += 1;
        self.next - 1
    }

    /// The expression naming `schema`'s shape: a runtime constant for a bare
    /// scalar type (most leaves), else this module's static for it.
    fn reference(&mut self, schema: &SchemaRef) -> TokenStream {
        if let Some(id) = self.ids.get(schema) {
            let name = format_ident!("S{}", id);
            return quote!(#name);
        }
        if let Some(constant) = plain(&view(&self.api.root, schema)) {
            return constant;
        }
        let id = self.fresh();
        self.ids.insert(schema.clone(), id);
        self.queue.push_back((id, schema.clone()));
        let name = format_ident!("S{}", id);
        quote!(#name)
    }

    /// A property written as `$ref` with `nullable: true` beside it.
    fn nullable_reference(&mut self, schema: &SchemaRef) -> TokenStream {
        let inner = self.reference(schema);
        let key = inner.to_string();
        let id = match self.nullable.get(&key) {
            Some(id) => *id,
            None => {
                let id = self.fresh();
                self.nullable.insert(key, id);
                let name = format_ident!("S{}", id);
                self.items.push((
                    id,
                    quote! {
                        static #name: ::arazzo::schema::Shape = ::arazzo::schema::Shape::new(::arazzo::schema::types::ANY)
                            .any_of(&[&#inner, &::arazzo::schema::NULL]);
                    },
                ));
                id
            }
        };
        let name = format_ident!("S{}", id);
        quote!(#name)
    }

    fn drain(&mut self) {
        while let Some((id, schema)) = self.queue.pop_front() {
            let item = self.lower(id, &schema);
            self.items.push((id, item));
        }
        self.items.sort_by_key(|(id, _)| *id);
    }

    fn lower(&mut self, id: usize, schema: &SchemaRef) -> TokenStream {
        let v = view(&self.api.root, schema);
        let name = format_ident!("S{}", id);
        let doc = format!(" `{}`", if schema.pointer.is_empty() { "#" } else { &schema.pointer });
        let mut bits: Vec<TokenStream> = v
            .types
            .iter()
            .map(|t| match t {
                JsonType::String => quote!(STRING),
                JsonType::Integer => quote!(INTEGER),
                JsonType::Number => quote!(NUMBER),
                JsonType::Boolean => quote!(BOOLEAN),
                JsonType::Object => quote!(OBJECT),
                JsonType::Array => quote!(ARRAY),
                JsonType::Null => quote!(NULL),
            })
            .collect();
        if bits.is_empty() {
            bits.push(if v.is_object() {
                quote!(OBJECT)
            } else if v.is_array() {
                quote!(ARRAY)
            } else {
                quote!(ANY)
            });
        }
        if v.nullable {
            bits.push(quote!(NULL));
        }
        let bits = bits.iter().map(|b| quote!(::arazzo::schema::types::#b));
        let mut shape = quote!(::arazzo::schema::Shape::new(#(#bits)|*));
        if !v.properties.is_empty() || !v.required.is_empty() {
            let props: Vec<TokenStream> = v
                .properties
                .iter()
                .map(|p| {
                    let target = if p.beside_ref.nullable {
                        self.nullable_reference(&p.schema)
                    } else {
                        self.reference(&p.schema)
                    };
                    let key = &p.name;
                    quote!((#key, &#target))
                })
                .collect();
            // OpenAPI: a required `writeOnly` property is required in requests only.
            let write_only: Vec<&str> = v
                .properties
                .iter()
                .filter(|p| p.beside_ref.write_only || view(&self.api.root, &p.schema).write_only)
                .map(|p| p.name.as_str())
                .collect();
            let required: Vec<&String> = v.required.iter().filter(|r| !write_only.contains(&r.as_str())).collect();
            shape = quote!(#shape.properties(&[#(#props),*], &[#(#required),*]));
        }
        match &v.additional {
            Additional::Forbidden => shape = quote!(#shape.additional(::arazzo::schema::Additional::Forbidden)),
            Additional::Schema(s) => {
                let target = self.reference(s);
                shape = quote!(#shape.additional(::arazzo::schema::Additional::Shape(&#target)));
            }
            Additional::Unspecified | Additional::Allowed => {}
        }
        if let Some(items) = &v.items {
            let target = self.reference(items);
            shape = quote!(#shape.items(&#target));
        }
        if v.min_items.is_some() || v.max_items.is_some() {
            let bound = |b: Option<u64>| match b {
                Some(n) => quote!(::std::option::Option::Some(#n)),
                None => quote!(::std::option::Option::None),
            };
            let (min, max) = (bound(v.min_items), bound(v.max_items));
            shape = quote!(#shape.item_count(#min, #max));
        }
        if let Some(literals) = closed_literals(v.enum_values.as_deref(), v.nullable) {
            shape = quote!(#shape.literals(&[#(#literals),*]));
        }
        let branches = v.union_branches();
        if !branches.is_empty() {
            let mut targets: Vec<TokenStream> = branches
                .iter()
                .map(|b| {
                    let target = self.reference(b);
                    quote!(&#target)
                })
                .collect();
            if v.nullable {
                targets.push(quote!(&::arazzo::schema::NULL));
            }
            shape = quote!(#shape.any_of(&[#(#targets),*]));
        }
        quote! {
            #[doc = #doc]
            static #name: ::arazzo::schema::Shape = #shape;
        }
    }
}

/// The runtime's constant for a schema that is a bare type (possibly nullable)
/// with nothing else to check, or `None`.
fn plain(v: &crate::openapi::schema::SchemaView) -> Option<TokenStream> {
    let bare = v.properties.is_empty()
        && v.required.is_empty()
        && matches!(v.additional, Additional::Unspecified | Additional::Allowed)
        && v.items.is_none()
        && v.min_items.is_none()
        && v.max_items.is_none()
        && v.one_of.is_empty()
        && v.any_of.is_empty()
        && closed_literals(v.enum_values.as_deref(), v.nullable).is_none();
    if !bare {
        return None;
    }
    let name = match (v.types.as_slice(), v.nullable) {
        ([], _) if v.is_object() || v.is_array() => return None,
        ([], _) => "ANY",
        ([JsonType::String], false) => "STRING",
        ([JsonType::String], true) => "NULLABLE_STRING",
        ([JsonType::Integer], false) => "INTEGER",
        ([JsonType::Integer], true) => "NULLABLE_INTEGER",
        ([JsonType::Number], false) => "NUMBER",
        ([JsonType::Number], true) => "NULLABLE_NUMBER",
        ([JsonType::Boolean], false) => "BOOLEAN",
        ([JsonType::Boolean], true) => "NULLABLE_BOOLEAN",
        _ => return None,
    };
    let name = format_ident!("{}", name);
    Some(quote!(::arazzo::schema::#name))
}

/// An enum whose values are all non-strings, as literals; `None` when any is a
/// string (string enums are open) or an object/array (not checked).
fn closed_literals(values: Option<&[serde_json::Value]>, nullable: bool) -> Option<Vec<TokenStream>> {
    let values = values?;
    let mut out = Vec::new();
    for value in values {
        out.push(match value {
            serde_json::Value::Null => quote!(::arazzo::schema::Literal::Null),
            serde_json::Value::Bool(b) => quote!(::arazzo::schema::Literal::Bool(#b)),
            serde_json::Value::Number(n) => {
                let n = Literal::f64_suffixed(n.as_f64()?);
                quote!(::arazzo::schema::Literal::Number(#n))
            }
            _ => return None,
        });
    }
    if nullable && !values.iter().any(serde_json::Value::is_null) {
        out.push(quote!(::arazzo::schema::Literal::Null));
    }
    (!out.is_empty()).then_some(out)
}

fn label(op: &Operation) -> String {
    op.operation_id
        .clone()
        .unwrap_or_else(|| format!("{} {}", op.method.as_str(), op.path))
}

/// `pub mod __shapes` of a client module: one `Responses` per operation, the
/// shapes they use, and `lookup(method, path)` for workflow steps.
pub fn emit_shapes(api: &OpenApi, ops: &[&Operation]) -> TokenStream {
    let mut space = ShapeSpace::new(api);
    let mut tables = Vec::new();
    let mut arms = Vec::new();
    for (index, op) in ops.iter().enumerate() {
        let mut rows = Vec::new();
        let documents_success = op
            .responses
            .iter()
            .any(|r| r.status != StatusKey::Default && r.status.is_success_or_redirect());
        let mut ordered: Vec<_> = op.responses.iter().collect();
        ordered.sort_by_key(|r| match r.status {
            StatusKey::Code(_) => 0,
            StatusKey::Range(_) => 1,
            StatusKey::Default => 2,
        });
        for r in ordered {
            let Some(schema) = r.json().and_then(|m| m.schema.as_ref()) else {
                continue;
            };
            let (low, high) = match r.status {
                StatusKey::Code(c) => (c, c),
                StatusKey::Range(class) => (u16::from(class) * 100, u16::from(class) * 100 + 99),
                // As the typed dispatch reads it: with a success status documented, `default`
                // is the error shape only, and an undocumented status below 400 is not its.
                StatusKey::Default if documents_success => (400, 999),
                StatusKey::Default => (0, 999),
            };
            let target = space.reference(schema);
            let (low, high) = (Literal::u16_unsuffixed(low), Literal::u16_unsuffixed(high));
            rows.push(quote!((#low, #high, &#target)));
        }
        let name = format_ident!("R{}", index);
        let operation = label(op);
        let doc = format!(" `{} {}`", op.method.as_str(), op.path);
        tables.push(quote! {
            #[doc = #doc]
            pub static #name: ::arazzo::schema::Responses = ::arazzo::schema::Responses { operation: #operation, shapes: &[#(#rows),*] };
        });
        let (method, path) = (op.method.as_str(), &op.path);
        arms.push(quote!((#method, #path) => ::std::option::Option::Some(&#name),));
    }
    space.drain();
    let items = space.items.into_iter().map(|(_, item)| item);
    quote! {
        /// The documented JSON response schemas, lowered for `arazzo::schema::validate`.
        #[doc(hidden)]
        pub mod __shapes {
            #(#tables)*
            #(#items)*

            /// The table of the operation at `method` `path` (as the description writes it).
            #[must_use]
            pub fn lookup(method: &str, path: &str) -> ::std::option::Option<&'static ::arazzo::schema::Responses> {
                match (method, path) {
                    #(#arms)*
                    _ => ::std::option::Option::None,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openapi::tests::load_str;

    /// The lowered module with whitespace removed.
    fn lowered(responses: &str, schemas: &str) -> String {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths:\n  /x:\n    get:\n      operationId: getX\n      responses:\n{responses}\ncomponents:\n  schemas:\n{schemas}"
        );
        let (api, _) = load_str(&text);
        let ops: Vec<&Operation> = api.operations.iter().collect();
        emit_shapes(&api, &ops).to_string().split_whitespace().collect()
    }

    const JSON_REF: &str = "          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Node'}\n";

    #[test]
    fn a_recursive_reference_is_one_static_naming_itself() {
        let code = lowered(
            &format!("        '200':\n          description: ok\n{JSON_REF}"),
            "    Node:\n      type: object\n      additionalProperties: false\n      required: [name]\n      properties:\n        name: {type: string, nullable: true}\n        children: {type: array, minItems: 1, items: {$ref: '#/components/schemas/Node'}}\n",
        );
        assert!(code.contains("shapes:&[(200,200,&S0)]"), "{code}");
        assert!(
            code.contains(r#"staticS0:::arazzo::schema::Shape=::arazzo::schema::Shape::new(::arazzo::schema::types::OBJECT).properties(&[("name",&::arazzo::schema::NULLABLE_STRING),("children",&S1)],&["name"]).additional(::arazzo::schema::Additional::Forbidden);"#),
            "{code}"
        );
        assert!(
            code.contains("items(&S0).item_count(::std::option::Option::Some(1u64),::std::option::Option::None)"),
            "{code}"
        );
        assert_eq!(code.matches("staticS").count(), 2, "{code}");
    }

    #[test]
    fn ranges_and_default_follow_exact_codes_and_string_enums_stay_open() {
        let code = lowered(
            &format!(
                "        default:\n          description: any\n{JSON_REF}        4XX:\n          description: client error\n{JSON_REF}        '404':\n          description: none\n{JSON_REF}"
            ),
            "    Node:\n      type: object\n      properties:\n        kind: {type: string, enum: [a, b]}\n        level: {type: integer, enum: [1, 2]}\n        either: {oneOf: [{type: string}, {type: boolean}], nullable: true}\n",
        );
        assert!(code.contains("shapes:&[(404,404,&S0),(400,499,&S0),(0,999,&S0)]"), "{code}");
        assert!(code.contains(r#"("kind",&::arazzo::schema::STRING)"#), "{code}");
        assert!(
            code.contains("literals(&[::arazzo::schema::Literal::Number(1f64),::arazzo::schema::Literal::Number(2f64)])"),
            "{code}"
        );
        assert!(
            code.contains("any_of(&[&::arazzo::schema::STRING,&::arazzo::schema::BOOLEAN,&::arazzo::schema::NULL])"),
            "{code}"
        );
    }

    #[test]
    fn default_beside_a_success_is_the_error_shape_and_write_only_is_not_required() {
        let code = lowered(
            &format!("        '200':\n          description: ok\n{JSON_REF}        default:\n          description: error\n{JSON_REF}"),
            "    Node:\n      type: object\n      required: [id, secret]\n      properties:\n        id: {type: string}\n        secret: {type: string, writeOnly: true}\n",
        );
        assert!(code.contains("shapes:&[(200,200,&S0),(400,999,&S0)]"), "{code}");
        assert!(code.contains(r#"],&["id"])"#), "{code}");
    }

    #[test]
    fn answers_without_a_json_schema_have_no_row() {
        let code = lowered(
            "        '204':\n          description: nothing\n        '200':\n          description: text\n          content:\n            text/plain:\n              schema: {type: string}\n",
            "    Unused: {type: string}\n",
        );
        assert!(code.contains("shapes:&[]"), "{code}");
        assert!(!code.contains("staticS"), "{code}");
    }
}
