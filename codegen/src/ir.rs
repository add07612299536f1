//! The workflow IR: what the emitter needs, with every name resolved.
//!
//! Lowering produces this from a document that checked clean; emission reads
//! only this (and the OpenAPI model for types), never the YAML. Steps refer
//! to each other by index, so a `goto` to a step that does not exist cannot
//! be represented, let alone emitted. Spec strings arrive parsed (criteria,
//! runtime expressions, templates, JSON pointers): lowering parses them once,
//! so emission only prints parsed forms and has no parse failure to handle.

use crate::openapi::SchemaRef;

#[derive(Debug, Clone)]
pub struct Program {
    pub clients: Vec<ClientIr>,
    pub workflows: Vec<WorkflowIr>,
    /// One `arazzo::HttpClient` per AsyncAPI source that a `send` step posts to.
    pub channels: Vec<ChannelClientIr>,
}

/// An AsyncAPI source whose channels `send` steps post messages to over HTTP.
#[derive(Debug, Clone)]
pub struct ChannelClientIr {
    pub source_name: String,
    /// The field of `Workflows` (and the parameter of `Workflows::new`).
    pub field: String,
    /// `protocol://host/pathname` of the first HTTP server of the channels used.
    pub base_url: Option<String>,
}

/// One typed client module per OpenAPI source description, of the entry
/// document or of an Arazzo document it names as a source (whose clients
/// and workflows compile into the same program).
#[derive(Debug, Clone)]
pub struct ClientIr {
    pub source_name: String,
    pub module: String,
    /// Indices into `Loaded::sources`, from the entry document down: all
    /// but the last name `arazzo` sources, the last this OpenAPI source.
    pub source: Vec<usize>,
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
    /// A credential (`format: password`, or named like one): `Debug` shows `***`.
    pub secret: bool,
}

#[derive(Debug, Clone)]
pub struct OutputIr {
    pub field: FieldIr,
    /// The expression, or for a Selector Object how errors show it.
    pub expression: String,
    /// The expression parsed (`None` for a Selector Object, which `selector` holds).
    pub parsed: Option<ValueIr>,
    pub selector: Option<SelectorIr>,
}

/// A string of the spec that is evaluated at run time (a runtime expression, a template
/// or a literal), parsed, with its text for diagnostics.
#[derive(Debug, Clone)]
pub struct ValueIr {
    pub text: String,
    pub parsed: arazzo_expr::StringValue,
}

/// A spec structure (parameter value, payload, workflow inputs) with every string in it
/// parsed; object members in document order, which the runtime sends them in (a
/// `serde_json::Value` would sort them).
#[derive(Debug, Clone)]
pub enum TemplateIr {
    Text(ValueIr),
    /// `null`, a boolean or a number.
    Scalar(serde_json::Value),
    Array(Vec<TemplateIr>),
    Object(Vec<(String, TemplateIr)>),
}

/// A Selector Object inside a value: (JSON pointer into the value, selector).
pub type PlacedSelector = (arazzo_expr::JsonPointer, SelectorIr);

/// A Selector Object (Arazzo 1.1), as the spec wrote it, with its `context` and its
/// `selector` parsed.
#[derive(Debug, Clone)]
pub struct SelectorIr {
    pub context: String,
    pub context_parsed: ValueIr,
    pub selector: String,
    pub selector_parsed: arazzo_expr::Selector,
    pub kind: String,
    pub version: Option<String>,
}

impl SelectorIr {
    /// How a selector shows where an expression would: `$.a (jsonpath) on $response.body`.
    pub fn shown(&self) -> String {
        format!("{} ({}) on {}", self.selector, self.kind, self.context)
    }
}

#[derive(Debug, Clone)]
pub struct WorkflowIr {
    pub id: String,
    /// The Arazzo version its document declares. Every 1.1 clarification of a 1.0
    /// ambiguity gets the same reading in both (ARCHITECTURE.md, "Arazzo versions"), so
    /// only which constructs exist depends on it, and the checker has enforced that.
    #[expect(dead_code, reason = "kept so emission can tell versions apart; no reading differs yet")]
    pub version: crate::arazzo::model::Version,
    /// The document's `$self` (1.1), for `$self` expressions.
    pub self_uri: Option<String>,
    /// How `run_by_id` names it: the id, or for a workflow of an Arazzo
    /// source `$sourceDescriptions.<source>.<id>` (as a step would).
    pub reference: String,
    /// The `arazzo` sources leading to the document that holds it (empty
    /// for the entry document), as in `ClientIr::source`.
    pub document: Vec<usize>,
    /// (name, url) of every source description of that document.
    pub sources: Vec<(String, String)>,
    pub method: String,
    pub type_prefix: String,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub inputs: Vec<FieldIr>,
    pub outputs: Vec<OutputIr>,
    pub steps: Vec<StepIr>,
    /// `dependsOn`: indices into `Program::workflows`, run first in order.
    pub depends_on: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Header,
    Cookie,
    /// OpenAPI 3.2's whole query string; `preformatted` as `Parameter::querystring_preformatted`.
    QueryString {
        preformatted: bool,
    },
}

/// An OpenAPI parameter style, as the runtime's `arazzo::__private::Style` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleIr {
    Matrix,
    Label,
    Form,
    Simple,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

#[derive(Debug, Clone)]
pub struct ParamIr {
    pub name: String,
    pub location: Location,
    /// The spec's value: strings are literals, expressions or templates, evaluated at run
    /// time (also inside arrays and objects).
    pub value: TemplateIr,
    /// Selector Objects (1.1) in the value: (JSON pointer into it, selector); `null` in `value`.
    pub selectors: Vec<PlacedSelector>,
    pub required: bool,
    pub style: StyleIr,
    pub explode: bool,
}

#[derive(Debug, Clone)]
pub enum BodyKind {
    Json,
    Form,
    Multipart,
    Text,
}

#[derive(Debug, Clone)]
pub struct BodyIr {
    pub content_type: String,
    pub kind: BodyKind,
    /// The payload template (`null` without one).
    pub payload: TemplateIr,
    /// Selector Objects (1.1) in the payload: (JSON pointer into it, selector); `null` in `payload`.
    pub selectors: Vec<PlacedSelector>,
    /// `replacements`: (JSON pointer, value template, the value's Selector Objects as in
    /// `selectors`), applied in order.
    pub replacements: Vec<(arazzo_expr::JsonPointer, TemplateIr, Vec<PlacedSelector>)>,
}

/// A criterion, parsed, with its condition's text for diagnostics.
#[derive(Debug, Clone)]
pub struct CriterionIr {
    pub condition: String,
    pub parsed: arazzo_expr::Criterion,
    /// A `jsonpath` criterion whose `version` is Goessner's draft.
    pub goessner: bool,
}

#[derive(Debug, Clone)]
pub enum ActionKindIr {
    End,
    Goto(Target),
    /// `then`: a step or workflow to run before the step is retried.
    Retry {
        after: Option<f64>,
        limit: u64,
        then: Option<Target>,
    },
}

/// Where an action transfers control: a step of the same workflow or a
/// workflow of the program (indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Step(usize),
    Workflow(usize),
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
    #[expect(dead_code, reason = "lowered for generated docs, which do not show step descriptions yet")]
    pub description: Option<String>,
    pub call: StepCall,
    pub success: Vec<CriterionIr>,
    pub on_success: Vec<ActionIr>,
    pub on_failure: Vec<ActionIr>,
    pub outputs: Vec<(String, ValueIr)>,
    /// Outputs that are Selector Objects (1.1): (output name, selector).
    pub selectors: Vec<(String, SelectorIr)>,
    /// `timeout` (1.1), in milliseconds.
    pub timeout: Option<u64>,
    /// `dependsOn` (1.1): `stepId`s of earlier steps of the same workflow.
    pub depends_on: Vec<String>,
}

/// What a step runs.
#[derive(Debug, Clone)]
pub enum StepCall {
    Operation {
        /// Index into `Program::clients`.
        client: usize,
        method: String,
        path: String,
        params: Vec<ParamIr>,
        body: Option<BodyIr>,
    },
    /// `workflowId`: the step's parameters (name -> value template) become
    /// the callee's inputs.
    /// `inputs` is an object, in document order; `selectors` are its Selector Objects
    /// (1.1), as in `ParamIr::selectors` (pointers start with the input's name).
    Workflow {
        workflow: usize,
        inputs: TemplateIr,
        selectors: Vec<PlacedSelector>,
    },
    /// `action: send`: the message is posted to the channel's address (a path under the
    /// channel client's base URL), headers from `in: header` parameters.
    Send {
        /// Index into `Program::channels`.
        channel: usize,
        address: String,
        content_type: String,
        headers: Vec<ParamIr>,
        /// The payload template.
        payload: Option<TemplateIr>,
        /// Selector Objects (1.1) in the payload, as in `BodyIr::selectors`.
        selectors: Vec<PlacedSelector>,
    },
    /// `action: receive`: waits for a message delivered to `address` of the run's inbox.
    Receive {
        address: String,
        /// (the messages' correlation id location as written, the part of a message it
        /// reads, the step's `correlationId`).
        correlation: Option<(String, arazzo_expr::MessagePart, ValueIr)>,
        /// Per message the step accepts, the constants (JSON pointer, value) that tell it
        /// from the channel's other messages; an empty list accepts any message.
        kinds: Vec<Vec<(arazzo_expr::JsonPointer, serde_json::Value)>>,
        timeout_ms: Option<u64>,
    },
}
