//! Puts the pieces of one generation together: a client module per OpenAPI
//! source (with its type space) and the workflows that use them.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::emit::client::emit_client_with;
use crate::emit::types::TypeSpace;
use crate::emit::workflow::{self, TypeNames};
use crate::ir::Program;
use crate::load::Loaded;
use crate::openapi::{OpenApi, SchemaRef};

struct Spaces<'a> {
    /// (module name, type space) per client, in `Program::clients` order.
    clients: Vec<(Ident, TypeSpace<'a>)>,
}

impl TypeNames for Spaces<'_> {
    fn schema_type(&self, client: usize, schema: &SchemaRef) -> TokenStream {
        match self.clients.get(client) {
            Some((module, space)) => space.rust_type_in(schema, &quote!(#module::types)),
            None => quote!(::arazzo::serde_json::Value),
        }
    }

    fn schema_type_non_null(&self, client: usize, schema: &SchemaRef) -> TokenStream {
        match self.clients.get(client) {
            Some((module, space)) => space.rust_type_in_non_null(schema, &quote!(#module::types)),
            None => quote!(::arazzo::serde_json::Value),
        }
    }
}

/// Clients and workflows for a lowered Arazzo document.
pub fn generate_program(loaded: &Loaded, program: &Program) -> TokenStream {
    let mut spaces = Spaces { clients: Vec::new() };
    let mut clients = Vec::new();
    for client in &program.clients {
        let Some(api) = loaded.source_at(&client.source).and_then(|s| s.api.as_ref()) else {
            continue;
        };
        let module = Ident::new(&client.module, Span::call_site());
        let space = TypeSpace::for_operations(api, client.operations.as_deref());
        clients.push(emit_client_with(api, &module, client.operations.as_deref(), &space));
        spaces.clients.push((module, space));
    }
    let workflows = workflow::emit(program, &spaces);
    let version = require_runtime();
    quote! {
        #version
        #(#clients)*
        #workflows
    }
}

/// A full typed client for an OpenAPI description on its own (SDK mode).
pub fn generate_client_only(api: &OpenApi, module: &str) -> TokenStream {
    let module = Ident::new(module, Span::call_site());
    let space = TypeSpace::for_operations(api, None);
    let client = emit_client_with(api, &module, None, &space);
    let version = require_runtime();
    quote! {
        #version
        #client
    }
}

/// `::arazzo::__require_runtime!("<this generator's version>");`: generated code
/// calls runtime plumbing that changes between releases, so it compiles only
/// against the `arazzo` released with this generator (the same version), and
/// otherwise fails with a message naming both versions instead of a type error
/// deep inside generated code. The runtime defines the macro (`runtime/src/lib.rs`).
fn require_runtime() -> TokenStream {
    let version = env!("CARGO_PKG_VERSION");
    quote!(::arazzo::__require_runtime!(#version);)
}
