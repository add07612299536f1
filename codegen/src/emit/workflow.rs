//! Emission of workflows: typed inputs and outputs, the `Workflows` struct,
//! and one async method per workflow whose body is a state machine.
//!
//! Each step is a variant of a local `Step` enum; the loop matches on the
//! current step, runs it, and picks the next variant from the step's
//! actions. Because targets are variants, a `goto` to an unknown step cannot
//! be expressed. Evaluation of expressions and criteria is delegated to
//! `arazzo::__private::Run`, which gets them parsed (`parsed.rs`), beside the spec's text.

use arazzo_expr::Criterion;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use super::parsed;

use crate::ir::{
    ActionIr, ActionKindIr, BodyKind, ChannelClientIr, ClientIr, CriterionIr, FieldIr, Location, ParamIr, PlacedSelector, Program,
    RustType, SelectorIr, StepCall, StepIr, StyleIr, Target, WorkflowIr,
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
    // AsyncAPI sources that `send` steps post to: one `HttpClient` each, after the typed clients.
    let channel_names: Vec<Ident> = program.channels.iter().map(|c| ident(&c.field)).collect();
    let client_fields = client_fields.chain(channel_names.iter().map(|f| quote!(#f: ::arazzo::HttpClient)));
    let client_params: Vec<TokenStream> = client_params
        .into_iter()
        .chain(channel_names.iter().map(|f| quote!(#f: ::arazzo::HttpClient)))
        .collect();
    let channel_modules = program.channels.iter().filter_map(|c| {
        let m = ident(&c.field);
        let url = c.base_url.as_ref()?;
        let doc = format!(" The first HTTP server of AsyncAPI source `{}`.", c.source_name);
        Some(quote! {
            /// Where `send` steps post messages of this AsyncAPI source by default.
            pub mod #m {
                #[doc = #doc]
                pub const DEFAULT_BASE_URL: &str = #url;
            }
        })
    });
    let channel_accessors = program.channels.iter().map(|c| {
        let f = ident(&c.field);
        let doc = format!(" The HTTP client that posts messages of AsyncAPI source `{}`.", c.source_name);
        quote! {
            #[doc = #doc]
            #[must_use]
            pub fn #f(&self) -> &::arazzo::HttpClient { &self.#f }
        }
    });
    // `receive` steps wait on an inbox; only documents that have them get one.
    let receives = program
        .workflows
        .iter()
        .flat_map(|w| &w.steps)
        .any(|s| matches!(s.call, StepCall::Receive { .. }));
    let (inbox_field, inbox_init, inbox_debug, inbox_methods) = if receives {
        (
            quote!(inbox: ::arazzo::Inbox,),
            quote!(inbox: ::arazzo::Inbox::new(),),
            quote!(.field("inbox", &self.inbox)),
            quote! {
                /// Where `receive` steps take their messages from: deliver webhooks to it with
                /// `Inbox::deliver_http` in your server, or serve it with `arazzo::webhook::WebhookServer`.
                #[must_use]
                pub fn inbox(&self) -> &::arazzo::Inbox { &self.inbox }

                /// Uses `inbox` (shared with a webhook receiver) instead of a new one.
                #[must_use]
                pub fn with_inbox(mut self, inbox: ::arazzo::Inbox) -> Self {
                    self.inbox = inbox;
                    self
                }
            },
        )
    } else {
        (TokenStream::new(), TokenStream::new(), TokenStream::new(), TokenStream::new())
    };
    let accessors = clients.iter().map(|c| {
        let f = ident(&c.module);
        let m = ident(&c.module);
        let doc = format!(" The client for source description `{}`.", client_label(c, program));
        quote! {
            #[doc = #doc]
            #[must_use]
            pub fn #f(&self) -> &#m::Client { &self.#f }
        }
    });
    let new_doc = format!(
        " One client per source description, in document order: {}.",
        clients
            .iter()
            .map(|c| format!("`{}`", client_label(c, program)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let methods = program
        .workflows
        .iter()
        .map(|w| workflow_method(w, &program.workflows, clients, &program.channels));
    let dispatcher = dispatcher(&program.workflows);
    let xpath = require_xpath(&program.workflows);
    let allow = super::lints::attrs(super::lints::WORKFLOWS);
    quote! {
        #xpath

        #(#channel_modules)*

        #(#types)*

        /// Runs the workflows of the Arazzo document. Cheap to clone.
        #[derive(::std::clone::Clone)]
        pub struct Workflows {
            #(#client_fields,)*
            #inbox_field
            poll: ::arazzo::PollPolicy,
            observer: ::std::option::Option<::arazzo::Observer>,
        }

        impl ::std::fmt::Debug for Workflows {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Workflows")
                    #(.field(::std::stringify!(#client_names), &self.#client_names))*
                    #(.field(::std::stringify!(#channel_names), &self.#channel_names))*
                    #inbox_debug
                    .field("poll", &self.poll)
                    .field("observer", &self.observer.is_some())
                    .finish()
            }
        }

        #allow
        impl Workflows {
            #[doc = #new_doc]
            #[must_use]
            pub fn new(#(#client_params),*) -> Self {
                Self { #(#client_names,)* #(#channel_names,)* #inbox_init poll: ::arazzo::PollPolicy::default(), observer: ::std::option::Option::None }
            }

            /// How long to wait before running a step again (a `goto` back to it), and the deadline.
            #[must_use]
            pub fn with_poll_policy(mut self, poll: ::arazzo::PollPolicy) -> Self {
                self.poll = poll;
                self
            }

            /// Receives every event of every run: step starts, HTTP exchanges, criteria, actions, waits.
            #[must_use]
            pub fn with_observer(mut self, observer: impl ::std::ops::Fn(&::arazzo::Event<'_>) + ::std::marker::Send + ::std::marker::Sync + 'static) -> Self {
                self.observer = ::std::option::Option::Some(::std::sync::Arc::new(observer));
                self
            }

            #(#accessors)*

            #(#channel_accessors)*

            #inbox_methods

            #(#methods)*

            #dispatcher
        }
    }
}

/// One `::arazzo::__require_xpath!` per `xpath` criterion and per `xpath` Selector Object. The
/// runtime, not the generator, knows whether it has an XPath engine; its macro turns each into
/// a compile error naming the criterion or selector when it does not. Documents without XPath
/// get nothing.
pub(crate) fn require_xpath(workflows: &[WorkflowIr]) -> TokenStream {
    let mut seen: Vec<String> = Vec::new();
    let mut selectors: Vec<String> = Vec::new();
    for w in workflows {
        let mut xpath_selector = |at: &str, v: &SelectorIr| {
            let what = format!("workflow `{}`, {at}: selector `{}`", w.id, v.selector);
            if v.kind == "xpath" && !selectors.contains(&what) {
                selectors.push(what);
            }
        };
        for o in &w.outputs {
            if let Some(v) = &o.selector {
                xpath_selector(&format!("output `{}`", o.field.json_name), v);
            }
        }
        for s in &w.steps {
            let at = format!("step `{}`", s.id);
            let placed: Vec<&SelectorIr> = match &s.call {
                StepCall::Operation { params, body, .. } => params
                    .iter()
                    .flat_map(|p| &p.selectors)
                    .chain(
                        body.iter()
                            .flat_map(|b| b.selectors.iter().chain(b.replacements.iter().flat_map(|r| &r.2))),
                    )
                    .map(|(_, v)| v)
                    .collect(),
                StepCall::Workflow { selectors, .. } => selectors.iter().map(|(_, v)| v).collect(),
                StepCall::Send { headers, selectors, .. } => {
                    headers.iter().flat_map(|p| &p.selectors).chain(selectors).map(|(_, v)| v).collect()
                }
                StepCall::Receive { .. } => Vec::new(),
            };
            for v in s.selectors.iter().map(|(_, v)| v).chain(placed) {
                xpath_selector(&at, v);
            }
        }
    }
    for w in workflows {
        for s in &w.steps {
            let actions = s.on_success.iter().chain(&s.on_failure);
            let criteria = s.success.iter().chain(actions.flat_map(|a| &a.criteria));
            for c in criteria.filter(|c| matches!(c.parsed, Criterion::XPath { .. })) {
                // Workflow-level actions are copied into each step: one error per step is enough.
                let what = format!("workflow `{}`, step `{}`: condition `{}`", w.id, s.id, c.condition);
                if !seen.contains(&what) {
                    seen.push(what);
                }
            }
        }
    }
    quote!(#(::arazzo::__require_xpath!(#seen);)* #(::arazzo::__require_xpath!(selector #selectors);)*)
}

fn io_types(w: &WorkflowIr, names: &dyn TypeNames) -> TokenStream {
    let inputs = format_ident!("{}Inputs", w.type_prefix);
    let outputs = format_ident!("{}Outputs", w.type_prefix);
    let input_fields = input_fields(&w.inputs, names);
    let output_fields = fields(&w.outputs.iter().map(|o| o.field.clone()).collect::<Vec<_>>(), names);
    let in_doc = format!(" Inputs of workflow `{}`.", w.id);
    let out_doc = format!(" Outputs of workflow `{}`.", w.id);
    let allow = super::lints::attrs(super::lints::WORKFLOW_TYPES);
    // Inputs that hold credentials get a `Debug` that hides them; others derive it.
    let (input_derive, input_debug) = if w.inputs.iter().any(|f| f.secret) {
        let entries = w.inputs.iter().map(|f| {
            let name = ident(&f.rust_name);
            let label = f.rust_name.trim_start_matches("r#");
            if f.secret {
                quote!(.field(#label, &::arazzo::Secret::new("")))
            } else {
                quote!(.field(#label, &self.#name))
            }
        });
        let label = inputs.to_string();
        (
            quote!(#[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::arazzo::serde::Serialize, ::arazzo::serde::Deserialize)]),
            quote! {
                /// Credentials (`format: password`, or named like one) show as `Secret(***)`.
                impl ::std::fmt::Debug for #inputs {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.debug_struct(#label) #(#entries)* .finish()
                    }
                }
            },
        )
    } else {
        (
            quote!(#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::arazzo::serde::Serialize, ::arazzo::serde::Deserialize)]),
            TokenStream::new(),
        )
    };
    quote! {
        #[doc = #in_doc]
        #allow
        #input_derive
        #[serde(crate = "::arazzo::serde")]
        pub struct #inputs { #input_fields }
        #input_debug

        #[doc = #out_doc]
        #allow
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::arazzo::serde::Serialize, ::arazzo::serde::Deserialize)]
        #[serde(crate = "::arazzo::serde")]
        pub struct #outputs { #output_fields }
    }
}

/// A step's or action's criteria, parsed: a `static` slice of `Check`s built once per process.
fn criteria(list: &[CriterionIr]) -> TokenStream {
    if list.is_empty() {
        return quote!(&[]);
    }
    let items: Vec<TokenStream> = list.iter().map(parsed::check).collect();
    parsed::static_slice("CRITERIA", quote!(::arazzo::__private::Check), &items)
}

fn workflow_doc(w: &WorkflowIr) -> String {
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
        "Arazzo workflow `{}`: steps {}.",
        w.id,
        w.steps.iter().map(|s| format!("`{}`", s.id)).collect::<Vec<_>>().join(" -> ")
    ));
    doc
}

/// A client's source name, under the Arazzo sources that lead to it
/// (`lib.pets` for source `pets` of the document named by source `lib`).
fn client_label(c: &ClientIr, program: &Program) -> String {
    let through = &c.source[..c.source.len().saturating_sub(1)];
    match program.workflows.iter().find(|w| w.document == through) {
        Some(w) if !through.is_empty() => {
            let prefix = w.reference.strip_prefix("$sourceDescriptions.").unwrap_or(&w.reference);
            let prefix = &prefix[..prefix.len() - w.id.len()];
            format!("{prefix}{}", c.source_name)
        }
        _ => c.source_name.clone(),
    }
}

/// The name of the JSON-level method that runs a workflow; workflow calls,
/// `goto` and `dependsOn` use it, and the typed method wraps it.
fn run_method(w: &WorkflowIr) -> Ident {
    format_ident!("run_{}", w.method)
}

/// The run as a plain `async fn`, which the typed method awaits without a box.
fn unboxed_run_method(w: &WorkflowIr) -> Ident {
    format_ident!("unboxed_run_{}", w.method)
}

/// `run_by_id`: a workflow chosen at run time, with JSON inputs and outputs
/// (test harnesses, CLIs).
fn dispatcher(workflows: &[WorkflowIr]) -> TokenStream {
    let arms = workflows.iter().map(|w| {
        let id = &w.reference;
        let run = run_method(w);
        quote!(#id => self.#run(inputs, 0).await,)
    });
    quote! {
        /// Runs the workflow with this `workflowId` on JSON inputs and returns its outputs as JSON.
        ///
        /// # Errors
        ///
        /// [`::arazzo::WorkflowError::InvalidValue`] for an id the document does not have; otherwise
        /// whatever the workflow's run fails with.
        pub async fn run_by_id(&self, workflow_id: &str, inputs: ::arazzo::serde_json::Value) -> ::std::result::Result<::arazzo::Outputs, ::arazzo::WorkflowError> {
            match workflow_id {
                #(#arms)*
                other => ::std::result::Result::Err(::arazzo::WorkflowError::InvalidValue {
                    workflow: other.to_owned(),
                    step: ::std::option::Option::None,
                    name: "workflowId".to_owned(),
                    expression: other.to_owned(),
                    message: "no workflow with this id in the document".to_owned(),
                }),
            }
        }
    }
}

fn workflow_method(w: &WorkflowIr, all: &[WorkflowIr], clients: &[ClientIr], channels: &[ChannelClientIr]) -> TokenStream {
    let method = ident(&w.method);
    let run_fn = run_method(w);
    let secret_names: Vec<&str> = w.inputs.iter().filter(|f| f.secret).map(|f| f.json_name.as_str()).collect();
    let secret_inputs = if secret_names.is_empty() {
        TokenStream::new()
    } else {
        quote!(.with_secret_inputs(&[#(#secret_names),*]))
    };
    let inputs = format_ident!("{}Inputs", w.type_prefix);
    let outputs = format_ident!("{}Outputs", w.type_prefix);
    let id = &w.id;
    let doc = doc_attr(Some(&format!(
        "{}\n\n# Errors\n\nA [`::arazzo::WorkflowError`] naming the step that failed and why: criteria not met, no answer, \
         a timeout while polling, a value the description's types do not admit.",
        workflow_doc(w)
    )));
    let run_doc = doc_attr(Some(&format!(
        "Runs workflow `{id}` on JSON inputs; `depth` is 0 for a top-level run (nested runs stop past `arazzo::MAX_DEPTH`).\n\n# Errors\n\nAs the typed method, and [`::arazzo::WorkflowError::TooDeep`] past `arazzo::MAX_DEPTH`."
    )));
    let variants: Vec<Ident> = w.steps.iter().map(|s| ident(&s.variant)).collect();
    // `$sourceDescriptions.<name>.url`: the `url` of a source description
    // of the workflow's own document, as written ("A URL to a source
    // description"), not where its client sends requests.
    let sources = w.sources.iter().map(|(name, url)| quote!((#name, #url.to_owned())));
    let output_fields = w.outputs.iter().map(|o| {
        let name = ident(&o.field.rust_name);
        let json = &o.field.json_name;
        let expr = &o.expression;
        quote!(#name: ::arazzo::__private::output(#id, &outputs, #json, #expr)?)
    });
    // A workflow without outputs has nothing to read back (and no unused binding).
    // The typed method awaits the run unboxed; only `#run_fn` (nested calls, `run_by_id`)
    // boxes it, which a recursive call between workflows needs.
    let unboxed_fn = unboxed_run_method(w);
    let run_call = if w.outputs.is_empty() {
        quote!(self.#unboxed_fn(inputs, 0).await?;)
    } else {
        quote!(let outputs = self.#unboxed_fn(inputs, 0).await?;)
    };
    let finish = parsed::outputs(
        w.outputs
            .iter()
            .filter_map(|o| Some((o.field.json_name.as_str(), o.parsed.as_ref()?))),
    );
    let select_finish = select_outputs(w, true);
    let with_self = match &w.self_uri {
        Some(uri) => quote!(.with_self(#uri)),
        None => TokenStream::new(),
    };
    let depends = w.depends_on.iter().filter_map(|d| all.get(*d)).map(|d| {
        let dep_id = &d.id;
        let dep_run = run_method(d);
        quote! {
            let inputs = run.inputs().clone();
            let outputs = run.within(self.#dep_run(inputs.clone(), depth + 1)).await?;
            run.workflow_finished(#dep_id, inputs, outputs);
        }
    });
    let uses_return = w.steps.iter().any(|s| {
        s.on_failure.iter().chain(&s.on_success).any(|a| {
            matches!(
                a.kind,
                ActionKindIr::Retry {
                    then: Some(Target::Step(_)),
                    ..
                }
            )
        })
    });
    // Declared before the run's statements: clippy's `items_after_statements`.
    let step_enum = (!variants.is_empty()).then(|| {
        quote! {
            #[derive(::std::clone::Clone, ::std::marker::Copy, ::std::fmt::Debug, ::std::cmp::PartialEq, ::std::cmp::Eq)]
            enum Step { #(#variants),* }
        }
    });
    let (arms, step_fns): (Vec<TokenStream>, Vec<TokenStream>) = w
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| step_fn(w, all, i, s, clients, channels, uses_return))
        .unzip();
    let machine = match variants.first() {
        Some(first) => {
            let return_to = if uses_return {
                quote! {
                    // Set by a `retry` that runs another step first: where to come back to.
                    let mut return_to: ::std::option::Option<Step> = ::std::option::Option::None;
                }
            } else {
                TokenStream::new()
            };
            quote! {
                #return_to
                let mut step = Step::#first;
                loop {
                    // One `await` for every step: each step's future is its own function's.
                    let next = match step {
                        #(#arms)*
                    };
                    match next.await? {
                        ::std::option::Option::Some(next) => step = next,
                        ::std::option::Option::None => break,
                    }
                }
            }
        }
        None => TokenStream::new(),
    };
    // With one step, every arm of the `match` ends the run, so the
    // assignment of the next step is unreachable.
    let allow = if w.steps.len() == 1 {
        quote!(#[allow(
            unreachable_code,
            unused_mut,
            clippy::never_loop,
            reason = "with one step the step loop may never loop: every arm can end the run"
        )])
    } else {
        TokenStream::new()
    };
    quote! {
        #doc
        pub async fn #method(&self, inputs: #inputs) -> ::std::result::Result<#outputs, ::arazzo::WorkflowError> {
            let inputs = ::arazzo::serde_json::to_value(&inputs).map_err(|e| ::arazzo::WorkflowError::InvalidValue {
                workflow: #id.to_owned(),
                step: ::std::option::Option::None,
                name: "inputs".to_owned(),
                expression: "$inputs".to_owned(),
                message: e.to_string(),
            })?;
            #run_call
            ::std::result::Result::Ok(#outputs { #(#output_fields,)* })
        }

        #run_doc
        #[must_use]
        pub fn #run_fn(&self, inputs: ::arazzo::serde_json::Value, depth: u32) -> ::arazzo::BoxFuture<'_, ::std::result::Result<::arazzo::Outputs, ::arazzo::WorkflowError>> {
            ::std::boxed::Box::pin(self.#unboxed_fn(inputs, depth))
        }

        #allow
        async fn #unboxed_fn(&self, inputs: ::arazzo::serde_json::Value, depth: u32) -> ::std::result::Result<::arazzo::Outputs, ::arazzo::WorkflowError> {
            #step_enum
            #(#step_fns)*
            ::arazzo::__private::check_depth(#id, depth)?;
            let sources = [#(#sources),*];
            let mut run = ::arazzo::__private::Run::new(#id, &self.poll, self.observer.as_ref(), inputs, &sources) #secret_inputs #with_self;
            #(#depends)*
            #machine
            #select_finish
            run.finish(#finish)
        }
    }
}

fn param_spec(p: &ParamIr) -> TokenStream {
    let name = &p.name;
    let (location, default_style) = match p.location {
        Location::Path => (quote!(Path), StyleIr::Simple),
        Location::Query => (quote!(Query), StyleIr::Form),
        Location::Header => (quote!(Header), StyleIr::Simple),
        Location::Cookie => (quote!(Cookie), StyleIr::Form),
        Location::QueryString { preformatted } => (quote!(QueryString { preformatted: #preformatted }), StyleIr::Form),
    };
    let mut spec = quote!(::arazzo::__private::ParamSpec::new(::arazzo::__private::In::#location, #name));
    if p.style != default_style {
        let style = match p.style {
            StyleIr::Matrix => quote!(Matrix),
            StyleIr::Label => quote!(Label),
            StyleIr::Form => quote!(Form),
            StyleIr::Simple => quote!(Simple),
            StyleIr::SpaceDelimited => quote!(SpaceDelimited),
            StyleIr::PipeDelimited => quote!(PipeDelimited),
            StyleIr::DeepObject => quote!(DeepObject),
        };
        spec = quote!(#spec.style(::arazzo::__private::Style::#style));
    }
    if p.explode != (p.style == StyleIr::Form) {
        let explode = p.explode;
        spec = quote!(#spec.explode(#explode));
    }
    if p.required && p.location != Location::Path {
        spec = quote!(#spec.required());
    }
    spec
}

/// The statements that send a step's operation request.
fn operation_request(s: &StepIr, clients: &[ClientIr]) -> TokenStream {
    let StepCall::Operation {
        client,
        method,
        path,
        params,
        body,
    } = &s.call
    else {
        return TokenStream::new();
    };
    let id = &s.id;
    let method_text = method.as_str();
    let method = ident(method);
    let client = clients
        .get(*client)
        .map(|c| ident(&c.module))
        .unwrap_or_else(|| ident("missing_client"));
    let params = params.iter().map(|p| {
        let spec = param_spec(p);
        let value = parsed::template_static(&p.value);
        if p.selectors.is_empty() {
            quote!(let request = run.param(#id, request, &#spec, #value)?;)
        } else {
            let selectors = placed_selectors(&p.selectors);
            quote!(let request = run.param_with(#id, request, &#spec, #value, #selectors)?;)
        }
    });
    let body = body.as_ref().map(|b| {
        let template = parsed::template_static(&b.payload);
        let built = if b.selectors.is_empty() {
            quote!(run.payload(#id, #template)?)
        } else {
            let selectors = placed_selectors(&b.selectors);
            quote!(run.payload_with(#id, #template, #selectors)?)
        };
        let payload = if b.replacements.is_empty() {
            quote!(let payload = #built;)
        } else {
            let plain = b.replacements.iter().all(|(_, _, s)| s.is_empty());
            let replacements: Vec<TokenStream> = b
                .replacements
                .iter()
                .map(|(target, value, selectors)| {
                    let target = parsed::json_pointer(target);
                    let value = parsed::template(value);
                    if plain {
                        quote!((#target, #value))
                    } else {
                        let selectors = selectors.iter().map(|(pointer, v)| placed(pointer, v));
                        quote!((#target, #value, vec![#(#selectors),*]))
                    }
                })
                .collect();
            if plain {
                let list = parsed::static_slice(
                    "REPLACEMENTS",
                    quote!((::arazzo::__private::parsed::JsonPointer, ::arazzo::__private::Template)),
                    &replacements,
                );
                quote!(let payload = run.replace(#id, #built, #list)?;)
            } else {
                let list = parsed::static_slice("REPLACEMENTS", quote!(::arazzo::__private::Replacement), &replacements);
                quote!(let payload = run.replace_with(#id, #built, #list)?;)
            }
        };
        let content_type = &b.content_type;
        let attach = match b.kind {
            BodyKind::Json => quote!(let request = request.json_payload(&payload);),
            BodyKind::Form => quote!(let request = request.form(::arazzo::__private::Run::form_pairs(payload));),
            BodyKind::Multipart => quote!(let request = request.multipart_payload(payload);),
            BodyKind::Text => quote!(let request = request.text(#content_type, ::arazzo::__private::Run::text_payload(payload));),
        };
        quote!(#payload #attach)
    });
    quote! {
        let request = run.request(::arazzo::Method::#method, #path).responses(#client::__shapes::lookup(#method_text, #path));
        #(#params)*
        #body
        run.send(#id, this.#client.http(), request).await?;
    }
}

/// The statements that post a `send` step's message to its channel's address.
fn send_message(s: &StepIr, channels: &[ChannelClientIr]) -> TokenStream {
    let StepCall::Send {
        channel,
        address,
        content_type,
        headers,
        payload,
        selectors,
    } = &s.call
    else {
        return TokenStream::new();
    };
    let id = &s.id;
    let field = channels.get(*channel).map_or_else(|| ident("missing_channel"), |c| ident(&c.field));
    let headers = headers.iter().map(|p| {
        let spec = param_spec(p);
        let value = parsed::template_static(&p.value);
        if p.selectors.is_empty() {
            quote!(let request = run.param(#id, request, &#spec, #value)?;)
        } else {
            let selectors = placed_selectors(&p.selectors);
            quote!(let request = run.param_with(#id, request, &#spec, #value, #selectors)?;)
        }
    });
    let body = payload.as_ref().map(|template| {
        let template = parsed::template_static(template);
        let built = if selectors.is_empty() {
            quote!(run.payload(#id, #template)?)
        } else {
            let selectors = placed_selectors(selectors);
            quote!(run.payload_with(#id, #template, #selectors)?)
        };
        let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if essence.ends_with("json") {
            quote! {
                let payload = #built;
                let request = request.json_payload(&payload);
            }
        } else {
            quote! {
                let payload = #built;
                let request = request.text(#content_type, ::arazzo::__private::Run::text_payload(payload));
            }
        }
    });
    quote! {
        let request = run.request(::arazzo::Method::POST, #address);
        #(#headers)*
        #body
        run.send(#id, &this.#field, request).await?;
    }
}

/// Runs another workflow of the document with the current run's inputs and
/// records it for `$workflows` (a `goto` or `retry` to a workflow).
fn run_workflow(all: &[WorkflowIr], target: usize) -> TokenStream {
    let Some(t) = all.get(target) else {
        return TokenStream::new();
    };
    let target_id = &t.id;
    let run_fn = run_method(t);
    quote! {
        let inputs = run.inputs().clone();
        let outputs = run.within(this.#run_fn(inputs.clone(), depth + 1)).await?;
        run.workflow_finished(#target_id, inputs, outputs);
    }
}

/// `return Ok(None)` from a step's function: the run ends successfully.
fn end_run() -> TokenStream {
    quote!(return ::std::result::Result::Ok(::std::option::Option::None);)
}

/// Whether a step's own code calls another workflow (and so needs the run's `depth`).
fn calls_workflow(s: &StepIr) -> bool {
    matches!(s.call, StepCall::Workflow { .. })
        || s.on_success.iter().chain(&s.on_failure).any(|a| {
            matches!(
                a.kind,
                ActionKindIr::Goto(Target::Workflow(_))
                    | ActionKindIr::Retry {
                        then: Some(Target::Workflow(_)),
                        ..
                    }
            )
        })
}

/// One step as its own function returning a boxed future, and the `match` arm of the run
/// loop that calls it. Separate functions keep compile time linear in the number of steps:
/// one `async` block holding every step made rustc's work on it grow with the square of
/// their number (400 steps: 133 s and 5.9 GB to `cargo check`).
#[allow(clippy::too_many_arguments, reason = "the emitter's context, passed down as it is")]
fn step_fn(
    w: &WorkflowIr,
    all: &[WorkflowIr],
    index: usize,
    s: &StepIr,
    clients: &[ClientIr],
    channels: &[ChannelClientIr],
    uses_return: bool,
) -> (TokenStream, TokenStream) {
    let variant = ident(&s.variant);
    let name = format_ident!("step_{index}");
    let body = step_body(w, all, index, s, clients, channels, uses_return);
    let (depth_param, depth_arg) = if calls_workflow(s) {
        (quote!(depth: u32,), quote!(depth,))
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let (return_param, return_arg) = if uses_return {
        (quote!(return_to: &'r mut ::std::option::Option<Step>,), quote!(&mut return_to,))
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let doc = format!(" Step `{}`: the next step, or `None` when the run ends here.", s.id);
    let item = quote! {
        #[doc = #doc]
        #[allow(clippy::needless_return, reason = "the same `return` ends or fails the run from any branch of a step")]
        fn #name<'r>(
            this: &'r Workflows,
            run: &'r mut ::arazzo::__private::Run<'_>,
            #return_param
            #depth_param
        ) -> ::arazzo::BoxFuture<'r, ::std::result::Result<::std::option::Option<Step>, ::arazzo::WorkflowError>> {
            ::std::boxed::Box::pin(async move #body)
        }
    };
    let arm = quote!(Step::#variant => #name(self, &mut run, #return_arg #depth_arg),);
    (arm, item)
}

/// A step's code: a block whose value is `Ok(Some(next step))`; it returns `Ok(None)` to
/// end the run and `Err` to fail it.
#[allow(clippy::too_many_arguments, reason = "the emitter's context, passed down as it is")]
fn step_body(
    w: &WorkflowIr,
    all: &[WorkflowIr],
    index: usize,
    s: &StepIr,
    clients: &[ClientIr],
    channels: &[ChannelClientIr],
    uses_return: bool,
) -> TokenStream {
    let id = &s.id;
    let end_run = end_run();
    let (send, succeeded) = match &s.call {
        StepCall::Operation { .. } => (operation_request(s, clients), TokenStream::new()),
        StepCall::Send { .. } => (send_message(s, channels), quote!(run.delivered() &&)),
        StepCall::Receive {
            address,
            correlation,
            kinds,
            timeout_ms,
        } => {
            let correlation = match correlation {
                Some((location, part, id)) => {
                    let (part, id) = (parsed::message_part(part), parsed::expr(id));
                    quote!(Some(Correlation { location: #location, part: #part, id: #id }))
                }
                None => quote!(None),
            };
            let kinds = kinds.iter().map(|constants| {
                let pairs = constants.iter().map(|(pointer, value)| {
                    let (pointer, value) = (parsed::json_pointer(pointer), parsed::json_value(value));
                    quote!((#pointer, #value))
                });
                quote!(vec![#(#pairs),*])
            });
            let timeout = match timeout_ms {
                Some(ms) => quote!(Some(#ms)),
                None => quote!(None),
            };
            let spec = parsed::static_value(
                "RECEIVE",
                quote!(::arazzo::__private::ReceiveSpec),
                quote!(::arazzo::__private::ReceiveSpec {
                    address: #address,
                    correlation: #correlation,
                    kinds: vec![#(#kinds),*],
                    timeout_ms: #timeout,
                }),
            );
            (
                quote! {
                    let received = run.receive(#id, &this.inbox, #spec).await?;
                },
                quote!(received &&),
            )
        }
        StepCall::Workflow {
            workflow,
            inputs,
            selectors,
        } => {
            let Some(callee) = all.get(*workflow) else {
                return TokenStream::new();
            };
            let callee_id = &callee.id;
            let run_fn = run_method(callee);
            let inputs = parsed::template_static(inputs);
            let inputs = if selectors.is_empty() {
                quote!(run.call_inputs(#id, #inputs)?)
            } else {
                let selectors = placed_selectors(selectors);
                quote!(run.call_inputs_with(#id, #inputs, #selectors)?)
            };
            (
                if s.timeout.is_some() {
                    quote! {
                        let inputs = #inputs;
                        let result = run.call_within(#id, this.#run_fn(inputs.clone(), depth + 1)).await;
                        run.called(#id, #callee_id, inputs, result);
                    }
                } else {
                    quote! {
                        let inputs = #inputs;
                        let result = run.within(this.#run_fn(inputs.clone(), depth + 1)).await;
                        run.called(#id, #callee_id, inputs, result);
                    }
                },
                quote!(run.call_succeeded() &&),
            )
        }
    };
    let success = criteria(&s.success);
    let outputs = parsed::outputs(s.outputs.iter().map(|(k, v)| (k.as_str(), v)));
    let record = if s.selectors.is_empty() {
        quote!(run.step_succeeded(#id, #outputs)?;)
    } else {
        let selectors = named_selectors(s.selectors.iter().map(|(k, v)| (k, v)));
        quote!(run.step_succeeded_with(#id, #outputs, #selectors)?;)
    };
    // A step's `timeout` starts at its first run (retries keep the clock) and a timed-out
    // step fails whatever its criteria say.
    let (limit, succeeded) = match s.timeout {
        Some(ms) => (quote!(run.limit(#ms);), quote!(!run.timed_out() && #succeeded)),
        None => (TokenStream::new(), succeeded),
    };
    let next_default = match w.steps.get(index + 1) {
        Some(next) => {
            let next_variant = ident(&next.variant);
            let next_id = &next.id;
            quote! {
                run.action(#id, ::std::option::Option::None, ::arazzo::ActionKind::Next, ::std::option::Option::Some(#next_id));
                ::std::result::Result::Ok(::std::option::Option::Some(Step::#next_variant))
            }
        }
        None => quote! {
            run.action(#id, ::std::option::Option::None, ::arazzo::ActionKind::End, ::std::option::Option::None);
            #end_run
        },
    };
    let mut success_chain = action_chain(w, all, s, &s.on_success, next_default, false);
    if uses_return {
        let rest = else_branch(success_chain);
        success_chain = Chain {
            tokens: quote! {
                if let ::std::option::Option::Some(back) = return_to.take() {
                    ::std::result::Result::Ok(::std::option::Option::Some(back))
                } else #rest
            },
            is_if: true,
        };
    }
    let failure_chain = else_branch(action_chain(
        w,
        all,
        s,
        &s.on_failure,
        quote!(return ::std::result::Result::Err(run.step_failed(#id));),
        true,
    ));
    let success_chain = success_chain.tokens;
    // Before anything is built or sent: a `goto` may reach the step before its dependency.
    let depends = if s.depends_on.is_empty() {
        TokenStream::new()
    } else {
        let deps = &s.depends_on;
        quote!(run.depends_on(#id, &[#(#deps),*])?;)
    };
    quote! {
        {
            run.enter(#id).await?;
            #depends
            #limit
            #send
            if #succeeded run.criteria(#id, #success)? {
                #record
                #success_chain
            } else #failure_chain
        }
    }
}

/// A Selector Object as `Select::new(SelectorSpec { .. }, context, selector)` (in a `static`).
fn select(v: &SelectorIr) -> TokenStream {
    let (context, selector, kind) = (&v.context, &v.selector, &v.kind);
    let version = match &v.version {
        Some(version) => quote!(Some(#version)),
        None => quote!(None),
    };
    let parsed_context = parsed::expr(&v.context_parsed);
    let parsed_selector = parsed::selector(&v.selector_parsed);
    quote!(Select::new(SelectorSpec { context: #context, selector: #selector, kind: #kind, version: #version }, #parsed_context, #parsed_selector))
}

/// `(pointer, Select)`, in a `static`.
fn placed(pointer: &arazzo_expr::JsonPointer, v: &SelectorIr) -> TokenStream {
    let (pointer, select) = (parsed::json_pointer(pointer), select(v));
    quote!((#pointer, #select))
}

/// A `static` slice of `(pointer, Select)` for a value's Selector Objects.
fn placed_selectors(selectors: &[PlacedSelector]) -> TokenStream {
    let items: Vec<TokenStream> = selectors.iter().map(|(pointer, v)| placed(pointer, v)).collect();
    parsed::static_slice(
        "SELECTORS",
        quote!((::arazzo::__private::parsed::JsonPointer, ::arazzo::__private::Select)),
        &items,
    )
}

/// A `static` slice of `(output name, Select)`.
fn named_selectors<'a>(selectors: impl IntoIterator<Item = (&'a String, &'a SelectorIr)>) -> TokenStream {
    let items: Vec<TokenStream> = selectors
        .into_iter()
        .map(|(name, v)| {
            let select = select(v);
            quote!((#name, #select))
        })
        .collect();
    parsed::static_slice("SELECTORS", quote!((&'static str, ::arazzo::__private::Select)), &items)
}

/// `run.select_outputs(..)` for a workflow's outputs that are Selector Objects (nothing
/// when it has none); `strict`: whether one that cannot be evaluated fails the run.
fn select_outputs(w: &WorkflowIr, strict: bool) -> TokenStream {
    let selectors: Vec<(&String, &SelectorIr)> = w
        .outputs
        .iter()
        .filter_map(|o| Some((&o.field.json_name, o.selector.as_ref()?)))
        .collect();
    if selectors.is_empty() {
        return TokenStream::new();
    }
    let selectors = named_selectors(selectors);
    quote!(run.select_outputs(#selectors, #strict)?;)
}

/// Statements, or an `if` expression (which an `else` takes without braces:
/// clippy's `collapsible_else_if`).
struct Chain {
    tokens: TokenStream,
    is_if: bool,
}

/// What follows `else`: an `if` chain as it is, anything else in braces.
fn else_branch(chain: Chain) -> TokenStream {
    let tokens = chain.tokens;
    if chain.is_if { tokens } else { quote!({ #tokens }) }
}

/// `if criteria(a1) { ... } else if criteria(a2) { ... } else { default }`:
/// the first action whose criteria all hold wins (Arazzo 1.0.1).
fn action_chain(w: &WorkflowIr, all: &[WorkflowIr], s: &StepIr, actions: &[ActionIr], default: TokenStream, failure: bool) -> Chain {
    let id = &s.id;
    let end_run = end_run();
    let mut chain = Chain {
        tokens: default,
        is_if: false,
    };
    for action in actions.iter().rev() {
        let name = &action.name;
        let crit = criteria(&action.criteria);
        let (condition, body) = match &action.kind {
            ActionKindIr::End => {
                let end = if failure {
                    let outputs = parsed::outputs(
                        w.outputs
                            .iter()
                            .filter_map(|o| Some((o.field.json_name.as_str(), o.parsed.as_ref()?))),
                    );
                    let select = select_outputs(w, false);
                    quote!(#select return ::std::result::Result::Err(run.ended(#id, #name, #outputs));)
                } else {
                    end_run.clone()
                };
                (
                    quote!(run.criteria(#id, #crit)?),
                    quote! {
                        run.action(#id, ::std::option::Option::Some(#name), ::arazzo::ActionKind::End, ::std::option::Option::None);
                        #end
                    },
                )
            }
            ActionKindIr::Goto(Target::Step(target)) => {
                let Some(t) = w.steps.get(*target) else { continue };
                let variant = ident(&t.variant);
                let target_id = &t.id;
                (
                    quote!(run.criteria(#id, #crit)?),
                    quote! {
                        run.action(#id, ::std::option::Option::Some(#name), ::arazzo::ActionKind::Goto, ::std::option::Option::Some(#target_id));
                        ::std::result::Result::Ok(::std::option::Option::Some(Step::#variant))
                    },
                )
            }
            ActionKindIr::Goto(Target::Workflow(target)) => {
                let Some(t) = all.get(*target) else { continue };
                let target_id = &t.id;
                let call = run_workflow(all, *target);
                // Control passes to the other workflow; when it finishes,
                // so does this one (its outputs are evaluated as they stand).
                (
                    quote!(run.criteria(#id, #crit)?),
                    quote! {
                        run.action(#id, ::std::option::Option::Some(#name), ::arazzo::ActionKind::Goto, ::std::option::Option::Some(#target_id));
                        #call
                        #end_run
                    },
                )
            }
            ActionKindIr::Retry { after, limit, then } => {
                let variant = ident(&s.variant);
                let after = match after {
                    Some(a) => quote!(::std::option::Option::Some(#a)),
                    None => quote!(::std::option::Option::None),
                };
                let body = match then {
                    None => quote!(::std::result::Result::Ok(::std::option::Option::Some(Step::#variant))),
                    Some(Target::Step(target)) => {
                        let Some(t) = w.steps.get(*target) else { continue };
                        let target_variant = ident(&t.variant);
                        quote! {
                            *return_to = ::std::option::Option::Some(Step::#variant);
                            ::std::result::Result::Ok(::std::option::Option::Some(Step::#target_variant))
                        }
                    }
                    Some(Target::Workflow(target)) => {
                        let call = run_workflow(all, *target);
                        quote! {
                            #call
                            ::std::result::Result::Ok(::std::option::Option::Some(Step::#variant))
                        }
                    }
                };
                (
                    quote!(run.criteria(#id, #crit)? && run.retry(#id, #name, #limit, #after).await),
                    body,
                )
            }
        };
        let rest = else_branch(chain);
        chain = Chain {
            tokens: quote! {
                if #condition {
                    #body
                } else #rest
            },
            is_if: true,
        };
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::parsed;

    #[test]
    fn templates_keep_member_order_and_classify_strings() {
        use crate::ir::{TemplateIr, ValueIr};
        let text = |t: &str| {
            TemplateIr::Text(ValueIr {
                text: t.to_owned(),
                parsed: arazzo_expr::classify(t).expect("parses"),
            })
        };
        let template = TemplateIr::Object(vec![
            ("z".to_owned(), text("$inputs.x")),
            (
                "a".to_owned(),
                TemplateIr::Array(vec![
                    TemplateIr::Scalar(serde_json::json!(1)),
                    text("{$steps.s.outputs.o}/x"),
                    TemplateIr::Scalar(serde_json::Value::Null),
                ]),
            ),
            ("m".to_owned(), text("plain")),
        ]);
        let tokens = parsed::template(&template).to_string();
        let z = tokens.find("\"z\"").expect("z");
        let a = tokens.find("\"a\"").expect("a");
        assert!(z < a, "members keep the spec's order: {tokens}");
        assert!(tokens.contains("Expr :: expression"), "{tokens}");
        assert!(tokens.contains("Expr :: template"), "{tokens}");
        assert!(tokens.contains("Expr :: literal (\"plain\")"), "{tokens}");
        assert!(tokens.contains("Value :: Number (Number :: from (1u64))"), "{tokens}");
    }
}
