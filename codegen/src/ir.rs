//! The workflow IR: what the emitter needs, with every name resolved.
//!
//! Lowering produces this from a document that checked clean; emission reads
//! only this (and the OpenAPI model for types), never the YAML. Steps refer
//! to each other by index, so a `goto` to a step that does not exist cannot
//! be represented, let alone emitted.

use crate::openapi::SchemaRef;

#[derive(Debug, Clone)]
pub struct Program {
    pub clients: Vec<ClientIr>,
    pub workflows: Vec<WorkflowIr>,
}

/// One typed client module per OpenAPI source description.
#[derive(Debug, Clone)]
pub struct ClientIr {
    pub source_name: String,
    pub module: String,
    /// Index into `Loaded::sources`.
    pub source: usize,
    /// Operations to generate (indices into the API's operations); `None` = all.
    pub operations: Option<Vec<usize>>,
}

/// A Rust type, resolved later against the client's type space.
#[derive(Debug, Clone, PartialEq)]
pub enum RustType {
    String,
    Integer,
    Number,
    Boolean,
    Json,
    Schema { client: usize, schema: SchemaRef },
    Option(Box<RustType>),
    Vec(Box<RustType>),
}

impl RustType {
    pub fn optional(self) -> RustType {
        match self {
            RustType::Option(_) => self,
            other => RustType::Option(Box::new(other)),
        }
    }

    pub fn is_option(&self) -> bool {
        matches!(self, RustType::Option(_))
    }
}

#[derive(Debug, Clone)]
pub struct FieldIr {
    pub json_name: String,
    pub rust_name: String,
    pub ty: RustType,
    pub doc: Option<String>,
}

#[derive(Debug, Clone)]
pub struct OutputIr {
    pub field: FieldIr,
    pub expression: String,
}

#[derive(Debug, Clone)]
pub struct WorkflowIr {
    pub id: String,
    pub method: String,
    pub type_prefix: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub inputs: Vec<FieldIr>,
    pub outputs: Vec<OutputIr>,
    pub steps: Vec<StepIr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueIr {
    /// A string from the spec: a literal, an expression or a template,
    /// evaluated at run time by `arazzo::Run::parameter`.
    Text(String),
    /// A non-string literal (number, boolean), sent in its JSON text form.
    Literal(serde_json::Value),
}

#[derive(Debug, Clone)]
pub struct ParamIr {
    pub name: String,
    pub location: Location,
    pub value: ValueIr,
    pub required: bool,
}

#[derive(Debug, Clone)]
pub enum BodyKind {
    Json,
    Form,
    Text,
}

#[derive(Debug, Clone)]
pub struct BodyIr {
    pub content_type: String,
    pub kind: BodyKind,
    pub payload: serde_json::Value,
}

#[derive(Debug, Clone)]
pub struct CriterionIr {
    pub condition: String,
    pub context: Option<String>,
    pub kind: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Clone)]
pub enum ActionKindIr {
    End,
    Goto(usize),
    Retry { after: Option<f64>, limit: u64 },
}

#[derive(Debug, Clone)]
pub struct ActionIr {
    pub name: String,
    pub kind: ActionKindIr,
    pub criteria: Vec<CriterionIr>,
}

#[derive(Debug, Clone)]
pub struct StepIr {
    pub id: String,
    pub variant: String,
    pub description: Option<String>,
    /// Index into `Program::clients`.
    pub client: usize,
    pub method: String,
    pub path: String,
    pub params: Vec<ParamIr>,
    pub body: Option<BodyIr>,
    pub success: Vec<CriterionIr>,
    pub on_success: Vec<ActionIr>,
    pub on_failure: Vec<ActionIr>,
    pub outputs: Vec<(String, String)>,
}
