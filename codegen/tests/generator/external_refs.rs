//! OpenAPI descriptions split over several files: external `$ref`s are
//! pulled into the entry document (`openapi::bundle`), so the client is the
//! same as for the bundled file, and problems point into the file that has
//! them.

use std::path::Path;

use arazzo_codegen::Generator;

const API: &str = r##"openapi: 3.1.0
info: {title: Zoo, version: "1"}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - $ref: "./common.yaml#/components/parameters/Id"
      responses:
        "200":
          description: The pet.
          content:
            application/json:
              schema: {$ref: "./pet.yaml"}
        "404":
          $ref: "common.yaml#/components/responses/NotFound"
components:
  schemas:
    Error:
      type: object
      properties:
        local: {type: boolean}
"##;

const PET: &str = r##"type: object
required: [name]
properties:
  name: {type: string}
  tags:
    type: array
    items: {$ref: "./common.yaml#/components/schemas/Tag"}
  error: {$ref: "./common.yaml#/components/schemas/Error"}
  parent: {$ref: "#"}
"##;

const COMMON: &str = r##"components:
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: string}}
  responses:
    NotFound:
      description: No such pet.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Error"}
  schemas:
    Tag: {type: string, enum: [cute, loud]}
    Error:
      type: object
      properties:
        message: {type: string}
"##;

fn generator(common: &str) -> Generator {
    Generator::new()
        .memory_only(true)
        .file("api.yaml", API)
        .file("pet.yaml", PET)
        .file("common.yaml", common)
}

#[test]
fn external_definitions_become_types_of_the_client() {
    let generated = generator(COMMON)
        .generate(Path::new("api.yaml"))
        .map_err(|f| f.lines())
        .expect("generates");
    let code = generated.to_formatted_string();
    // The whole-file schema is named after its file; the entry's own
    // `Error` keeps its name (unused, so not emitted) and the other file's
    // gets a numbered one.
    for needle in [
        "pub struct Pet {",
        "pub enum Tag {",
        "pub struct Error2 {",
        "pub error: ::std::option::Option<Error2>",
        "pub parent: ::std::option::Option<::std::boxed::Box<Pet>>",
        // The one documented error status: its body is the `E` of `ApiError<E>`.
        "::arazzo::ApiError<types::Error2>",
        "pub async fn get_pet(",
        "id: &str",
    ] {
        assert!(code.contains(needle), "missing `{needle}` in:\n{code}");
    }
    assert!(generated.files.iter().any(|f| f.ends_with("common.yaml")), "{:?}", generated.files);
}

#[test]
fn a_missing_external_definition_is_reported_where_it_is_named() {
    let failure = generator(&COMMON.replace("    Tag:", "    Label:"))
        .check(Path::new("api.yaml"))
        .expect_err("Tag is gone");
    assert_eq!(
        failure.lines(),
        ["pet.yaml:7:19: `$ref: ./common.yaml#/components/schemas/Tag` does not resolve: `common.yaml` has no `#/components/schemas/Tag`"]
    );
}
