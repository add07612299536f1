//! Rust types for the OpenAPI schemas a client uses.
//!
//! The client's method signatures and the workflows' typed outputs must name
//! the same Rust type for the same schema, so every schema goes through one
//! [`TypeSpace`], keyed by [`SchemaRef`] (the canonical pointer after `$ref`).
//! Named component schemas keep their names (UpperCamel); inline objects,
//! enums and unions are named after where they are first met
//! (`SeerAutofixStateFix`, `StartSeerIssueFixRequest`), with numeric
//! suffixes on collisions. Registration follows document order, so the same
//! document always yields the same names and the same output.
//!
//! Mapping rules (the runtime deliberately has no `chrono`/`uuid`
//! dependency, so every string format stays a `String`):
//! - `string` (any format, `byte` and `binary` included) -> `String`;
//!   `integer` -> `i64` (`int32` -> `i32`, `int8/16`, `uint8/16/32/64` to the
//!   matching Rust integer); `number` -> `f64`, `format: float` included
//!   (JSON numbers are decimal text: `0.585` read into an `f32` comes back
//!   as `0.5849999785423279`, which the example round trip caught); `boolean`
//!   -> `bool`.
//! - Objects with `properties` -> structs; without -> `BTreeMap<String, T>`
//!   (`T` from `additionalProperties`, else JSON). Properties plus an
//!   `additionalProperties` schema -> a struct with a flattened map field.
//! - String enums -> enums with an extra `Unknown(String)` variant so new
//!   server values do not break decoding.
//! - `allOf` -> one merged struct (or the branch itself for `allOf: [X]`);
//!   `oneOf`/`anyOf` -> an untagged enum, dispatched on the tag when a
//!   `discriminator` maps every branch.
//! - Nullable (`nullable: true`, `type: [X, "null"]`, a `null` union branch)
//!   -> `Option<T>`. A 3.1 `prefixItems` array of fixed length (`minItems`
//!   at least the prefix, and `items: false` or `maxItems` at most it) ->
//!   a Rust tuple, unless an item is a struct or union (held by value, it
//!   could make a recursive type infinite); other `prefixItems` arrays ->
//!   `Vec<serde_json::Value>`. Anything else (mixed `type` lists, `not`) ->
//!   `serde_json::Value`.
//! - A `readOnly` or `writeOnly` property is an `Option` omitted when `None`,
//!   even if `required`: one struct serves requests (where the server's
//!   readOnly members are absent) and responses (where writeOnly ones are).
//!   `nullable: true` beside a property's `$ref` makes the field an `Option`;
//!   `description`/`deprecated` there apply to the field. `const` and
//!   `default` add to the field's doc comment; a string `const` is a
//!   one-value enum whose `Default` is that value, so a required `const`
//!   member may be missing from the JSON; a required integer, number or
//!   boolean `const` keeps its primitive type and defaults to its value the
//!   same way (through a `const_<field>` function, as serde wants a path).
//! - A struct field that leads back to its own struct without a `Vec` or
//!   map in between is boxed.

use std::collections::{BTreeSet, HashMap, HashSet};

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::openapi::refs;
use crate::openapi::schema::{Additional, JsonType, SchemaView, view};
use crate::openapi::{OpenApi, Operation, SchemaRef, StatusKey};

/// Inline nesting deeper than this becomes JSON: deeper documents are
/// hostile, and recursion must not exhaust the stack.
const MAX_DEPTH: usize = 48;

/// A Rust type, before rendering. `Named` indexes `TypeSpace::defs`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    String,
    Int(&'static str),
    Float(&'static str),
    Bool,
    Json,
    Vec(Box<Ty>),
    /// A fixed-length 3.1 `prefixItems` array.
    Tuple(Vec<Ty>),
    Map(Box<Ty>),
    Option(Box<Ty>),
    Named(usize),
}

impl Ty {
    fn optional(self) -> Ty {
        match self {
            Ty::Option(_) => self,
            other => Ty::Option(Box::new(other)),
        }
    }

    /// The type without its outer `Option`.
    pub fn without_option(self) -> Ty {
        match self {
            Ty::Option(inner) => *inner,
            other => other,
        }
    }

    /// The type without its outer `Option`, and whether there was one.
    fn split_option(&self) -> (&Ty, bool) {
        match self {
            Ty::Option(inner) => (inner, true),
            other => (other, false),
        }
    }
}

#[derive(Debug, Clone)]
struct TypeDef {
    name: String,
    doc: Option<String>,
    deprecated: bool,
    /// Component schemas first (document order), then the rest in the order
    /// registered.
    order: (u8, usize),
    body: Body,
}

#[derive(Debug, Clone)]
enum Body {
    /// Being computed; a recursive reference sees the name already.
    Pending,
    Struct {
        fields: Vec<Field>,
        /// Flattened `additionalProperties` map.
        extra: Option<(String, Ty)>,
    },
    Enum {
        /// `(variant, json value)`.
        variants: Vec<(String, String)>,
        unknown: String,
        /// From a `const`: the one variant is the type's `Default`.
        constant: bool,
    },
    Union {
        variants: Vec<(String, Ty)>,
        /// `(property, [(tag, variant index)])` when every branch has a tag.
        tags: Option<(String, Vec<(String, usize)>)>,
    },
}

#[derive(Debug, Clone)]
struct Field {
    rust: String,
    json: String,
    ty: Ty,
    required: bool,
    nullable: bool,
    doc: Option<String>,
    deprecated: bool,
    /// The type is a `const`'s one-value enum, so a missing member can
    /// still only mean that value.
    constant: bool,
    /// An integer, number or boolean `const` (the type stays the primitive):
    /// like a string `const`, a missing member means this value.
    scalar_const: Option<TokenStream>,
}

/// Generates Rust types from the schemas reachable from a set of
/// operations, and names the type of any schema for the emitters.
#[derive(Debug, Clone)]
pub struct TypeSpace<'a> {
    api: &'a OpenApi,
    types: HashMap<String, Ty>,
    in_progress: HashSet<String>,
    defs: Vec<TypeDef>,
    taken: NameSet,
    /// Reserved names of component schemas, by pointer, so that an inline
    /// type met first never takes a component's name.
    components: HashMap<String, (String, usize)>,
}

impl<'a> TypeSpace<'a> {
    /// An empty type space; component names are reserved up front (in
    /// document order) so they do not depend on which operations are used.
    pub fn new(api: &'a OpenApi) -> Self {
        let mut space = TypeSpace {
            api,
            types: HashMap::new(),
            in_progress: HashSet::new(),
            defs: Vec::new(),
            taken: NameSet::default(),
            components: HashMap::new(),
        };
        let names: Vec<String> = api
            .root
            .get("components")
            .and_then(|c| c.get("schemas"))
            .and_then(|s| s.as_map())
            .map(|m| m.keys().map(str::to_owned).collect())
            .unwrap_or_default();
        for (index, name) in names.iter().enumerate() {
            let unique = space.unique(&type_name(name));
            let pointer = refs::pointer_of(&["components", "schemas", name.as_str()]);
            space.components.insert(pointer, (unique, index));
        }
        space
    }

    /// A type space holding the types of `operations` (indices into
    /// `api.operations`; `None` = all), registered in document order.
    pub fn for_operations(api: &'a OpenApi, operations: Option<&[usize]>) -> Self {
        let mut space = TypeSpace::new(api);
        for op in selected(api, operations) {
            space.add_operation(op);
        }
        space
    }

    /// Registers the types of an operation's parameters, JSON request body
    /// and JSON responses.
    pub fn add_operation(&mut self, op: &Operation) {
        let base = type_name(&op.rust_name);
        for param in &op.parameters {
            if let Some(schema) = &param.schema {
                let hint = component_hint(schema, "parameters", "").unwrap_or_else(|| format!("{base}{}", type_name(&param.name)));
                self.add_schema(schema, &hint);
            }
        }
        let body = op
            .request_body
            .as_ref()
            .and_then(|b| b.json().or_else(|| b.multipart()))
            .and_then(|m| m.schema.as_ref());
        if let Some(schema) = body {
            let hint = component_hint(schema, "requestBodies", "Request").unwrap_or_else(|| format!("{base}Request"));
            self.add_schema(schema, &hint);
        }
        for response in &op.responses {
            if let Some(schema) = response.json().and_then(|m| m.schema.as_ref()) {
                let suffix = match response.status {
                    StatusKey::Code(code) => code.to_string(),
                    StatusKey::Range(class) => format!("{class}xx"),
                    StatusKey::Default => "Default".to_owned(),
                };
                let hint = component_hint(schema, "responses", "Response").unwrap_or_else(|| format!("{base}Response{suffix}"));
                self.add_schema(schema, &hint);
            }
            // Header schemas need names too: a string enum header is a
            // generated enum like any other.
            for header in &response.headers {
                if let Some(schema) = &header.schema {
                    let hint = component_hint(schema, "headers", "").unwrap_or_else(|| format!("{base}{}", type_name(&header.name)));
                    self.add_schema(schema, &hint);
                }
            }
        }
    }

    /// Registers a schema (and everything it reaches); `name_hint` names it
    /// if it needs a type of its own and is not a named component.
    pub fn add_schema(&mut self, schema: &SchemaRef, name_hint: &str) -> Ty {
        self.ty(schema, name_hint, 0)
    }

    /// The Rust type of `schema`, as a path relative to the client module
    /// (`types::SeerModel`, `::std::vec::Vec<types::SeerModel>`). Schemas
    /// never registered still get a structural type (named types they would
    /// need become `serde_json::Value`). Never includes the `Box` that a
    /// recursive struct field gets.
    pub fn rust_type(&self, schema: &SchemaRef) -> TokenStream {
        self.rust_type_in(schema, &quote!(types))
    }

    /// Like [`TypeSpace::rust_type`], with `types_path` as the path of the
    /// generated `types` module (e.g. `seer_api::types`).
    pub fn rust_type_in(&self, schema: &SchemaRef, types_path: &TokenStream) -> TokenStream {
        let ty = self.lookup_ty(schema, 0);
        self.render(&ty, Some(types_path))
    }

    /// Like [`TypeSpace::rust_type_in`] without the outer `Option` that a
    /// nullable schema gets. For values that are optional anyway (a
    /// [`crate::openapi::PointerLookup::Found`] with `optional: true` already
    /// counts nullability), so that wrapping them in one `Option` never gives
    /// `Option<Option<T>>`.
    pub fn rust_type_in_non_null(&self, schema: &SchemaRef, types_path: &TokenStream) -> TokenStream {
        let ty = self.lookup_ty(schema, 0).without_option();
        self.render(&ty, Some(types_path))
    }

    /// Whether [`TypeSpace::rust_type`] of `schema` is an `Option` (the
    /// schema is nullable in one of its spellings).
    #[cfg(test)]
    pub fn is_option(&self, schema: &SchemaRef) -> bool {
        matches!(self.lookup_ty(schema, 0), Ty::Option(_))
    }

    /// Whether `schema` was registered (a type was decided for it while
    /// generating), as opposed to merely nameable structurally.
    pub fn has_type(&self, schema: &SchemaRef) -> bool {
        self.types.contains_key(&schema.pointer)
    }

    /// Whether the schema's type is untyped JSON (`serde_json::Value`,
    /// possibly optional): nothing about it can be checked.
    pub fn is_plain_json(&self, schema: &SchemaRef) -> bool {
        self.lookup_ty(schema, 0).without_option() == Ty::Json
    }

    /// The registered type of a schema, computing structural types for
    /// unregistered ones without adding definitions.
    pub fn lookup_ty(&self, schema: &SchemaRef, depth: usize) -> Ty {
        if let Some(ty) = self.types.get(&schema.pointer) {
            return ty.clone();
        }
        if depth > MAX_DEPTH {
            return Ty::Json;
        }
        let v = view(&self.api.root, schema);
        let base = if let Some(alias) = &v.alias_of {
            self.lookup_ty(alias, depth + 1)
        } else if v.types.len() > 1 {
            Ty::Json
        } else if v.is_array() {
            let tuple = v
                .fixed_tuple()
                .map(|items| items.iter().map(|i| self.lookup_ty(i, depth + 1)).collect::<Vec<_>>());
            match tuple.and_then(|items| self.tuple(items)) {
                Some(tuple) => tuple,
                None => Ty::Vec(Box::new(v.items.as_ref().map_or(Ty::Json, |i| self.lookup_ty(i, depth + 1)))),
            }
        } else if v.is_object() && v.properties.is_empty() {
            match &v.additional {
                Additional::Schema(s) => Ty::Map(Box::new(self.lookup_ty(s, depth + 1))),
                _ => Ty::Map(Box::new(Ty::Json)),
            }
        } else {
            primitive(&v).unwrap_or(Ty::Json)
        };
        if v.nullable { base.optional() } else { base }
    }

    fn unique(&mut self, base: &str) -> String {
        self.taken.unique(base)
    }

    /// A Rust tuple of `items`, when every item can be held by value without
    /// any risk of a recursive type of infinite size (no structs or unions,
    /// whose definitions may still be in progress) and std's traits cover
    /// its length. Otherwise the array stays untyped JSON.
    fn tuple(&self, items: Vec<Ty>) -> Option<Ty> {
        fn by_value_safe(space: &TypeSpace<'_>, ty: &Ty) -> bool {
            match ty {
                Ty::Option(inner) => by_value_safe(space, inner),
                Ty::Tuple(items) => items.iter().all(|t| by_value_safe(space, t)),
                Ty::Named(_) => space.is_string_enum(ty),
                _ => true,
            }
        }
        (items.len() <= 12 && items.iter().all(|t| by_value_safe(self, t))).then_some(Ty::Tuple(items))
    }

    fn ty(&mut self, schema: &SchemaRef, hint: &str, depth: usize) -> Ty {
        if let Some(ty) = self.types.get(&schema.pointer) {
            return ty.clone();
        }
        if depth > MAX_DEPTH || !self.in_progress.insert(schema.pointer.clone()) {
            return Ty::Json;
        }
        let v = view(&self.api.root, schema);
        let hint = self
            .components
            .get(&schema.pointer)
            .map_or_else(|| hint.to_owned(), |(name, _)| name.clone());
        let base = self.compute(schema, &v, &hint, depth);
        let ty = if v.nullable { base.optional() } else { base };
        self.in_progress.remove(&schema.pointer);
        self.types.insert(schema.pointer.clone(), ty.clone());
        ty
    }

    fn compute(&mut self, schema: &SchemaRef, v: &SchemaView, hint: &str, depth: usize) -> Ty {
        if let Some(alias) = &v.alias_of {
            return self.ty(alias, hint, depth + 1);
        }
        if let Some(values) = v.string_enum() {
            return self.string_enum(schema, v, hint, values);
        }
        let branches = v.union_branches();
        if v.properties.is_empty() && !branches.is_empty() {
            return match branches.as_slice() {
                [single] => self.ty(single, hint, depth + 1),
                _ => self.union(schema, v, hint, &branches, depth),
            };
        }
        if v.types.len() > 1 {
            return Ty::Json;
        }
        if v.is_array() {
            if let Some(items) = v.fixed_tuple() {
                let tys: Vec<Ty> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.ty(item, &format!("{hint}{}", i + 1), depth + 1))
                    .collect();
                if let Some(tuple) = self.tuple(tys) {
                    return tuple;
                }
            }
            let item = match &v.items {
                Some(items) if v.prefix_items.is_empty() => self.ty(items, &format!("{hint}Item"), depth + 1),
                _ => Ty::Json,
            };
            return Ty::Vec(Box::new(item));
        }
        if v.is_object() || !v.properties.is_empty() {
            if v.properties.is_empty() && v.additional != Additional::Forbidden {
                return match &v.additional {
                    Additional::Schema(s) => Ty::Map(Box::new(self.ty(s, &format!("{hint}Value"), depth + 1))),
                    _ => Ty::Map(Box::new(Ty::Json)),
                };
            }
            return self.structure(schema, v, hint, depth);
        }
        primitive(v).unwrap_or(Ty::Json)
    }

    /// Allocates a definition and records its type before its body is
    /// computed, so that recursive references resolve to it.
    fn allocate(&mut self, schema: &SchemaRef, v: &SchemaView, hint: &str) -> usize {
        let (name, order) = match self.components.get(&schema.pointer) {
            Some((name, index)) => (name.clone(), (0, *index)),
            // Hints are concatenations (`Self_` + `Request`); recasing them
            // keeps the result UpperCamel.
            None => (self.unique(&type_name(hint)), (1, self.defs.len())),
        };
        let index = self.defs.len();
        self.defs.push(TypeDef {
            name,
            doc: v.description.clone().or_else(|| v.title.clone()),
            deprecated: v.deprecated,
            order,
            body: Body::Pending,
        });
        let ty = Ty::Named(index);
        self.types
            .insert(schema.pointer.clone(), if v.nullable { ty.clone().optional() } else { ty.clone() });
        index
    }

    fn string_enum(&mut self, schema: &SchemaRef, v: &SchemaView, hint: &str, values: Vec<String>) -> Ty {
        let index = self.allocate(schema, v, hint);
        let mut used = NameSet::default();
        let mut variants = Vec::new();
        for value in values {
            if variants.iter().any(|(_, json)| *json == value) {
                continue;
            }
            let name = used.unique(&variant_name(&value));
            variants.push((name, value));
        }
        let unknown = if used.contains("Unknown") {
            used.unique("UnknownValue")
        } else {
            used.unique("Unknown")
        };
        if let Some(def) = self.defs.get_mut(index) {
            let constant = v.constant.is_some() && variants.len() == 1;
            def.body = Body::Enum {
                variants,
                unknown,
                constant,
            };
        }
        Ty::Named(index)
    }

    fn structure(&mut self, schema: &SchemaRef, v: &SchemaView, hint: &str, depth: usize) -> Ty {
        let index = self.allocate(schema, v, hint);
        let name = self.defs.get(index).map(|d| d.name.clone()).unwrap_or_default();
        let mut used = NameSet::default();
        let mut fields = Vec::new();
        for prop in &v.properties {
            let ty = self.ty(&prop.schema, &format!("{name}{}", type_name(&prop.name)), depth + 1);
            let (inner, nullable) = ty.split_option();
            let prop_view = view(&self.api.root, &prop.schema);
            let notes = &prop.beside_ref;
            let read_only = notes.read_only || prop_view.read_only;
            let write_only = notes.write_only || prop_view.write_only;
            let default = notes.default.as_ref().or(prop_view.default.as_ref());
            let description = notes.description.clone().or(prop_view.description).or(prop_view.title);
            fields.push(Field {
                rust: used.unique(&field_name(&prop.name)),
                json: prop.name.clone(),
                ty: inner.clone(),
                // One struct serves both directions: a readOnly member is
                // absent from requests and a writeOnly one from responses,
                // so neither can be required in Rust.
                required: v.is_required(&prop.name) && !read_only && !write_only,
                nullable: nullable || notes.nullable,
                doc: field_doc(description, prop_view.constant.as_ref(), default, read_only, write_only),
                deprecated: notes.deprecated || prop_view.deprecated,
                constant: self.is_constant(inner),
                scalar_const: prop_view.constant.as_ref().and_then(|c| const_literal(inner, c)),
            });
        }
        let extra = match &v.additional {
            Additional::Schema(s) => {
                let ty = self.ty(s, &format!("{name}Value"), depth + 1);
                Some((used.unique("additional_properties"), ty))
            }
            _ => None,
        };
        if let Some(def) = self.defs.get_mut(index) {
            def.body = Body::Struct { fields, extra };
        }
        Ty::Named(index)
    }

    fn union(&mut self, schema: &SchemaRef, v: &SchemaView, hint: &str, branches: &[SchemaRef], depth: usize) -> Ty {
        let index = self.allocate(schema, v, hint);
        let name = self.defs.get(index).map(|d| d.name.clone()).unwrap_or_default();
        let tags = v
            .discriminator
            .as_ref()
            .and_then(|d| {
                let mut tags = Vec::new();
                for (tag, target) in &d.mapping {
                    let position = branches.iter().position(|b| b == target)?;
                    tags.push((tag.clone(), position));
                }
                let covered: BTreeSet<usize> = tags.iter().map(|(_, i)| *i).collect();
                (covered.len() == branches.len()).then(|| (d.property.clone(), tags))
            })
            .or_else(|| implied_tags(&self.api.root, branches));
        let mut used = NameSet::default();
        let mut variants = Vec::new();
        for (i, branch) in branches.iter().enumerate() {
            let branch_view = view(&self.api.root, branch);
            let mut label = branch_label(branch, &branch_view);
            // An anonymous object branch is better named by its tag value.
            if branch.component_name().is_none()
                && branch_view.title.is_none()
                && let Some((_, tags)) = &tags
                && let Some((tag, _)) = tags.iter().find(|(_, at)| *at == i)
            {
                label = type_name(tag);
            }
            let ty = self.ty(branch, &format!("{name}{label}"), depth + 1);
            let (inner, _) = ty.split_option();
            variants.push((used.unique(&label), inner.clone()));
        }
        if let Some(def) = self.defs.get_mut(index) {
            def.body = Body::Union { variants, tags };
        }
        Ty::Named(index)
    }

    /// Renders a type; `prefix` is the path of the `types` module, `None`
    /// inside it.
    fn render(&self, ty: &Ty, prefix: Option<&TokenStream>) -> TokenStream {
        match ty {
            Ty::String => quote!(::std::string::String),
            Ty::Int(name) | Ty::Float(name) => {
                let ident = make_ident(name);
                quote!(#ident)
            }
            Ty::Bool => quote!(bool),
            Ty::Json => quote!(::arazzo::serde_json::Value),
            Ty::Vec(inner) => {
                let inner = self.render(inner, prefix);
                quote!(::std::vec::Vec<#inner>)
            }
            Ty::Tuple(items) => {
                let items = items.iter().map(|t| self.render(t, prefix));
                quote!((#(#items,)*))
            }
            Ty::Map(inner) => {
                let inner = self.render(inner, prefix);
                quote!(::std::collections::BTreeMap<::std::string::String, #inner>)
            }
            Ty::Option(inner) => {
                let inner = self.render(inner, prefix);
                quote!(::std::option::Option<#inner>)
            }
            Ty::Named(index) => match self.defs.get(*index) {
                Some(def) => {
                    let name = make_ident(&def.name);
                    match prefix {
                        Some(prefix) => quote!(#prefix::#name),
                        None => quote!(#name),
                    }
                }
                None => quote!(::arazzo::serde_json::Value),
            },
        }
    }

    /// Renders a type relative to the client module.
    pub fn render_in_client(&self, ty: &Ty) -> TokenStream {
        self.render(ty, Some(&quote!(types)))
    }

    /// Whether `ty` is a generated string enum (it has `as_str()`).
    fn is_constant(&self, ty: &Ty) -> bool {
        matches!(ty, Ty::Named(i) if matches!(self.defs.get(*i).map(|d| &d.body), Some(Body::Enum { constant: true, .. })))
    }

    pub fn is_string_enum(&self, ty: &Ty) -> bool {
        matches!(ty, Ty::Named(i) if matches!(self.defs.get(*i).map(|d| &d.body), Some(Body::Enum { .. })))
    }

    /// `pub mod types { ... }` with every registered definition.
    pub fn emit(&self) -> TokenStream {
        let boxed = self.boxed_edges();
        let mut order: Vec<usize> = (0..self.defs.len()).collect();
        order.sort_by_key(|i| self.defs.get(*i).map(|d| d.order));
        let items = order.iter().filter_map(|i| self.emit_def(*i, &boxed));
        // No lint attributes of its own: the client module's (`emit/lints.rs`) cover it.
        quote! {
            /// Types of the schemas the client uses, generated from the description.
            pub mod types {
                #(#items)*
            }
        }
    }

    fn emit_def(&self, index: usize, boxed: &HashSet<(usize, usize)>) -> Option<TokenStream> {
        let def = self.defs.get(index)?;
        let name = make_ident(&def.name);
        let mut attrs = doc_attrs(def.doc.as_deref());
        if def.deprecated {
            attrs.extend(quote!(#[deprecated]));
        }
        let body = match &def.body {
            Body::Pending => return None,
            Body::Struct { fields, extra } => self.emit_struct(index, &name, fields, extra.as_ref(), boxed),
            Body::Enum {
                variants,
                unknown,
                constant,
            } => emit_enum(&name, variants, unknown, *constant),
            Body::Union { variants, tags } => self.emit_union(index, &name, variants, tags.as_ref(), boxed),
        };
        Some(quote!(#attrs #body))
    }

    fn field_type(&self, owner: usize, ty: &Ty, boxed: &HashSet<(usize, usize)>) -> TokenStream {
        match ty {
            Ty::Named(target) if boxed.contains(&(owner, *target)) => {
                let inner = self.render(ty, None);
                quote!(::std::boxed::Box<#inner>)
            }
            other => self.render(other, None),
        }
    }

    fn emit_struct(
        &self,
        index: usize,
        name: &Ident,
        fields: &[Field],
        extra: Option<&(String, Ty)>,
        boxed: &HashSet<(usize, usize)>,
    ) -> TokenStream {
        let extra_ident = extra.map(|(field, _)| make_ident(field));
        let all_optional = fields
            .iter()
            .all(|f| !f.required || f.nullable || f.constant || f.scalar_const.is_some());
        // Required scalar consts default to their value, through a function
        // because `#[serde(default = ..)]` takes a path.
        let const_fn = |f: &Field| make_ident(&format!("const_{}", unraw(&f.rust)));
        let items = fields.iter().map(|f| {
            let ident = make_ident(&f.rust);
            let inner = self.field_type(index, &f.ty, boxed);
            let mut attrs = doc_attrs(f.doc.as_deref());
            let mut serde = Vec::new();
            if unraw(&f.rust) != f.json {
                let json = &f.json;
                serde.push(quote!(rename = #json));
            }
            if !f.required {
                serde.push(quote!(default, skip_serializing_if = "::std::option::Option::is_none"));
            } else if f.constant && !f.nullable {
                serde.push(quote!(default));
            } else if f.scalar_const.is_some() && !f.nullable {
                let path = format!("{name}::{}", const_fn(f));
                serde.push(quote!(default = #path));
            }
            if !serde.is_empty() {
                attrs.extend(quote!(#[serde(#(#serde),*)]));
            }
            if f.deprecated {
                attrs.extend(quote!(#[deprecated]));
            }
            let ty = if f.required && !f.nullable {
                inner
            } else {
                quote!(::std::option::Option<#inner>)
            };
            quote!(#attrs pub #ident: #ty,)
        });
        let extra = extra.map(|(field, ty)| {
            let ident = make_ident(field);
            let ty = self.render(ty, None);
            quote! {
                /// Properties not listed above (`additionalProperties`).
                #[serde(flatten)]
                pub #ident: ::std::collections::BTreeMap<::std::string::String, #ty>,
            }
        });
        let consts: Vec<&Field> = fields
            .iter()
            .filter(|f| f.required && !f.nullable && !f.constant && f.scalar_const.is_some())
            .collect();
        // `derive(Default)` would give a const member `0`/`false`; with one,
        // `Default` is written out so it gives the const.
        let derive_default = (all_optional && consts.is_empty()).then(|| quote!(::std::default::Default,));
        let const_impl = (!consts.is_empty()).then(|| {
            let fns = consts.iter().map(|f| {
                let ident = const_fn(f);
                let ty = self.field_type(index, &f.ty, boxed);
                let value = &f.scalar_const;
                quote!(fn #ident() -> #ty { #value })
            });
            let manual_default = all_optional.then(|| {
                // Each default names its type (`<T as Default>::default()`), as clippy's
                // `default_trait_access` asks; optional members are `None`.
                let inits = fields.iter().map(|f| {
                    let ident = make_ident(&f.rust);
                    if consts.iter().any(|c| c.rust == f.rust) {
                        let function = const_fn(f);
                        quote!(#ident: Self::#function(),)
                    } else if f.required && !f.nullable {
                        let ty = self.field_type(index, &f.ty, boxed);
                        quote!(#ident: <#ty as ::std::default::Default>::default(),)
                    } else {
                        quote!(#ident: ::std::option::Option::None,)
                    }
                });
                let extra_init = extra_ident
                    .as_ref()
                    .map(|ident| quote!(#ident: ::std::collections::BTreeMap::new(),));
                quote! {
                    impl ::std::default::Default for #name {
                        fn default() -> Self {
                            Self { #(#inits)* #extra_init }
                        }
                    }
                }
            });
            quote! {
                impl #name {
                    #(#fns)*
                }
                #manual_default
            }
        });
        quote! {
            #[derive(
                ::std::fmt::Debug,
                ::std::clone::Clone,
                ::std::cmp::PartialEq,
                #derive_default
                ::arazzo::serde::Serialize,
                ::arazzo::serde::Deserialize
            )]
            #[serde(crate = "::arazzo::serde")]
            pub struct #name {
                #(#items)*
                #extra
            }
            #const_impl
        }
    }

    fn emit_union(
        &self,
        index: usize,
        name: &Ident,
        variants: &[(String, Ty)],
        tags: Option<&(String, Vec<(String, usize)>)>,
        boxed: &HashSet<(usize, usize)>,
    ) -> TokenStream {
        let items = variants.iter().map(|(variant, ty)| {
            let ident = make_ident(variant);
            let ty = self.field_type(index, ty, boxed);
            quote!(#ident(#ty),)
        });
        let keys: Vec<Option<Vec<&str>>> = variants.iter().map(|(_, ty)| self.struct_keys(ty)).collect();
        let (derive_de, manual_de) = match tags {
            Some((property, tags)) => (TokenStream::new(), tagged_deserialize(name, variants, property, tags)),
            None if keys.iter().flatten().count() >= 2 => (TokenStream::new(), best_match_deserialize(name, variants, &keys)),
            None => (quote!(::arazzo::serde::Deserialize,), TokenStream::new()),
        };
        quote! {
            #[derive(
                ::std::fmt::Debug,
                ::std::clone::Clone,
                ::std::cmp::PartialEq,
                ::arazzo::serde::Serialize,
                #derive_de
            )]
            #[serde(crate = "::arazzo::serde", untagged)]
            pub enum #name {
                #(#items)*
            }
            #manual_de
        }
    }

    /// The JSON names of a struct's declared properties, `None` for any
    /// other type.
    fn struct_keys(&self, ty: &Ty) -> Option<Vec<&str>> {
        match ty {
            Ty::Named(i) => match self.defs.get(*i).map(|d| &d.body) {
                Some(Body::Struct { fields, .. }) => Some(fields.iter().map(|f| f.json.as_str()).collect()),
                _ => None,
            },
            _ => None,
        }
    }

    /// `(owner, target)` pairs where the owner holds the target by value and
    /// the target leads back to the owner by value: those fields are boxed
    /// so the types have a finite size.
    fn boxed_edges(&self) -> HashSet<(usize, usize)> {
        let edges: Vec<Vec<usize>> = self.defs.iter().map(|d| direct_targets(&d.body)).collect();
        let mut out = HashSet::new();
        let mut reach_cache: HashMap<usize, HashSet<usize>> = HashMap::new();
        for (owner, targets) in edges.iter().enumerate() {
            for target in targets {
                let reach = reach_cache.entry(*target).or_insert_with(|| reachable(&edges, *target));
                if reach.contains(&owner) {
                    out.insert((owner, *target));
                }
            }
        }
        out
    }
}

/// Definitions a body holds by value (not behind a `Vec` or map).
fn direct_targets(body: &Body) -> Vec<usize> {
    let tys: Vec<&Ty> = match body {
        Body::Struct { fields, .. } => fields.iter().map(|f| &f.ty).collect(),
        Body::Union { variants, .. } => variants.iter().map(|(_, t)| t).collect(),
        Body::Enum { .. } | Body::Pending => Vec::new(),
    };
    tys.into_iter()
        .filter_map(|t| match t.split_option().0 {
            Ty::Named(i) => Some(*i),
            _ => None,
        })
        .collect()
}

/// Every definition reachable from `start` through by-value edges,
/// `start` included.
fn reachable(edges: &[Vec<usize>], start: usize) -> HashSet<usize> {
    let mut seen = HashSet::new();
    let mut stack = vec![start];
    while let Some(node) = stack.pop() {
        if seen.insert(node) {
            stack.extend(edges.get(node).into_iter().flatten().copied());
        }
    }
    seen
}

fn selected<'o>(api: &'o OpenApi, operations: Option<&'o [usize]>) -> Vec<&'o Operation> {
    match operations {
        None => api.operations.iter().collect(),
        Some(indices) => indices.iter().filter_map(|i| api.operations.get(*i)).collect(),
    }
}

/// Names schemas written directly under `components/<section>/<Name>` after
/// the component (`NotFound` + `Response`), so the name does not depend on
/// which operation is generated first.
/// A field's doc comment: the description, then what the schema fixes
/// about the value that its Rust type does not show.
fn field_doc(
    description: Option<String>,
    constant: Option<&serde_json::Value>,
    default: Option<&serde_json::Value>,
    read_only: bool,
    write_only: bool,
) -> Option<String> {
    let mut notes = Vec::new();
    if let Some(value) = constant {
        notes.push(format!("Always `{value}`."));
    }
    if let Some(value) = default {
        notes.push(format!("Default: `{value}`."));
    }
    if read_only {
        notes.push("Read-only: sent by the server, left out of requests when `None`.".to_owned());
    }
    if write_only {
        notes.push("Write-only: sent by the client, absent from responses.".to_owned());
    }
    if notes.is_empty() {
        return description;
    }
    let notes = notes.join(" ");
    Some(match description {
        Some(text) if !text.trim().is_empty() => format!("{}\n\n{notes}", text.trim_end()),
        _ => notes,
    })
}

fn component_hint(schema: &SchemaRef, section: &str, suffix: &str) -> Option<String> {
    let tokens = refs::split_pointer(&schema.pointer)?;
    match tokens.as_slice() {
        [c, s, name, ..] if c == "components" && s == section => Some(format!("{}{suffix}", type_name(name))),
        _ => None,
    }
}

/// A Rust literal for an integer, number or boolean `const` of a field of
/// type `ty`; `None` when the value does not fit the type (then the `const`
/// is only documented).
fn const_literal(ty: &Ty, value: &serde_json::Value) -> Option<TokenStream> {
    match (ty, value) {
        (Ty::Bool, serde_json::Value::Bool(b)) => Some(quote!(#b)),
        (Ty::Float(_), serde_json::Value::Number(n)) => n.as_f64().filter(|f| f.is_finite()).map(|f| {
            let lit = Literal::f64_unsuffixed(f);
            quote!(#lit)
        }),
        (Ty::Int(rust), serde_json::Value::Number(n)) => {
            let fits = |v: i128| match *rust {
                "i8" => i8::try_from(v).is_ok(),
                "i16" => i16::try_from(v).is_ok(),
                "i32" => i32::try_from(v).is_ok(),
                "i64" => i64::try_from(v).is_ok(),
                "u8" => u8::try_from(v).is_ok(),
                "u16" => u16::try_from(v).is_ok(),
                "u32" => u32::try_from(v).is_ok(),
                "u64" => u64::try_from(v).is_ok(),
                _ => false,
            };
            let v = n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from))?;
            fits(v).then(|| {
                let lit = Literal::i128_unsuffixed(v);
                quote!(#lit)
            })
        }
        _ => None,
    }
}

/// The scalar type of a schema, if it is one.
fn primitive(v: &SchemaView) -> Option<Ty> {
    let format = v.format.as_deref().unwrap_or("");
    match v.types.first()? {
        JsonType::String => Some(Ty::String),
        JsonType::Boolean => Some(Ty::Bool),
        JsonType::Integer => Some(Ty::Int(match format {
            "int8" => "i8",
            "int16" => "i16",
            "int32" => "i32",
            "uint8" => "u8",
            "uint16" => "u16",
            "uint32" => "u32",
            "uint64" => "u64",
            _ => "i64",
        })),
        JsonType::Number => Some(Ty::Float("f64")),
        JsonType::Object | JsonType::Array | JsonType::Null => None,
    }
}

/// A variant name for a union branch: the component's name, else the
/// branch's `title`, else what kind of value it is.
/// A union without a `discriminator` whose branches are objects that each
/// pin one required property to a single, distinct string (`type: {enum:
/// [volume]}` or `const`; schemars writes Rust enums this way) is tagged by
/// that property all the same: dispatching on it is exact where trying
/// branches in turn can pick the wrong one.
fn implied_tags(root: &crate::yaml::Node, branches: &[SchemaRef]) -> Option<(String, Vec<(String, usize)>)> {
    if branches.len() < 2 {
        return None;
    }
    let views: Vec<SchemaView> = branches.iter().map(|b| view(root, b)).collect();
    views.first()?.properties.iter().find_map(|candidate| {
        let mut tags: Vec<(String, usize)> = Vec::new();
        for (i, branch) in views.iter().enumerate() {
            if !branch.is_object() || !branch.is_required(&candidate.name) {
                return None;
            }
            let values = view(root, &branch.property(&candidate.name)?.schema).string_enum()?;
            let [value] = values.as_slice() else { return None };
            if tags.iter().any(|(t, _)| t == value) {
                return None;
            }
            tags.push((value.clone(), i));
        }
        Some((candidate.name.clone(), tags))
    })
}

fn branch_label(branch: &SchemaRef, v: &SchemaView) -> String {
    if let Some(name) = branch.component_name() {
        return type_name(&name);
    }
    if let Some(title) = &v.title {
        return type_name(title);
    }
    let kind = if v.is_array() {
        "Array"
    } else if v.is_object() || !v.properties.is_empty() {
        "Object"
    } else {
        match v.types.first() {
            Some(JsonType::String) => "String",
            Some(JsonType::Integer) => "Integer",
            Some(JsonType::Number) => "Number",
            Some(JsonType::Boolean) => "Boolean",
            _ => "Value",
        }
    };
    kind.to_owned()
}

fn emit_enum(name: &Ident, variants: &[(String, String)], unknown: &str, constant: bool) -> TokenStream {
    let unknown = make_ident(unknown);
    let idents: Vec<Ident> = variants.iter().map(|(v, _)| make_ident(v)).collect();
    let default = constant.then(|| quote!(, ::std::default::Default));
    let marks = (0..idents.len()).map(|i| (constant && i == 0).then(|| quote!(#[default])));
    let values: Vec<&str> = variants.iter().map(|(_, j)| j.as_str()).collect();
    let docs = values.iter().map(|v| format!(" `{v}`"));
    quote! {
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash
            #default
        )]
        pub enum #name {
            #(#[doc = #docs] #marks #idents,)*
            /// A value this description does not list, kept as sent.
            #unknown(::std::string::String),
        }

        impl #name {
            /// The value as it appears in JSON.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #values,)*
                    Self::#unknown(value) => value.as_str(),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#values => Self::#idents,)*
                    _ => Self::#unknown(value),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(::std::string::String::from(value)))
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::arazzo::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::arazzo::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::arazzo::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::arazzo::serde::Deserializer<'de>,
            {
                let value = <::std::string::String as ::arazzo::serde::Deserialize<'de>>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value))
            }
        }
    }
}

/// Deserialises a discriminated union by its tag, so that the branch the
/// server meant is chosen even when several branches would accept the
/// object, and the tag property stays available to the branch's struct
/// (serde's internally-tagged form would strip it).
fn tagged_deserialize(name: &Ident, variants: &[(String, Ty)], property: &str, tags: &[(String, usize)]) -> TokenStream {
    let arms = tags.iter().filter_map(|(tag, index)| {
        let (variant, _) = variants.get(*index)?;
        let variant = make_ident(variant);
        Some(quote! {
            ::std::option::Option::Some(#tag) => ::arazzo::serde_json::from_value(value)
                .map(Self::#variant)
                .map_err(<D::Error as ::arazzo::serde::de::Error>::custom),
        })
    });
    let unknown = format!("unknown or missing `{property}` tag");
    quote! {
        impl<'de> ::arazzo::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::arazzo::serde::Deserializer<'de>,
            {
                let value = <::arazzo::serde_json::Value as ::arazzo::serde::Deserialize<'de>>::deserialize(deserializer)?;
                let tag = value
                    .get(#property)
                    .and_then(::arazzo::serde_json::Value::as_str)
                    .map(::std::borrow::ToOwned::to_owned);
                match tag.as_deref() {
                    #(#arms)*
                    _ => ::std::result::Result::Err(<D::Error as ::arazzo::serde::de::Error>::custom(#unknown)),
                }
            }
        }
    }
}

/// Deserialises an untagged union whose branches include several objects by
/// trying the branches in order of how many of the input's members each
/// declares (fewest declared properties first on a tie), not in document
/// order. Serde's `untagged` takes the first branch that accepts the value,
/// and with optional properties and unknown members ignored that is often a
/// branch that silently drops half the object (GitHub's environment
/// protection rules: three object branches, the first accepts all of them).
/// Non-object values keep document order.
fn best_match_deserialize(name: &Ident, variants: &[(String, Ty)], keys: &[Option<Vec<&str>>]) -> TokenStream {
    let count = Literal::usize_unsuffixed(variants.len());
    let key_lists = keys.iter().map(|k| {
        let k = k.as_deref().unwrap_or(&[]);
        quote!(&[#(#k),*])
    });
    let indices = (0..variants.len()).map(Literal::usize_unsuffixed);
    let arms = variants.iter().enumerate().map(|(i, (variant, _))| {
        let variant = make_ident(variant);
        let i = Literal::usize_unsuffixed(i);
        quote!(#i => ::arazzo::serde_json::from_value(value.clone()).map(Self::#variant),)
    });
    let none = format!("the value matches no variant of `{name}`");
    quote! {
        impl<'de> ::arazzo::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::arazzo::serde::Deserializer<'de>,
            {
                const KEYS: [&[&str]; #count] = [#(#key_lists),*];
                let value = <::arazzo::serde_json::Value as ::arazzo::serde::Deserialize<'de>>::deserialize(deserializer)?;
                let mut order: [usize; #count] = [#(#indices),*];
                if let ::std::option::Option::Some(object) = value.as_object() {
                    order.sort_by_key(|i| {
                        let keys = KEYS.get(*i).copied().unwrap_or_default();
                        let matched = object.keys().filter(|k| keys.contains(&k.as_str())).count();
                        (::std::cmp::Reverse(matched), keys.len())
                    });
                }
                for i in order {
                    let result = match i {
                        #(#arms)*
                        _ => continue,
                    };
                    if let ::std::result::Result::Ok(typed) = result {
                        return ::std::result::Result::Ok(typed);
                    }
                }
                ::std::result::Result::Err(<D::Error as ::arazzo::serde::de::Error>::custom(#none))
            }
        }
    }
}

/// The names in use in one namespace (a module, a struct's fields, an
/// enum's variants). Hands out `name`, then `name2`, `name3`... (`name_2`
/// for snake_case names), remembering the next suffix per base so that
/// thousands of colliding names stay linear.
#[derive(Debug, Clone, Default)]
pub struct NameSet {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl NameSet {
    pub fn contains(&self, name: &str) -> bool {
        self.used.contains(unraw(name))
    }

    /// Marks a name as taken without handing it out.
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(unraw(name).to_owned());
    }

    /// `base` if free, else the first free numbered variant; now taken.
    pub fn unique(&mut self, base: &str) -> String {
        if self.used.insert(unraw(base).to_owned()) {
            return base.to_owned();
        }
        let bare = unraw(base).trim_end_matches('_').to_owned();
        let separator = if bare.contains('_') || bare.chars().next().is_some_and(char::is_lowercase) {
            "_"
        } else {
            ""
        };
        let mut n = self.next.get(&bare).copied().unwrap_or(2);
        loop {
            let name = format!("{bare}{separator}{n}");
            n += 1;
            if self.used.insert(name.clone()) {
                self.next.insert(bare, n);
                return name;
            }
        }
    }
}

/// Rust keywords (2024 edition, reserved ones included).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
    "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
    "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Text with every character that cannot appear in an ASCII identifier
/// turned into a word break.
fn words(raw: &str) -> String {
    raw.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect()
}

fn fix_start(name: String, fallback: &str) -> String {
    if name.is_empty() {
        fallback.to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name
    }
}

/// `UpperCamelCase` type name: never a keyword, never starting with a digit.
pub fn type_name(raw: &str) -> String {
    let name = fix_start(words(raw).to_upper_camel_case(), "Type");
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// An enum variant name for a JSON value (`in-progress` -> `InProgress`,
/// `""` -> `Empty`, `+1` -> `Plus1`, `-1` -> `Minus1`).
pub fn variant_name(value: &str) -> String {
    let spelled = match value.chars().next() {
        Some('+') => format!("plus {value}"),
        Some('-') => format!("minus {value}"),
        _ => value.to_owned(),
    };
    let name = fix_start(words(&spelled).to_upper_camel_case(), "Empty");
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// A snake_case field or argument name. A JSON name that *is* a keyword
/// becomes a raw identifier (`type` -> `r#type`, no rename needed); a name
/// that only becomes a keyword after cleaning gets a trailing underscore
/// (`$ref` -> `ref_`), as do keywords that cannot be raw (`self` -> `self_`).
pub fn field_name(raw: &str) -> String {
    let name = fix_start(words(raw).to_snake_case(), "field");
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        if name == raw { format!("r#{name}") } else { format!("{name}_") }
    } else {
        name
    }
}

/// The identifier text without a `r#` prefix (what serde sees).
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// An identifier for a name produced by the functions above. Total: a
/// keyword becomes a raw identifier (or gets `_` when it cannot be raw), and
/// any other text that is not an identifier is cleaned, never a panic.
pub fn make_ident(name: &str) -> Ident {
    let bare = unraw(name);
    let cleaned;
    let plain = if is_plain_ident(bare) {
        bare
    } else {
        cleaned = fix_start(words(bare).to_snake_case(), "field");
        cleaned.as_str()
    };
    if !is_plain_ident(plain) {
        Ident::new("unnamed", Span::call_site())
    } else if NOT_RAW.contains(&plain) {
        Ident::new(&format!("{plain}_"), Span::call_site())
    } else if KEYWORDS.contains(&plain) {
        Ident::new_raw(plain, Span::call_site())
    } else {
        Ident::new(plain, Span::call_site())
    }
}

fn is_plain_ident(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    name != "_" && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Doc attributes for free text from a description. Code fences are marked
/// `text` and indentation is dropped outside them, so that no description
/// ever becomes a doctest that fails to compile.
pub fn doc_attrs(text: Option<&str>) -> TokenStream {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return TokenStream::new();
    };
    let mut in_fence = false;
    let lines = text.lines().map(|line| {
        let trimmed = line.trim_start();
        let line = if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            let fence = trimmed.get(..3).unwrap_or("```");
            if in_fence { format!("{fence}text") } else { fence.to_owned() }
        } else if in_fence {
            line.replace('\t', "    ")
        } else {
            trimmed.replace('\t', " ")
        };
        format!(" {}", line.trim_end())
    });
    let lines: Vec<String> = lines.collect();
    let closing = in_fence.then(|| quote!(#[doc = " ```"]));
    quote!(#(#[doc = #lines])* #closing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openapi::tests::{PETSTORE, SEER, load_str};

    fn pretty(tokens: TokenStream) -> String {
        match syn::parse2::<syn::File>(tokens) {
            Ok(file) => prettyplease::unparse(&file),
            Err(e) => panic!("emitted tokens do not parse: {e}"),
        }
    }

    /// Whitespace-insensitive containment, so assertions do not depend on
    /// prettyplease's line breaking.
    fn has(haystack: &str, needle: &str) -> bool {
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        squash(haystack).contains(&squash(needle))
    }

    fn assert_has(code: &str, needles: &[&str]) {
        for needle in needles {
            assert!(has(code, needle), "missing `{needle}` in:\n{code}");
        }
    }

    fn schema(pointer: &str) -> SchemaRef {
        SchemaRef {
            pointer: pointer.to_owned(),
        }
    }

    #[test]
    fn names() {
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("$ref"), "ref_");
        assert_eq!(field_name("1st"), "_1st");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("isAvailable"), "is_available");
        assert_eq!(field_name("\u{e9}t\u{e9}"), "t");
        assert_eq!(field_name("---"), "field");
        assert_eq!(type_name("seer-autofix state"), "SeerAutofixState");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(type_name("2fa"), "_2fa");
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(variant_name("+1"), "Plus1");
        assert_eq!(variant_name("-1"), "Minus1");
        assert_eq!(variant_name("in-progress"), "InProgress");
        assert_eq!(make_ident("r#type").to_string(), "r#type");
        assert_eq!(make_ident("type").to_string(), "r#type");
        assert_eq!(make_ident("Self").to_string(), "Self_");
        assert_eq!(make_ident("not an ident!").to_string(), "not_an_ident");
        assert_eq!(make_ident("").to_string(), "field");
        let mut used = NameSet::default();
        assert_eq!(used.unique("foo_bar"), "foo_bar");
        assert_eq!(used.unique("foo_bar"), "foo_bar_2");
        assert_eq!(used.unique("self_"), "self_");
        assert_eq!(used.unique("self_"), "self_2");
        assert_eq!(used.unique("Pet"), "Pet");
        assert_eq!(used.unique("Pet"), "Pet2");
        used.reserve("Pet3");
        assert_eq!(used.unique("Pet"), "Pet4");
        assert!(used.contains("r#Pet4"));
        let mut many = NameSet::default();
        for _ in 0..50_000 {
            many.unique("Minus");
        }
        assert_eq!(many.unique("Minus"), "Minus50001");
    }

    #[test]
    fn seer_types() {
        let (api, _) = load_str(SEER);
        let space = TypeSpace::for_operations(&api, None);
        let code = pretty(space.emit());
        assert_has(
            &code,
            &[
                "pub mod types {",
                "#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::arazzo::serde::Serialize, ::arazzo::serde::Deserialize)]",
                "#[serde(crate = \"::arazzo::serde\")] pub struct SeerModel {",
                "pub id: ::std::string::String,",
                "#[serde(rename = \"isAvailable\", default, skip_serializing_if = \"::std::option::Option::is_none\")] pub is_available: ::std::option::Option<bool>,",
                "pub status: SeerAutofixStateStatus,",
                "pub completed_at: ::std::option::Option<::std::string::String>,",
                "pub steps: ::std::option::Option<::std::vec::Vec<SeerAutofixStateStepsItem>>,",
                "pub fix: ::std::option::Option<SeerAutofixStateFix>,",
                "pub struct StartSeerIssueFixRequest {",
                "::std::default::Default,",
                "/// Optional instruction to guide the AI fix.",
                "pub struct StartSeerIssueFixResponse202 {",
                "pub struct RetrieveSeerIssueFixStateResponse200 {",
                "pub enum SeerAutofixStateStatus { /// `pending` Pending,",
                "Unknown(::std::string::String),",
                "Self::Pending => \"pending\",",
                "impl<'de> ::arazzo::serde::Deserialize<'de> for SeerAutofixStateStatus",
            ],
        );
        assert!(
            code.find("pub struct SeerModel") < code.find("pub struct StartSeerIssueFixRequest"),
            "components first"
        );
        let list = &api.operations[0];
        let response = list.responses[0].json().and_then(|m| m.schema.clone()).expect("schema");
        assert_eq!(
            space.rust_type(&response).to_string(),
            quote!(::std::vec::Vec<types::SeerModel>).to_string()
        );
        let state = "/components/schemas/SeerAutofixState/properties";
        assert_eq!(
            space.rust_type(&schema(&format!("{state}/status"))).to_string(),
            quote!(types::SeerAutofixStateStatus).to_string()
        );
        assert_eq!(
            space.rust_type(&schema(&format!("{state}/fix"))).to_string(),
            quote!(::std::option::Option<types::SeerAutofixStateFix>).to_string()
        );
        assert_eq!(
            space
                .rust_type_in(&schema(&format!("{state}/fix/properties/pr_url")), &quote!(seer_api::types))
                .to_string(),
            quote!(::std::option::Option<::std::string::String>).to_string()
        );
        let pr_url = schema(&format!("{state}/fix/properties/pr_url"));
        assert!(space.is_option(&pr_url));
        assert_eq!(
            space.rust_type_in_non_null(&pr_url, &quote!(seer_api::types)).to_string(),
            quote!(::std::string::String).to_string()
        );
        assert_eq!(
            space
                .rust_type_in(&schema("/components/schemas/SeerModel"), &quote!(seer_api::types))
                .to_string(),
            quote!(seer_api::types::SeerModel).to_string()
        );
    }

    #[test]
    fn petstore_types() {
        let (api, _) = load_str(PETSTORE);
        let code = pretty(TypeSpace::for_operations(&api, None).emit());
        assert_has(
            &code,
            &[
                "/// A pet.",
                "pub struct Pet { pub name: ::std::string::String,",
                "pub tag: ::std::option::Option<::std::string::String>,",
                "pub id: i64,",
                "pub status: ::std::option::Option<PetStatus>,",
                "pub owner: ::std::option::Option<Owner>,",
                "pub attributes: ::std::option::Option<::std::collections::BTreeMap<::std::string::String, ::std::string::String",
                "pub extra: ::std::option::Option<::std::collections::BTreeMap<::std::string::String, ::arazzo::serde_json::Value",
                "pub parent: ::std::option::Option<::std::boxed::Box<Pet>>,",
                "pub pets: ::std::option::Option<::std::vec::Vec<Pet>>,",
                "pub struct PetPage { pub items: ::std::vec::Vec<Pet>,",
                "pub code: i32,",
                "pub struct NewPetRequest { pub name: ::std::string::String,",
                "pub kind: ::std::string::String, }",
                "#[serde(crate = \"::arazzo::serde\", untagged)] pub enum Animal { Cat(Cat), Dog(Dog), }",
                "::std::option::Option::Some(\"cat\") => { ::arazzo::serde_json::from_value(value).map(Self::Cat)",
                "#[deprecated] #[derive(",
                "pub r#type: ::std::string::String,",
                "#[serde(rename = \"$ref\", default, skip_serializing_if = \"::std::option::Option::is_none\")] pub ref_:",
                "#[serde(rename = \"1st\", default, skip_serializing_if = \"::std::option::Option::is_none\")] pub _1st:",
                "#[serde(rename = \"self\")] pub self_: ::std::option::Option<::std::string::String>,",
                "#[serde(rename = \"Self\", default, skip_serializing_if = \"::std::option::Option::is_none\")] pub self_2:",
                "#[serde(rename = \"foo-bar\", default, skip_serializing_if = \"::std::option::Option::is_none\")] pub foo_bar:",
                "#[serde(rename = \"foo_bar\", default, skip_serializing_if = \"::std::option::Option::is_none\")] pub foo_bar_2:",
                "#[deprecated] pub old:",
                "pub enum WeirdMode { /// `` Empty, /// `+1` Plus1, /// `-1` Minus1, /// `unknown` Unknown, /// `Unknown` Unknown2, /// `in-progress` InProgress, /// `type` Type,",
                "UnknownValue(::std::string::String),",
            ],
        );
        assert!(!has(&code, "Box<Owner>"), "Owner reaches Pet only through a Vec");
        assert!(!code.contains("LoginRequest"), "form bodies get no JSON type");
    }

    /// schemars' shape for a Rust enum: `oneOf` objects, each pinning
    /// `type` to one value, no `discriminator`. Dispatch is on the tag, and
    /// the anonymous branches are named by it.
    #[test]
    fn a_single_valued_required_property_tags_a_union() {
        let (api, _) = load_str(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /v:\n    get:\n      operationId: v\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Volume'}}}}\n        '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Loose'}}}}\ncomponents:\n  schemas:\n    Volume:\n      oneOf:\n        - {type: object, required: [type, id], properties: {type: {type: string, enum: [file]}, id: {type: string}}}\n        - {type: object, required: [type, url], properties: {type: {type: string, enum: [url]}, url: {type: string}}}\n    Loose:\n      oneOf:\n        - {type: object, required: [type], properties: {type: {type: string, enum: [a]}}}\n        - {type: object, properties: {type: {type: string, enum: [b]}}}\n",
        );
        let code = pretty(TypeSpace::for_operations(&api, None).emit());
        assert_has(
            &code,
            &[
                "pub enum Volume { File(VolumeFile), Url(VolumeUrl), }",
                "::std::option::Option::Some(\"url\") => { ::arazzo::serde_json::from_value(value).map(Self::Url)",
                "pub enum Loose { Object(LooseObject), Object2(LooseObject2), }",
            ],
        );
    }

    #[test]
    fn output_is_deterministic_and_component_names_do_not_depend_on_selection() {
        let (api, _) = load_str(PETSTORE);
        let first = TypeSpace::for_operations(&api, None).emit().to_string();
        let second = TypeSpace::for_operations(&api, None).emit().to_string();
        assert_eq!(first, second);
        let show = api.operations.iter().position(|o| o.rust_name == "show_pet_by_id");
        let only = show.map(|i| vec![i]).unwrap_or_default();
        let code = pretty(TypeSpace::for_operations(&api, Some(&only)).emit());
        assert!(has(&code, "pub struct Pet {"));
        assert!(!code.contains("PetPage"), "unreachable from showPetById");
        let empty = pretty(TypeSpace::for_operations(&api, Some(&[999])).emit());
        assert!(has(&empty, "pub mod types {}"));
    }

    #[test]
    fn inline_names_never_take_component_names() {
        let (api, _) = load_str(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /foo:\n    post:\n      operationId: foo\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {a: {type: string}}}\n      responses: {}\ncomponents:\n  schemas:\n    FooRequest: {type: object, properties: {b: {type: string}}}\n    foo-bar: {type: object, properties: {c: {type: string}}}\n    FooBar: {type: object, properties: {d: {type: string}}}\n",
        );
        let mut space = TypeSpace::for_operations(&api, None);
        space.add_schema(&schema("/components/schemas/FooBar"), "Ignored");
        space.add_schema(&schema("/components/schemas/foo-bar"), "Ignored");
        let code = pretty(space.emit());
        assert_has(
            &code,
            &[
                "pub struct FooRequest2 { #[serde(default",
                "pub struct FooBar { #[serde(default",
                "pub struct FooBar2 {",
            ],
        );
        assert!(code.find("pub struct FooBar {") < code.find("pub struct FooBar2 {"));
        assert!(has(
            &code,
            "pub struct FooBar2 { #[serde(default, skip_serializing_if = \"::std::option::Option::is_none\")] pub d:"
        ));
    }

    #[test]
    fn nullable_spellings_and_odd_schemas() {
        let (api, _) = load_str(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: [string, 'null']}\n    B: {oneOf: [{$ref: '#/components/schemas/C'}, {type: 'null'}]}\n    C: {type: object, required: [x], properties: {x: {type: [integer, 'null'], format: int32}}}\n    D: {type: [string, integer]}\n    E: {anyOf: [{type: string}, {type: array, items: {type: number, format: float}}]}\n    F: {type: object, additionalProperties: false}\n    G: {type: object, properties: {a: {type: string}}, additionalProperties: {type: integer}}\n    H: {type: array, items: {$ref: '#/components/schemas/H'}}\n    I: {enum: [1, 2]}\n    J: {type: string, enum: [a, null]}\n",
        );
        let mut space = TypeSpace::new(&api);
        let names = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
        let tys: Vec<String> = names
            .iter()
            .map(|n| {
                let s = schema(&format!("/components/schemas/{n}"));
                space.add_schema(&s, "X");
                space.rust_type(&s).to_string()
            })
            .collect();
        let expect = [
            quote!(::std::option::Option<::std::string::String>),
            quote!(::std::option::Option<types::C>),
            quote!(types::C),
            quote!(::arazzo::serde_json::Value),
            quote!(types::E),
            quote!(types::F),
            quote!(types::G),
            quote!(::std::vec::Vec<::arazzo::serde_json::Value>),
            quote!(::arazzo::serde_json::Value),
            quote!(::std::option::Option<types::J>),
        ];
        for ((name, got), want) in names.iter().zip(&tys).zip(expect) {
            assert_eq!(*got, want.to_string(), "{name}");
        }
        let code = pretty(space.emit());
        assert_has(
            &code,
            &[
                "pub x: ::std::option::Option<i32>,",
                "pub enum E { String(::std::string::String), Array(::std::vec::Vec<f64>), }",
                "pub struct F {}",
                "#[serde(flatten)] pub additional_properties: ::std::collections::BTreeMap<::std::string::String, i64",
                "pub enum J { /// `a` A,",
            ],
        );
    }

    #[test]
    fn doc_text_cannot_become_a_doctest() {
        let text = "Intro\n\n    indented code\n```\nlet x = 1;\n```\n\tTabbed\n~~~rust\nunterminated";
        let docs = doc_attrs(Some(text)).to_string();
        assert!(docs.contains("\" indented code\""));
        assert!(docs.contains("\" ```text\""));
        assert!(docs.contains("\" ~~~text\""));
        assert!(docs.ends_with("[doc = \" ```\"]"), "{docs}");
        assert!(doc_attrs(Some("  \n ")).is_empty());
    }

    #[test]
    fn keywords_beside_refs_and_member_annotations() {
        let (api, _) = load_str(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Id: {type: string, description: An id.}\n    S:\n      type: object\n      required: [a, b, c, d, e]\n      properties:\n        a: {$ref: '#/components/schemas/Id', description: Beside., deprecated: true}\n        b: {$ref: '#/components/schemas/Id', nullable: true}\n        c: {type: integer, readOnly: true}\n        d: {type: string, writeOnly: true}\n        e: {type: string, const: fixed}\n        f: {type: boolean, default: true, description: Flag.}\n        g: {$ref: '#/components/schemas/Id'}\n",
        );
        let mut space = TypeSpace::new(&api);
        space.add_schema(&schema("/components/schemas/S"), "X");
        let code = pretty(space.emit());
        let skip = "#[serde(default, skip_serializing_if = \"::std::option::Option::is_none\")]";
        assert_has(
            &code,
            &[
                "/// Beside. #[deprecated] pub a: ::std::string::String,",
                "/// An id. pub b: ::std::option::Option<::std::string::String>,",
                &format!("/// Read-only: sent by the server, left out of requests when `None`. {skip} pub c: ::std::option::Option<i64>,"),
                &format!(
                    "/// Write-only: sent by the client, absent from responses. {skip} pub d: ::std::option::Option<::std::string::String>,"
                ),
                "/// Always `\"fixed\"`. #[serde(default)] pub e: Se,",
                "::std::hash::Hash, ::std::default::Default )] pub enum Se { /// `fixed` #[default] Fixed,",
                &format!("/// Flag. /// /// Default: `true`. {skip} pub f: ::std::option::Option<bool>,"),
                &format!("/// An id. {skip} pub g: ::std::option::Option<::std::string::String>,"),
            ],
        );
    }

    #[test]
    fn fixed_length_prefix_items_are_tuples() {
        let (api, _) = load_str(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    E: {type: string, enum: [a]}\n    O: {type: object, properties: {x: {type: string}}}\n    S:\n      type: object\n      required: [a]\n      properties:\n        a: {type: array, prefixItems: [{type: integer}, {$ref: '#/components/schemas/E'}, {type: array, items: {$ref: '#/components/schemas/O'}}], items: false, minItems: 3}\n        b: {type: array, prefixItems: [{type: number}], minItems: 1, maxItems: 1}\n        c: {type: array, prefixItems: [{type: number}, {type: number}], maxItems: 2}\n        d: {type: array, prefixItems: [{type: number}], minItems: 1}\n        e: {type: array, prefixItems: [{$ref: '#/components/schemas/O'}], items: false, minItems: 1}\n",
        );
        let mut space = TypeSpace::new(&api);
        space.add_schema(&schema("/components/schemas/S"), "X");
        let code = pretty(space.emit());
        let opt = |ty: &str| format!("pub {ty}>,");
        assert_has(
            &code,
            &[
                "pub a: (i64, E, ::std::vec::Vec<O>),",
                &opt("b: ::std::option::Option<(f64,)"),
                // May be shorter than the prefix (no minItems), may be longer, holds a struct by value:
                // a list of JSON values.
                &opt("c: ::std::option::Option<::std::vec::Vec<::arazzo::serde_json::Value>"),
                &opt("d: ::std::option::Option<::std::vec::Vec<::arazzo::serde_json::Value>"),
                &opt("e: ::std::option::Option<::std::vec::Vec<::arazzo::serde_json::Value>"),
            ],
        );
    }

    #[test]
    fn scalar_consts_default_to_their_value() {
        let (api, _) = load_str(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S:\n      type: object\n      required: [a, b, c, d, e]\n      properties:\n        a: {type: integer, const: -3}\n        b: {type: number, const: 0.5}\n        c: {type: boolean, const: true}\n        d: {type: integer, format: int32, const: 3000000000}\n        e: {type: integer, const: 1, nullable: true}\n        f: {type: integer, const: 2}\n    T:\n      type: object\n      required: [a, b]\n      properties:\n        a: {type: integer, const: 7}\n        b: {type: string}\n    U:\n      type: object\n      required: [a]\n      properties:\n        a: {type: integer, const: 5}\n        b: {type: string}\n",
        );
        let mut space = TypeSpace::new(&api);
        space.add_schema(&schema("/components/schemas/S"), "X");
        space.add_schema(&schema("/components/schemas/T"), "Y");
        space.add_schema(&schema("/components/schemas/U"), "Z");
        let code = pretty(space.emit());
        assert_has(
            &code,
            &[
                "/// Always `-3`. #[serde(default = \"S::const_a\")] pub a: i64,",
                "#[serde(default = \"S::const_b\")] pub b: f64,",
                "#[serde(default = \"S::const_c\")] pub c: bool,",
                // Out of range for the type: documented only, still required.
                "/// Always `3000000000`. pub d: i32,",
                "pub e: ::std::option::Option<i64>,",
                "impl S { fn const_a() -> i64 { -3 } fn const_b() -> f64 { 0.5 } fn const_c() -> bool { true } }",
                // Every member optional or a const: `Default` gives the consts.
                "impl ::std::default::Default for U { fn default() -> Self { Self { a: Self::const_a(), b: ::std::option::Option::None, } } }",
                "impl T { fn const_a() -> i64 { 7 } }",
            ],
        );
        let derive_of = |name: &str| {
            let at = code.find(&format!("pub struct {name} ")).unwrap_or(0);
            let start = code[..at].rfind("#[derive(").unwrap_or(0);
            code[start..at].to_owned()
        };
        assert!(
            derive_of("U").contains("Clone") && !derive_of("U").contains("Default"),
            "U's Default is written out"
        );
        assert!(
            !code.contains("Default for T") && !code.contains("Default for S"),
            "required non-const members: no Default"
        );
    }
}
