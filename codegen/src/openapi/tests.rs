//! Tests of loading and pointer lookups against small real-shaped specs.
//!
//! The specs are inline (a user's clone has no `../shared`) and are shared
//! with the emitter tests, which is why they are `pub(crate)`.

use super::*;
use crate::diagnostics::{Diagnostics, Severity};
use crate::source::FileId;
use crate::yaml;

/// The Sentry Seer description the seed workflow uses (OpenAPI 3.1, with a
/// 3.0-style `nullable` as written upstream).
pub(crate) const SEER: &str = r#"
openapi: 3.1.0
info:
  title: Sentry Seer API
  description: >-
    The Seer API provides endpoints for AI-powered issue analysis in Sentry.
  version: 0.0.1
servers:
  - url: https://sentry.io/api/0
    description: Sentry Production API
security:
  - BearerAuth: []
paths:
  /organizations/{organization_id_or_slug}/seer/models/:
    get:
      operationId: listSeerModels
      summary: Sentry List Seer AI models
      description: Returns a list of available AI models for Seer issue analysis.
      parameters:
        - $ref: '#/components/parameters/OrganizationIdOrSlug'
      responses:
        '200':
          description: A list of available AI models.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/SeerModel'
        '401':
          description: Unauthorized.
        '403':
          description: Forbidden.
  /issues/{issue_id}/seer/autofix/:
    post:
      operationId: startSeerIssueFix
      summary: Sentry Start Seer issue fix
      parameters:
        - $ref: '#/components/parameters/IssueId'
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                instruction:
                  type: string
                  description: Optional instruction to guide the AI fix.
      responses:
        '202':
          description: Fix analysis started.
          content:
            application/json:
              schema:
                type: object
                properties:
                  autofix:
                    $ref: '#/components/schemas/SeerAutofixState'
        '400':
          description: Bad request.
        '401':
          description: Unauthorized.
        '404':
          description: Issue not found.
    get:
      operationId: retrieveSeerIssueFixState
      summary: Sentry Retrieve Seer issue fix state
      parameters:
        - $ref: '#/components/parameters/IssueId'
      responses:
        '200':
          description: The current state of the fix analysis.
          content:
            application/json:
              schema:
                type: object
                properties:
                  autofix:
                    $ref: '#/components/schemas/SeerAutofixState'
        '401':
          description: Unauthorized.
        '404':
          description: Issue or fix state not found.
components:
  securitySchemes:
    BearerAuth:
      type: http
      scheme: bearer
  parameters:
    OrganizationIdOrSlug:
      name: organization_id_or_slug
      in: path
      required: true
      description: The ID or slug of the organization.
      schema:
        type: string
    IssueId:
      name: issue_id
      in: path
      required: true
      schema:
        type: string
  schemas:
    SeerModel:
      type: object
      properties:
        id:
          type: string
        name:
          type: string
        description:
          type: string
        isAvailable:
          type: boolean
      required:
        - id
        - name
    SeerAutofixState:
      type: object
      properties:
        status:
          type: string
          enum:
            - pending
            - processing
            - completed
            - error
        createdAt:
          type: string
          format: date-time
        completedAt:
          type: string
          format: date-time
          nullable: true
        steps:
          type: array
          items:
            type: object
            properties:
              id:
                type: string
              completedMessage:
                type: string
                nullable: true
        fix:
          type: object
          nullable: true
          properties:
            title:
              type: string
            pr_url:
              type: string
              format: uri
              nullable: true
      required:
        - status
        - createdAt
"#;

/// A petstore-shaped OpenAPI 3.0 description exercising `$ref`d
/// parameters, bodies and responses, path-level parameters, `allOf`,
/// `nullable`, maps, a discriminated union, recursion, awkward names and
/// every body and auth kind the client supports.
pub(crate) const PETSTORE: &str = r#"
openapi: 3.0.3
info:
  title: Petstore
  version: 1.0.0
  description: A sample API.
servers:
  - url: https://{region}.petstore.example/v1
    variables:
      region:
        default: eu
        enum: [eu, us]
paths:
  /pets:
    parameters:
      - $ref: '#/components/parameters/TraceId'
      - name: limit
        in: query
        schema: {type: integer}
    get:
      operationId: listPets
      summary: List pets
      parameters:
        - name: limit
          in: query
          description: How many items to return.
          schema: {type: integer, format: int32}
        - name: status
          in: query
          schema:
            type: array
            items: {$ref: '#/components/schemas/PetStatus'}
        - name: tags
          in: query
          explode: false
          schema: {type: array, items: {type: string}}
        - name: session
          in: cookie
          schema: {type: string}
        - name: Accept
          in: header
          schema: {type: string}
        - name: request
          in: query
          schema: {type: boolean}
      responses:
        '200':
          description: A page of pets.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/PetPage'
        2XX:
          description: Other success.
        default:
          $ref: '#/components/responses/Error'
    post:
      operationId: createPet
      requestBody:
        $ref: '#/components/requestBodies/NewPet'
      responses:
        '201':
          description: Created.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
        '422':
          description: Invalid.
          content:
            application/problem+json:
              schema: {$ref: '#/components/schemas/Error'}
  /pets/{petId}:
    get:
      operationId: showPetById
      parameters:
        - name: petId
          in: path
          required: true
          schema: {type: integer, format: int64}
      responses:
        '200':
          description: The pet.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
        '404':
          description: Not found.
    delete:
      deprecated: true
      parameters:
        - name: petId
          in: path
          required: true
          schema: {type: integer}
      responses:
        '204':
          description: Deleted.
  /pets/{petId}/photo:
    put:
      operationId: uploadPhoto
      parameters:
        - {name: petId, in: path, required: true, schema: {type: integer}}
      requestBody:
        required: true
        content:
          image/png: {}
      responses:
        '204': {description: Stored.}
  /login:
    post:
      operationId: login
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                user: {type: string}
      responses:
        '200':
          description: Logged in.
          content:
            text/plain:
              schema: {type: string}
  /animals:
    get:
      operationId: listAnimals
      responses:
        '200':
          description: Animals.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Animal'}
  /weird:
    get:
      operationId: getWeird
      responses:
        '200':
          description: Odd names.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Weird'}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Api-Key}
    basic: {type: http, scheme: basic}
  parameters:
    TraceId:
      name: X-Trace-Id
      in: header
      schema: {type: string}
  requestBodies:
    NewPet:
      required: true
      content:
        application/json:
          schema:
            allOf:
              - $ref: '#/components/schemas/PetBase'
              - type: object
                required: [kind]
                properties:
                  kind: {type: string}
  responses:
    Error:
      description: Unexpected error.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Error'}
  schemas:
    PetStatus:
      type: string
      enum: [available, pending, sold]
    PetBase:
      type: object
      required: [name]
      properties:
        name: {type: string}
        tag: {type: string, nullable: true}
    Pet:
      description: A pet.
      allOf:
        - $ref: '#/components/schemas/PetBase'
        - type: object
          required: [id, kind]
          properties:
            id: {type: integer, format: int64}
            kind: {type: string}
            status: {$ref: '#/components/schemas/PetStatus'}
            owner:
              allOf: [{$ref: '#/components/schemas/Owner'}]
              nullable: true
            attributes:
              type: object
              additionalProperties: {type: string}
            extra: {type: object}
            parent: {$ref: '#/components/schemas/Pet'}
    Owner:
      type: object
      properties:
        name: {type: string}
        pets:
          type: array
          items: {$ref: '#/components/schemas/Pet'}
    PetPage:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items: {$ref: '#/components/schemas/Pet'}
        next: {type: string, nullable: true}
    Error:
      type: object
      required: [code, message]
      properties:
        code: {type: integer, format: int32}
        message: {type: string}
    Animal:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
      discriminator:
        propertyName: type
        mapping:
          cat: '#/components/schemas/Cat'
          dog: '#/components/schemas/Dog'
    Cat:
      type: object
      required: [type]
      properties:
        type: {type: string}
        meows: {type: boolean}
    Dog:
      type: object
      required: [type]
      properties:
        type: {type: string}
        barks: {type: boolean}
    Weird:
      type: object
      deprecated: true
      required: [type, self]
      properties:
        type: {type: string}
        $ref: {type: string}
        1st: {type: string}
        self: {type: string, nullable: true}
        Self: {type: string}
        foo-bar: {type: string}
        foo_bar: {type: string}
        old: {type: string, deprecated: true}
        mode:
          type: string
          enum: ['', '+1', '-1', unknown, Unknown, in-progress, type]
"#;

pub(crate) fn load_str(text: &str) -> (OpenApi, Diagnostics) {
    let root = match yaml::parse(text, FileId(0)) {
        Ok(root) => root,
        Err(errors) => panic!("test spec does not parse: {errors:?}"),
    };
    let mut diags = Diagnostics::default();
    let api = load(root, FileId(0), &mut diags);
    (api, diags)
}

fn clean(text: &str) -> OpenApi {
    let (api, diags) = load_str(text);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert!(diags.is_empty(), "unexpected diagnostics: {messages:#?}");
    api
}

fn ptr(text: &str) -> Vec<String> {
    refs::split_pointer(text).unwrap_or_default()
}

fn op<'a>(api: &'a OpenApi, id: &str) -> &'a Operation {
    match api.operation_by_id(id) {
        Some(op) => op,
        None => panic!("no operation {id}"),
    }
}

fn found(schema: &str, optional: bool) -> PointerLookup {
    PointerLookup::Found {
        schema: SchemaRef {
            pointer: schema.to_owned(),
        },
        optional,
    }
}

#[test]
fn loads_the_seer_description() {
    let api = clean(SEER);
    assert_eq!(api.version, "3.1.0");
    assert_eq!(api.title, "Sentry Seer API");
    assert_eq!(api.api_version, "0.0.1");
    assert_eq!(api.default_server_url().as_deref(), Some("https://sentry.io/api/0"));
    assert_eq!(
        api.operation_ids().collect::<Vec<_>>(),
        ["listSeerModels", "startSeerIssueFix", "retrieveSeerIssueFixState"]
    );
    let start = op(&api, "startSeerIssueFix");
    assert_eq!(start.method, HttpMethod::Post);
    assert_eq!(start.path, "/issues/{issue_id}/seer/autofix/");
    assert_eq!(start.pointer, "/paths/~1issues~1{issue_id}~1seer~1autofix~1/post");
    assert_eq!(start.rust_name, "start_seer_issue_fix");
    assert_eq!(start.parameters.len(), 1);
    let issue = &start.parameters[0];
    assert_eq!(
        (issue.name.as_str(), issue.location, issue.required),
        ("issue_id", ParamLocation::Path, true)
    );
    assert_eq!(
        issue.schema.as_ref().map(|s| s.pointer.as_str()),
        Some("/components/parameters/IssueId/schema")
    );
    let body = start.request_body.as_ref().expect("body");
    assert!(!body.required);
    assert_eq!(body.content[0].media_type, "application/json");
    let statuses: Vec<StatusKey> = start.responses.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            StatusKey::Code(202),
            StatusKey::Code(400),
            StatusKey::Code(401),
            StatusKey::Code(404)
        ]
    );
    assert_eq!(api.security_schemes[0].kind, SecuritySchemeKind::HttpBearer);
    assert_eq!(start.span.start.line, 35, "the `post:` key");
}

#[test]
fn finds_operations_by_pointer() {
    let api = clean(SEER);
    let by_pointer = api.operation_by_pointer("#/paths/~1issues~1%7Bissue_id%7D~1seer~1autofix~1/get");
    assert_eq!(
        by_pointer.and_then(|i| api.operations[i].operation_id.as_deref()),
        Some("retrieveSeerIssueFixState")
    );
    assert!(api.operation_by_pointer("/paths/~1issues/get").is_none());
    assert!(api.operation_by_pointer("not a pointer~").is_none());
}

#[test]
fn seer_response_pointers() {
    let api = clean(SEER);
    let list = op(&api, "listSeerModels");
    assert_eq!(
        api.response_pointer(list, &[], &ptr("/0/id")),
        found("/components/schemas/SeerModel/properties/id", false)
    );
    assert_eq!(
        api.response_pointer(list, &[200], &ptr("/0/description")),
        found("/components/schemas/SeerModel/properties/description", true)
    );
    assert_eq!(
        api.response_pointer(list, &[], &ptr("/first/id")),
        PointerLookup::Missing {
            index: 0,
            token: "first".into(),
            known: vec![],
            closed: true,
        }
    );
    assert_eq!(api.response_pointer(list, &[401], &ptr("/0/id")), PointerLookup::NoBody);

    let start = op(&api, "startSeerIssueFix");
    let state = "/components/schemas/SeerAutofixState/properties";
    assert_eq!(
        api.response_pointer(start, &[202], &ptr("/autofix/status")),
        found(&format!("{state}/status"), false),
        "an absent optional intermediate object is not counted"
    );
    assert_eq!(
        api.response_pointer(start, &[202], &ptr("/autofix/fix/title")),
        found(&format!("{state}/fix/properties/title"), true),
        "fix is nullable"
    );
    assert_eq!(
        api.response_pointer(start, &[202], &ptr("/autofix/completedAt")),
        found(&format!("{state}/completedAt"), true)
    );
    match api.response_pointer(start, &[202], &ptr("/autofix/statsu")) {
        PointerLookup::Missing { index, token, known, .. } => {
            assert_eq!((index, token.as_str()), (1, "statsu"));
            assert_eq!(known, ["status", "createdAt", "completedAt", "steps", "fix"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        api.response_pointer(start, &[], &ptr("/autofx/status")),
        PointerLookup::Missing { index: 0, .. }
    ));
    assert!(matches!(
        api.response_pointer(start, &[], &ptr("/autofix/status/deeper")),
        PointerLookup::Missing { index: 2, .. }
    ));
    assert_eq!(
        api.response_pointer(start, &[], &ptr("/autofix/steps/3/completedMessage")),
        found(&format!("{state}/steps/items/properties/completedMessage"), true)
    );
    assert_eq!(
        api.response_pointer(start, &[], &[]),
        found(
            "/paths/~1issues~1{issue_id}~1seer~1autofix~1/post/responses/202/content/application~1json/schema",
            false
        )
    );
    let status = SchemaRef {
        pointer: format!("{state}/status"),
    };
    assert_eq!(
        api.enum_values(&status),
        Some(vec!["pending".into(), "processing".into(), "completed".into(), "error".into()])
    );
    assert_eq!(
        api.enum_values(&SchemaRef {
            pointer: format!("{state}/createdAt")
        }),
        None
    );
}

#[test]
fn loads_the_petstore_description() {
    let api = clean(PETSTORE);
    assert_eq!(api.default_server_url().as_deref(), Some("https://eu.petstore.example/v1"));
    assert_eq!(api.servers[0].variables[0].2, ["eu", "us"]);
    let list = op(&api, "listPets");
    let names: Vec<(&str, ParamLocation)> = list.parameters.iter().map(|p| (p.name.as_str(), p.location)).collect();
    assert_eq!(
        names,
        [
            ("X-Trace-Id", ParamLocation::Header),
            ("limit", ParamLocation::Query),
            ("status", ParamLocation::Query),
            ("tags", ParamLocation::Query),
            ("session", ParamLocation::Cookie),
            ("Accept", ParamLocation::Header),
            ("request", ParamLocation::Query),
        ]
    );
    assert_eq!(
        list.parameters[1].description.as_deref(),
        Some("How many items to return."),
        "operation wins"
    );
    assert!(list.parameters[2].explode());
    assert!(!list.parameters[3].explode());
    assert_eq!(
        list.responses.iter().map(|r| r.status).collect::<Vec<_>>(),
        [StatusKey::Code(200), StatusKey::Range(2), StatusKey::Default]
    );
    assert_eq!(list.responses[2].description, "Unexpected error.");
    let delete = api.operations.iter().find(|o| o.method == HttpMethod::Delete).expect("delete");
    assert!(delete.deprecated);
    assert_eq!(delete.operation_id, None);
    assert_eq!(delete.rust_name, "delete_pets_pet_id");
    let create = op(&api, "createPet");
    assert!(create.request_body.as_ref().is_some_and(|b| b.required));
    assert_eq!(
        api.security_schemes.iter().map(|s| s.kind.clone()).collect::<Vec<_>>(),
        [
            SecuritySchemeKind::ApiKey {
                name: "X-Api-Key".into(),
                location: ApiKeyLocation::Header
            },
            SecuritySchemeKind::HttpBasic
        ]
    );
}

#[test]
fn petstore_pointers_follow_all_of_maps_and_unions() {
    let api = clean(PETSTORE);
    let list = op(&api, "listPets");
    let pet = "/components/schemas/Pet/allOf/1/properties";
    assert_eq!(
        api.response_pointer(list, &[], &ptr("/items/0/name")),
        found("/components/schemas/PetBase/properties/name", false)
    );
    assert_eq!(
        api.response_pointer(list, &[], &ptr("/items/0/tag")),
        found("/components/schemas/PetBase/properties/tag", true)
    );
    assert_eq!(
        api.response_pointer(list, &[], &ptr("/items/0/owner/name")),
        found("/components/schemas/Owner/properties/name", true),
        "owner is nullable"
    );
    assert_eq!(
        api.response_pointer(list, &[], &ptr("/items/0/attributes/colour")),
        found(&format!("{pet}/attributes/additionalProperties"), true)
    );
    assert_eq!(
        api.response_pointer(list, &[], &ptr("/items/0/extra/anything")),
        PointerLookup::Open
    );
    match api.response_pointer(list, &[], &ptr("/items/0/nmae")) {
        PointerLookup::Missing { index: 2, known, .. } => assert!(known.contains(&"name".to_owned())),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        api.response_pointer(list, &[500], &ptr("/code")),
        found("/components/schemas/Error/properties/code", false),
        "500 falls back to default"
    );
    assert_eq!(
        api.response_pointer(list, &[204], &ptr("/code")),
        PointerLookup::NoBody,
        "204 matches 2XX, which has no body"
    );
    let create = op(&api, "createPet");
    assert_eq!(
        api.response_pointer(create, &[422], &ptr("/message")),
        found("/components/schemas/Error/properties/message", false)
    );
    let body = create
        .request_body
        .as_ref()
        .and_then(|b| b.json())
        .and_then(|m| m.schema.clone())
        .expect("schema");
    assert_eq!(
        api.schema_pointer(&body, &ptr("/kind")),
        found(
            "/components/requestBodies/NewPet/content/application~1json/schema/allOf/1/properties/kind",
            false
        )
    );
    let animals = op(&api, "listAnimals");
    assert!(matches!(
        api.response_pointer(animals, &[], &ptr("/0/type")),
        PointerLookup::Found { optional: false, .. }
    ));
    assert_eq!(
        api.response_pointer(animals, &[], &ptr("/0/meows")),
        found("/components/schemas/Cat/properties/meows", true),
        "only one branch has it"
    );
    match api.response_pointer(animals, &[], &ptr("/0/purrs")) {
        PointerLookup::Missing { index: 1, known, .. } => assert_eq!(known, ["type", "meows", "barks"]),
        other => panic!("{other:?}"),
    }
    let show = op(&api, "showPetById");
    assert_eq!(api.response_pointer(show, &[404], &ptr("/id")), PointerLookup::NoBody);
    let login = op(&api, "login");
    assert_eq!(
        api.response_pointer(login, &[], &ptr("")),
        PointerLookup::NoBody,
        "text/plain is not JSON"
    );
}

const BAD: &str = r#"
openapi: 3.0.3
info: {title: Bad, version: '1'}
paths:
  /a/{id}:
    get:
      operationId: dup
      parameters:
        - $ref: '#/components/parameters/Idd'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        '2XY': {description: bad}
    gett: {}
  /b:
    get:
      operationId: dup
      parameters:
        - {name: q, in: querry}
      responses: {}
components:
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: string}}
  schemas:
    Thing: {type: object}
"#;

#[test]
fn problems_are_reported_at_their_spans() {
    let (api, diags) = load_str(BAD);
    let found: Vec<(u32, String, Option<String>)> = diags
        .clone()
        .into_sorted()
        .into_iter()
        .map(|d| (d.span.map_or(0, |s| s.start.line), d.message, d.help))
        .collect();
    let has = |line: u32, text: &str, help: Option<&str>| {
        assert!(
            found
                .iter()
                .any(|(l, m, h)| *l == line && m.contains(text) && (help.is_none() || h.as_deref() == help)),
            "missing diagnostic at line {line}: {text}\n{found:#?}"
        );
    };
    has(6, "placeholder but no `in: path` parameter `id`", None);
    has(9, "has no `Idd`", Some("did you mean `Id`?"));
    has(16, "`2XY` is not a response status", None);
    has(17, "unknown key `gett`", Some("did you mean `get`?"));
    has(20, "operationId `dup` is used by more than one operation", None);
    has(22, "needs `in: path`, `query`, `header` or `cookie`", Some("did you mean `query`?"));
    assert_eq!(found.len(), 6, "{found:#?}");
    assert_eq!(api.operations.len(), 2, "loading went on");
    let names: Vec<&str> = api.operations.iter().map(|o| o.rust_name.as_str()).collect();
    assert_eq!(names, ["dup", "dup_2"]);
}

#[test]
fn versions_and_shapes_are_checked() {
    let cases: &[(&str, &str, Severity)] = &[
        (
            "openapi: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n",
            "unsupported OpenAPI version `2.0`",
            Severity::Error,
        ),
        (
            "openapi: 3.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
            "unsupported OpenAPI version `3.0`",
            Severity::Error,
        ),
        (
            "openapi: 3.2.0\ninfo: {title: t, version: '1'}\npaths: {}\n",
            "OpenAPI `3.2.0` is read as 3.1",
            Severity::Warning,
        ),
        (
            "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n",
            "Swagger 2.0",
            Severity::Error,
        ),
        (
            "info: {title: t, version: '1'}\npaths: {}\n",
            "no `openapi` version field",
            Severity::Error,
        ),
        ("- a\n- b\n", "expected an OpenAPI document", Severity::Error),
        ("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n", "no `paths`", Severity::Error),
        ("openapi: 3.1.0\ninfo: {title: t, version: '1'}\n", "no `paths`", Severity::Warning),
        ("openapi: 3.1.0\npaths: {}\n", "no `info` object", Severity::Error),
        (
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: []\n",
            "`paths` must be a mapping",
            Severity::Error,
        ),
    ];
    for (text, message, severity) in cases {
        let (_, diags) = load_str(text);
        assert!(
            diags.iter().any(|d| d.message.contains(message) && d.severity == *severity),
            "{text}: {:?}",
            diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }
}

#[test]
fn status_keys_and_placeholders() {
    assert_eq!(StatusKey::parse("200"), Some(StatusKey::Code(200)));
    assert_eq!(StatusKey::parse("4xx"), Some(StatusKey::Range(4)));
    assert_eq!(StatusKey::parse("default"), Some(StatusKey::Default));
    for bad in ["", "20", "2000", "6XX", "0XX", "099", "abc", "2X"] {
        assert_eq!(StatusKey::parse(bad), None, "{bad}");
    }
    assert_eq!(StatusKey::Range(2).to_string(), "2XX");
    assert_eq!(path_placeholders("/a/{x}/b/{y}.{x}/{"), ["x", "y"]);
    assert!(is_json_media_type("application/vnd.github+json; charset=utf-8"));
    assert!(!is_json_media_type("text/json-ish"));
}

/// Documents that are wrong in every way a document can be: loading,
/// lookups and type generation must neither panic nor loop.
pub(crate) const HOSTILE: &[&str] = &[
    "",
    "just a string",
    "openapi: 3.1.0\npaths: {/x: {get: []}}\n",
    "openapi: 3.1.0\npaths: {/x: {get: {parameters: {}, responses: []}}}\n",
    "openapi: 3.1.0\npaths: {/x: {$ref: '#/paths/~1x'}}\n",
    "openapi: 3.1.0\npaths:\n  /x:\n    get:\n      parameters: [{$ref: '#/a'}, 7, {name: 3, in: path}]\n      requestBody: {content: []}\n      responses:\n        '200': {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
    "openapi: 3.1.0\npaths:\n  /x/{a}/{a}:\n    post:\n      responses:\n        '200': {content: {application/json: {schema: {$ref: '#/components/schemas/S'}}}}\ncomponents:\n  schemas:\n    S:\n      oneOf: [{$ref: '#/components/schemas/S'}, {allOf: [{$ref: '#/components/schemas/S'}]}]\n      anyOf: [true, false]\n      items: [1, 2]\n      properties: {a: true, b: {type: [string, integer]}, c: {additionalProperties: 5}}\n      type: 12\n      enum: {}\n      required: {}\n",
    "openapi: 3.1.0\npaths:\n  /x:\n    get:\n      operationId: '123'\n      responses:\n        default:\n          content:\n            '*/*+json': {schema: {type: array, prefixItems: [{type: string}], items: {$ref: '#/components/schemas/T'}}}\ncomponents:\n  schemas:\n    T: {type: object, properties: {'': {type: string}, '\u{e9}t\u{e9}': {type: string}, '_': {enum: ['', ' ', '\u{e9}']}, 'self': {type: [object, 'null']}}, discriminator: {propertyName: 5}}\n",
    "openapi: 3.0.0\ninfo: {title: '', version: ''}\nservers: [{}, {url: 5}, {url: '/v1', variables: {a: 1}}]\ncomponents: {securitySchemes: {a: {type: apiKey}, b: {type: nope}, c: 3, d: {type: http}}}\npaths: {}\n",
];

#[test]
fn hostile_documents_do_not_panic() {
    for text in HOSTILE {
        let Ok(root) = yaml::parse(text, FileId(0)) else {
            continue;
        };
        let mut diags = Diagnostics::default();
        let api = load(root, FileId(0), &mut diags);
        for op in &api.operations {
            for pointer in ["", "/0", "/a/b/c", "/0/1/2/3/4/5/6/7"] {
                let _ = api.response_pointer(op, &[], &ptr(pointer));
                let _ = api.response_pointer(op, &[200, 500], &ptr(pointer));
            }
        }
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let mut schema = String::from("{type: string}");
    for _ in 0..60 {
        schema = format!("{{type: object, properties: {{a: {schema}}}}}");
    }
    let text = format!(
        "openapi: 3.1.0\npaths:\n  /x:\n    get:\n      responses:\n        '200': {{content: {{application/json: {{schema: {schema}}}}}}}\n"
    );
    let (api, _) = load_str(&text);
    let op = &api.operations[0];
    let deep: Vec<String> = std::iter::repeat_n("a".to_owned(), 60).collect();
    assert!(matches!(api.response_pointer(op, &[], &deep), PointerLookup::Found { .. }));
}

#[test]
fn nullable_beside_a_ref_makes_a_pointer_optional() {
    let api = clean(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                required: [plain, maybe]\n                properties:\n                  plain: {$ref: '#/components/schemas/Id'}\n                  maybe: {$ref: '#/components/schemas/Id', nullable: true}\ncomponents:\n  schemas:\n    Id: {type: string}\n",
    );
    let get = op(&api, "getA");
    assert_eq!(
        api.response_pointer(get, &[], &ptr("/plain")),
        found("/components/schemas/Id", false)
    );
    assert_eq!(
        api.response_pointer(get, &[], &ptr("/maybe")),
        found("/components/schemas/Id", true)
    );
}

#[test]
fn response_headers_are_loaded_with_refs_resolved_and_content_type_left_out() {
    let api = clean(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          headers:\n            Content-Type: {schema: {type: string}}\n            X-Rate-Limit: {$ref: '#/components/headers/Limit'}\n            Link: {description: Next page., deprecated: true, content: {text/plain: {schema: {type: string}}}}\n            X-Bare: {}\ncomponents:\n  headers:\n    Limit: {required: true, schema: {type: integer}}\n",
    );
    let headers = &op(&api, "getA").responses[0].headers;
    let names: Vec<&str> = headers.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names, ["X-Rate-Limit", "Link", "X-Bare"]);
    assert!(headers[0].required);
    assert_eq!(
        headers[0].schema.as_ref().map(|s| s.pointer.as_str()),
        Some("/components/headers/Limit/schema")
    );
    assert!(!headers[1].required && headers[1].deprecated);
    assert_eq!(headers[1].description.as_deref(), Some("Next page."));
    assert_eq!(
        headers[1].schema.as_ref().map(|s| s.pointer.as_str()),
        Some("/paths/~1a/get/responses/200/headers/Link/content/text~1plain/schema")
    );
    assert_eq!(headers[2].schema, None);
    let (_, diags) = load_str(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok, headers: {X-A: 3}}\n",
    );
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("response header `X-A` must be a Header Object"))
    );
}
