//! Lint levels: the default level of each adjustable code, and users
//! raising, lowering and silencing them through `Generator::level`.
//! Each test is one small document pair, in memory.

use std::path::Path;

use arazzo_codegen::{Generator, Level, Severity};

const PETS: &str = r##"openapi: 3.1.0
info: {title: Pets, version: "1"}
paths:
  x-merge-override: {owner: platform}
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
              schema: {type: object, properties: {id: {type: string}}}
"##;

/// Path items with errors (a malformed parameter, a `$ref` to nothing), for `uncalled-operation`.
const BROKEN: &str = r##"  /broken:
    get:
      operationId: broken
      parameters:
        - {name: q, in: body, schema: {type: string}}
      responses:
        "200": {description: ok}
  /gone:
    get:
      operationId: gone
      parameters:
        - {$ref: "#/components/parameters/Nope"}
      responses:
        "200": {description: ok}
"##;

const USERS: &str = r##"openapi: 3.1.0
info: {title: Users, version: "1"}
paths:
  /users:
    get:
      operationId: listUsers
      responses:
        "200": {description: ok}
"##;

fn workflow(step: &str) -> String {
    format!(
        r##"arazzo: 1.0.1
info: {{title: t, version: 1.0.0}}
sourceDescriptions:
  - {{name: pets, url: ./pets.yaml, type: openapi}}
  - {{name: users, url: ./users.yaml, type: openapi}}
workflows:
  - workflowId: look
    steps:
{step}"##
    )
}

const BARE: &str = "      - stepId: fetch
        operationId: getPet
        parameters:
          - {name: petId, in: path, value: '42'}
";

fn generator(doc: &str) -> Generator {
    with_files(doc, PETS, USERS)
}

fn with_files(doc: &str, pets: &str, users: &str) -> Generator {
    Generator::new()
        .memory_only(true)
        .file("pets.yaml", pets)
        .file("users.yaml", users)
        .file("wf.arazzo.yaml", doc)
}

/// (severity, code, one line) of every diagnostic, errors or not.
fn diagnostics(generator: &Generator) -> Vec<(Severity, &'static str, String)> {
    let (diagnostics, sources) = match generator.check(Path::new("wf.arazzo.yaml")) {
        Ok(checked) => (checked.diagnostics, checked.sources),
        Err(failure) => (failure.diagnostics, failure.sources),
    };
    diagnostics.iter().map(|d| (d.severity, d.code, d.one_line(&sources))).collect()
}

#[test]
fn a_bare_operation_id_unique_across_sources_resolves_with_a_warning() {
    let doc = workflow(BARE);
    let found = diagnostics(&generator(&doc));
    let unqualified: Vec<_> = found.iter().filter(|d| d.1 == "unqualified-operation-id").collect();
    assert_eq!(
        unqualified,
        [&(
            Severity::Warning,
            "unqualified-operation-id",
            "wf.arazzo.yaml:10:22: operationId `getPet` does not name its source; it resolves to source description `pets`, the only one defining it; help: write `$sourceDescriptions.pets.getPet`".to_owned()
        )]
    );
    // It generates, calling the right client.
    let generated = generator(&doc).generate(Path::new("wf.arazzo.yaml")).expect("generates");
    assert!(generated.tokens.to_string().contains("get_pet"));
    let checked = generator(&doc).check(Path::new("wf.arazzo.yaml")).expect("clean");
    let fix = checked.diagnostics.iter().find_map(|d| d.replacement()).expect("a fix");
    assert_eq!(fix.1, "$sourceDescriptions.pets.getPet");
    let range = checked.sources.get(fix.0.file).and_then(|f| f.byte_range(fix.0)).expect("a range");
    assert_eq!(&doc[range], "getPet");
}

#[test]
fn levels_silence_and_raise_a_lint() {
    let doc = workflow(BARE);
    let allowed = diagnostics(&generator(&doc).level("unqualified_operation_id", Level::Allow));
    assert!(allowed.iter().all(|d| d.1 != "unqualified-operation-id"), "{allowed:?}");
    let denied = generator(&doc).level("unqualified-operation-id", Level::Deny);
    let failure = denied.check(Path::new("wf.arazzo.yaml")).expect_err("denied");
    assert!(
        failure
            .diagnostics
            .iter()
            .any(|d| d.code == "unqualified-operation-id" && d.severity == Severity::Error)
    );
    // The last setting wins.
    let back = generator(&doc)
        .level("unqualified-operation-id", Level::Deny)
        .level("unqualified-operation-id", Level::Warn);
    assert!(back.check(Path::new("wf.arazzo.yaml")).is_ok());
}

#[test]
fn unknown_codes_and_hard_errors_cannot_be_set() {
    let doc = workflow(BARE);
    let lines: Vec<String> = diagnostics(
        &generator(&doc)
            .level("unqualified_operation", Level::Allow)
            .level("syntax", Level::Warn),
    )
    .into_iter()
    .filter(|d| d.1 == "invalid")
    .map(|d| d.2)
    .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(
        lines[1],
        "unknown lint `unqualified_operation`; did you mean `unqualified-operation-id`?"
    );
    assert!(
        lines[0].starts_with("`syntax` is a hard error and cannot be set to warn; the adjustable lints are: "),
        "{}",
        lines[0]
    );
}

#[test]
fn an_ambiguous_bare_operation_id_names_every_candidate() {
    let users_too = USERS.replace("operationId: listUsers", "operationId: getPet");
    let doc = workflow(BARE);
    let found = diagnostics(&with_files(&doc, PETS, &users_too));
    assert_eq!(
        found[0],
        (
            Severity::Error,
            "unknown-operation",
            "wf.arazzo.yaml:10:22: operationId `getPet` is ambiguous: 2 OpenAPI source descriptions define it; help: write one of `$sourceDescriptions.pets.getPet`, `$sourceDescriptions.users.getPet`".to_owned()
        )
    );
}

#[test]
fn undeclared_headers_and_cookies_warn_and_are_sent_paths_and_queries_stay_errors() {
    let step = |extra: &str| {
        workflow(&format!(
            "      - stepId: fetch\n        operationId: $sourceDescriptions.pets.getPet\n        parameters:\n          - {{name: petId, in: path, value: '42'}}\n{extra}"
        ))
    };
    let header =
        step("          - {name: OpenAI-Beta, in: header, value: assistants=v2}\n          - {name: session, in: cookie, value: abc}\n");
    let found = diagnostics(&generator(&header));
    let codes: Vec<_> = found.iter().map(|d| (d.0, d.1)).collect();
    assert_eq!(
        codes,
        [
            (Severity::Warning, "undeclared-parameter"),
            (Severity::Warning, "undeclared-parameter")
        ],
        "{found:?}"
    );
    assert!(
        found[0]
            .2
            .starts_with("wf.arazzo.yaml:13:20: operation `getPet` has no header parameter `OpenAI-Beta`; it is sent as given"),
        "{}",
        found[0].2
    );
    let generated = generator(&header).generate(Path::new("wf.arazzo.yaml")).expect("generates");
    assert!(generated.tokens.to_string().contains("\"OpenAI-Beta\""));
    let query = step("          - {name: verbose, in: query, value: 'true'}\n");
    let found = diagnostics(&generator(&query));
    assert_eq!((found[0].0, found[0].1), (Severity::Error, "parameter"), "{found:?}");
}

#[test]
fn a_retry_naming_its_own_step_warns() {
    let doc = workflow(
        "      - stepId: fetch
        operationId: $sourceDescriptions.pets.getPet
        parameters:
          - {name: petId, in: path, value: '42'}
        onFailure:
          - {name: again, type: retry, stepId: fetch, retryLimit: 2}
",
    );
    let found = diagnostics(&generator(&doc));
    assert_eq!(
        found,
        [(
            Severity::Warning,
            "retry-own-step",
            "wf.arazzo.yaml:14:48: `again` retries step `fetch` by running `fetch` first, so the step runs twice per retry; help: remove `stepId`: a `retry` without one retries its own step".to_owned()
        )]
    );
}

/// `/broken` has an error, and no workflow calls it: a warning in the
/// default (tree-shaken) mode, an error when every operation is generated.
#[test]
fn errors_in_operations_no_workflow_calls_warn_unless_all_operations() {
    let pets = format!("{PETS}{BROKEN}");
    let generator = |doc: &str| with_files(doc, &pets, USERS);
    let doc = workflow(
        "      - stepId: fetch
        operationId: $sourceDescriptions.pets.getPet
        parameters:
          - {name: petId, in: path, value: '42'}
",
    );
    let found = diagnostics(&generator(&doc));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|d| d.0 == Severity::Warning), "{found:?}");
    assert!(
        found[1]
            .2
            .starts_with("pets.yaml:27:18: `$ref: #/components/parameters/Nope` does not resolve"),
        "{}",
        found[1].2
    );
    assert!(
        found[1].2.contains("no workflow calls an operation of path `/gone`"),
        "{}",
        found[1].2
    );
    assert!(
        found[0]
            .2
            .starts_with("pets.yaml:20:25: parameter `q` needs `in: path`, `query`, `header` or `cookie`; note: "),
        "{}",
        found[0].2
    );
    assert!(found[0].2.contains("no workflow calls an operation of path `/broken`, so its code is left out; `uncalled-operation` is warn (an error with `all_operations`)"), "{}", found[0].2);
    let generated = generator(&doc).generate(Path::new("wf.arazzo.yaml")).expect("generates");
    assert!(!generated.tokens.to_string().contains("fn broken"));
    let failure = generator(&doc)
        .all_operations(true)
        .generate(Path::new("wf.arazzo.yaml"))
        .expect_err("all operations");
    assert_eq!(failure.diagnostics[0].severity, Severity::Error);
    // And a user may deny them in the default mode too.
    let denied = generator(&doc).level("uncalled-operation", Level::Deny);
    assert!(denied.check(Path::new("wf.arazzo.yaml")).is_err());
    // Calling it makes it an error again.
    let calls = workflow("      - stepId: b\n        operationId: $sourceDescriptions.pets.broken\n");
    assert!(diagnostics(&generator(&calls)).iter().any(|d| d.0 == Severity::Error));
}

#[test]
fn a_duplicate_operation_id_no_workflow_calls_warns() {
    // `/legacy` reuses `getPet`'s operationId; the workflow calls `/pets/{petId}` only.
    let pets = format!("{PETS}  /legacy:\n    get:\n      operationId: getPet\n      responses:\n        \"200\": {{description: ok}}\n");
    let generator = |doc: &str| with_files(doc, &pets, USERS);
    let by_path = workflow(
        "      - stepId: fetch
        operationPath: '{$sourceDescriptions.pets.url}#/paths/~1pets~1{petId}/get'
        parameters:
          - {name: petId, in: path, value: '42'}
",
    );
    let found = diagnostics(&generator(&by_path));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Severity::Warning, "{found:?}");
    assert!(
        found[0].2.contains("operationId `getPet` is used by more than one operation"),
        "{}",
        found[0].2
    );
    assert!(
        found[0].2.contains("no workflow calls an operation of path `/legacy`"),
        "{}",
        found[0].2
    );
    assert!(generator(&by_path).all_operations(true).check(Path::new("wf.arazzo.yaml")).is_err());
    // Calling the duplicate itself keeps it an error.
    let calls_legacy = workflow("      - stepId: old\n        operationPath: '{$sourceDescriptions.pets.url}#/paths/~1legacy/get'\n");
    assert!(
        diagnostics(&generator(&calls_legacy))
            .iter()
            .any(|d| d.0 == Severity::Error && d.2.contains("used by more than one operation")),
        "{:?}",
        diagnostics(&generator(&calls_legacy))
    );
}

#[test]
fn a_broken_component_only_uncalled_operations_use_warns() {
    // `/legacy` answers `Old`, which reaches `Broken` through `Middle`; `Broken` has a `$ref`
    // to nothing. The workflow calls `getPet` only.
    let pets = PETS.replace(
        "paths:\n",
        "paths:\n  /legacy:\n    get:\n      operationId: legacy\n      responses:\n        \"200\":\n          description: ok\n          content: {application/json: {schema: {$ref: '#/components/schemas/Old'}}}\n",
    ) + "components:\n  schemas:\n    Old: {type: object, properties: {m: {$ref: '#/components/schemas/Middle'}}}\n    Middle: {type: array, items: {$ref: '#/components/schemas/Broken'}}\n    Broken: {type: object, properties: {x: {$ref: '#/components/schemas/Nope'}}}\n";
    let generator = |doc: &str| with_files(doc, &pets, USERS);
    let calls_pet = workflow(
        "      - stepId: fetch
        operationId: $sourceDescriptions.pets.getPet
        parameters:
          - {name: petId, in: path, value: '42'}
",
    );
    let found = diagnostics(&generator(&calls_pet));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Severity::Warning, "{found:?}");
    assert!(found[0].2.contains("has no `Nope`"), "{}", found[0].2);
    assert!(
        found[0].2.contains("no operation a workflow calls uses component `schemas/Broken`"),
        "{}",
        found[0].2
    );
    assert!(generator(&calls_pet).generate(Path::new("wf.arazzo.yaml")).is_ok());
    assert!(
        generator(&calls_pet)
            .all_operations(true)
            .check(Path::new("wf.arazzo.yaml"))
            .is_err()
    );
    // Calling `legacy` reaches `Broken` through two components: an error again.
    let calls_legacy = workflow("      - stepId: old\n        operationId: $sourceDescriptions.pets.legacy\n");
    let found = diagnostics(&generator(&calls_legacy));
    assert!(
        found.iter().any(|d| d.0 == Severity::Error && d.2.contains("has no `Nope`")),
        "{found:?}"
    );
}

/// A list of pets and a closed pet object, for the JSONPath checks.
const SHOP: &str = r##"openapi: 3.1.0
info: {title: Shop, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "#/components/schemas/Pet"}
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
              schema: {$ref: "#/components/schemas/Pet"}
components:
  schemas:
    Pet:
      type: object
      additionalProperties: false
      properties:
        id: {type: string}
        name: {type: string}
        tags: {type: array, items: {type: string}}
        owner: {type: object, properties: {email: {type: string}}}
"##;

fn jsonpath(operation: &str, condition: &str) -> Vec<(Severity, &'static str, String)> {
    let doc = format!(
        r##"arazzo: 1.0.1
info: {{title: t, version: 1.0.0}}
sourceDescriptions:
  - {{name: shop, url: ./shop.yaml, type: openapi}}
workflows:
  - workflowId: look
    steps:
      - stepId: find
        operationId: {operation}
        parameters:
          - {{name: petId, in: path, value: '1'}}
        successCriteria:
          - {{context: $response.body, condition: '{condition}', type: jsonpath}}
"##
    );
    let doc = if operation == "listPets" {
        doc.replace("        parameters:\n          - {name: petId, in: path, value: '1'}\n", "")
    } else {
        doc
    };
    let generator = Generator::new()
        .memory_only(true)
        .file("shop.yaml", SHOP)
        .file("wf.arazzo.yaml", doc.as_str());
    diagnostics(&generator)
}

#[test]
fn length_of_an_array_or_string_warns_with_the_rfc_form() {
    assert_eq!(
        jsonpath("listPets", "$.length == 0"),
        [(
            Severity::Warning,
            "jsonpath-length",
            "wf.arazzo.yaml:11:51: `$.length` is read as the length of the array `$`, as JavaScript JSONPath evaluators read it; RFC 9535 selects nothing there; help: write `length($) == 0`".to_owned()
        )]
    );
    assert_eq!(
        jsonpath("getPet", "$.tags.length > 0 && $.name.length < 9"),
        [
            (
                Severity::Warning,
                "jsonpath-length",
                "wf.arazzo.yaml:13:51: `$.tags.length` is read as the length of the array `$.tags`, as JavaScript JSONPath evaluators read it; RFC 9535 selects nothing there; help: write `length($.tags) > 0 && $.name.length < 9`".to_owned()
            ),
            (
                Severity::Warning,
                "jsonpath-length",
                "wf.arazzo.yaml:13:72: `$.name.length` is read as the length of the string `$.name`, as JavaScript JSONPath evaluators read it; RFC 9535 selects nothing there; help: write `$.tags.length > 0 && length($.name) < 9`".to_owned()
            ),
        ]
    );
    // The RFC 9535 form is clean.
    assert_eq!(jsonpath("listPets", "length($) == 0"), []);
}

#[test]
fn queries_that_can_never_select_anything_are_errors_at_their_segment() {
    assert_eq!(
        jsonpath("getPet", "$.nmae == \"x\""),
        [(
            Severity::Error,
            "response-pointer",
            "wf.arazzo.yaml:13:53: `$.nmae` cannot select anything: the response body of `getPet` has no `nmae`; help: did you mean `name`?".to_owned()
        )]
    );
    assert_eq!(
        jsonpath("getPet", "$.tags.first == \"x\""),
        [(
            Severity::Error,
            "response-pointer",
            "wf.arazzo.yaml:13:58: `$.tags.first` cannot select anything: `/tags` of `getPet` is an array, which has no member `first`"
                .to_owned()
        )]
    );
    assert_eq!(
        jsonpath("getPet", "$[0].id == \"x\""),
        [(
            Severity::Error,
            "response-pointer",
            "wf.arazzo.yaml:13:53: `$[0].id` cannot select anything: the response body of `getPet` is an object, and `[0]` selects from arrays only".to_owned()
        )]
    );
    // Not compared, `.length` keeps its RFC 9535 meaning: a member, which an array has not.
    assert_eq!(
        jsonpath("listPets", "$.length"),
        [(
            Severity::Error,
            "response-pointer",
            "wf.arazzo.yaml:11:53: `$.length` cannot select anything: the response body of `listPets` is an array, which has no member `length`; help: for the number of items, compare `length($)`".to_owned()
        )]
    );
    // An open object may hold undeclared members: a warning.
    assert_eq!(
        jsonpath("getPet", "$.owner.mail == \"x\""),
        [(
            Severity::Warning,
            "undeclared-member",
            "wf.arazzo.yaml:13:59: `$.owner.mail` reads `mail`, which `/owner` of `getPet` does not declare; help: did you mean `email`?"
                .to_owned()
        )]
    );
    assert_eq!(jsonpath("listPets", "$[0].tags[1] == \"x\" && $[?@.id == \"1\"]"), []);
}
