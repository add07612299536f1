//! Emission of workflows: typed inputs and outputs, the `Workflows` struct,
//! and one async method per workflow whose body is a state machine.
//!
//! Each step is a variant of a local `Step` enum; the loop matches on the
//! current step, runs it, and picks the next variant from the step's
//! actions. Because targets are variants, a `goto` to an unknown step cannot
//! be expressed. Evaluation of expressions and criteria is delegated to
//! `arazzo::Run`, which gets the spec's own text (already checked here).

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{
    ActionIr, ActionKindIr, BodyKind, ClientIr, CriterionIr, FieldIr, Location, Program, RustType, StepIr, ValueIr, WorkflowIr,
};

/// Turns IR types into tokens; schema types are resolved by the caller,
/// which owns the per-client type spaces.
pub trait TypeNames {
    fn schema_type(&self, client: usize, schema: &crate::openapi::SchemaRef) -> TokenStream;
    /// The type without the `Option` a nullable schema gets.
    fn schema_type_non_null(&self, client: usize, schema: &crate::openapi::SchemaRef) -> TokenStream;
}

fn ident(name: &str) -> Ident {
    // `names` already produced a valid identifier; raw identifiers are not
    // needed because keywords get a trailing underscore there.
    Ident::new(name, Span::call_site())
}

fn rust_type(ty: &RustType, names: &dyn TypeNames) -> TokenStream {
    match ty {
        RustType::String => quote!(::std::string::String),
        RustType::Integer => quote!(i64),
        RustType::Number => quote!(f64),
        RustType::Boolean => quote!(bool),
        RustType::Json => quote!(::arazzo::serde_json::Value),
        RustType::Schema { client, schema } => names.schema_type(*client, schema),
        RustType::Option(inner) => {
            let inner = match inner.as_ref() {
                RustType::Schema { client, schema } => names.schema_type_non_null(*client, schema),
                other => rust_type(other, names),
            };
            quote!(::std::option::Option<#inner>)
        }
        RustType::Vec(inner) => {
            let inner = rust_type(inner, names);
            quote!(::std::vec::Vec<#inner>)
        }
    }
}

fn doc_attr(text: Option<&str>) -> TokenStream {
    match text {
        Some(t) if !t.trim().is_empty() => {
            let lines = t.trim().lines().map(|l| format!(" {}", l.trim_end()));
            quote!(#(#[doc = #lines])*)
        }
        _ => TokenStream::new(),
    }
}

fn fields(fields: &[FieldIr], names: &dyn TypeNames) -> TokenStream {
    let items = fields.iter().map(|f| {
        let name = ident(&f.rust_name);
        let ty = rust_type(&f.ty, names);
        let json = &f.json_name;
        let doc = doc_attr(f.doc.as_deref());
        let serde = if f.ty.is_option() {
            quote!(#[serde(rename = #json, default)])
        } else {
            quote!(#[serde(rename = #json)])
        };
        quote! { #doc #serde pub #name: #ty, }
    });
    quote!(#(#items)*)
}

/// Inputs: absent optional inputs are left out when serialised, so an
/// expression reading them selects nothing (and payload members drop out).
fn input_fields(list: &[FieldIr], names: &dyn TypeNames) -> TokenStream {
    let items = list.iter().map(|f| {
        let name = ident(&f.rust_name);
        let ty = rust_type(&f.ty, names);
        let json = &f.json_name;
        let doc = doc_attr(f.doc.as_deref());
        let serde = if f.ty.is_option() {
            quote!(#[serde(rename = #json, default, skip_serializing_if = "::std::option::Option::is_none")])
        } else {
            quote!(#[serde(rename = #json)])
        };
        quote! { #doc #serde pub #name: #ty, }
    });
    quote!(#(#items)*)
}

pub fn emit(program: &Program, names: &dyn TypeNames) -> TokenStream {
    let types = program.workflows.iter().map(|w| io_types(w, names));
    let clients = &program.clients;
    let client_fields = clients.iter().map(|c| {
        let f = ident(&c.module);
        let m = ident(&c.module);
        quote!(#f: #m::Client)
    });
    let client_params: Vec<TokenStream> = clients
        .iter()
        .map(|c| {
            let f = ident(&c.module);
            let m = ident(&c.module);
            quote!(#f: #m::Client)
        })
        .collect();
    let client_names: Vec<Ident> = clients.iter().map(|c| ident(&c.module)).collect();
    let accessors = clients.iter().map(|c| {
        let f = ident(&c.module);
        let m = ident(&c.module);
        let doc = format!(" The client for source description `{}`.", c.source_name);
        quote! {
            #[doc = #doc]
            pub fn #f(&self) -> &#m::Client { &self.#f }
        }
    });
    let new_doc = format!(
        " One client per source description, in document order: {}.",
        clients
            .iter()
            .map(|c| format!("`{}`", c.source_name))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let methods = program.workflows.iter().map(|w| workflow_method(w, clients));
    quote! {
        #(#types)*

        /// Runs the workflows of the Arazzo document. Cheap to clone.
        #[derive(::std::clone::Clone)]
        pub struct Workflows {
            #(#client_fields,)*
            poll: ::arazzo::PollPolicy,
            observer: ::std::option::Option<::arazzo::Observer>,
        }

        impl ::std::fmt::Debug for Workflows {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Workflows")
                    #(.field(::std::stringify!(#client_names), &self.#client_names))*
                    .field("poll", &self.poll)
                    .field("observer", &self.observer.is_some())
                    .finish()
            }
        }

        impl Workflows {
            #[doc = #new_doc]
            pub fn new(#(#client_params),*) -> Self {
                Self { #(#client_names,)* poll: ::arazzo::PollPolicy::default(), observer: ::std::option::Option::None }
            }

            /// How long to wait before running a step again (a `goto` back to it), and the deadline.
            pub fn with_poll_policy(mut self, poll: ::arazzo::PollPolicy) -> Self {
                self.poll = poll;
                self
            }

            /// Receives every event of every run: step starts, HTTP exchanges, criteria, actions, waits.
            pub fn with_observer(mut self, observer: impl ::std::ops::Fn(&::arazzo::Event<'_>) + ::std::marker::Send + ::std::marker::Sync + 'static) -> Self {
                self.observer = ::std::option::Option::Some(::std::sync::Arc::new(observer));
                self
            }

            #(#accessors)*

            #(#methods)*
        }
    }
}

fn io_types(w: &WorkflowIr, names: &dyn TypeNames) -> TokenStream {
    let inputs = format_ident!("{}Inputs", w.type_prefix);
    let outputs = format_ident!("{}Outputs", w.type_prefix);
    let input_fields = input_fields(&w.inputs, names);
    let output_fields = fields(&w.outputs.iter().map(|o| o.field.clone()).collect::<Vec<_>>(), names);
    let in_doc = format!(" Inputs of workflow `{}`.", w.id);
    let out_doc = format!(" Outputs of workflow `{}`.", w.id);
    quote! {
        #[doc = #in_doc]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::arazzo::serde::Serialize, ::arazzo::serde::Deserialize)]
        #[serde(crate = "::arazzo::serde")]
        pub struct #inputs { #input_fields }

        #[doc = #out_doc]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::arazzo::serde::Serialize, ::arazzo::serde::Deserialize)]
        #[serde(crate = "::arazzo::serde")]
        pub struct #outputs { #output_fields }
    }
}

fn opt_str(s: Option<&String>) -> TokenStream {
    match s {
        Some(s) => quote!(::std::option::Option::Some(#s)),
        None => quote!(::std::option::Option::None),
    }
}

fn criteria(list: &[CriterionIr]) -> TokenStream {
    let items = list.iter().map(|c| {
        let condition = &c.condition;
        let context = opt_str(c.context.as_ref());
        let kind = opt_str(c.kind.as_ref());
        let version = opt_str(c.version.as_ref());
        quote!(::arazzo::CriterionSpec { condition: #condition, context: #context, kind: #kind, version: #version })
    });
    quote!(&[#(#items),*])
}

fn workflow_method(w: &WorkflowIr, clients: &[ClientIr]) -> TokenStream {
    let method = ident(&w.method);
    let inputs = format_ident!("{}Inputs", w.type_prefix);
    let outputs = format_ident!("{}Outputs", w.type_prefix);
    let id = &w.id;
    let mut doc = String::new();
    for part in [w.summary.as_deref(), w.description.as_deref()].into_iter().flatten() {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(part.trim());
    }
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!(
        "Arazzo workflow `{id}`: steps {}.",
        w.steps.iter().map(|s| format!("`{}`", s.id)).collect::<Vec<_>>().join(" -> ")
    ));
    let doc = doc_attr(Some(&doc));
    let variants: Vec<Ident> = w.steps.iter().map(|s| ident(&s.variant)).collect();
    let sources = clients.iter().map(|c| {
        let name = &c.source_name;
        let f = ident(&c.module);
        quote!((#name, self.#f.http().base_url().to_owned()))
    });
    let arms = w.steps.iter().enumerate().map(|(i, s)| step_arm(w, i, s, clients));
    let output_fields = w.outputs.iter().map(|o| {
        let name = ident(&o.field.rust_name);
        let json = &o.field.json_name;
        let expr = &o.expression;
        quote!(#name: run.output(#json, #expr)?)
    });
    let Some(first) = variants.first() else {
        return TokenStream::new();
    };
    quote! {
        #doc
        pub async fn #method(&self, inputs: #inputs) -> ::std::result::Result<#outputs, ::arazzo::WorkflowError> {
            #[derive(::std::clone::Clone, ::std::marker::Copy, ::std::fmt::Debug, ::std::cmp::PartialEq, ::std::cmp::Eq)]
            enum Step { #(#variants),* }
            let inputs = ::arazzo::serde_json::to_value(&inputs).map_err(|e| ::arazzo::WorkflowError::InvalidValue {
                workflow: #id.to_owned(),
                step: ::std::option::Option::None,
                name: "inputs".to_owned(),
                expression: "$inputs".to_owned(),
                message: e.to_string(),
            })?;
            let sources = [#(#sources),*];
            let mut run = ::arazzo::Run::new(#id, &self.poll, self.observer.as_ref(), inputs, &sources);
            let mut step = Step::#first;
            loop {
                step = match step {
                    #(#arms)*
                };
            }
            let outputs = #outputs { #(#output_fields,)* };
            run.finished();
            ::std::result::Result::Ok(outputs)
        }
    }
}

fn param_value(p: &crate::ir::ParamIr, step_id: &str) -> TokenStream {
    let name = &p.name;
    let required = p.required;
    match &p.value {
        ValueIr::Text(text) => quote!(run.parameter(#step_id, #name, #text, #required)?),
        ValueIr::Literal(v) => {
            let s = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            quote!(::std::option::Option::Some(::std::string::String::from(#s)))
        }
    }
}

fn step_arm(w: &WorkflowIr, index: usize, s: &StepIr, clients: &[ClientIr]) -> TokenStream {
    let variant = ident(&s.variant);
    let id = &s.id;
    let method = ident(&s.method);
    let path = &s.path;
    let client = clients
        .get(s.client)
        .map(|c| ident(&c.module))
        .unwrap_or_else(|| ident("missing_client"));
    let params = s.params.iter().map(|p| {
        let value = param_value(p, id);
        let name = &p.name;
        let builder = match p.location {
            Location::Path => quote!(path),
            Location::Query => quote!(query),
            Location::Header => quote!(header),
            Location::Cookie => quote!(cookie),
        };
        quote! {
            if let ::std::option::Option::Some(value) = #value {
                request = request.#builder(#name, value);
            }
        }
    });
    let body = s.body.as_ref().map(|b| {
        let payload = json_tokens(&b.payload);
        let content_type = &b.content_type;
        match b.kind {
            BodyKind::Json => quote! { request = request.json_value(run.payload(#id, &#payload)?); },
            BodyKind::Form => quote! {
                let form = run.payload(#id, &#payload)?;
                request = request.form(::arazzo::Run::form_pairs(&form));
            },
            BodyKind::Text => quote! {
                let text = run.payload(#id, &#payload)?;
                request = request.text(#content_type, ::arazzo::Run::literal_parameter(&text));
            },
        }
    });
    let success = criteria(&s.success);
    let outputs = s.outputs.iter().map(|(k, v)| quote!((#k, #v)));
    let next_default = match w.steps.get(index + 1) {
        Some(next) => {
            let next_variant = ident(&next.variant);
            let next_id = &next.id;
            quote! {
                run.action(#id, ::std::option::Option::None, ::arazzo::ActionKind::Next, ::std::option::Option::Some(#next_id));
                Step::#next_variant
            }
        }
        None => quote! {
            run.action(#id, ::std::option::Option::None, ::arazzo::ActionKind::End, ::std::option::Option::None);
            break;
        },
    };
    let success_chain = action_chain(w, s, &s.on_success, next_default, false);
    let failure_chain = action_chain(
        w,
        s,
        &s.on_failure,
        quote!(return ::std::result::Result::Err(run.step_failed(#id));),
        true,
    );
    quote! {
        Step::#variant => {
            run.enter(#id).await?;
            let mut request = ::arazzo::Request::new(::arazzo::Method::#method, #path);
            #(#params)*
            #body
            run.send(#id, self.#client.http(), request).await?;
            if run.criteria(#id, #success)? {
                run.step_succeeded(#id, &[#(#outputs),*])?;
                #success_chain
            } else {
                #failure_chain
            }
        }
    }
}

/// `if criteria(a1) { ... } else if criteria(a2) { ... } else { default }`:
/// the first action whose criteria all hold wins (Arazzo 1.0.1).
fn action_chain(w: &WorkflowIr, s: &StepIr, actions: &[ActionIr], default: TokenStream, failure: bool) -> TokenStream {
    let id = &s.id;
    let mut chain = default;
    let mut chain_is_if = false;
    for action in actions.iter().rev() {
        let name = &action.name;
        let crit = criteria(&action.criteria);
        let (condition, body) = match &action.kind {
            ActionKindIr::End => {
                let end = if failure {
                    quote!(return ::std::result::Result::Err(run.ended(#id, #name));)
                } else {
                    quote!(break;)
                };
                (
                    quote!(run.criteria(#id, #crit)?),
                    quote! {
                        run.action(#id, ::std::option::Option::Some(#name), ::arazzo::ActionKind::End, ::std::option::Option::None);
                        #end
                    },
                )
            }
            ActionKindIr::Goto(target) => {
                let Some(t) = w.steps.get(*target) else { continue };
                let variant = ident(&t.variant);
                let target_id = &t.id;
                (
                    quote!(run.criteria(#id, #crit)?),
                    quote! {
                        run.action(#id, ::std::option::Option::Some(#name), ::arazzo::ActionKind::Goto, ::std::option::Option::Some(#target_id));
                        Step::#variant
                    },
                )
            }
            ActionKindIr::Retry { after, limit } => {
                let variant = ident(&s.variant);
                let after = match after {
                    Some(a) => quote!(::std::option::Option::Some(#a)),
                    None => quote!(::std::option::Option::None),
                };
                (
                    quote!(run.criteria(#id, #crit)? && run.retry(#id, #name, #limit, #after).await),
                    quote!(Step::#variant),
                )
            }
        };
        let rest = if chain_is_if { chain } else { quote!({ #chain }) };
        chain = quote! {
            if #condition {
                #body
            } else #rest
        };
        chain_is_if = true;
    }
    chain
}

/// A JSON value as a `serde_json::json!` invocation, which reads like the spec.
fn json_tokens(v: &serde_json::Value) -> TokenStream {
    let inner = json_body(v);
    quote!(::arazzo::serde_json::json!(#inner))
}

fn json_body(v: &serde_json::Value) -> TokenStream {
    match v {
        serde_json::Value::Null => quote!(null),
        serde_json::Value::Bool(b) => quote!(#b),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                quote!(#i)
            } else if let Some(u) = n.as_u64() {
                quote!(#u)
            } else {
                let f = n.as_f64().unwrap_or(0.0);
                quote!(#f)
            }
        }
        serde_json::Value::String(s) => quote!(#s),
        serde_json::Value::Array(items) => {
            let items = items.iter().map(json_body);
            quote!([#(#items),*])
        }
        serde_json::Value::Object(members) => {
            let members = members.iter().map(|(k, v)| {
                let v = json_body(v);
                quote!(#k: #v)
            });
            quote!({ #(#members),* })
        }
    }
}
