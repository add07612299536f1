//! A generated test that round-trips the example values a spec contains
//! through the generated types.
//!
//! Compiling is not proof that the types fit the API: a field typed `i64`
//! where the server sends `1.5`, or a `required` field the examples omit,
//! compiles fine and fails on the first real response. The examples authors
//! put in their specs are the only real payloads we have at build time, so
//! each one is deserialised into the Rust type generated for its schema and
//! serialised back; the test fails listing every example that does not
//! survive. Used by `scripts/bench.sh` on the big real specs and by the
//! `client-tests` crate on the project's own specs.
//!
//! Documented differences that are not failures: a member that is `null`
//! in the example may be absent after the round trip and vice versa
//! (optional fields are `Option` and skipped when `None`), and numbers
//! compare by value (`1` and `1.0` are equal, since `f64` fields print `1.0`).

use std::path::Path;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::diagnostics::Diagnostics;
use crate::emit::types::TypeSpace;
use crate::generate::Failure;
use crate::openapi::{self, OpenApi, SchemaRef, refs};
use crate::source::SourceMap;
use crate::yaml::Node;

/// One example value and the schema it illustrates.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Where the value is written, as a JSON pointer (for failure messages).
    pub at: String,
    pub schema: SchemaRef,
    pub value: serde_json::Value,
}

/// The test source for one spec and how many examples it checks.
#[derive(Debug, Clone)]
pub struct ExampleTest {
    /// The test module's source, formatted.
    pub code: String,
    /// How many examples it round-trips.
    pub count: usize,
}

/// The `arazzo` crate's directory, for manifests of generated crates.
pub fn arazzo_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../arazzo")
}

/// The name of the module `Generator::generate` gives a client-only spec.
pub fn client_module_name(api: &OpenApi) -> String {
    let title = if api.title.trim().is_empty() { "api" } else { api.title.as_str() };
    crate::names::snake(title)
}

/// Loads the OpenAPI file at `spec` and emits the round-trip test for the
/// full client `Generator::generate(spec)` produces, as a module to include
/// next to it (it names `crate::<module>::types`).
pub fn example_test(spec: &Path) -> Result<ExampleTest, Failure> {
    let mut map = SourceMap::default();
    let mut diags = Diagnostics::default();
    let loaded = crate::load::read(spec, spec.display().to_string(), &mut map, None, &mut diags);
    let api = match loaded {
        Some((file, root)) if !diags.has_errors() => Some(openapi::load(root, file, &mut diags)),
        _ => None,
    };
    let Some(api) = api.filter(|_| !diags.has_errors()) else {
        let files = map.files().map(|(_, f)| f.path.clone()).collect();
        return Err(Failure {
            diagnostics: diags.into_sorted(),
            sources: map,
            files,
        });
    };
    let space = TypeSpace::for_operations(&api, None);
    let module = proc_macro2::Ident::new(&client_module_name(&api), proc_macro2::Span::call_site());
    let examples = collect(&api, &space);
    let tokens = emit_test(&space, &examples, &quote!(crate::#module::types));
    Ok(ExampleTest {
        code: crate::generate::format_tokens(&tokens),
        count: examples.len(),
    })
}

/// Every example attached to a schema the type space generated a type for
/// (`example`, 3.1 `examples: [..]`) or to a media type with a schema
/// (`example`, `examples: {name: {value}}`), in document order. Examples whose
/// schema has no type of its own (plain JSON) are skipped: they prove nothing.
pub fn collect(api: &OpenApi, space: &TypeSpace<'_>) -> Vec<Example> {
    let mut out = Vec::new();
    walk(&api.root, &mut |pointer, node| {
        if let Some(content) = node.get("content").and_then(Node::as_map) {
            for (media_type, media) in content.iter() {
                if media.get("schema").is_none() {
                    continue;
                }
                let media_pointer = refs::join(&refs::join(pointer, "content"), &media_type.name);
                let schema = api.schema_at(&refs::join(&media_pointer, "schema"));
                media_examples(&api.root, media, &media_pointer, &schema, &mut out);
            }
        }
        let schema = SchemaRef {
            pointer: pointer.to_owned(),
        };
        if space.has_type(&schema) {
            if let Some(value) = node.get("example") {
                out.push(Example {
                    at: refs::join(pointer, "example"),
                    schema: schema.clone(),
                    value: value.to_json(),
                });
            }
            if let Some(values) = node.get("examples").and_then(Node::as_seq) {
                for (i, value) in values.iter().enumerate() {
                    out.push(Example {
                        at: refs::join(&refs::join(pointer, "examples"), &i.to_string()),
                        schema: schema.clone(),
                        value: value.to_json(),
                    });
                }
            }
        }
    });
    out.retain(|e| space.has_type(&e.schema) && !space.is_plain_json(&e.schema));
    out
}

fn media_examples(root: &Node, media: &Node, pointer: &str, schema: &SchemaRef, out: &mut Vec<Example>) {
    if let Some(value) = media.get("example") {
        out.push(Example {
            at: refs::join(pointer, "example"),
            schema: schema.clone(),
            value: value.to_json(),
        });
    }
    let Some(named) = media.get("examples").and_then(Node::as_map) else {
        return;
    };
    for (name, example) in named.iter() {
        let at = refs::join(&refs::join(pointer, "examples"), &name.name);
        let Ok((example, _)) = refs::resolve(root, example, &at) else {
            continue;
        };
        if let Some(value) = example.get("value") {
            out.push(Example {
                at: refs::join(&at, "value"),
                schema: schema.clone(),
                value: value.to_json(),
            });
        }
    }
}

/// Depth-first over maps and sequences, skipping data (`example`, `default`,
/// `enum`, extensions) so that an example that looks like a schema is not
/// taken for one.
fn walk(root: &Node, visit: &mut dyn FnMut(&str, &Node)) {
    let mut stack = vec![(root, String::new())];
    while let Some((node, pointer)) = stack.pop() {
        if let Some(map) = node.as_map() {
            visit(&pointer, node);
            for (key, value) in map.iter().collect::<Vec<_>>().into_iter().rev() {
                let data = matches!(key.name.as_str(), "example" | "examples" | "default" | "enum" | "const") || key.name.starts_with("x-");
                if !data {
                    stack.push((value, refs::join(&pointer, &key.name)));
                }
            }
        } else if let Some(items) = node.as_seq() {
            for (i, item) in items.iter().enumerate().rev() {
                stack.push((item, refs::join(&pointer, &i.to_string())));
            }
        }
    }
}

/// The test module: one `#[test]` that checks every example and reports all
/// failures at once.
pub fn emit_test(space: &TypeSpace<'_>, examples: &[Example], types_path: &TokenStream) -> TokenStream {
    let checks = examples.iter().map(|e| {
        let ty = space.rust_type_in(&e.schema, types_path);
        let at = Literal::string(&e.at);
        let text = Literal::string(&e.value.to_string());
        quote!(check::<#ty>(&mut failures, #at, #text);)
    });
    let count = examples.len();
    quote! {
        fn check<T>(failures: &mut ::std::vec::Vec<::std::string::String>, at: &str, text: &str)
        where
            T: ::arazzo::serde::Serialize + ::arazzo::serde::de::DeserializeOwned,
        {
            let original: ::arazzo::serde_json::Value = match ::arazzo::serde_json::from_str(text) {
                ::std::result::Result::Ok(value) => value,
                ::std::result::Result::Err(e) => {
                    failures.push(::std::format!("{at}: the example is not JSON: {e}"));
                    return;
                }
            };
            let typed: T = match ::arazzo::serde_json::from_value(original.clone()) {
                ::std::result::Result::Ok(typed) => typed,
                ::std::result::Result::Err(e) => {
                    failures.push(::std::format!("{at}: does not deserialise: {e}"));
                    return;
                }
            };
            match ::arazzo::serde_json::to_value(&typed) {
                ::std::result::Result::Ok(back) if same(&original, &back) => {}
                ::std::result::Result::Ok(back) => {
                    failures.push(::std::format!("{at}: changed by the round trip:\n  in:  {original}\n  out: {back}"));
                }
                ::std::result::Result::Err(e) => {
                    failures.push(::std::format!("{at}: does not serialise: {e}"));
                }
            }
        }

        /// JSON equality up to the documented differences: `null` members
        /// equal absent ones, numbers compare by value.
        fn same(a: &::arazzo::serde_json::Value, b: &::arazzo::serde_json::Value) -> bool {
            use ::arazzo::serde_json::Value;
            match (a, b) {
                (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
                (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
                (Value::Object(x), Value::Object(y)) => {
                    let null = Value::Null;
                    x.iter().all(|(k, v)| same(v, y.get(k).unwrap_or(&null)))
                        && y.iter().all(|(k, v)| x.contains_key(k) || v.is_null())
                }
                _ => a == b,
            }
        }

        /// Round-trips the spec's examples through the generated types.
        #[test]
        #[allow(deprecated, reason = "deprecated schemas have examples too")]
        fn examples_round_trip() {
            let mut failures: ::std::vec::Vec<::std::string::String> = ::std::vec::Vec::new();
            #(#checks)*
            ::std::assert!(
                failures.is_empty(),
                "{} of {} examples failed:\n{}",
                failures.len(),
                #count,
                failures.join("\n")
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::openapi::tests::load_str;

    const SPEC: &str = r##"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    post:
      operationId: a
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
            example: {name: inline}
            examples:
              one: {value: {name: named}}
              two: {$ref: '#/components/examples/Shared'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object}
              example: {untyped: true}
        '201':
          description: plain JSON proves nothing
          content:
            application/json:
              schema: {}
              example: 1
components:
  examples:
    Shared: {value: {name: shared}}
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string, example: Rex}
        age: {type: integer, examples: [1, 2]}
      example: {name: component, enum: [not, a, schema]}
    Unused: {type: object, properties: {x: {type: string}}, example: {x: never}}
"##;

    #[test]
    fn collects_schema_and_media_examples_of_generated_types() {
        let (api, _) = load_str(SPEC);
        let space = TypeSpace::for_operations(&api, None);
        // Compared as values: member order is serde_json's `Map` order.
        let found: Vec<(String, serde_json::Value)> = collect(&api, &space).into_iter().map(|e| (e.at, e.value)).collect();
        let media = "/paths/~1a/post/requestBody/content/application~1json";
        let pet = "/components/schemas/Pet";
        let expected = [
            (format!("{media}/example"), r#"{"name":"inline"}"#),
            (format!("{media}/examples/one/value"), r#"{"name":"named"}"#),
            (format!("{media}/examples/two/value"), r#"{"name":"shared"}"#),
            (
                "/paths/~1a/post/responses/200/content/application~1json/example".to_owned(),
                r#"{"untyped":true}"#,
            ),
            (format!("{pet}/example"), r#"{"name":"component","enum":["not","a","schema"]}"#),
            (format!("{pet}/properties/name/example"), r#""Rex""#),
            (format!("{pet}/properties/age/examples/0"), "1"),
            (format!("{pet}/properties/age/examples/1"), "2"),
        ];
        let expected: Vec<(String, serde_json::Value)> = expected
            .into_iter()
            .map(|(a, v)| (a, serde_json::from_str(v).expect("expected JSON")))
            .collect();
        assert_eq!(found, expected, "unreachable schemas are skipped");
    }

    #[test]
    fn the_test_names_the_generated_types() {
        let (api, _) = load_str(SPEC);
        let space = TypeSpace::for_operations(&api, None);
        let examples = collect(&api, &space);
        let code = crate::generate::format_tokens(&emit_test(&space, &examples, &quote!(crate::t::types)));
        let code = code.split_whitespace().collect::<String>().replace(",>", ">");
        assert!(code.contains("check::<crate::t::types::Pet>"), "{code}");
        assert!(code.contains("check::<i64>"), "{code}");
        assert!(code.contains("fnexamples_round_trip()"), "{code}");
    }
}
