//! Every check the generator makes, each shown with its exact message.
//!
//! Each test takes one small valid document, makes one edit, and asserts the
//! complete list of one-line diagnostics (`file:line:column: message; note:
//! ...; help: ...`), which is also the text of the macro's `compile_error!`s.
//! Documents are served from memory, so the tests read no files.

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
        - name: petId
          in: path
          required: true
          schema:
            type: string
        - name: verbose
          in: query
          schema:
            type: boolean
      responses:
        "200":
          description: the pet
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
  /pets:
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/Pet"
      responses:
        "201":
          description: created
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: object
      required: [id, status]
      additionalProperties: false
      properties:
        id:
          type: string
        status:
          type: string
          enum: [available, sold]
        extra:
          type: object
        owner:
          type: object
          properties:
            name:
              type: string
"##;

const VALID: &str = r##"arazzo: 1.0.1
info:
  title: Pets
  version: 1.0.0
sourceDescriptions:
  - name: pets
    url: ./api.yaml
    type: openapi
workflows:
  - workflowId: adopt
    inputs:
      type: object
      required: [petId]
      properties:
        petId:
          type: string
    steps:
      - stepId: fetch
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: $inputs.petId
        successCriteria:
          - condition: $statusCode == 200
          - condition: $response.body#/status == "available"
        onSuccess:
          - name: next
            type: goto
            stepId: create
        onFailure:
          - name: again
            type: retry
            retryAfter: 1
            retryLimit: 3
        outputs:
          status: $response.body#/status
      - stepId: create
        operationId: createPet
        requestBody:
          contentType: application/json
          payload:
            id: "{$inputs.petId}"
            status: available
        successCriteria:
          - condition: $statusCode == 201
          - context: $response.body
            condition: $.status == "available"
            type: jsonpath
          - context: $response.body#/id
            condition: ^[a-z]+$
            type: regex
        outputs:
          id: $response.body#/id
    outputs:
      petId: $steps.create.outputs.id
components:
  parameters:
    verbose:
      name: verbose
      in: query
      value: true
"##;

/// `VALID` with each `(from, to)` replaced once; `from` must occur.
fn edit(edits: &[(&str, &str)]) -> String {
    edits.iter().fold(VALID.to_owned(), |doc, (from, to)| {
        assert!(doc.contains(from), "edit target not found: {from:?}");
        doc.replacen(from, to, 1)
    })
}

/// The one-line diagnostics for `doc`: its errors, or its warnings when it
/// has no errors (an empty list when it checks clean).
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

/// Only Arazzo 1.0.x and 1.1.x are read.
#[test]
fn version_other_than_1_0_x_or_1_1_x_is_refused() {
    assert_errors(
        &[("arazzo: 1.0.1", "arazzo: 1.2.0")],
        &[
            "wf.arazzo.yaml:1:9: unsupported Arazzo version `1.2.0`; help: this generator reads Arazzo 1.0.x and 1.1.x documents (`arazzo: 1.1.0`)",
        ],
    );
    assert_errors(&[("arazzo: 1.0.1", "arazzo: 1.1.0")], &[]);
}

/// Required fields (here `info.title`).
#[test]
fn missing_required_field() {
    assert_errors(
        &[("  title: Pets\n", "")],
        &["wf.arazzo.yaml:3:3: info is missing required field `title`"],
    );
}

/// A misspelt field is an error with a did-you-mean.
#[test]
fn unknown_field_suggests_the_known_one() {
    assert_errors(
        &[(
            "        successCriteria:\n          - condition: $statusCode == 200\n          - condition: $response.body#/status",
            "        sucessCriteria:\n          - condition: $statusCode == 200\n          - condition: $response.body#/status",
        )],
        &[
            "wf.arazzo.yaml:24:9: unknown field `sucessCriteria` in a step; note: the fields of a step are: stepId, description, operationId, operationPath, workflowId, parameters, requestBody, successCriteria, onSuccess, onFailure, outputs; help: did you mean `successCriteria`?",
        ],
    );
}

/// Exactly one of operationId / operationPath / workflowId.
#[test]
fn step_with_two_targets() {
    assert_errors(
        &[(
            "        operationId: getPet\n",
            "        operationId: getPet\n        workflowId: adopt\n",
        )],
        &[
            "wf.arazzo.yaml:18:9: a step names more than one of `operationId`, `operationPath`, `channelPath` and `workflowId`; keep exactly one",
        ],
    );
}

/// A step with none of them.
#[test]
fn step_with_no_target() {
    assert_errors(
        &[("        operationId: getPet\n", "")],
        &["wf.arazzo.yaml:18:17: a step needs exactly one of `operationId`, `operationPath`, `channelPath` or `workflowId`"],
    );
}

/// `goto` names exactly one of stepId / workflowId.
#[test]
fn goto_with_step_and_workflow() {
    assert_errors(
        &[(
            "            stepId: create\n",
            "            stepId: create\n            workflowId: adopt\n",
        )],
        &["wf.arazzo.yaml:30:21: a success action names both `workflowId` and `stepId`; keep one"],
    );
}

/// `goto` names one of them.
#[test]
fn goto_with_no_target() {
    assert_errors(
        &[("            type: goto\n            stepId: create\n", "            type: goto\n")],
        &["wf.arazzo.yaml:29:19: a `goto` action needs a `stepId` or a `workflowId`"],
    );
}

/// retryAfter / retryLimit belong to retry actions.
#[test]
fn retry_fields_only_on_retry() {
    assert_errors(
        &[("            type: retry\n", "            type: end\n")],
        &[
            "wf.arazzo.yaml:34:25: `retryAfter` only applies to actions of type `retry`",
            "wf.arazzo.yaml:35:25: `retryLimit` only applies to actions of type `retry`",
        ],
    );
}

/// Negative retry fields.
#[test]
fn retry_fields_are_non_negative() {
    assert_errors(
        &[(
            "            retryAfter: 1\n            retryLimit: 3\n",
            "            retryAfter: -1\n            retryLimit: -3\n",
        )],
        &[
            "wf.arazzo.yaml:34:25: `retryAfter` must be a non-negative number of seconds, found `-1`",
            "wf.arazzo.yaml:35:25: `retryLimit` must be a non-negative integer, found `-3`",
        ],
    );
}

/// stepIds are unique in a workflow.
#[test]
fn duplicate_step_ids() {
    assert_errors(
        &[
            ("      - stepId: create\n", "      - stepId: fetch\n"),
            ("            stepId: create\n", "            stepId: fetch\n"),
            ("$steps.create.outputs.id", "$steps.fetch.outputs.status"),
        ],
        &["wf.arazzo.yaml:38:17: duplicate stepId `fetch`; note: first defined here at wf.arazzo.yaml:18:17"],
    );
}

/// workflowIds are unique in a document.
#[test]
fn duplicate_workflow_ids() {
    assert_errors(
        &[(
            "components:\n",
            "  - workflowId: adopt\n    steps:\n      - stepId: only\n        operationId: getPet\n        parameters:\n          - name: petId\n            in: path\n            value: x\ncomponents:\n",
        )],
        &["wf.arazzo.yaml:57:17: duplicate workflowId `adopt`; note: first defined here at wf.arazzo.yaml:10:17"],
    );
}

/// Source description names are unique.
#[test]
fn duplicate_source_names() {
    assert_errors(
        &[("    type: openapi\n", "    type: openapi\n  - name: pets\n    url: ./api.yaml\n")],
        &[
            "wf.arazzo.yaml:9:11: duplicate source description name `pets`; note: first defined here at wf.arazzo.yaml:6:11",
            "wf.arazzo.yaml:21:22: operationId `getPet` is ambiguous: 2 OpenAPI source descriptions define it; help: the sources defining it share one name (`pets`): rename one",
            "wf.arazzo.yaml:41:22: operationId `createPet` is ambiguous: 2 OpenAPI source descriptions define it; help: the sources defining it share one name (`pets`): rename one",
        ],
    );
}

/// Action names are unique within a list.
#[test]
fn duplicate_action_names() {
    assert_errors(
        &[(
            "            stepId: create\n",
            "            stepId: create\n          - name: next\n            type: end\n",
        )],
        &["wf.arazzo.yaml:31:19: duplicate action name `next`; note: first defined here at wf.arazzo.yaml:28:19"],
    );
}

/// (name, in) pairs are unique.
#[test]
fn duplicate_parameters() {
    assert_errors(
        &[(
            "            value: $inputs.petId\n",
            "            value: $inputs.petId\n          - name: petId\n            in: path\n            value: again\n",
        )],
        &["wf.arazzo.yaml:24:19: duplicate parameter `petId` in path; note: first defined here at wf.arazzo.yaml:21:19"],
    );
}

/// Ids should match [A-Za-z0-9_-]+ (the spec's SHOULD: a warning).
#[test]
fn id_pattern() {
    assert_errors(
        &[
            ("      - stepId: create\n", "      - stepId: create it\n"),
            ("            stepId: create\n", "            stepId: create it\n"),
            ("$steps.create.outputs.id", "$steps.fetch.outputs.status"),
        ],
        &["wf.arazzo.yaml:38:17: stepId `create it` should match `[A-Za-z0-9_-]+`; note: runtime expressions cannot refer to it"],
    );
}

/// Output names match [a-zA-Z0-9.-_]+.
#[test]
fn output_name_pattern() {
    assert_errors(
        &[
            ("          id: $response.body#/id\n", "          id$: $response.body#/id\n"),
            ("$steps.create.outputs.id", "$steps.fetch.outputs.status"),
        ],
        &["wf.arazzo.yaml:54:11: output name `id$` must match `[a-zA-Z0-9.-_]+`"],
    );
}

/// goto to a step that does not exist, with a suggestion.
#[test]
fn goto_unknown_step() {
    assert_errors(
        &[("            stepId: create\n", "            stepId: creat\n")],
        &[
            "wf.arazzo.yaml:30:21: `next` goes to unknown step `creat`; note: steps of workflow `adopt`: fetch, create; help: did you mean `create`?",
        ],
    );
}

/// `$steps.X` where X is no step.
#[test]
fn unknown_step_in_expression() {
    assert_errors(
        &[("$steps.create.outputs.id", "$steps.craete.outputs.id")],
        &["wf.arazzo.yaml:56:21: `$steps.craete` names no step of workflow `adopt`; help: did you mean `create`?"],
    );
}

/// `$steps.X.outputs.Y` where Y is not declared.
#[test]
fn undeclared_step_output() {
    assert_errors(
        &[("$steps.create.outputs.id", "$steps.create.outputs.ids")],
        &["wf.arazzo.yaml:56:36: step `create` declares no output `ids`; note: outputs of `create`: id; help: did you mean `id`?"],
    );
}

/// `$inputs.X` against the input schema.
#[test]
fn undeclared_input() {
    assert_errors(
        &[("            value: $inputs.petId\n", "            value: $inputs.petid\n")],
        &[
            "wf.arazzo.yaml:23:28: `$inputs.petid` is not an input of workflow `adopt`; note: declared inputs: petId; help: did you mean `petId`?",
        ],
    );
}

/// `$outputs.X` of the workflow.
#[test]
fn undeclared_workflow_output() {
    assert_errors(
        &[(
            "        onFailure:\n",
            "          - name: check\n            type: end\n            criteria:\n              - condition: $outputs.petid == 1\n        onFailure:\n",
        )],
        &["wf.arazzo.yaml:34:37: `$outputs.petid` is not an output of workflow `adopt`; help: did you mean `petId`?"],
    );
}

/// operationIds resolve in the source.
#[test]
fn unknown_operation_id() {
    assert_errors(
        &[("operationId: getPet", "operationId: getpet")],
        &["wf.arazzo.yaml:19:22: unknown operationId `getpet`; help: did you mean `getPet`?"],
    );
}

/// With two OpenAPI sources defining the same operationId, a bare one is
/// ambiguous: an error naming every candidate.
#[test]
fn qualified_operation_id_with_several_sources() {
    assert_errors(
        &[(
            "    type: openapi\n",
            "    type: openapi\n  - name: other\n    url: ./api.yaml\n    type: openapi\n",
        )],
        &[
            "wf.arazzo.yaml:22:22: operationId `getPet` is ambiguous: 2 OpenAPI source descriptions define it; help: write one of `$sourceDescriptions.pets.getPet`, `$sourceDescriptions.other.getPet`",
            "wf.arazzo.yaml:42:22: operationId `createPet` is ambiguous: 2 OpenAPI source descriptions define it; help: write one of `$sourceDescriptions.pets.createPet`, `$sourceDescriptions.other.createPet`",
        ],
    );
}

/// An operationPath must land on an operation.
#[test]
fn operation_path_at_a_path_item() {
    assert_errors(
        &[(
            "operationId: getPet",
            "operationPath: '{$sourceDescriptions.pets.url}#/paths/~1pets~1{petId}'",
        )],
        &[
            "wf.arazzo.yaml:19:56: operationPath `/paths/~1pets~1{petId}` points at a path item, not an operation; help: add the method, e.g. `/paths/~1pets~1{petId}/get`",
        ],
    );
}

/// An operationPath into nothing.
#[test]
fn operation_path_not_in_the_api() {
    assert_errors(
        &[(
            "operationId: getPet",
            "operationPath: '{$sourceDescriptions.pets.url}#/paths/~1pet~1{petId}/get'",
        )],
        &[
            "wf.arazzo.yaml:19:56: operationPath `/paths/~1pet~1{petId}/get` does not point at an operation in `pets`; help: did you mean `/paths/~1pets~1{petId}/get`?",
        ],
    );
}

/// `reference` targets exist.
#[test]
fn unknown_component_reference() {
    assert_errors(
        &[(
            "            value: $inputs.petId\n",
            "            value: $inputs.petId\n          - reference: $components.parameters.verbos\n",
        )],
        &["wf.arazzo.yaml:24:47: unknown component parameter `verbos`; help: did you mean `verbose`?"],
    );
}

/// A reusable parameter with a `value` override checks clean.
#[test]
fn component_reference_with_value_override() {
    assert_errors(
        &[(
            "            value: $inputs.petId\n",
            "            value: $inputs.petId\n          - reference: $components.parameters.verbose\n            value: false\n",
        )],
        &[],
    );
}

/// Parameters the operation declares (name and `in`).
#[test]
fn parameter_the_operation_does_not_declare() {
    assert_errors(
        &[(
            "            in: path\n            value: $inputs.petId\n",
            "            in: path\n            value: $inputs.petId\n          - name: verbos\n            in: query\n            value: true\n",
        )],
        &[
            "wf.arazzo.yaml:24:19: operation `getPet` has no query parameter `verbos`; note: its query parameters are: verbose; help: did you mean `verbose`?",
        ],
    );
}

/// The right name in the wrong `in`.
#[test]
fn parameter_in_the_wrong_place() {
    assert_errors(
        &[(
            "            in: path\n            value: $inputs.petId\n",
            "            in: path\n            value: $inputs.petId\n          - name: verbose\n            in: header\n            value: true\n",
        )],
        &[
            "wf.arazzo.yaml:24:19: operation `getPet` has no header parameter `verbose`; it is sent as given; note: it declares no header parameters; help: `verbose` is a query parameter: write `in: query`",
        ],
    );
}

/// Required parameters are present.
#[test]
fn required_parameter_missing() {
    assert_errors(
        &[(
            "        parameters:\n          - name: petId\n            in: path\n            value: $inputs.petId\n",
            "",
        )],
        &[
            "wf.arazzo.yaml:18:17: step `fetch` does not set required path parameter `petId` of operation `getPet`; help: add `- { name: petId, in: path, value: ... }` to the step's parameters",
        ],
    );
}

/// Request bodies only where the operation takes one.
#[test]
fn request_body_where_none_is_taken() {
    assert_errors(
        &[(
            "        successCriteria:\n          - condition: $statusCode == 200\n",
            "        requestBody:\n          contentType: application/json\n          payload: {}\n        successCriteria:\n          - condition: $statusCode == 200\n",
        )],
        &["wf.arazzo.yaml:25:11: operation `getPet` takes no request body"],
    );
}

/// ... and in a content type it accepts.
#[test]
fn request_body_in_a_content_type_not_accepted() {
    assert_errors(
        &[("contentType: application/json", "contentType: text/plain")],
        &["wf.arazzo.yaml:41:24: operation `createPet` does not accept `text/plain` bodies; note: it accepts: application/json"],
    );
}

/// No request body on workflowId steps.
#[test]
fn request_body_on_a_workflow_step() {
    assert_errors(
        &[(
            "        operationId: createPet\n",
            "        workflowId: adopt\n        parameters:\n          - name: petId\n            value: x\n",
        )],
        &["wf.arazzo.yaml:44:11: a step that calls a workflow cannot have a request body; pass values as parameters"],
    );
}

/// The runtime expression grammar.
#[test]
fn malformed_runtime_expression() {
    assert_errors(
        &[("$steps.create.outputs.id", "$steps.create.id")],
        &[
            "wf.arazzo.yaml:56:28: malformed runtime expression in workflow output `$steps.create.id`: expected 'outputs' after '$steps.create.', found 'id'; step references have the form $steps.<stepId>.outputs.<name>",
        ],
    );
}

/// Embedded `{$...}` templates.
#[test]
fn malformed_template() {
    assert_errors(
        &[("id: \"{$inputs.petId}\"", "id: \"{$inputs.petId\"")],
        &[
            "wf.arazzo.yaml:43:32: malformed runtime expression in payload value `{$inputs.petId`: unterminated embedded expression; expected '}' to close the '{' at byte 0",
        ],
    );
}

/// `simple` conditions.
#[test]
fn malformed_simple_condition() {
    assert_errors(
        &[("- condition: $statusCode == 201", "- condition: $statusCode = 201")],
        &["wf.arazzo.yaml:46:36: malformed criterion `$statusCode = 201`: '=' is not an operator; use '==' to compare"],
    );
}

/// regex criteria compile.
#[test]
fn regex_that_does_not_compile() {
    assert_errors(
        &[("condition: ^[a-z]+$", "condition: ^[a-z+$")],
        &["wf.arazzo.yaml:51:25: malformed criterion `^[a-z+$`: invalid regular expression: unclosed character class"],
    );
}

/// JSONPath criteria parse (RFC 9535).
#[test]
fn jsonpath_that_does_not_parse() {
    assert_errors(
        &[("condition: $.status == \"available\"", "condition: $.status[ == \"available\"")],
        &["wf.arazzo.yaml:48:32: malformed criterion `$.status[ == \"available\"`: unclosed '[' in JSONPath query"],
    );
}

/// Goessner's JSONPath is evaluated where its meaning is RFC 9535's (or JavaScript's
/// `.length`); a comparison, a filter or a script expression is refused at its column.
#[test]
fn unsupported_criterion_version() {
    assert_errors(
        &[(
            "            type: jsonpath\n",
            "            type:\n              type: jsonpath\n              version: draft-goessner-dispatch-jsonpath-00\n",
        )],
        &[
            "wf.arazzo.yaml:48:24: a comparison outside a filter (Goessner's JSONPath has none) is not supported by this version of the generator; note: `draft-goessner-dispatch-jsonpath-00` is evaluated where it selects what RFC 9535 selects, and `.length` as JavaScript reads it; help: write the condition in RFC 9535 JSONPath (no `version`), whose filters have defined semantics",
        ],
    );
}

/// A version Arazzo does not define.
#[test]
fn unknown_criterion_version() {
    assert_errors(
        &[(
            "            type: jsonpath\n",
            "            type:\n              type: jsonpath\n              version: draft-99\n",
        )],
        &[
            "wf.arazzo.yaml:51:24: malformed criterion version `draft-99`: unknown JSONPath version 'draft-99'; only RFC 9535 JSONPath (no version) is supported",
        ],
    );
}

/// The `xpath` criterion that the XPath tests below start from: `type: xpath` in place of the
/// jsonpath criterion (line 49), with its condition on line 48.
const XPATH: (&str, &str) = (
    "            condition: $.status == \"available\"\n            type: jsonpath\n",
    "            condition: /pet/status = 'available'\n            type: xpath\n",
);

/// `xpath` criteria are accepted, plain and as a Criterion Expression Type Object.
#[test]
fn xpath_criteria_are_accepted() {
    assert_errors(&[XPATH], &[]);
    for version in ["xpath-10", "xpath-20", "xpath-30"] {
        let typed = format!(
            "            condition: /pet/status = 'available'\n            type:\n              type: xpath\n              version: {version}\n"
        );
        assert_errors(&[(XPATH.0, &typed)], &[]);
    }
}

/// A version Arazzo 1.0.1 does not define for XPath, with a suggestion.
#[test]
fn unknown_xpath_version() {
    assert_errors(
        &[(
            XPATH.0,
            "            condition: /pet/status = 'available'\n            type:\n              type: xpath\n              version: xpath-01\n",
        )],
        &[
            "wf.arazzo.yaml:51:24: unknown XPath version `xpath-01`; note: Arazzo 1.0.1 defines xpath-10, xpath-20, xpath-30; help: did you mean `xpath-10`?",
        ],
    );
}

/// Like `regex` and `jsonpath`, `xpath` needs to be told what document to read.
#[test]
fn xpath_without_context() {
    assert_errors(
        &[
            XPATH,
            (
                "          - context: $response.body\n            condition: /pet",
                "          - condition: /pet",
            ),
        ],
        &["wf.arazzo.yaml:47:13: a `xpath` criterion needs a `context` (e.g. `context: $response.body`)"],
    );
}

/// Whether the runtime has an XPath engine is only known where `arazzo` is compiled, so the
/// generated code asks it, once per `xpath` criterion and step, naming both (without the
/// runtime's `xpath` feature, `__require_xpath!` is a `compile_error!` with that text).
#[test]
fn xpath_criteria_make_the_generated_code_require_the_runtime_feature() {
    let generate = |doc: &str| {
        let generator = Generator::new().memory_only(true).file("api.yaml", API).file("wf.arazzo.yaml", doc);
        generator
            .generate(Path::new("wf.arazzo.yaml"))
            .expect("generates")
            .to_formatted_string()
    };
    assert!(!generate(VALID).contains("__require_xpath"));
    let code = generate(&edit(&[XPATH]));
    // One line per call, whatever the formatter does with long macro calls.
    let flat = code
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("!( ", "!(")
        .replace(" );", ");");
    let required: Vec<&str> = flat
        .split("::arazzo::__require_xpath!")
        .skip(1)
        .map(|c| c.split(';').next().unwrap_or(""))
        .collect();
    assert_eq!(
        required,
        ["(\"workflow `adopt`, step `create`: condition `/pet/status = 'available'`\")"]
    );
}

/// With the `xpath` feature the generator compiles each XPath condition with the runtime's
/// engine, so a syntax error is reported where it is written. (`cargo test --workspace`
/// enables the feature through arazzo-tests; alone: `cargo test -p arazzo-codegen --features xpath`.)
#[cfg(feature = "xpath")]
#[test]
fn xpath_that_does_not_parse() {
    assert_errors(
        &[
            XPATH,
            ("condition: /pet/status = 'available'", "condition: /pet/status[ = 'available'"),
        ],
        &["wf.arazzo.yaml:48:37: malformed criterion `/pet/status[ = 'available'`: invalid XPath: parse error (XPST0003)"],
    );
    // Static errors past the grammar too: an unknown function.
    assert_errors(
        &[XPATH, ("condition: /pet/status = 'available'", "condition: stat(/pet) = 1")],
        &[
            "wf.arazzo.yaml:48:24: malformed criterion `stat(/pet) = 1`: invalid XPath: type error: incorrect function name or number of arguments (XPST0017)",
        ],
    );
}

/// A pointer that cannot exist in the response schema.
#[test]
fn response_pointer_into_a_closed_schema() {
    assert_errors(
        &[(
            "          status: $response.body#/status\n",
            "          status: $response.body#/stauts\n",
        )],
        &[
            "wf.arazzo.yaml:37:35: `$response.body#/stauts` cannot select anything: the response body of `getPet` has no `stauts`; help: did you mean `status`?",
        ],
    );
}

/// A member an object does not declare but does not forbid either (JSON
/// Schema's default) may still be sent: a warning, and the value is JSON.
#[test]
fn response_pointer_to_an_undeclared_member_warns() {
    assert_errors(
        &[(
            "          status: $response.body#/status\n",
            "          status: $response.body#/owner/nmae\n",
        )],
        &[
            "wf.arazzo.yaml:37:41: `$response.body#/owner/nmae` reads `nmae`, which `/owner` of `getPet` does not declare; it is typed as JSON; help: did you mean `name`?",
        ],
    );
}

/// A pointer into an open schema is fine (typed as JSON).
#[test]
fn response_pointer_into_an_open_schema() {
    assert_errors(
        &[(
            "          status: $response.body#/status\n",
            "          status: $response.body#/extra/anything\n",
        )],
        &[],
    );
}

/// Comparing an enum value with a literal outside it.
#[test]
fn enum_literal_outside_the_enum() {
    assert_errors(
        &[("$response.body#/status == \"available\"", "$response.body#/status == \"availble\"")],
        &[
            "wf.arazzo.yaml:26:50: `availble` is not a value of `$response.body#/status`, whose schema allows only `available`, `sold`; help: did you mean `available`?",
        ],
    );
}

/// Each comparison's diagnostic points at its own literal, on either side of
/// the expression, not at the first place the text occurs.
#[test]
fn enum_literal_points_at_its_own_occurrence() {
    assert_errors(
        &[(
            "$response.body#/status == \"available\"",
            "$response.body#/status != \"availble\" || \"availble\" == $response.body#/status",
        )],
        &[
            "wf.arazzo.yaml:26:50: `availble` is not a value of `$response.body#/status`, whose schema allows only `available`, `sold`; help: did you mean `available`?",
            "wf.arazzo.yaml:26:64: `availble` is not a value of `$response.body#/status`, whose schema allows only `available`, `sold`; help: did you mean `available`?",
        ],
    );
}

/// The same through a step output.
#[test]
fn enum_literal_through_a_step_output() {
    assert_errors(
        &[(
            "    outputs:\n      petId:",
            "        onSuccess:\n          - name: sold\n            type: end\n            criteria:\n              - condition: $steps.fetch.outputs.status != 'SOLD' && $steps.fetch.outputs.status == 'gone'\n    outputs:\n      petId:",
        )],
        &["wf.arazzo.yaml:59:100: `gone` is not a value of `$steps.fetch.outputs.status`, whose schema allows only `available`, `sold`"],
    );
}

/// A remote URL is never fetched; the error says how to map it.
#[test]
fn remote_source_is_not_fetched() {
    assert_errors(
        &[("url: ./api.yaml", "url: https://example.com/api.yaml")],
        &[
            "wf.arazzo.yaml:7:10: source description `pets` is remote (`https://example.com/api.yaml`), and nothing is fetched at build time; help: download it and map it to a local file: `sources(\"pets\" = \"path/to/file.yaml\")` in the macro, `Generator::map_source(\"pets\", path)` in build.rs, or `--source pets=PATH` on the command line",
        ],
    );
}

/// Every problem is reported in one pass, in document order.
#[test]
fn all_problems_in_one_pass() {
    assert_errors(
        &[
            ("            stepId: create\n", "            stepId: creat\n"),
            ("            value: $inputs.petId\n", "            value: $inputs.petid\n"),
            (
                "          status: $response.body#/status\n",
                "          status: $response.body#/stauts\n",
            ),
        ],
        &[
            "wf.arazzo.yaml:23:28: `$inputs.petid` is not an input of workflow `adopt`; note: declared inputs: petId; help: did you mean `petId`?",
            "wf.arazzo.yaml:30:21: `next` goes to unknown step `creat`; note: steps of workflow `adopt`: fetch, create; help: did you mean `create`?",
            "wf.arazzo.yaml:37:35: `$response.body#/stauts` cannot select anything: the response body of `getPet` has no `stauts`; help: did you mean `status`?",
        ],
    );
}

/// `x-` extensions are allowed everywhere (and mean nothing to the generator).
#[test]
fn extensions_are_allowed() {
    let doc = edit(&[
        ("info:\n", "x-owner: team-a\ninfo:\n"),
        ("      - stepId: fetch\n", "      - stepId: fetch\n        x-timeout: 5\n"),
    ]);
    assert_eq!(check(&doc), Vec::<String>::new());
}

const OTHER: &str = r##"arazzo: 1.0.1
info:
  title: Shared
  version: 1.0.0
sourceDescriptions:
  - name: pets
    url: ./api.yaml
workflows:
  - workflowId: shared
    steps:
      - stepId: one
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: x
"##;

/// Sources of type `arazzo` are loaded, so a workflowId in another document
/// is checked against that document's workflows.
#[test]
fn workflows_of_another_arazzo_document_resolve() {
    let doc = edit(&[
        (
            "    type: openapi\n",
            "    type: openapi\n  - name: other\n    url: ./other.arazzo.yaml\n    type: arazzo\n",
        ),
        (
            "    outputs:\n      petId:",
            "      - stepId: delegate\n        workflowId: $sourceDescriptions.other.shred\n    outputs:\n      petId:",
        ),
    ]);
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("other.arazzo.yaml", OTHER)
        .file("wf.arazzo.yaml", doc);
    let failure = generator
        .check(Path::new("wf.arazzo.yaml"))
        .expect_err("the workflowId is misspelt");
    let lines: Vec<(String, &str)> = failure.diagnostics.iter().map(|d| (d.one_line(&failure.sources), d.code)).collect();
    assert_eq!(
        lines,
        [(
            "wf.arazzo.yaml:59:47: unknown workflowId `shred`; help: did you mean `shared`?".to_owned(),
            "unknown-workflow"
        )]
    );
}

/// The JSON form of a diagnostic (the CLI's `--format json`).
#[test]
fn diagnostics_as_json() {
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("wf.arazzo.yaml", edit(&[("operationId: getPet", "operationId: getpet")]));
    let failure = generator.check(Path::new("wf.arazzo.yaml")).expect_err("unknown operation");
    let json: Vec<serde_json::Value> = failure.diagnostics.iter().map(|d| d.to_json(&failure.sources)).collect();
    assert_eq!(
        json,
        [serde_json::json!({
            "severity": "error",
            "code": "unknown-operation",
            "message": "unknown operationId `getpet`",
            "file": "wf.arazzo.yaml",
            "line": 19,
            "column": 22,
            "end_line": 19,
            "end_column": 28,
            "help": "did you mean `getPet`?",
            "notes": [],
            "replacement": null,
        })]
    );
}

/// The rustc-style rendering shows the line and a caret under the problem.
#[test]
fn rendered_with_the_offending_line_and_a_caret() {
    let generator = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("wf.arazzo.yaml", edit(&[("operationId: getPet", "operationId: getpet")]));
    let failure = generator.check(Path::new("wf.arazzo.yaml")).expect_err("unknown operation");
    assert_eq!(
        failure.render(false),
        "error: unknown operationId `getpet`\n  --> wf.arazzo.yaml:19:22\n   |\n19 |         operationId: getpet\n   |                      ^^^^^^\n   |\n   = help: did you mean `getPet`?\n"
    );
}

/// Columns count characters and carets count display cells, through the
/// whole pipeline: YAML positions, the narrowing to `nope` inside the
/// condition, the rendering. `🎉` and each CJK character are two cells wide.
#[test]
fn caret_lands_under_the_token_after_wide_characters() {
    let generator = Generator::new().memory_only(true).file("api.yaml", API).file(
        "wf.arazzo.yaml",
        edit(&[(
            "$response.body#/status == \"available\"",
            "$inputs.petId != \"🎉日本\" && $steps.nope.outputs.x == 1",
        )]),
    );
    let failure = generator.check(Path::new("wf.arazzo.yaml")).expect_err("unknown step");
    let text = failure.render(false);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "error: `$steps.nope` names no step of workflow `adopt`", "{text}");
    let source = lines
        .iter()
        .find(|l| l.contains(" | ") && l.contains("$steps.nope"))
        .expect("the source line");
    let caret = lines.iter().find(|l| l.contains('^')).expect("the caret line");
    let (gutter, code) = source.split_once("| ").expect("a gutter");
    let before = code.find("nope").map(|at| &code[..at]).expect("nope is on the line");
    // Display width of what precedes `nope`: two cells for each wide character.
    let cells = before.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    assert_eq!(*caret, format!("{}| {}^^^^", " ".repeat(gutter.len()), " ".repeat(cells)), "{text}");
    // The location counts characters: `🎉日本` is three columns, not six or nine.
    let column = before.chars().count() + 1;
    assert!(text.contains(&format!("wf.arazzo.yaml:26:{column}")), "{text}");
}

/// A step that calls a workflow passes that workflow's inputs: each
/// parameter must be one of them, and the required ones must be there.
#[test]
fn workflow_step_parameters_match_the_callee_inputs() {
    assert_errors(
        &[(
            "    outputs:\n      petId:",
            "      - stepId: again\n        workflowId: adopt\n        parameters:\n          - name: petid\n            value: x\n    outputs:\n      petId:",
        )],
        &[
            "wf.arazzo.yaml:56:21: step `again` does not pass `petId`, a required input of workflow `adopt`; help: add a parameter `name: petId` to the step",
            "wf.arazzo.yaml:58:19: workflow `adopt` declares no input `petid`; note: the parameters of a step that calls a workflow become that workflow's inputs; help: did you mean `petId`?",
        ],
    );
}

/// `$inputs.owner.name` (a member of input `owner`, as Jentic's bnpl
/// fixture writes `$inputs.customer.firstName`) is followed through the
/// input's schema: a declared member is fine, a member of a string or one a
/// closed object lacks is an error.
#[test]
fn dotted_member_of_an_input_follows_its_schema() {
    let owner = (
        "        petId:\n          type: string\n",
        "        petId:\n          type: string\n        owner:\n          type: object\n          additionalProperties: false\n          properties:\n            name: { type: string }\n            tags: { type: array, items: { type: object, properties: { label: { type: string } } } }\n",
    );
    assert_eq!(
        check(&edit(&[
            owner,
            (
                "id: \"{$inputs.petId}\"",
                "id: \"{$inputs.owner.name}\"\n            tag: $inputs.owner.tags.0.label"
            )
        ])),
        Vec::<String>::new()
    );
    assert_errors(
        &[
            owner,
            ("            value: $inputs.petId\n", "            value: $inputs.petId.id\n"),
            ("id: \"{$inputs.petId}\"", "id: \"{$inputs.owner.nmae}\""),
        ],
        &[
            "wf.arazzo.yaml:29:34: `$inputs.petId.id` reads member `id` of `petId`, whose schema type is `string`",
            "wf.arazzo.yaml:49:33: `$inputs.owner.nmae`: the schema of `owner` has no property `nmae`; help: did you mean `name`?",
        ],
    );
}

/// A bare number as an output is not an expression (the schema says
/// `type: string`); it is refused rather than read as the text "2".
#[test]
fn a_number_is_not_an_output_expression() {
    assert_errors(
        &[(
            "          status: $response.body#/status\n",
            "          status: $response.body#/status\n          count: 2\n",
        )],
        &[
            "wf.arazzo.yaml:38:18: step output `count` must be a runtime expression, found `2`; help: outputs are `Map[string, {expression}]`: select the value with an expression such as `$response.body#/count`",
        ],
    );
}

/// Success criteria see the response too: their body pointers are checked.
#[test]
fn response_pointer_in_a_success_criterion() {
    assert_errors(
        &[(
            "          - condition: $response.body#/status == \"available\"\n",
            "          - condition: $response.body#/state == \"available\"\n",
        )],
        &[
            "wf.arazzo.yaml:26:40: `$response.body#/state` cannot select anything: the response body of `getPet` has no `state`; help: did you mean `status`?",
        ],
    );
}

/// A `goto` to a workflow the document does not have.
#[test]
fn goto_unknown_workflow() {
    assert_errors(
        &[("            stepId: create\n", "            workflowId: adpot\n")],
        &["wf.arazzo.yaml:30:25: unknown workflowId `adpot`; help: did you mean `adopt`?"],
    );
}

/// `$workflows.<id>` must name a workflow of the document.
#[test]
fn workflows_expression_with_an_unknown_workflow() {
    assert_errors(
        &[(
            "      petId: $steps.create.outputs.id\n",
            "      petId: $workflows.adpot.outputs.petId\n",
        )],
        &["wf.arazzo.yaml:56:25: `$workflows.adpot` names no workflow of this document; help: did you mean `adopt`?"],
    );
}

/// The same enum check for a `jsonpath` condition over `$response.body`;
/// JSONPath compares strings exactly, so the case must match.
#[test]
fn enum_literal_in_a_jsonpath_condition() {
    assert_errors(
        &[("condition: $.status == \"available\"", "condition: $.status == \"Available\"")],
        &[
            "wf.arazzo.yaml:48:36: `Available` is not a value of `$.status`, whose schema allows only `available`, `sold`; help: did you mean `available`?",
        ],
    );
}

/// An `arazzo` source is checked like the entry document (its errors carry
/// its own file and line), and documents naming each other are refused
/// with the chain, since each compiles into the program that uses it.
#[test]
fn arazzo_sources_are_checked_and_cycles_refused() {
    let lib = |target: &str| {
        format!(
            "arazzo: 1.0.1\ninfo: {{title: lib, version: '1'}}\nsourceDescriptions:\n  - {{name: api, url: ./api.yaml, type: openapi}}\n  - {{name: back, url: ./{target}, type: arazzo}}\nworkflows:\n  - workflowId: fetch\n    steps:\n      - stepId: get\n        operationId: getPett\n"
        )
    };
    let main = VALID.replace(
        "    type: openapi\nworkflows:\n",
        "    type: openapi\n  - name: lib\n    url: ./lib.arazzo.yaml\n    type: arazzo\nworkflows:\n",
    );
    let check_with = |lib_text: String| {
        let generator = Generator::new()
            .memory_only(true)
            .file("api.yaml", API)
            .file("lib.arazzo.yaml", &lib_text)
            .file(
                "other.arazzo.yaml",
                "arazzo: 1.0.1\ninfo: {title: o, version: '1'}\nsourceDescriptions:\n  - {name: api, url: ./api.yaml, type: openapi}\nworkflows:\n  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: getPet\n        parameters:\n          - {name: petId, in: path, value: '1'}\n",
            )
            .file("wf.arazzo.yaml", &main);
        match generator.check(Path::new("wf.arazzo.yaml")) {
            Ok(checked) => checked.warnings,
            Err(failure) => failure.lines(),
        }
    };
    assert_eq!(
        check_with(lib("wf.arazzo.yaml")),
        [
            "lib.arazzo.yaml:5:23: source description `back` leads back to a document that names it: `wf.arazzo.yaml` -> `lib.arazzo.yaml` -> `wf.arazzo.yaml`; note: each Arazzo source compiles into the program that uses it, so a cycle of documents would contain itself; help: move the workflows both documents need into a third document that both name",
        ]
    );
    assert_eq!(
        check_with(lib("other.arazzo.yaml")),
        ["lib.arazzo.yaml:10:22: unknown operationId `getPett`; help: did you mean `getPet`?"]
    );
}

/// `Bearer $inputs.petId` is a literal (expressions are embedded only in
/// braces): legal, but a guaranteed 401 for a token, so lint
/// `unbraced-expression` denies it by default, with the braced fix.
#[test]
fn an_expression_outside_braces_in_a_string_is_denied() {
    let doc = edit(&[("            value: $inputs.petId\n", "            value: Bearer $inputs.petId\n")]);
    let failure = Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("wf.arazzo.yaml", doc.as_str())
        .check(Path::new("wf.arazzo.yaml"))
        .expect_err("denied by default");
    assert_eq!(failure.diagnostics[0].code, "unbraced-expression");
    assert_eq!(
        check(&doc),
        [
            "wf.arazzo.yaml:23:27: `$inputs.petId` in this parameter value is sent as written: an expression inside a string is evaluated only in braces; help: write `Bearer {$inputs.petId}`"
        ]
    );
}

/// A step that calls a workflow (here `adopt` itself) has the callee's outputs as its own, so
/// `$steps.<step>.outputs.<callee output>` needs no redeclaration; a name
/// neither declares is still an error, with both lists as candidates.
#[test]
fn a_workflow_step_exposes_the_callee_outputs() {
    let call = (
        "    outputs:\n      petId: $steps.create.outputs.id\n",
        "      - stepId: again\n        workflowId: adopt\n        parameters:\n          - name: petId\n            value: x\n    outputs:\n      petId: $steps.again.outputs.petId\n      other: $steps.again.outputs.petid\n",
    );
    assert_errors(
        &[call],
        &[
            "wf.arazzo.yaml:62:35: step `again` declares no output `petid`; note: outputs of `again`: petId, other; help: did you mean `petId`?",
        ],
    );
}

/// Extra fields of a reusable object "MUST be ignored": a warning, not an error.
#[test]
fn extra_fields_of_a_reusable_object_are_ignored() {
    assert_eq!(
        check(&edit(&[(
            "            value: $inputs.petId\n",
            "            value: $inputs.petId\n          - reference: $components.parameters.verbose\n            in: query\n",
        )])),
        [
            "wf.arazzo.yaml:25:13: field `in` of a reusable object is ignored; note: a reusable object has only `reference` and `value`; the spec says other properties MUST be ignored"
        ]
    );
}
