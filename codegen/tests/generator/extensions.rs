//! Specification Extensions (`x-...`) are allowed on every object of OpenAPI 3.0/3.1 and
//! Arazzo 1.0 that the specs say "MAY be extended": one document pair carries one on each
//! such object, each holding a value that would be an error if it were read as the object's
//! own content (a `$ref` to nowhere, a path without `/`, a status that is not one). They
//! must load, check and generate without a single diagnostic, and leave no trace in the code.

use std::path::Path;

use arazzo_codegen::Generator;

/// The trap every extension holds.
const TRAP: &str = "{$ref: '#/nowhere', operationId: trap, type: bogus}";

fn openapi(version: &str) -> String {
    format!(
        r##"openapi: {version}
x-root: {TRAP}
info:
  title: Pets
  version: "1"
  x-info: {TRAP}
  contact: {{name: n, x-contact: {TRAP}}}
  license: {{name: MIT, x-license: {TRAP}}}
servers:
  - url: "https://{{host}}/v1"
    x-server: {TRAP}
    variables:
      host: {{default: example.com, x-variable: {TRAP}}}
tags:
  - {{name: pets, x-tag: {TRAP}, externalDocs: {{url: "https://example.com", x-docs: {TRAP}}}}}
paths:
  x-paths: {TRAP}
  /pets/{{petId}}:
    x-path-item: {TRAP}
    get:
      x-operation: {TRAP}
      operationId: getPet
      parameters:
        - {{name: petId, in: path, required: true, schema: {{type: string}}, x-parameter: {TRAP}}}
      callbacks:
        onEvent:
          x-callback: {TRAP}
          "{{$request.body#/url}}":
            post:
              responses:
                "200": {{description: ok}}
      responses:
        x-responses: {TRAP}
        "200":
          description: the pet
          x-response: {TRAP}
          headers:
            Rate-Limit: {{schema: {{type: integer}}, x-header: {TRAP}}}
          links:
            self: {{operationId: getPet, x-link: {TRAP}}}
          content:
            application/json:
              x-media-type: {TRAP}
              schema: {{$ref: "#/components/schemas/Pet"}}
              examples:
                one: {{value: {{id: "1"}}, x-example: {TRAP}}}
    put:
      operationId: putPet
      parameters:
        - {{name: petId, in: path, required: true, schema: {{type: string}}}}
      requestBody:
        x-request-body: {TRAP}
        content:
          multipart/form-data:
            schema: {{type: object, properties: {{id: {{type: string}}}}}}
            encoding:
              id: {{contentType: text/plain, x-encoding: {TRAP}}}
      responses:
        "204": {{description: done}}
components:
  x-components: {TRAP}
  schemas:
    Pet:
      type: object
      x-schema: {TRAP}
      properties:
        id: {{type: string}}
        kind: {{type: string}}
      discriminator: {{propertyName: kind, x-discriminator: {TRAP}}}
      xml: {{name: pet, x-xml: {TRAP}}}
  securitySchemes:
    oauth:
      type: oauth2
      x-security-scheme: {TRAP}
      flows:
        x-flows: {TRAP}
        clientCredentials:
          tokenUrl: "https://example.com/token"
          scopes: {{}}
          x-flow: {TRAP}
security:
  - oauth: []
"##
    )
}

const ARAZZO: &str = r##"arazzo: 1.0.1
x-root: {$ref: '#/nowhere'}
info:
  title: Pets
  version: 1.0.0
  x-info: {stepId: nowhere}
sourceDescriptions:
  - name: pets
    url: ./pets.yaml
    type: openapi
    x-source: {url: ./missing.yaml}
workflows:
  - workflowId: look
    x-workflow: {stepId: nowhere}
    steps:
      - stepId: fetch
        x-step: {operationId: nowhere}
        operationId: getPet
        parameters:
          - {name: petId, in: path, value: "1", x-parameter: {in: nowhere}}
        successCriteria:
          - condition: $statusCode == 200
            x-criterion: {condition: "$nowhere =="}
          - context: $response.body
            condition: $.id
            type: {type: jsonpath, version: rfc9535, x-type: {version: bogus}}
        onSuccess:
          - {name: done, type: end, x-action: {type: bogus}}
        onFailure:
          - {name: again, type: retry, retryLimit: 1, x-action: {type: bogus}}
      - stepId: put
        operationId: putPet
        parameters:
          - {name: petId, in: path, value: "1"}
        requestBody:
          contentType: multipart/form-data
          x-request-body: {contentType: bogus}
          payload: {id: "1"}
          replacements:
            - {target: /id, value: "2", x-replacement: {target: bogus}}
components:
  x-components: {parameters: bogus}
  parameters:
    p: {name: p, in: query, value: "1"}
"##;

fn generator(version: &str) -> Generator {
    Generator::new()
        .memory_only(true)
        .file("pets.yaml", openapi(version))
        .file("wf.arazzo.yaml", ARAZZO)
}

#[test]
fn every_extensible_object_takes_extensions_silently() {
    for version in ["3.0.3", "3.1.0"] {
        let checked = match generator(version).check(Path::new("wf.arazzo.yaml")) {
            Ok(checked) => checked,
            Err(failure) => panic!("OpenAPI {version}:\n{}", failure.render(false)),
        };
        assert_eq!(checked.warnings, Vec::<String>::new(), "OpenAPI {version}");
        let generated = generator(version).all_operations(true).generate(Path::new("wf.arazzo.yaml"));
        let generated = generated.unwrap_or_else(|f| panic!("OpenAPI {version}:\n{}", f.render(false)));
        let code = generated.tokens.to_string();
        for trace in ["trap", "nowhere", "bogus", "x_"] {
            let at = code.find(trace);
            assert!(
                at.is_none(),
                "OpenAPI {version}: `{trace}` in the generated code: {}",
                &code[at.unwrap_or(0).saturating_sub(200)..(at.unwrap_or(0) + 100).min(code.len())]
            );
        }
    }
}

/// The OpenAPI description alone (a client only) too.
#[test]
fn an_openapi_description_alone_takes_them_too() {
    for version in ["3.0.3", "3.1.0"] {
        let generated = Generator::new()
            .memory_only(true)
            .file("pets.yaml", openapi(version))
            .generate(Path::new("pets.yaml"));
        let generated = generated.unwrap_or_else(|f| panic!("OpenAPI {version}:\n{}", f.render(false)));
        assert_eq!(generated.warnings, Vec::<String>::new(), "OpenAPI {version}");
    }
}
