//! Property-style robustness test: thousands of generated and mutated strings go through every
//! parser (and every evaluator, when parsing succeeds); nothing may panic, every error offset
//! must be a char boundary within the input, and every successful expression must round-trip.

use arazzo_expr::condition::SimpleCondition;
use arazzo_expr::expression::parse_prefix;
use arazzo_expr::jsonpath::JsonPathCondition;
use arazzo_expr::{Criterion, EvalError, Expression, JsonPointer, ParseError, Template, classify};
use serde_json::{Value, json};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FRAGMENTS: &[&str] = &[
    "$",
    "{",
    "}",
    "{$",
    "$response",
    "$request",
    ".body",
    ".header.",
    ".query.",
    ".path.",
    "#",
    "#/",
    "/",
    "~",
    "~0",
    "~1",
    "~2",
    "'",
    "''",
    "\"",
    "\\",
    "\\u",
    "\\ud83d",
    "\\u00e9",
    "d83d",
    "(",
    ")",
    "[",
    "]",
    "[0]",
    "!",
    "=",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "&&",
    "||",
    "&",
    "|",
    " ",
    "\t",
    "\n",
    "é",
    "😀",
    "\u{0}",
    "\u{7f}",
    "\u{2028}",
    "0",
    "1",
    "007",
    "-",
    ".",
    "..",
    "e",
    "E5",
    "1e999",
    "true",
    "false",
    "null",
    "TRUE",
    "$.",
    "@",
    "@.",
    "?",
    "[?",
    "*",
    ",",
    "count(",
    "length(",
    "match(",
    "search(",
    "value(",
    "foo(",
    "outputs",
    ".outputs.",
    "$steps.a",
    "$inputs.x",
    "$outputs.y",
    "$workflows.w",
    ".inputs.",
    "$sourceDescriptions.s",
    "$components.",
    "parameters",
    "$url",
    "$method",
    "$statusCode",
    "$[?@.a",
    "['a']",
    "[-1]",
    "[1:2]",
    "x",
    "abc",
    "a-b",
    "_",
];

const SEEDS: &[&str] = &[
    "$statusCode == 200 && $response.body#/a/b != null",
    "$steps.someStepId.outputs.pets#/0/id",
    "{\"id\": \"{$inputs.id}\", \"n\": {\"x\": 1}}",
    "$.autofix.status == \"pending\" || $.autofix.status == \"processing\"",
    "$[?count(@.pets) > 0]",
    "!($response.body.data[0].id == 'x''y') || $inputs.a.b[2]",
    "{$statusCode == 401}",
    "length($.items) >= 2 && match($.s, 'a.*') && !$.x",
    "$workflows.w.inputs.name#/a~1b",
    "$sourceDescriptions.api.op",
    "client_id={$inputs.clientId}&code={$steps.auth.outputs.code}",
    "$response.header.X-Rate-Limit",
    "^2\\d\\d$",
];

fn resolver(e: &Expression) -> Result<Option<Value>, EvalError> {
    let doc = json!({"a": {"b": [1, "x", null]}, "data": [{"id": "X'Y"}], "status": "Ok"});
    Ok(match e {
        Expression::StatusCode => Some(json!(200)),
        Expression::Inputs { name, .. } if name.len() % 3 == 0 => return Err(EvalError::new("unavailable")),
        _ => e.pointer().map_or(Some(doc.clone()), |p| p.resolve(&doc).cloned()),
    })
}

#[track_caller]
fn check_error(input: &str, e: &ParseError) {
    assert!(
        e.offset <= input.len() && input.is_char_boundary(e.offset),
        "bad offset {} for {input:?}: {}",
        e.offset,
        e.message
    );
    assert!(!e.message.is_empty(), "empty message for {input:?}");
}

fn exercise(input: &str) {
    let contexts = [
        json!(null),
        json!({"autofix": {"status": "pending"}, "items": [1, 2]}),
        json!([{"pets": [1]}]),
    ];
    match Expression::parse(input) {
        Ok(e) => {
            let again = Expression::parse(&e.to_string());
            assert_eq!(again.as_ref().ok(), Some(&e), "{input:?} displays as {e} which does not round-trip");
        }
        Err(e) => check_error(input, &e),
    }
    match parse_prefix(input) {
        Ok((_, n)) => assert!(n <= input.len() && input.is_char_boundary(n), "bad prefix length for {input:?}"),
        Err(e) => check_error(input, &e),
    }
    match JsonPointer::parse(input) {
        Ok(p) => assert_eq!(JsonPointer::parse(&p.to_string()).ok(), Some(p)),
        Err(e) => check_error(input, &e),
    }
    match Template::parse(input) {
        Ok(t) => assert_eq!(Template::parse(&t.to_string()).ok(), Some(t), "template {input:?}"),
        Err(e) => check_error(input, &e),
    }
    if let Err(e) = classify(input) {
        check_error(input, &e);
    }
    match SimpleCondition::parse(input) {
        Ok(c) => {
            let _ = c.evaluate(&resolver);
            for (_, range) in c.expressions() {
                assert!(input.get(range).is_some(), "bad expression range in {input:?}");
            }
        }
        Err(e) => check_error(input, &e),
    }
    match JsonPathCondition::parse(input) {
        Ok(c) => {
            for ctx in &contexts {
                let _ = c.evaluate(ctx);
            }
        }
        Err(e) => check_error(input, &e),
    }
    for ty in [None, Some("regex"), Some("jsonpath"), Some("xpath")] {
        match Criterion::parse(ty, None, Some("$response.body"), input) {
            Ok(c) => {
                let _ = c.evaluate(&resolver);
                let _ = c.expressions();
            }
            Err(e) => check_error(input, &e.error),
        }
    }
    if let Err(e) = Criterion::parse(Some("jsonpath"), None, Some(input), "$.a") {
        check_error(input, &e.error);
    }
}

fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for _ in 0..=rng.below(3) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 => {
                let frag: Vec<char> = rng.pick(FRAGMENTS).chars().collect();
                chars.splice(at..at, frag);
            }
            2 => chars.truncate(at),
            3 if at < chars.len() => {
                let end = (at + 1 + rng.below(4)).min(chars.len());
                let dup: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, dup);
            }
            _ => {
                let frag: Vec<char> = rng.pick(FRAGMENTS).chars().collect();
                let end = (at + frag.len()).min(chars.len());
                chars.splice(at..end, frag);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn no_input_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut inputs: Vec<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    for _ in 0..2000 {
        let n = rng.below(10);
        inputs.push((0..n).map(|_| rng.pick(FRAGMENTS)).collect());
    }
    for _ in 0..2000 {
        let seed = rng.pick(SEEDS);
        inputs.push(mutate(&mut rng, seed));
    }
    for input in &inputs {
        let outcome = std::panic::catch_unwind(|| exercise(input));
        assert!(outcome.is_ok(), "panicked on input {input:?}");
    }
}

/// Found by `cargo fuzz run jsonpath` when queries went to serde_json_path 0.7.2, which hit
/// `unreachable!("we do not use streaming parsers")` when a quoted name ends
/// inside a `\u` escape. Each of these must be an error, not a panic.
#[test]
fn truncated_unicode_escapes_in_jsonpath_are_errors() {
    for input in [
        " $['st\u{643}\\u",
        "$['a\\u",
        "$['a\\u1",
        "$['a\\u12",
        "$['a\\u123",
        "$[\"a\\u",
        "$['a\\uD800",
        "$['a\\uD800\\u",
        "$['a\\uD800\\uDC0",
        "$['a\\uD800']",
        "$['a\\u12']",
        "$.x == '\\u",
        "$[?@.a == 'b\\u",
        "$['a\\uD800\\u0041']",
        "$['a\\uDC00",
    ] {
        let result = std::panic::catch_unwind(|| JsonPathCondition::parse(input).is_ok());
        assert_eq!(result.ok(), Some(false), "{input:?} must be an error, not a panic or a success");
    }
    // Complete escapes still parse.
    assert!(JsonPathCondition::parse("$['caf\\u00e9']").is_ok());
    assert!(JsonPathCondition::parse("$['\\uD83D\\uDE00']").is_ok());
}
