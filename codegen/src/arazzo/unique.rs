//! Makes every name the lowering chose unique in the Rust namespace it lands in.
//!
//! Spec names are unique as written, but not after case conversion: workflows `get-pet`
//! and `getPet` both want `get_pet` and `GetPetInputs`, steps `s1` and `S1` both want
//! the variant `S1`, sources `pet-store` and `petStore` the module `pet_store`. Left alone
//! that is generated code that does not compile while `check` says ok. This pass runs
//! once on the whole program (after the programs of Arazzo sources are merged in, so
//! their prefixed names take part) and renames later duplicates with a numbered suffix
//! (`names::Namespace`); the first in document order keeps its name. The type and
//! operation emitters do the same for schema and operation names.

use crate::ir::Program;
use crate::names::Namespace;

/// Methods and fields of the generated `Workflows` that are not workflows or clients.
const WORKFLOWS_METHODS: &[&str] = &["new", "with_poll_policy", "with_observer", "run_by_id"];
const WORKFLOWS_FIELDS: &[&str] = &["poll", "observer"];
/// Items next to the client modules and the workflows' input and output types.
const TOP_LEVEL: &[&str] = &["Workflows"];

pub fn make_unique(program: &mut Program) {
    // Client modules are also fields and accessor methods of `Workflows`, so they
    // share the methods' namespace with the workflows.
    let mut modules = Namespace::with_reserved(&[TOP_LEVEL, WORKFLOWS_FIELDS, WORKFLOWS_METHODS].concat());
    for client in &mut program.clients {
        client.module = modules.claim(&client.module);
    }
    let accessors: Vec<&str> = program.clients.iter().map(|c| c.module.as_str()).collect();
    let mut methods = Namespace::with_reserved(&[WORKFLOWS_METHODS, &accessors].concat());
    let mut types = Namespace::with_reserved(TOP_LEVEL);
    for workflow in &mut program.workflows {
        workflow.method = methods.claim_with(&workflow.method, |m| vec![format!("run_{m}")]);
        workflow.type_prefix = types.claim_with(&workflow.type_prefix, |p| vec![format!("{p}Inputs"), format!("{p}Outputs")]);
        let mut inputs = Namespace::default();
        for field in &mut workflow.inputs {
            field.rust_name = inputs.claim(&field.rust_name);
        }
        let mut outputs = Namespace::default();
        for output in &mut workflow.outputs {
            output.field.rust_name = outputs.claim(&output.field.rust_name);
        }
        let mut variants = Namespace::default();
        for step in &mut workflow.steps {
            step.variant = variants.claim(&step.variant);
        }
    }
}
