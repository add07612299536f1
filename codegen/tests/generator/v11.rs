//! Arazzo 1.1 checks, each one edit away from a valid 1.1 document, with exact messages:
//! 1.1 constructs in a 1.0 document, Selector Objects (types, versions, selectors that can
//! never select anything), a step's `timeout`, `xpath-31`, `$self`.

use std::path::Path;

use arazzo_codegen::Generator;

const API: &str = r##"openapi: 3.1.0
info:
  title: Pets
  version: "1"
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: the pet
          content:
            application/json:
              schema:
                type: object
                required: [id, tags]
                additionalProperties: false
                properties:
                  id: {type: string}
                  tags:
                    type: array
                    items: {type: string}
"##;

const VALID: &str = r##"arazzo: 1.1.0
info:
  title: Pets
  version: 1.0.0
sourceDescriptions:
  - name: pets
    url: ./api.yaml
    type: openapi
workflows:
  - workflowId: fetch
    steps:
      - stepId: get
        operationId: getPet
        timeout: 2000
        parameters:
          - name: petId
            in: path
            value: p1
        successCriteria:
          - condition: $statusCode == 200
        outputs:
          id:
            context: $response.body
            selector: /id
            type: jsonpointer
          tags:
            context: $response.body
            selector: $.tags[*]
            type: jsonpath
    outputs:
      id: $steps.get.outputs.id
"##;

fn edit(edits: &[(&str, &str)]) -> String {
    edits.iter().fold(VALID.to_owned(), |doc, (from, to)| {
        assert!(doc.contains(from), "edit target not found: {from:?}");
        doc.replacen(from, to, 1)
    })
}

fn check(doc: &str) -> Vec<String> {
    let generator = Generator::new().memory_only(true).file("api.yaml", API).file("wf.arazzo.yaml", doc);
    match generator.check(Path::new("wf.arazzo.yaml")) {
        Ok(checked) => checked.warnings,
        Err(failure) => failure.lines(),
    }
}

fn assert_errors(edits: &[(&str, &str)], expected: &[&str]) {
    assert_eq!(check(&edit(edits)), expected);
}

#[test]
fn the_base_document_is_clean() {
    assert_eq!(check(VALID), Vec::<String>::new());
}

/// What 1.1 adds is an error in a 1.0 document, where it is written, not an unknown field.
#[test]
fn constructs_of_1_1_in_a_1_0_document() {
    assert_errors(
        &[("arazzo: 1.1.0", "arazzo: 1.0.1\n$self: https://example.test/wf.arazzo.yaml")],
        &[
            "wf.arazzo.yaml:2:1: `$self` in the Arazzo document is Arazzo 1.1; this document declares Arazzo 1.0; help: declare `arazzo: 1.1.0` to use it",
            "wf.arazzo.yaml:15:9: `timeout` in a step is Arazzo 1.1; this document declares Arazzo 1.0; help: declare `arazzo: 1.1.0` to use it",
            "wf.arazzo.yaml:24:13: a Selector Object as an output is Arazzo 1.1; this document declares Arazzo 1.0; help: declare `arazzo: 1.1.0` to use it",
            "wf.arazzo.yaml:28:13: a Selector Object as an output is Arazzo 1.1; this document declares Arazzo 1.0; help: declare `arazzo: 1.1.0` to use it",
        ],
    );
}

#[test]
fn a_selector_type_arazzo_does_not_define() {
    assert_errors(
        &[("            type: jsonpointer", "            type: jsonpinter")],
        &[
            "wf.arazzo.yaml:25:19: unknown selector type `jsonpinter`; note: the type is `jsonpath`, `xpath` or `jsonpointer`; help: did you mean `jsonpointer`?",
        ],
    );
}

/// A pointer or JSONPath selector is followed through the response schema.
#[test]
fn selectors_that_can_never_select_anything() {
    assert_errors(
        &[("selector: /id", "selector: /ident"), ("selector: $.tags[*]", "selector: $.tag[*]")],
        &["wf.arazzo.yaml:24:24: selector `/ident` cannot select anything: the response body of `getPet` has no `ident`"],
    );
    assert_errors(
        &[
            ("selector: /id", "selector: $.tags.first"),
            ("            type: jsonpointer", "            type: jsonpath"),
        ],
        &["wf.arazzo.yaml:24:30: `$.tags.first` cannot select anything: `/tags` of `getPet` is an array, which has no member `first`"],
    );
}

/// A string input holding XML, for `xpath` selectors.
const XML_INPUT: (&str, &str) = (
    "  - workflowId: fetch\n",
    "  - workflowId: fetch\n    inputs:\n      type: object\n      properties:\n        xml: {type: string}\n",
);
/// The first output's selector reads that input.
const XML_CONTEXT: (&str, &str) = (
    "            context: $response.body\n            selector: /id",
    "            context: $inputs.xml\n            selector: /id",
);

/// What cannot be evaluated faithfully is refused where it is written: `xpath-10` at its
/// version, a Goessner filter (JavaScript) at the filter's column.
#[test]
fn selectors_this_generator_does_not_evaluate_are_unsupported() {
    assert_errors(
        &[(
            "            type: jsonpointer",
            "            type:\n              type: xpath\n              version: xpath-10",
        )],
        &[
            "wf.arazzo.yaml:27:24: an `xpath-10` selector (XPath 1.0's own conversions and comparisons; the engine is XPath 3.1) is not supported by this version of the generator; note: rather than select a value wrongly, the generator refuses it; help: write the selector for XPath 3.1 (`version: xpath-31`, the default)",
        ],
    );
    // XPath 2.0, 3.0 and 3.1 selectors are evaluated (by XPath 3.1, which reads them as written).
    for version in ["xpath-20", "xpath-30", "xpath-31"] {
        assert_errors(
            &[
                XML_INPUT,
                XML_CONTEXT,
                (
                    "            type: jsonpointer",
                    &format!("            type:\n              type: xpath\n              version: {version}"),
                ),
            ],
            &[],
        );
    }
    // Over a response that can only be JSON, an XPath selector can never select anything.
    assert_errors(
        &[("            type: jsonpointer", "            type: xpath")],
        &[
            "wf.arazzo.yaml:24:23: xpath selector `/id` cannot select anything: it reads XML, and the response of `getPet` is JSON (application/json); help: select from JSON with a `jsonpointer` or `jsonpath` selector",
        ],
    );
    assert_errors(
        &[
            ("selector: $.tags[*]", "selector: $.tags[?(@ == 'a')]"),
            (
                "            type: jsonpath\n",
                "            type:\n              type: jsonpath\n              version: draft-goessner-dispatch-jsonpath-00\n",
            ),
        ],
        &[
            "wf.arazzo.yaml:28:30: a filter expression (Goessner's JSONPath evaluates it as JavaScript) in a `draft-goessner-dispatch-jsonpath-00` selector is not supported by this version of the generator; note: rather than select a value wrongly, the generator refuses it; help: use a `jsonpointer` or RFC 9535 `jsonpath` selector on JSON data",
        ],
    );
    // Without a filter, Goessner's query is evaluated (`.length` as JavaScript reads it).
    assert_errors(
        &[
            ("selector: $.tags[*]", "selector: $.tags.length"),
            (
                "            type: jsonpath\n",
                "            type:\n              type: jsonpath\n              version: draft-goessner-dispatch-jsonpath-00\n",
            ),
        ],
        &[],
    );
}

#[test]
fn selector_syntax_and_shape() {
    assert_errors(
        &[("selector: /id", "selector: id")],
        &["wf.arazzo.yaml:24:23: malformed selector `id`: a JSON pointer must be empty or start with '/'"],
    );
    assert_errors(
        &[(
            "            context: $response.body\n            selector: /id\n",
            "            selector: /id\n",
        )],
        &[
            "wf.arazzo.yaml:23:13: a Selector Object is missing required field `context`",
            "wf.arazzo.yaml:30:30: step `get` declares no output `id`; note: outputs of `get`: tags",
        ],
    );
    assert_errors(
        &[(
            "context: $response.body\n            selector: /id",
            "context: body\n            selector: /id",
        )],
        &[
            "wf.arazzo.yaml:23:22: a selector's `context` must be a runtime expression, found `body`; help: select the structured data to apply the selector to, such as `$response.body`",
        ],
    );
}

#[test]
fn step_timeout_must_be_milliseconds() {
    assert_errors(
        &[("timeout: 2000", "timeout: -1")],
        &["wf.arazzo.yaml:14:18: `timeout` must be a non-negative integer of milliseconds, found `-1`"],
    );
}

/// `xpath-31` is an XPath version from 1.1 on; a 1.0.1 document keeps 1.0.1's list.
#[test]
fn xpath_31_is_a_1_1_version() {
    let criterion = (
        "          - condition: $statusCode == 200\n",
        "          - condition: $statusCode == 200\n          - context: $response.body\n            condition: /pet\n            type:\n              type: xpath\n              version: xpath-31\n",
    );
    let in_1_1 = check(&edit(&[criterion]));
    assert!(!in_1_1.iter().any(|l| l.contains("xpath-31")), "{in_1_1:?}");
    let in_1_0 = check(&edit(&[criterion, ("arazzo: 1.1.0", "arazzo: 1.0.1")]));
    assert!(
        in_1_0.contains(
            &"wf.arazzo.yaml:25:24: unknown XPath version `xpath-31`; note: Arazzo 1.0.1 defines xpath-10, xpath-20, xpath-30; help: did you mean `xpath-30`?"
                .to_owned()
        ),
        "{in_1_0:?}"
    );
}

#[test]
fn self_must_not_have_a_fragment() {
    assert_errors(
        &[("arazzo: 1.1.0", "arazzo: 1.1.0\n$self: https://example.test/wf.arazzo.yaml#top")],
        &["wf.arazzo.yaml:2:8: `$self` must not contain a fragment identifier: `https://example.test/wf.arazzo.yaml#top`"],
    );
}

/// Selector Objects in parameter values are checked like those in outputs: the context
/// expression and the selector's syntax.
#[test]
fn selectors_in_parameters_and_replacements() {
    assert_errors(
        &[(
            "            value: p1\n",
            "            value:\n              context: $inputs.pet\n              selector: $.id ==\n              type: jsonpath\n",
        )],
        &[
            "wf.arazzo.yaml:19:32: `$inputs.pet` is not an input of workflow `fetch`; help: declare it under the workflow's `inputs.properties`",
            "wf.arazzo.yaml:20:32: malformed selector `$.id ==`: expected a value after '==', found the end of the condition",
        ],
    );
}

const LIBRARY: &str = r##"arazzo: 1.1.0
$self: https://example.test/shared/library.arazzo.yaml
info:
  title: Library
  version: 1.0.0
sourceDescriptions:
  - name: pets
    url: ../api.yaml
    type: openapi
workflows:
  - workflowId: lookup
    steps:
      - stepId: get
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: p1
        successCriteria:
          - condition: $statusCode == 200
"##;

/// A source `url` names an Arazzo document by its `$self`, wherever the file is; the
/// document's own relative references resolve against its `$self` (here to a URI no file
/// has, so by location), and `$self` reads it.
#[test]
fn sources_resolve_by_self_identity() {
    let entry = edit(&[
        ("arazzo: 1.1.0", "arazzo: 1.1.0\n$self: https://example.test/flows/wf.arazzo.yaml"),
        (
            "    type: openapi\n",
            "    type: openapi\n  - name: lib\n    url: ../shared/library.arazzo.yaml\n    type: arazzo\n",
        ),
        (
            "      id: $steps.get.outputs.id\n",
            "      id: $steps.get.outputs.id\n      me: $self\n",
        ),
    ]);
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("vendored/lib-copy.yaml", LIBRARY)
        .file("wf.arazzo.yaml", &entry);
    let generated = generator
        .generate(Path::new("wf.arazzo.yaml"))
        .map_err(|f| f.lines())
        .expect("generates");
    let code = generated.to_formatted_string();
    assert!(code.contains("lib_lookup"), "the library's workflow is compiled in");
    assert!(code.contains(r#".with_self("https://example.test/flows/wf.arazzo.yaml")"#));
    // Without the identity, the location `../shared/library.arazzo.yaml` has no file.
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("wf.arazzo.yaml", &entry);
    let lines = generator
        .check(Path::new("wf.arazzo.yaml"))
        .map(|c| c.warnings)
        .unwrap_or_else(|f| f.lines());
    assert!(
        lines.iter().any(|l| l.contains("cannot read `../shared/library.arazzo.yaml`")),
        "{lines:?}"
    );
}

#[test]
fn self_expression_needs_the_field_and_1_1() {
    assert_errors(
        &[(
            "      id: $steps.get.outputs.id\n",
            "      id: $steps.get.outputs.id\n      me: $self\n",
        )],
        &[
            "wf.arazzo.yaml:32:11: `$self` reads the document's `$self` field, which this document does not have; help: add `$self: <the document's URI>` at the top of the document",
        ],
    );
}

/// Two steps, the second depending on the first (and reading its output), and a second
/// workflow, for the `dependsOn` checks.
const DEPENDS: &str = r##"arazzo: 1.1.0
info:
  title: Pets
  version: 1.0.0
sourceDescriptions:
  - name: pets
    url: ./api.yaml
    type: openapi
workflows:
  - workflowId: fetch
    steps:
      - stepId: first
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: p1
        successCriteria:
          - condition: $statusCode == 200
        outputs:
          id: $response.body#/id
      - stepId: second
        operationId: getPet
        dependsOn: [first]
        parameters:
          - name: petId
            in: path
            value: $steps.first.outputs.id
        successCriteria:
          - condition: $statusCode == 200
        outputs:
          again: $response.body#/id
  - workflowId: other
    steps:
      - stepId: only
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: p2
"##;

fn depends(edits: &[(&str, &str)]) -> Vec<String> {
    let doc = edits.iter().fold(DEPENDS.to_owned(), |doc, (from, to)| {
        assert!(doc.contains(from), "edit target not found: {from:?}");
        doc.replacen(from, to, 1)
    });
    check(&doc)
}

#[test]
fn step_depends_on_an_earlier_step_is_clean() {
    assert_eq!(depends(&[]), Vec::<String>::new());
    let generated = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("wf.arazzo.yaml", DEPENDS)
        .generate(Path::new("wf.arazzo.yaml"))
        .map_err(|f| f.lines())
        .expect("generates");
    let code = generated.to_formatted_string();
    assert!(code.contains(r#"run.depends_on("second", &["first"])?;"#), "{code}");
    assert_eq!(code.matches("run.depends_on(").count(), 1);
}

/// Unknown ids (case-sensitive, with a suggestion), a step depending on itself or on a
/// later step (with the cycle named), at the entry's column.
#[test]
fn step_depends_on_entries_are_checked() {
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [frist]")]),
        [
            "wf.arazzo.yaml:24:21: `dependsOn` entry `frist` names no step of workflow `fetch`; note: step ids are case-sensitive; a step of another workflow is `$workflows.<workflowId>.steps.<stepId>`; help: did you mean `first`?"
        ]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [First]")]),
        [
            "wf.arazzo.yaml:24:21: `dependsOn` entry `First` names no step of workflow `fetch`; note: step ids are case-sensitive; a step of another workflow is `$workflows.<workflowId>.steps.<stepId>`; help: did you mean `first`?"
        ]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [first, second]")]),
        [
            "wf.arazzo.yaml:24:28: step `second` depends on itself; note: a dependency must complete before the step runs, so this one never can; help: remove the entry"
        ]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [first, first]")]),
        ["wf.arazzo.yaml:24:28: duplicate `dependsOn` entry `first`; note: first listed here at wf.arazzo.yaml:24:21"]
    );
    assert_eq!(
        depends(&[(
            "        operationId: getPet\n        parameters:\n          - name: petId\n            in: path\n            value: p1\n",
            "        operationId: getPet\n        dependsOn: [second]\n        parameters:\n          - name: petId\n            in: path\n            value: p1\n"
        )]),
        [
            "wf.arazzo.yaml:14:21: step `first` depends on step `second`, which comes after it in `steps`; note: steps run in the order of `steps` (`dependsOn` does not trigger execution, and this generator does not reorder), so in that order the dependency has not completed when the step is reached; note: and the dependencies form a cycle: `first` -> `second` -> `first`; help: move step `second` before step `first`"
        ]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: []")]),
        [
            "wf.arazzo.yaml:24:20: a step's `dependsOn` must list at least one step; help: remove `dependsOn`, or list the steps that must complete first"
        ]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [first, $steps.first]")]),
        [
            "wf.arazzo.yaml:24:28: `$steps.first` is not a step reference; note: a `dependsOn` entry is a `stepId` of the same workflow, `$workflows.<workflowId>.steps.<stepId>` or `$sourceDescriptions.<name>.<workflowId>.steps.<stepId>`"
        ]
    );
}

/// A step of another workflow is checked by both ids, then refused: a nested call records
/// no completed steps, so the dependency could not be honoured.
#[test]
fn step_depends_on_another_workflow_is_checked_then_unsupported() {
    let unsupported = "note: this generator runs another workflow only as a nested call, which records its inputs and outputs but not which of its steps completed, so the dependency could not be honoured; rather than run it wrongly, the generator refuses it; help: depend on the step of this workflow that calls that workflow, or on the workflow itself (workflow-level `dependsOn`)";
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [first, $workflows.other.steps.only]")]),
        [format!(
            "wf.arazzo.yaml:24:28: `dependsOn` on a step of another workflow (`other`) is not supported by this version of the generator; {unsupported}"
        )]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [first, $workflows.othr.steps.only]")]),
        ["wf.arazzo.yaml:24:39: unknown workflowId `othr`; help: did you mean `other`?"]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [first, $workflows.other.steps.onyl]")]),
        ["wf.arazzo.yaml:24:51: workflow `other` has no step `onyl`; help: did you mean `only`?"]
    );
    assert_eq!(
        depends(&[("dependsOn: [first]", "dependsOn: [first, $workflows.fetch.steps.first]")]),
        [
            "wf.arazzo.yaml:24:28: `$workflows.fetch.steps.first` names a step of this workflow; write its stepId, `first`; help: write `first`"
        ]
    );
    assert_eq!(
        depends(&[(
            "dependsOn: [first]",
            "dependsOn: [first, $sourceDescriptions.pets.lookup.steps.get]"
        )]),
        [
            "wf.arazzo.yaml:24:48: source description `pets` is an OpenAPI description, so it has no workflows; help: a step calls an operation of an OpenAPI source with `operationId` or `operationPath`"
        ]
    );
}

/// Arazzo 1.1's SHOULD: a step reading the outputs of a step written after it is an error
/// (steps run in array order); a 1.0 document keeps its behaviour.
#[test]
fn a_step_reading_a_later_step_s_outputs() {
    let forward = [
        ("        dependsOn: [first]\n", ""),
        ("            value: p1\n", "            value: $steps.second.outputs.again\n"),
    ];
    assert_eq!(
        depends(&forward),
        [
            "wf.arazzo.yaml:17:27: step `first` reads an output of step `second`, which comes after it in `steps`; note: an output reference is an implicit dependency, and steps run in the order of `steps`, so the output does not exist yet when the step is reached; help: move step `second` before step `first`"
        ]
    );
    let mut in_1_0 = forward.to_vec();
    in_1_0.push(("arazzo: 1.1.0", "arazzo: 1.0.1"));
    assert_eq!(depends(&in_1_0), Vec::<String>::new());
    // A step's `dependsOn` is 1.1.
    assert_eq!(
        depends(&[("arazzo: 1.1.0", "arazzo: 1.0.1")]),
        [
            "wf.arazzo.yaml:24:9: `dependsOn` in a step is Arazzo 1.1; this document declares Arazzo 1.0; help: declare `arazzo: 1.1.0` to use it"
        ]
    );
}

/// An OpenAPI 3.2 operation whose query string is one `in: querystring` parameter.
const API_3_2: &str = r##"openapi: 3.2.0
info:
  title: Search
  version: "1"
paths:
  /search:
    get:
      operationId: search
      parameters:
        - name: criteria
          in: querystring
          required: true
          content:
            application/x-www-form-urlencoded:
              schema:
                type: object
                properties:
                  q: {type: string}
      responses:
        "200":
          description: results
  /find:
    get:
      operationId: find
      parameters:
        - name: filter
          in: querystring
          content:
            application/json:
              schema: {type: object}
        - {name: X-Trace, in: header, schema: {type: string}}
      responses:
        "200":
          description: results
"##;

const SEARCH: &str = r##"arazzo: 1.1.0
info:
  title: Search
  version: 1.0.0
sourceDescriptions:
  - name: api
    url: ./api.yaml
    type: openapi
workflows:
  - workflowId: search
    inputs:
      type: object
      properties:
        term: {type: string}
    steps:
      - stepId: find
        operationId: search
        parameters:
          - name: criteria
            in: querystring
            value: "q={$inputs.term}&sort=desc"
        successCriteria:
          - condition: $statusCode == 200
"##;

fn search(api: &[(&str, &str)], doc: &[(&str, &str)]) -> Vec<String> {
    let apply = |base: &str, edits: &[(&str, &str)]| {
        edits.iter().fold(base.to_owned(), |text, (from, to)| {
            assert!(text.contains(from), "edit target not found: {from:?}");
            text.replacen(from, to, 1)
        })
    };
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", apply(API_3_2, api))
        .file("wf.arazzo.yaml", apply(SEARCH, doc));
    match generator.check(Path::new("wf.arazzo.yaml")) {
        Ok(checked) => checked.warnings,
        Err(failure) => failure.lines(),
    }
}

const READ_AS_3_1: &str =
    "api.yaml:1:10: OpenAPI `3.2.0` is read as 3.1 plus `in: querystring` parameters: other fields added in 3.2 are ignored";

/// `in: querystring` matches the operation's querystring parameter by name; the generated
/// step and the typed method send the whole query string.
#[test]
fn querystring_parameters_compile() {
    assert_eq!(search(&[], &[]), [READ_AS_3_1]);
    let generated = Generator::new()
        .memory_only(true)
        .all_operations(true)
        .file("api.yaml", API_3_2)
        .file("wf.arazzo.yaml", SEARCH)
        .generate(Path::new("wf.arazzo.yaml"))
        .map_err(|f| f.lines())
        .expect("generates");
    let code = generated.to_formatted_string();
    let code: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        code.contains(r#"::arazzo::__private::In::QueryString { preformatted: true, }, "criteria", ) .required(), { static TEMPLATE"#)
            && code.contains(r#"Expr::template( "q={$inputs.term}&sort=desc","#),
        "{code}"
    );
    assert!(code.contains("pub async fn search( &self, criteria: &str,"), "{code}");
    assert!(code.contains("request.querystring(criteria, true)"), "{code}");
    assert!(code.contains("filter: ::std::option::Option<&str>"), "{code}");
    assert!(code.contains("request.querystring(filter, false)"), "{code}");
}

#[test]
fn querystring_parameters_are_checked() {
    // By name, with a suggestion among the operation's querystring parameters.
    assert_eq!(
        search(&[], &[("name: criteria", "name: critera")]),
        [
            "wf.arazzo.yaml:16:17: step `find` does not set required querystring parameter `criteria` of operation `search`; help: add `- { name: criteria, in: querystring, value: ... }` to the step's parameters",
            "wf.arazzo.yaml:19:19: operation `search` has no querystring parameter `critera`; note: its querystring parameters are: criteria; help: did you mean `criteria`?",
            READ_AS_3_1,
        ]
    );
    // A constant that is not a string.
    assert_eq!(
        search(&[], &[("value: \"q={$inputs.term}&sort=desc\"", "value: {q: a}")]),
        [
            "wf.arazzo.yaml:21:20: the value of `in: querystring` parameter `criteria` must be a string (the whole query string), found a mapping; help: write the query string as the operation's media type formats it, e.g. `value: \"a=1&b={$inputs.b}\"`",
            READ_AS_3_1,
        ]
    );
    // Not beside `in: query` parameters.
    assert_eq!(
        search(
            &[],
            &[(
                "        successCriteria:",
                "          - name: page\n            in: query\n            value: 2\n        successCriteria:"
            )]
        ),
        [
            "wf.arazzo.yaml:22:19: `in: query` parameter `page` cannot be sent with `in: querystring` parameter `criteria`, which is the whole query string; note: the querystring parameter at wf.arazzo.yaml:19:19; help: put `page` into the querystring value",
            "wf.arazzo.yaml:22:19: operation `search` has no query parameter `page`; note: it declares no query parameters",
            READ_AS_3_1,
        ]
    );
    // `querystring` is Arazzo 1.1.
    let in_1_0 = search(&[], &[("arazzo: 1.1.0", "arazzo: 1.0.1")]);
    assert!(
        in_1_0.contains(&"wf.arazzo.yaml:20:17: unknown parameter location `querystring`; note: `in` is one of path, query, header, cookie; help: `in: querystring` is Arazzo 1.1: declare `arazzo: 1.1.0` to use it".to_owned()),
        "{in_1_0:?}"
    );
}

/// OpenAPI's own rules for the parameter: 3.2 only, `content` with one media type and no
/// `schema`, at most one, never with `in: query`.
#[test]
fn openapi_querystring_parameters_are_checked() {
    let lines = search(&[("openapi: 3.2.0", "openapi: 3.1.0")], &[]);
    assert!(
        lines.contains(&"api.yaml:11:15: parameter `criteria` needs `in: path`, `query`, `header` or `cookie`; note: `in: querystring` is OpenAPI 3.2; this document declares `openapi: 3.1.0`; help: declare `openapi: 3.2.0` to use it".to_owned()),
        "{lines:?}"
    );
    let lines = search(
        &[(
            "          content:\n            application/json:",
            "          schema: {type: string}\n          content:\n            application/json:",
        )],
        &[],
    );
    assert!(
        lines.contains(&"api.yaml:28:19: `schema` is not allowed on `in: querystring` parameter `filter`; note: OpenAPI 3.2: a querystring parameter is described by `content` alone; note: no workflow calls an operation of path `/find`, so its code is left out; `uncalled-operation` is warn (an error with `all_operations`); help: describe the query string with `content: {application/x-www-form-urlencoded: {schema: ...}}`".to_owned()),
        "{lines:?}"
    );
    let lines = search(
        &[(
            "        - {name: X-Trace, in: header, schema: {type: string}}",
            "        - {name: page, in: query, schema: {type: string}}",
        )],
        &[],
    );
    assert!(
        lines.contains(&"api.yaml:31:11: parameter `page` is an `in: query` parameter of an operation with `in: querystring` parameter `filter`; note: the querystring parameter, which is the whole query string at api.yaml:26:11; note: no workflow calls an operation of path `/find`, so its code is left out; `uncalled-operation` is warn (an error with `all_operations`); help: put the value into the querystring parameter's content, or drop one of them".to_owned()),
        "{lines:?}"
    );
}

/// In 1.1 a named XPath version's own semantics apply; the XPath 3.1 engine cannot give
/// XPath 1.0's, so `xpath-10` is refused there (a 1.0.1 document keeps reading it with 3.1).
#[test]
fn xpath_10_is_unsupported_in_1_1() {
    let criterion = (
        "          - condition: $statusCode == 200\n",
        "          - condition: $statusCode == 200\n          - context: $response.body\n            condition: /pet\n            type:\n              type: xpath\n              version: xpath-10\n",
    );
    assert_errors(
        &[criterion],
        &[
            "wf.arazzo.yaml:25:24: XPath version `xpath-10` is not supported by this version of the generator; note: Arazzo 1.1 requires XPath 1.0's own semantics (its type conversions and comparisons); the engine here is XPath 3.1; help: write the condition for XPath 3.1 (`version: xpath-31`, the default)",
        ],
    );
    let in_1_0 = check(&edit(&[criterion, ("arazzo: 1.1.0", "arazzo: 1.0.1")]));
    assert!(!in_1_0.iter().any(|l| l.contains("xpath-10")), "{in_1_0:?}");
}

/// A workflow output's selector over a step output that is the response body is checked
/// against that step's response schema.
#[test]
fn workflow_output_selectors_are_checked_through_step_outputs() {
    assert_errors(
        &[
            ("          tags:\n", "          body: $response.body\n          tags:\n"),
            (
                "      id: $steps.get.outputs.id\n",
                "      id: $steps.get.outputs.id\n      first:\n        context: $steps.get.outputs.body\n        selector: $.tag[0]\n        type: jsonpath\n",
            ),
        ],
        &[
            "wf.arazzo.yaml:35:21: `$.tag[0]` cannot select anything: the response body of `getPet` has no `tag`; help: did you mean `tags`?",
        ],
    );
}

/// The callee for [`selectors_in_replacements_and_workflow_inputs`]: it takes one input.
const CALLER: &str = r##"  - workflowId: caller
    steps:
      - stepId: first
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: p1
        successCriteria:
          - condition: $statusCode == 200
        outputs:
          body: $response.body
      - stepId: note
        operationId: addNote
        parameters:
          - name: petId
            in: path
            value: p1
        requestBody:
          contentType: application/json
          payload:
            note: placeholder
          replacements:
            - target: /note
              value:
                context: $steps.first.outputs.body
                selector: /id
                type: jsonpointer
        successCriteria:
          - condition: $statusCode == 204
      - stepId: call
        workflowId: fetch
        parameters:
          - name: pet
            value:
              context: $steps.first.outputs.body
              selector: /id
              type: jsonpointer
          - name: tags
            value:
              all:
                context: $steps.first.outputs.body
                selector: $.tags[*]
                type: jsonpath
"##;

fn with_caller(edits: &[(&str, &str)]) -> Vec<String> {
    let doc = format!(
        "{}{CALLER}",
        edit(&[(
            "  - workflowId: fetch\n",
            "  - workflowId: fetch\n    inputs:\n      type: object\n      properties:\n        pet: {type: string}\n        tags: {type: object}\n",
        )])
    );
    let doc = edits.iter().fold(doc, |doc, (from, to)| {
        assert!(doc.contains(from), "edit target not found: {from:?}");
        doc.replacen(from, to, 1)
    });
    let api = format!("{API}{NOTES}");
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", &api)
        .file("wf.arazzo.yaml", &doc);
    match generator.check(Path::new("wf.arazzo.yaml")) {
        Ok(checked) => checked.warnings,
        Err(failure) => failure.lines(),
    }
}

/// An operation with a request body, for replacements.
const NOTES: &str = r##"  /pets/{petId}/notes:
    post:
      operationId: addNote
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {type: object}
      responses:
        "204":
          description: noted
"##;

/// Selector Objects in the inputs a step passes to a workflow, and in replacement values, are
/// checked like those in payloads: through the response schema of the step whose output is
/// the context, at the token that cannot match.
#[test]
fn selectors_in_replacements_and_workflow_inputs() {
    assert_eq!(with_caller(&[]), Vec::<String>::new());
    assert_eq!(
        with_caller(&[(
            "              selector: /id\n              type: jsonpointer\n          - name: tags",
            "              selector: /ident\n              type: jsonpointer\n          - name: tags"
        )]),
        ["wf.arazzo.yaml:73:26: selector `/ident` cannot select anything: the response body of `getPet` has no `ident`"]
    );
    assert_eq!(
        with_caller(&[(
            "                selector: /id\n                type: jsonpointer\n        successCriteria",
            "                selector: /nid\n                type: jsonpointer\n        successCriteria"
        )]),
        [
            "wf.arazzo.yaml:63:28: selector `/nid` cannot select anything: the response body of `getPet` has no `nid`; help: did you mean `id`?"
        ]
    );
    assert_eq!(
        with_caller(&[(
            "selector: $.tags[*]\n                type: jsonpath\n",
            "selector: $.tag[0]\n                type: jsonpath\n"
        )]),
        ["wf.arazzo.yaml:79:29: `$.tag[0]` cannot select anything: the response body of `getPet` has no `tag`; help: did you mean `tags`?"]
    );
}

/// With the `xpath` feature the generator compiles an `xpath` selector with the runtime's
/// engine, so a syntax error is reported at its column, as for `xpath` criteria.
#[cfg(feature = "xpath")]
#[test]
fn xpath_selectors_that_do_not_parse() {
    assert_errors(
        &[
            XML_INPUT,
            XML_CONTEXT,
            ("selector: /id", "selector: /pet/id["),
            ("            type: jsonpointer", "            type: xpath"),
        ],
        &["wf.arazzo.yaml:28:31: malformed selector `/pet/id[`: invalid XPath: parse error (XPST0003)"],
    );
}

/// An `xpath` selector makes the generated code require the runtime's `xpath` feature (without
/// it, `__require_xpath!(selector ..)` is a `compile_error!` naming the selector), once per
/// selector and place, in outputs and in values a step sends.
#[test]
fn xpath_selectors_make_the_generated_code_require_the_runtime_feature() {
    let generate = |doc: &str| {
        let generator = Generator::new().memory_only(true).file("api.yaml", API).file("wf.arazzo.yaml", doc);
        let code = generator
            .generate(Path::new("wf.arazzo.yaml"))
            .expect("generates")
            .to_formatted_string();
        let flat = code
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace("!( ", "!(")
            .replace(" );", ");");
        flat.split("::arazzo::__require_xpath!")
            .skip(1)
            .map(|c| c.split(';').next().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(generate(VALID), Vec::<String>::new());
    let doc = edit(&[
        XML_CONTEXT,
        ("selector: /id", "selector: /pet/@id"),
        ("            type: jsonpointer", "            type: xpath"),
        (
            "            value: p1\n",
            "            value:\n              context: $inputs.xml\n              selector: /pet/name\n              type: xpath\n",
        ),
        XML_INPUT,
    ]);
    assert_eq!(
        generate(&doc),
        [
            "(selector \"workflow `fetch`, step `get`: selector `/pet/@id`\")",
            "(selector \"workflow `fetch`, step `get`: selector `/pet/name`\")",
        ]
    );
}

/// `targetSelectorType` (1.1): `jsonpointer` is applied (and the target must then be a
/// pointer), an unknown type is an error with a suggestion, JSONPath and XPath targets are
/// refused as `unsupported` where the type is written.
#[test]
fn replacement_target_selector_types() {
    let typed = |target: &str, kind: &str| {
        with_caller(&[(
            "            - target: /note\n",
            &format!("            - target: {target}\n              targetSelectorType: {kind}\n"),
        )])
    };
    assert_eq!(typed("/note", "jsonpointer"), Vec::<String>::new());
    assert_eq!(typed("/note", "{type: jsonpointer, version: rfc6901}"), Vec::<String>::new());
    assert_eq!(
        typed("/note", "jmespath"),
        ["wf.arazzo.yaml:61:35: unknown `targetSelectorType` `jmespath`; note: the type is `jsonpath`, `xpath` or `jsonpointer`"]
    );
    assert_eq!(
        typed("$.note", "{type: jsonpath, version: rfc9535}"),
        [
            "wf.arazzo.yaml:61:42: a replacement `target` selected by `jsonpath` (only JSON pointers are applied) is not supported by this version of the generator; note: rather than run it wrongly, the generator refuses it"
        ]
    );
    assert_eq!(
        typed("note", "jsonpointer"),
        ["wf.arazzo.yaml:60:23: malformed replacement target `note`: a JSON pointer must be empty or start with '/'"]
    );
    assert_eq!(
        typed("/note", "{type: jsonpointer, version: rfc9535}"),
        ["wf.arazzo.yaml:61:64: unknown jsonpointer version `rfc9535`; expected rfc6901"]
    );
}
