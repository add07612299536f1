//! The Arazzo 1.0.x and 1.1.x document model, read from the spanned YAML tree.
//!
//! One model serves both versions: 1.1 only adds fields (`$self`, a step's
//! `timeout`, Selector Objects), and a 1.1 field in a 1.0 document is
//! reported where it is written, since a 1.0 reader would ignore it.
//!
//! Loading only checks shape (required fields, types, unknown fields,
//! mutually exclusive fields); whether references resolve is the checker's
//! job. Every field keeps its span so later stages can point at it.

use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::source::Span;
use crate::yaml::{Map, Node, Value};

/// A string from the document and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub value: String,
    pub span: Span,
    pub quoted: bool,
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// A span covering `len` characters starting `offset` bytes into the value.
    pub fn sub_span(&self, offset: usize, len: usize) -> Span {
        let prefix = self.value.get(..offset).unwrap_or(&self.value);
        let len_chars = self.value.get(offset..offset.saturating_add(len)).map_or(1, |s| s.chars().count());
        self.span.narrow(prefix.chars().count(), len_chars, self.quoted)
    }
}

/// The minor version a document declares (`arazzo: 1.0.1` or `1.1.0`): it
/// decides which fields exist, nothing else (see ARCHITECTURE.md, "Arazzo
/// versions").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Version {
    V1_0,
    V1_1,
}

impl Version {
    /// `1.0.x` / `1.1.x` (and `-suffix`), as the official schemas' patterns.
    pub fn parse(v: &str) -> Option<Version> {
        let (version, rest) = if let Some(rest) = v.strip_prefix("1.0.") {
            (Version::V1_0, rest)
        } else {
            (Version::V1_1, v.strip_prefix("1.1.")?)
        };
        let patch = rest.split('-').next().unwrap_or("");
        (!patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit())).then_some(version)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1_0 => "1.0",
            Version::V1_1 => "1.1",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    #[expect(dead_code, reason = "the document model keeps what was loaded; no stage reads this yet")]
    pub arazzo: Text,
    pub version: Version,
    /// `$self` (1.1): the document's own URI-reference, its identity and base URI.
    pub self_uri: Option<Text>,
    #[expect(dead_code, reason = "the document model keeps what was loaded; no stage reads this yet")]
    pub info: Info,
    pub source_descriptions: Vec<SourceDescription>,
    pub workflows: Vec<Workflow>,
    pub components: Components,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
#[expect(dead_code, reason = "the document model keeps what was loaded; no stage reads this yet")]
pub struct Info {
    pub title: Option<Text>,
    pub summary: Option<Text>,
    pub description: Option<Text>,
    pub version: Option<Text>,
}

#[derive(Debug, Clone)]
pub struct SourceDescription {
    pub name: Text,
    pub url: Text,
    pub kind: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Workflow {
    pub workflow_id: Text,
    pub summary: Option<Text>,
    pub description: Option<Text>,
    /// A JSON Schema, kept as a tree.
    pub inputs: Option<Node>,
    pub depends_on: Vec<Text>,
    pub steps: Vec<Step>,
    pub success_actions: Vec<Reusable<Action>>,
    pub failure_actions: Vec<Reusable<Action>>,
    pub outputs: Vec<(Text, OutputValue)>,
    pub parameters: Vec<Reusable<Parameter>>,
    #[expect(dead_code, reason = "the document model keeps what was loaded; no stage reads this yet")]
    pub span: Span,
}

/// An output: a runtime expression, or (1.1) a Selector Object.
#[derive(Debug, Clone)]
pub enum OutputValue {
    Expression(Text),
    Selector(Selector),
}

impl OutputValue {
    pub fn expression(&self) -> Option<&Text> {
        match self {
            OutputValue::Expression(t) => Some(t),
            OutputValue::Selector(_) => None,
        }
    }
}

/// A Selector Object (1.1): `selector` applied to the value `context` selects.
#[derive(Debug, Clone)]
pub struct Selector {
    pub context: Text,
    pub selector: Text,
    /// `type`: `jsonpath`, `xpath` or `jsonpointer`.
    pub kind: Text,
    /// The `version` of an Expression Type Object given as `type`.
    pub version: Option<Text>,
}

#[derive(Debug, Clone)]
pub enum StepTarget {
    OperationId(Text),
    OperationPath(Text),
    WorkflowId(Text),
    /// `channelPath` (1.1): `{$sourceDescriptions.<name>.url}#/channels/<key>` of an AsyncAPI source.
    ChannelPath(Text),
}

#[derive(Debug, Clone)]
pub struct Step {
    pub step_id: Text,
    pub description: Option<Text>,
    pub target: Option<StepTarget>,
    pub parameters: Vec<Reusable<Parameter>>,
    pub request_body: Option<RequestBody>,
    pub success_criteria: Vec<Criterion>,
    pub on_success: Vec<Reusable<Action>>,
    pub on_failure: Vec<Reusable<Action>>,
    pub outputs: Vec<(Text, OutputValue)>,
    /// `action` (1.1): `send` or `receive`, for a step on an AsyncAPI source.
    pub action: Option<Text>,
    /// `correlationId` (1.1): the value a received message's correlation id must equal.
    pub correlation_id: Option<Text>,
    /// `timeout` (1.1), in milliseconds.
    pub timeout: Option<(u64, Span)>,
    /// `dependsOn` (1.1): a `stepId` of the same workflow, `$workflows.<id>.steps.<id>` or
    /// `$sourceDescriptions.<name>.<id>.steps.<id>`, as written.
    pub depends_on: Vec<Text>,
    #[expect(dead_code, reason = "the document model keeps what was loaded; no stage reads this yet")]
    pub span: Span,
}

/// An inline object or a Reusable Object pointing into `components`.
#[derive(Debug, Clone)]
pub enum Reusable<T> {
    Inline(T),
    Reference { reference: Text, value: Option<Node>, span: Span },
}

#[derive(Debug, Clone)]
pub struct Parameter {
    pub name: Text,
    pub location: Option<Text>,
    pub value: Node,
    #[expect(dead_code, reason = "the document model keeps what was loaded; no stage reads this yet")]
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct RequestBody {
    pub content_type: Option<Text>,
    pub payload: Option<Node>,
    /// (`target`, `value`, the `type` of a 1.1 `targetSelectorType`: `jsonpointer`, `jsonpath`
    /// or `xpath`, its version already checked).
    pub replacements: Vec<(Text, Node, Option<Text>)>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub condition: Text,
    pub context: Option<Text>,
    /// `type` as a plain string, or the `type` of an Expression Type Object.
    pub kind: Option<Text>,
    pub version: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionSet {
    Success,
    Failure,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub name: Text,
    pub kind: Text,
    pub workflow_id: Option<Text>,
    pub step_id: Option<Text>,
    pub retry_after: Option<(f64, Span)>,
    pub retry_limit: Option<(u64, Span)>,
    pub criteria: Vec<Criterion>,
    #[expect(dead_code, reason = "the document model keeps what was loaded; no stage reads this yet")]
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Components {
    pub inputs: Vec<(Text, Node)>,
    pub parameters: Vec<(Text, Parameter)>,
    pub success_actions: Vec<(Text, Action)>,
    pub failure_actions: Vec<(Text, Action)>,
}

/// Reads fields of one mapping, reporting unknown ones once all are read.
struct Fields<'a> {
    map: &'a Map,
    object: &'static str,
}

impl<'a> Fields<'a> {
    fn new(node: &'a Node, object: &'static str, allowed: &'static [&'static str], diags: &mut Diagnostics) -> Option<Self> {
        Self::versioned(node, object, allowed, (&[], Version::V1_1), diags)
    }

    /// `later`: fields Arazzo 1.1 adds to this object, allowed when `version` has them and
    /// otherwise reported as 1.1 fields (not as unknown ones: a 1.0 reader would skip them).
    fn versioned(
        node: &'a Node,
        object: &'static str,
        allowed: &'static [&'static str],
        (later, version): (&'static [&'static str], Version),
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        match node.as_map() {
            Some(map) => {
                for (key, _) in map.iter() {
                    if key.name.starts_with("x-") || allowed.contains(&key.name.as_str()) {
                        continue;
                    }
                    if later.contains(&key.name.as_str()) {
                        if version < Version::V1_1 {
                            diags.push(later_field(key.span, &format!("`{}` in {object}", key.name), version));
                        }
                        continue;
                    }
                    diags.push(
                        Diagnostic::error(key.span, format!("unknown field `{}` in {object}", key.name))
                            .with_code(codes::UNKNOWN_FIELD)
                            .with_suggestion(&key.name, allowed.iter().copied())
                            .with_note(None, format!("the fields of {object} are: {}", allowed.join(", "))),
                    );
                }
                Some(Fields { map, object })
            }
            None => {
                diags.push(
                    Diagnostic::error(node.span, format!("expected {object} to be a mapping, found {}", node.kind()))
                        .with_code(codes::BAD_VALUE),
                );
                None
            }
        }
    }

    fn node(&self, key: &str) -> Option<&'a Node> {
        self.map.get(key)
    }

    fn text(&self, key: &str, diags: &mut Diagnostics) -> Option<Text> {
        let node = self.node(key)?;
        text_of(node, &format!("`{key}` in {}", self.object), diags)
    }

    fn required_text(&self, key: &str, owner: Span, diags: &mut Diagnostics) -> Option<Text> {
        if self.node(key).is_none() {
            diags.push(
                Diagnostic::error(owner, format!("{} is missing required field `{key}`", self.object)).with_code(codes::MISSING_FIELD),
            );
            return None;
        }
        self.text(key, diags)
    }

    fn list(&self, key: &str, diags: &mut Diagnostics) -> &'a [Node] {
        match self.node(key) {
            None => &[],
            Some(node) => match node.as_seq() {
                Some(items) => items,
                None => {
                    diags.push(
                        Diagnostic::error(
                            node.span,
                            format!("`{key}` in {} must be a list, found {}", self.object, node.kind()),
                        )
                        .with_code(codes::BAD_VALUE),
                    );
                    &[]
                }
            },
        }
    }

    fn map_of(&self, key: &str, diags: &mut Diagnostics) -> Option<&'a Map> {
        let node = self.node(key)?;
        match node.as_map() {
            Some(m) => Some(m),
            None => {
                diags.push(
                    Diagnostic::error(
                        node.span,
                        format!("`{key}` in {} must be a mapping, found {}", self.object, node.kind()),
                    )
                    .with_code(codes::BAD_VALUE),
                );
                None
            }
        }
    }
}

/// A scalar as the author wrote it (`-1`), anything else by its kind.
fn shown(node: &Node) -> String {
    match &node.value {
        Value::Number(n) => format!("`{n}`"),
        Value::String(s) => format!("the string `{s}`"),
        _ => node.kind().to_owned(),
    }
}

fn key_text(key: &crate::yaml::Key) -> Text {
    Text {
        value: key.name.clone(),
        span: key.span,
        quoted: false,
    }
}

fn text_of(node: &Node, what: &str, diags: &mut Diagnostics) -> Option<Text> {
    match &node.value {
        Value::String(s) => Some(Text {
            value: s.clone(),
            span: node.span,
            quoted: node.quoted,
        }),
        // Versions and ids written as bare numbers are still strings to the author.
        Value::Number(n) => Some(Text {
            value: n.to_string(),
            span: node.span,
            quoted: false,
        }),
        _ => {
            diags.push(Diagnostic::error(node.span, format!("{what} must be a string, found {}", node.kind())).with_code(codes::BAD_VALUE));
            None
        }
    }
}

/// Outputs are `Map[string, {expression} | Selector Object]` and the JSON
/// Schemas say `type: string` for the expression: a bare `2` or `true` is
/// not an expression, and reading it as the text "2" would silently change
/// its type, so it is refused (where ids and versions written as numbers are
/// read as text). A mapping is a Selector Object, which 1.0 does not have.
fn output_map(map: Option<&Map>, what: &str, version: Version, diags: &mut Diagnostics) -> Vec<(Text, OutputValue)> {
    let Some(map) = map else { return Vec::new() };
    map.iter()
        .filter_map(|(key, node)| {
            if matches!(node.value, Value::Number(_) | Value::Bool(_)) {
                diags.push(
                    Diagnostic::error(
                        node.span,
                        format!("{what} `{}` must be a runtime expression, found {}", key.name, shown(node)),
                    )
                    .with_code(codes::BAD_VALUE)
                    .with_help(
                        "outputs are `Map[string, {expression}]`: select the value with an expression such as `$response.body#/count`",
                    ),
                );
                return None;
            }
            if node.as_map().is_some() {
                if version < Version::V1_1 {
                    // Loaded all the same, so expressions naming the output do not also fail.
                    diags.push(later_field(node.span, "a Selector Object as an output", version));
                }
                return Some((key_text(key), OutputValue::Selector(load_selector(node, diags)?)));
            }
            Some((
                key_text(key),
                OutputValue::Expression(text_of(node, &format!("{what} `{}`", key.name), diags)?),
            ))
        })
        .collect()
}

/// A 1.1 construct in a document that declares an earlier version: a reader
/// of that version would ignore or misread it, so it is an error, not a guess.
fn later_field(span: Span, what: &str, version: Version) -> Diagnostic {
    Diagnostic::error(
        span,
        format!("{what} is Arazzo 1.1; this document declares Arazzo {}", version.as_str()),
    )
    .with_code(codes::VERSION)
    .with_help("declare `arazzo: 1.1.0` to use it")
}

/// A 1.1 construct this generator does not compile yet: refused where it is written rather
/// than ignored (the same wording as `support.rs`).
/// A Selector Object (`context`, `selector`, `type`), all three required.
pub fn load_selector(node: &Node, diags: &mut Diagnostics) -> Option<Selector> {
    let f = Fields::new(node, "a Selector Object", &["context", "selector", "type"], diags)?;
    let context = f.required_text("context", node.span, diags);
    let selector = f.required_text("selector", node.span, diags);
    let (kind, version) = match f.node("type") {
        None => {
            diags.push(Diagnostic::error(node.span, "a Selector Object is missing required field `type`").with_code(codes::MISSING_FIELD));
            (None, None)
        }
        Some(t) => expression_type(t, "an Expression Type Object", "`type` in a Selector Object", diags),
    };
    if let Some(k) = &kind
        && !["jsonpath", "xpath", "jsonpointer"].contains(&k.value.as_str())
    {
        diags.push(
            Diagnostic::error(k.span, format!("unknown selector type `{}`", k.value))
                .with_code(codes::BAD_VALUE)
                .with_suggestion(&k.value, ["jsonpath", "xpath", "jsonpointer"])
                .with_note(None, "the type is `jsonpath`, `xpath` or `jsonpointer`"),
        );
    }
    Some(Selector {
        context: context?,
        selector: selector?,
        kind: kind?,
        version,
    })
}

/// In a 1.1 payload or parameter value, whether a mapping is a Selector Object rather than
/// literal data: exactly the keys `context`, `selector` and `type`, with a `context` that is
/// a runtime expression. A literal object of that shape cannot be written in 1.1; 1.0
/// documents never read one as a selector.
pub fn is_selector(node: &Node) -> bool {
    let Some(map) = node.as_map() else { return false };
    let keys: Vec<&str> = map.iter().map(|(k, _)| k.name.as_str()).filter(|k| !k.starts_with("x-")).collect();
    keys.len() == 3
        && ["context", "selector", "type"].iter().all(|k| keys.contains(k))
        && map
            .get("context")
            .is_some_and(|c| matches!(&c.value, Value::String(s) if s.starts_with('$')))
}

/// `type` of a criterion or Selector Object: a plain string, or an Expression Type Object
/// (`type` and `version`, both required).
fn expression_type(t: &Node, object: &'static str, what: &str, diags: &mut Diagnostics) -> (Option<Text>, Option<Text>) {
    if t.as_map().is_some() {
        match Fields::new(t, object, &["type", "version"], diags) {
            Some(tf) => (tf.required_text("type", t.span, diags), tf.required_text("version", t.span, diags)),
            None => (None, None),
        }
    } else {
        (text_of(t, what, diags), None)
    }
}

pub fn load(root: &Node, diags: &mut Diagnostics) -> Option<Document> {
    let declared = root
        .as_map()
        .and_then(|m| m.get("arazzo"))
        .and_then(|n| n.as_str())
        .and_then(Version::parse);
    let fields = Fields::versioned(
        root,
        "the Arazzo document",
        &["arazzo", "info", "sourceDescriptions", "workflows", "components"],
        (&["$self"], declared.unwrap_or(Version::V1_1)),
        diags,
    )?;
    let arazzo = fields.required_text("arazzo", root.span, diags)?;
    let Some(version) = Version::parse(&arazzo.value) else {
        diags.push(
            Diagnostic::error(arazzo.span, format!("unsupported Arazzo version `{}`", arazzo.value))
                .with_code(codes::VERSION)
                .with_help("this generator reads Arazzo 1.0.x and 1.1.x documents (`arazzo: 1.1.0`)"),
        );
        return None;
    };
    let self_uri = fields.text("$self", diags).filter(|_| version >= Version::V1_1);
    if let Some(uri) = &self_uri
        && uri.value.contains('#')
    {
        // "The `$self` URI MUST NOT contain a fragment identifier."
        diags.push(
            Diagnostic::error(uri.span, format!("`$self` must not contain a fragment identifier: `{}`", uri.value))
                .with_code(codes::BAD_VALUE),
        );
    }
    let info = match fields.node("info") {
        Some(node) => load_info(node, diags),
        None => {
            diags
                .push(Diagnostic::error(root.span, "the Arazzo document is missing required field `info`").with_code(codes::MISSING_FIELD));
            Info::default()
        }
    };
    let source_descriptions: Vec<SourceDescription> = fields
        .list("sourceDescriptions", diags)
        .iter()
        .filter_map(|n| load_source(n, version, diags))
        .collect();
    if fields.node("sourceDescriptions").is_none() {
        diags.push(
            Diagnostic::error(root.span, "the Arazzo document is missing required field `sourceDescriptions`")
                .with_code(codes::MISSING_FIELD),
        );
    } else if source_descriptions.is_empty() && fields.list("sourceDescriptions", &mut Diagnostics::default()).is_empty() {
        diags.push(
            Diagnostic::error(
                fields.node("sourceDescriptions").map_or(root.span, |n| n.span),
                "`sourceDescriptions` must list at least one source",
            )
            .with_code(codes::MISSING_FIELD),
        );
    }
    let workflows: Vec<Workflow> = fields
        .list("workflows", diags)
        .iter()
        .filter_map(|n| load_workflow(n, version, diags))
        .collect();
    match fields.node("workflows") {
        None => diags.push(
            Diagnostic::error(root.span, "the Arazzo document is missing required field `workflows`").with_code(codes::MISSING_FIELD),
        ),
        Some(node) if node.as_seq().is_some_and(<[Node]>::is_empty) => {
            diags.push(Diagnostic::error(node.span, "`workflows` must list at least one workflow").with_code(codes::MISSING_FIELD));
        }
        Some(_) => {}
    }
    let components = fields
        .node("components")
        .map(|n| load_components(n, version, diags))
        .unwrap_or_default();
    Some(Document {
        arazzo,
        version,
        self_uri,
        info,
        source_descriptions,
        workflows,
        components,
        span: root.span,
    })
}

fn load_info(node: &Node, diags: &mut Diagnostics) -> Info {
    let Some(f) = Fields::new(node, "info", &["title", "summary", "description", "version"], diags) else {
        return Info::default();
    };
    Info {
        title: f.required_text("title", node.span, diags),
        summary: f.text("summary", diags),
        description: f.text("description", diags),
        version: f.required_text("version", node.span, diags),
    }
}

fn load_source(node: &Node, version: Version, diags: &mut Diagnostics) -> Option<SourceDescription> {
    let f = Fields::new(node, "a source description", &["name", "url", "type"], diags)?;
    let name = f.required_text("name", node.span, diags);
    let url = f.required_text("url", node.span, diags);
    let kind = f.text("type", diags);
    if let Some(k) = &kind
        && k.value != "openapi"
        && k.value != "arazzo"
        && k.value != "asyncapi"
    {
        diags.push(
            Diagnostic::error(k.span, format!("unknown source description type `{}`", k.value))
                .with_code(codes::BAD_VALUE)
                .with_suggestion(&k.value, ["openapi", "arazzo", "asyncapi"])
                .with_note(None, "the type is `openapi`, `asyncapi` or `arazzo`"),
        );
    }
    // 1.0.1: "Possible values are `openapi` or `arazzo`"; AsyncAPI sources came with 1.1.
    if let Some(k) = &kind
        && k.value == "asyncapi"
        && version < Version::V1_1
    {
        diags.push(later_field(k.span, "a source of type `asyncapi`", version));
    }
    Some(SourceDescription {
        name: name?,
        url: url?,
        kind,
        span: node.span,
    })
}

const WORKFLOW_FIELDS: &[&str] = &[
    "workflowId",
    "summary",
    "description",
    "inputs",
    "dependsOn",
    "steps",
    "successActions",
    "failureActions",
    "outputs",
    "parameters",
];

fn load_workflow(node: &Node, version: Version, diags: &mut Diagnostics) -> Option<Workflow> {
    let f = Fields::new(node, "a workflow", WORKFLOW_FIELDS, diags)?;
    let workflow_id = f.required_text("workflowId", node.span, diags);
    let steps: Vec<Step> = f.list("steps", diags).iter().filter_map(|n| load_step(n, version, diags)).collect();
    match f.node("steps") {
        None => diags.push(Diagnostic::error(node.span, "a workflow is missing required field `steps`").with_code(codes::MISSING_FIELD)),
        Some(n) if n.as_seq().is_some_and(<[Node]>::is_empty) => {
            diags.push(Diagnostic::error(n.span, "`steps` must list at least one step").with_code(codes::MISSING_FIELD));
        }
        Some(_) => {}
    }
    let depends_on = f
        .list("dependsOn", diags)
        .iter()
        .filter_map(|n| text_of(n, "a `dependsOn` entry", diags))
        .collect();
    Some(Workflow {
        workflow_id: workflow_id?,
        summary: f.text("summary", diags),
        description: f.text("description", diags),
        inputs: f.node("inputs").cloned(),
        depends_on,
        steps,
        success_actions: load_actions(f.list("successActions", diags), ActionSet::Success, diags),
        failure_actions: load_actions(f.list("failureActions", diags), ActionSet::Failure, diags),
        outputs: output_map(f.map_of("outputs", diags), "workflow output", version, diags),
        parameters: load_parameters(f.list("parameters", diags), version, diags),
        span: node.span,
    })
}

const STEP_FIELDS: &[&str] = &[
    "stepId",
    "description",
    "operationId",
    "operationPath",
    "workflowId",
    "parameters",
    "requestBody",
    "successCriteria",
    "onSuccess",
    "onFailure",
    "outputs",
];

fn load_step(node: &Node, version: Version, diags: &mut Diagnostics) -> Option<Step> {
    let f = Fields::versioned(
        node,
        "a step",
        STEP_FIELDS,
        (&["timeout", "dependsOn", "channelPath", "action", "correlationId"], version),
        diags,
    )?;
    // The 1.1 schema: `minItems: 1` (a step with no prerequisites leaves the field out).
    if version >= Version::V1_1
        && let Some(n) = f.node("dependsOn")
        && n.as_seq().is_some_and(<[Node]>::is_empty)
    {
        diags.push(
            Diagnostic::error(n.span, "a step's `dependsOn` must list at least one step")
                .with_code(codes::BAD_VALUE)
                .with_help("remove `dependsOn`, or list the steps that must complete first"),
        );
    }
    let step_id = f.required_text("stepId", node.span, diags);
    let targets: Vec<StepTarget> = [
        f.text("operationId", diags).map(StepTarget::OperationId),
        f.text("operationPath", diags).map(StepTarget::OperationPath),
        f.text("workflowId", diags).map(StepTarget::WorkflowId),
        f.text("channelPath", diags).map(StepTarget::ChannelPath),
    ]
    .into_iter()
    .flatten()
    .collect();
    if targets.len() > 1 {
        diags.push(
            Diagnostic::error(
                node.span,
                "a step names more than one of `operationId`, `operationPath`, `channelPath` and `workflowId`; keep exactly one",
            )
            .with_code(codes::INVALID),
        );
    } else if targets.is_empty()
        && ["operationId", "operationPath", "workflowId", "channelPath"]
            .iter()
            .all(|k| f.node(k).is_none())
    {
        diags.push(
            Diagnostic::error(
                step_id.as_ref().map_or(node.span, |s| s.span),
                "a step needs exactly one of `operationId`, `operationPath`, `channelPath` or `workflowId`",
            )
            .with_code(codes::MISSING_FIELD),
        );
    }
    let success_criteria = f
        .list("successCriteria", diags)
        .iter()
        .filter_map(|n| load_criterion(n, diags))
        .collect();
    Some(Step {
        step_id: step_id?,
        description: f.text("description", diags),
        target: targets.into_iter().next(),
        parameters: load_parameters(f.list("parameters", diags), version, diags),
        request_body: f.node("requestBody").and_then(|n| load_request_body(n, version, diags)),
        success_criteria,
        on_success: load_actions(f.list("onSuccess", diags), ActionSet::Success, diags),
        on_failure: load_actions(f.list("onFailure", diags), ActionSet::Failure, diags),
        outputs: output_map(f.map_of("outputs", diags), "step output", version, diags),
        action: f.text("action", diags),
        correlation_id: f.text("correlationId", diags),
        timeout: f
            .node("timeout")
            .filter(|_| version >= Version::V1_1)
            .and_then(|n| load_timeout(n, diags)),
        depends_on: if version >= Version::V1_1 {
            f.list("dependsOn", diags)
                .iter()
                .filter_map(|n| text_of(n, "a `dependsOn` entry", diags))
                .collect()
        } else {
            Vec::new()
        },
        span: node.span,
    })
}

/// A step's `timeout`: a non-negative integer of milliseconds.
fn load_timeout(n: &Node, diags: &mut Diagnostics) -> Option<(u64, Span)> {
    match &n.value {
        Value::Number(x) if x.as_u64().is_some() => Some((x.as_u64().unwrap_or(0), n.span)),
        _ => {
            diags.push(
                Diagnostic::error(
                    n.span,
                    format!("`timeout` must be a non-negative integer of milliseconds, found {}", shown(n)),
                )
                .with_code(codes::BAD_VALUE),
            );
            None
        }
    }
}

fn load_reference(node: &Node, diags: &mut Diagnostics) -> Option<Option<(Text, Option<Node>)>> {
    let map = node.as_map()?;
    let reference = map.get("reference")?;
    for (key, _) in map.iter() {
        // "This object cannot be extended with additional properties and
        // any properties added MUST be ignored": ignored, with a warning.
        if key.name != "reference" && key.name != "value" {
            diags.push(
                Diagnostic::warning(key.span, format!("field `{}` of a reusable object is ignored", key.name))
                    .with_code(codes::IGNORED_FIELD)
                    .with_note(
                        None,
                        "a reusable object has only `reference` and `value`; the spec says other properties MUST be ignored",
                    ),
            );
        }
    }
    Some(text_of(reference, "`reference`", diags).map(|r| (r, map.get("value").cloned())))
}

fn load_parameters(nodes: &[Node], version: Version, diags: &mut Diagnostics) -> Vec<Reusable<Parameter>> {
    nodes
        .iter()
        .filter_map(|node| match load_reference(node, diags) {
            Some(Some((reference, value))) => Some(Reusable::Reference {
                reference,
                value,
                span: node.span,
            }),
            Some(None) => None,
            None => load_parameter(node, version, diags).map(Reusable::Inline),
        })
        .collect()
}

fn load_parameter(node: &Node, version: Version, diags: &mut Diagnostics) -> Option<Parameter> {
    let f = Fields::new(node, "a parameter", &["name", "in", "value"], diags)?;
    let name = f.required_text("name", node.span, diags);
    let location = f.text("in", diags);
    // `querystring` (OpenAPI 3.2's whole query string) came with Arazzo 1.1.
    let locations: &[&str] = if version >= Version::V1_1 {
        &["path", "query", "querystring", "header", "cookie"]
    } else {
        &["path", "query", "header", "cookie"]
    };
    if let Some(loc) = &location
        && !locations.contains(&loc.value.as_str())
    {
        let mut d = Diagnostic::error(loc.span, format!("unknown parameter location `{}`", loc.value))
            .with_code(codes::BAD_VALUE)
            .with_suggestion(&loc.value, locations.iter().copied())
            .with_note(None, format!("`in` is one of {}", locations.join(", ")));
        if loc.value == "querystring" {
            d = d.with_help("`in: querystring` is Arazzo 1.1: declare `arazzo: 1.1.0` to use it");
        }
        diags.push(d);
    }
    let value = f.node("value").cloned();
    if value.is_none() {
        diags.push(Diagnostic::error(node.span, "a parameter is missing required field `value`").with_code(codes::MISSING_FIELD));
    }
    Some(Parameter {
        name: name?,
        location,
        value: value?,
        span: node.span,
    })
}

fn load_request_body(node: &Node, version: Version, diags: &mut Diagnostics) -> Option<RequestBody> {
    let f = Fields::new(node, "a request body", &["contentType", "payload", "replacements"], diags)?;
    let replacements = f
        .list("replacements", diags)
        .iter()
        .filter_map(|n| {
            let r = Fields::versioned(
                n,
                "a payload replacement",
                &["target", "value"],
                (&["targetSelectorType"], version),
                diags,
            )?;
            let target = r.required_text("target", n.span, diags)?;
            let target_type = match r.node("targetSelectorType") {
                Some(t) if version >= Version::V1_1 => target_selector_type(t, diags),
                _ => None,
            };
            let Some(value) = r.node("value").cloned() else {
                diags.push(
                    Diagnostic::error(n.span, "a payload replacement is missing required field `value`").with_code(codes::MISSING_FIELD),
                );
                return None;
            };
            Some((target, value, target_type))
        })
        .collect();
    Some(RequestBody {
        content_type: f.text("contentType", diags),
        payload: f.node("payload").cloned(),
        replacements,
        span: node.span,
    })
}

/// A replacement's `targetSelectorType` (1.1): `jsonpointer`, `jsonpath` or `xpath`, or an
/// Expression Type Object naming one with a version 1.1 defines for it. `None` after an error.
fn target_selector_type(t: &Node, diags: &mut Diagnostics) -> Option<Text> {
    let (kind, version) = expression_type(t, "an Expression Type Object", "`targetSelectorType`", diags);
    let kind = kind?;
    let versions: &[&str] = match kind.value.as_str() {
        "jsonpointer" => &["rfc6901"],
        "jsonpath" => &["rfc9535", "draft-goessner-dispatch-jsonpath-00"],
        "xpath" => &["xpath-10", "xpath-20", "xpath-30", "xpath-31"],
        other => {
            diags.push(
                Diagnostic::error(kind.span, format!("unknown `targetSelectorType` `{other}`"))
                    .with_code(codes::BAD_VALUE)
                    .with_suggestion(other, ["jsonpointer", "jsonpath", "xpath"])
                    .with_note(None, "the type is `jsonpath`, `xpath` or `jsonpointer`"),
            );
            return None;
        }
    };
    if let Some(v) = version
        && !versions.contains(&v.value.as_str())
    {
        diags.push(
            Diagnostic::error(
                v.span,
                format!("unknown {} version `{}`; expected {}", kind.value, v.value, versions.join(" or ")),
            )
            .with_code(codes::BAD_VALUE),
        );
        return None;
    }
    Some(kind)
}

fn load_criterion(node: &Node, diags: &mut Diagnostics) -> Option<Criterion> {
    let f = Fields::new(node, "a criterion", &["condition", "context", "type"], diags)?;
    let condition = f.required_text("condition", node.span, diags);
    let (kind, version) = match f.node("type") {
        None => (None, None),
        Some(t) => expression_type(t, "a criterion expression type", "`type` in a criterion", diags),
    };
    Some(Criterion {
        condition: condition?,
        context: f.text("context", diags),
        kind,
        version,
        span: node.span,
    })
}

fn load_actions(nodes: &[Node], set: ActionSet, diags: &mut Diagnostics) -> Vec<Reusable<Action>> {
    nodes
        .iter()
        .filter_map(|node| match load_reference(node, diags) {
            Some(Some((reference, value))) => Some(Reusable::Reference {
                reference,
                value,
                span: node.span,
            }),
            Some(None) => None,
            None => load_action(node, set, diags).map(Reusable::Inline),
        })
        .collect()
}

fn load_action(node: &Node, set: ActionSet, diags: &mut Diagnostics) -> Option<Action> {
    let (object, allowed, kinds): (&'static str, &'static [&'static str], &[&str]) = match set {
        ActionSet::Success => (
            "a success action",
            &["name", "type", "workflowId", "stepId", "criteria"],
            &["end", "goto"],
        ),
        ActionSet::Failure => (
            "a failure action",
            &["name", "type", "workflowId", "stepId", "retryAfter", "retryLimit", "criteria"],
            &["end", "goto", "retry"],
        ),
    };
    let f = Fields::new(node, object, allowed, diags)?;
    let name = f.required_text("name", node.span, diags);
    let kind = f.required_text("type", node.span, diags);
    if let Some(k) = &kind
        && !kinds.contains(&k.value.as_str())
    {
        diags.push(
            Diagnostic::error(k.span, format!("`{}` is not a type of {object}", k.value))
                .with_code(codes::BAD_VALUE)
                .with_suggestion(&k.value, kinds.iter().copied())
                .with_note(None, format!("the types are: {}", kinds.join(", "))),
        );
    }
    let workflow_id = f.text("workflowId", diags);
    let step_id = f.text("stepId", diags);
    if let (Some(_), Some(s)) = (&workflow_id, &step_id) {
        diags.push(Diagnostic::error(s.span, format!("{object} names both `workflowId` and `stepId`; keep one")).with_code(codes::INVALID));
    }
    if let Some(k) = &kind {
        let needs_target = k.value == "goto";
        if needs_target && workflow_id.is_none() && step_id.is_none() {
            diags.push(Diagnostic::error(k.span, "a `goto` action needs a `stepId` or a `workflowId`").with_code(codes::MISSING_FIELD));
        }
        if k.value == "end"
            && let Some(t) = workflow_id.as_ref().or(step_id.as_ref())
        {
            diags.push(Diagnostic::error(t.span, "an `end` action cannot name a target step or workflow").with_code(codes::INVALID));
        }
    }
    let is_retry = kind.as_ref().is_some_and(|k| k.value == "retry");
    let retry_after = f.node("retryAfter").and_then(|n| match &n.value {
        Value::Number(x) if x.as_f64().is_some_and(|v| v >= 0.0) => Some((x.as_f64().unwrap_or(0.0), n.span)),
        _ => {
            diags.push(
                Diagnostic::error(
                    n.span,
                    format!("`retryAfter` must be a non-negative number of seconds, found {}", shown(n)),
                )
                .with_code(codes::BAD_VALUE),
            );
            None
        }
    });
    let retry_limit = f.node("retryLimit").and_then(|n| match &n.value {
        Value::Number(x) if x.as_u64().is_some() => Some((x.as_u64().unwrap_or(0), n.span)),
        _ => {
            diags.push(
                Diagnostic::error(n.span, format!("`retryLimit` must be a non-negative integer, found {}", shown(n)))
                    .with_code(codes::BAD_VALUE),
            );
            None
        }
    });
    if !is_retry {
        for (field, span) in [("retryAfter", retry_after.map(|r| r.1)), ("retryLimit", retry_limit.map(|r| r.1))] {
            if let Some(span) = span {
                diags.push(Diagnostic::error(span, format!("`{field}` only applies to actions of type `retry`")).with_code(codes::INVALID));
            }
        }
    }
    let criteria = f.list("criteria", diags).iter().filter_map(|n| load_criterion(n, diags)).collect();
    Some(Action {
        name: name?,
        kind: kind?,
        workflow_id,
        step_id,
        retry_after,
        retry_limit,
        criteria,
        span: node.span,
    })
}

fn load_components(node: &Node, version: Version, diags: &mut Diagnostics) -> Components {
    let Some(f) = Fields::new(
        node,
        "components",
        &["inputs", "parameters", "successActions", "failureActions"],
        diags,
    ) else {
        return Components::default();
    };
    let mut components = Components { ..Components::default() };
    if let Some(m) = f.map_of("inputs", diags) {
        components.inputs = m.iter().map(|(k, v)| (key_text(k), v.clone())).collect();
    }
    if let Some(m) = f.map_of("parameters", diags) {
        components.parameters = m
            .iter()
            .filter_map(|(k, v)| Some((key_text(k), load_parameter(v, version, diags)?)))
            .collect();
    }
    if let Some(m) = f.map_of("successActions", diags) {
        components.success_actions = m
            .iter()
            .filter_map(|(k, v)| Some((key_text(k), load_action(v, ActionSet::Success, diags)?)))
            .collect();
    }
    if let Some(m) = f.map_of("failureActions", diags) {
        components.failure_actions = m
            .iter()
            .filter_map(|(k, v)| Some((key_text(k), load_action(v, ActionSet::Failure, diags)?)))
            .collect();
    }
    components
}
