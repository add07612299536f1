//! JSONPath conditions: plain RFC 9535 queries and the logical-expression form real documents use.

use crate::assert_error;
use arazzo_expr::jsonpath::JsonPathCondition;
use serde_json::{Value, json};

fn check(cond: &str, context: Value) -> bool {
    JsonPathCondition::parse(cond)
        .unwrap_or_else(|e| panic!("{cond:?}: {e}"))
        .evaluate(&context)
}

#[test]
fn seed_conditions() {
    let completed = "$.autofix.status == \"completed\"";
    let polling = "$.autofix.status == \"pending\" || $.autofix.status == \"processing\"";
    for c in [completed, polling] {
        assert!(JsonPathCondition::parse(c).unwrap().is_logical_expression());
    }
    let ctx = |s: &str| json!({"autofix": {"status": s}});
    assert!(check(completed, ctx("completed")));
    assert!(!check(completed, ctx("processing")));
    assert!(!check(completed, ctx("COMPLETED")), "strings compare case-sensitively");
    assert!(check(polling, ctx("processing")));
    assert!(check(polling, ctx("pending")));
    assert!(!check(polling, ctx("completed")));
    assert!(!check(completed, json!({"autofix": null})));
    assert!(!check(polling, json!({})));
    assert!(!check(polling, json!("processing")));
}

#[test]
fn node_selecting_queries() {
    let q = JsonPathCondition::parse("$.items[?@.x > 1]").unwrap();
    assert!(!q.is_logical_expression());
    assert_eq!(q.as_str(), "$.items[?@.x > 1]");
    assert!(q.evaluate(&json!({"items": [{"x": 1}, {"x": 2}]})));
    assert!(!q.evaluate(&json!({"items": [{"x": 0}]})));
    assert!(!q.evaluate(&json!({})));
    // count() counts nodes: the filter runs over the context's children.
    assert!(check("$[?count(@.pets) > 0]", json!([{"pets": []}, {"name": "x"}])));
    assert!(!check("$[?count(@.pets) > 0]", json!([{"name": "x"}])));
    assert!(!check("$[?count(@.products) > 0]", json!({"products": [1, 2]})));
    assert!(check("$[?@.name == 'Orca']", json!([{"name": "Orca"}])));
    assert!(check("$.a", json!({"a": null})));
    assert!(!check("$.a", json!({"b": 1})));
    assert!(check("  $.a  ", json!({"a": 1})));
    assert!(check("$..id", json!({"x": [{"id": 1}]})));
    assert!(check(
        "$.items[?(@.category == 'beverage')]",
        json!({"items": [{"category": "beverage"}]})
    ));
}

#[test]
fn logical_expressions() {
    let ctx = json!({"count": 3, "ok": true, "s": "abc", "n": 1, "nul": null, "items": [1, 2], "a b": {"c": 2}, "name": "héllo"});
    assert!(check("$.count > 2 && $.ok == true", ctx.clone()));
    assert!(!check("$.count > 3 && $.ok == true", ctx.clone()));
    assert!(check("$.count >= 3", ctx.clone()));
    assert!(check("$.count<=3", ctx.clone()));
    assert!(check("$.count != 4", ctx.clone()));
    assert!(check("$.n == 1.0", ctx.clone()));
    assert!(!check("$.n == \"1\"", ctx.clone()), "no type coercion");
    assert!(check("$.s == 'abc'", ctx.clone()));
    assert!(!check("$.s == 'ABC'", ctx.clone()));
    assert!(check("$.s < 'abd'", ctx.clone()));
    assert!(!check("$.s < 1", ctx.clone()));
    assert!(check("$['a b'].c == 2", ctx.clone()));
    assert!(check("$[\"a b\"][\"c\"] == 2", ctx.clone()));
    assert!(check("$.items[0] == 1 && $.items[-1] == 2", ctx.clone()));
    assert!(check("$.ok", ctx.clone()));
    assert!(!check("!$.ok", ctx.clone()));
    assert!(check("!($.missing)", ctx.clone()));
    assert!(!check("!($.ok)", ctx.clone()));
    assert!(check("!($.count == 1) && ($.s == 'x' || $.n == 1)", ctx.clone()));
    assert!(check("1 == 1", ctx.clone()));
    assert!(check("$ == $", ctx.clone()));
    // Nothing (an empty nodelist) equals only Nothing.
    assert!(check("$.missing == $.alsoMissing", ctx.clone()));
    assert!(!check("$.missing == null", ctx.clone()));
    assert!(check("$.nul == null", ctx.clone()));
    assert!(check("$.missing != 1", ctx.clone()));
    assert!(!check("$.missing < 1", ctx.clone()));
    assert!(!check("$.missing >= 1", ctx.clone()));
    assert!(check("$.missing <= $.missing2", ctx.clone()));
    // Functions.
    assert!(check("length($.items) == 2", ctx.clone()));
    assert!(check("length($.name) == 5", ctx.clone()));
    assert!(check("length('abc') == 3", ctx.clone()));
    assert!(check("length($.n) == $.missing", ctx.clone()));
    assert!(check("count($.items[*]) >= 2", ctx.clone()));
    assert!(check("count($..c) == 1", ctx.clone()));
    assert!(check("value($..c) == 2", ctx.clone()));
    assert!(check("length(value($.items)) == 2", ctx.clone()));
    assert!(check("match($.s, 'a.c')", ctx.clone()));
    assert!(!check("match($.s, 'b')", ctx.clone()));
    assert!(check("search($.s, 'b')", ctx.clone()));
    assert!(!check("search($.s, '(')", ctx.clone()), "an invalid pattern is false");
    assert!(!check("match($.n, '1')", ctx.clone()));
    assert!(check("!match($.s, 'x') && search($.s , \"^a\")", ctx));
}

#[test]
fn rejects_bad_conditions() {
    assert_error(JsonPathCondition::parse(""), 0, &["empty JSONPath condition"]);
    assert_error(JsonPathCondition::parse("  "), 2, &["empty JSONPath condition"]);
    assert_error(
        JsonPathCondition::parse("$.a b"),
        4,
        &["expected '&&', '||' or the end of the condition", "'b'"],
    );
    assert_error(JsonPathCondition::parse("$.a[ == 1"), 3, &["unclosed '['"]);
    assert_error(JsonPathCondition::parse("$.a == "), 7, &["expected a value after '=='"]);
    assert_error(JsonPathCondition::parse("$.a === 1"), 4, &["'===' is not an operator"]);
    assert_error(JsonPathCondition::parse("$.a = 1"), 4, &["'=' is not an operator"]);
    assert_error(JsonPathCondition::parse("$.a == 1 == 2"), 9, &["cannot be chained"]);
    assert_error(JsonPathCondition::parse("$.a == \"x"), 7, &["unterminated string literal"]);
    assert_error(JsonPathCondition::parse("$.a == bar"), 7, &["unexpected 'bar'", "quoted"]);
    assert_error(JsonPathCondition::parse("$.items[*] == 1"), 0, &["only singular queries"]);
    assert_error(JsonPathCondition::parse("$..a == 1"), 0, &["only singular queries"]);
    assert_error(JsonPathCondition::parse("1 == $.a[?@.b]"), 5, &["only singular queries"]);
    assert_error(
        JsonPathCondition::parse("$.id == $inputs.cookieId"),
        8,
        &["'$inputs.cookieId' looks like an Arazzo runtime expression"],
    );
    assert_error(JsonPathCondition::parse("@.x == 1"), 0, &["'@'", "use '$'"]);
    assert_error(
        JsonPathCondition::parse("length($.a)"),
        0,
        &["length() returns a value, not a condition"],
    );
    assert_error(
        JsonPathCondition::parse("match($.a, 'x') == true"),
        0,
        &["match() returns a logical value and cannot be compared"],
    );
    assert_error(
        JsonPathCondition::parse("length(match($.a, 'x')) == 1"),
        7,
        &["cannot be a function argument"],
    );
    assert_error(JsonPathCondition::parse("foo($.a) == 1"), 0, &["unknown function 'foo'"]);
    assert_error(JsonPathCondition::parse("count(1) == 1"), 6, &["count() takes a query argument"]);
    assert_error(
        JsonPathCondition::parse("length($.a, $.b) == 1"),
        0,
        &["length() takes 1 argument, found 2"],
    );
    assert_error(JsonPathCondition::parse("match($.a) "), 0, &["match() takes 2 arguments, found 1"]);
    assert_error(JsonPathCondition::parse("length($.a; 1) == 1"), 10, &["expected ',' or ')'"]);
    assert_error(JsonPathCondition::parse("\"x\""), 0, &["a literal on its own is not a condition"]);
    assert_error(
        JsonPathCondition::parse("!$.a == 1"),
        4,
        &["'!' applies only to the query right after it"],
    );
    assert_error(
        JsonPathCondition::parse("($.a == 1"),
        9,
        &["expected ')' to close the '(' at byte 0"],
    );
    assert_error(JsonPathCondition::parse("$.a == 1)"), 8, &["unmatched ')'"]);
    assert_error(
        JsonPathCondition::parse("$.a.. == 1"),
        5,
        &["expected a member name, '*' or '[' after '.'"],
    );
    assert_error(JsonPathCondition::parse("x"), 0, &["unexpected 'x'"]);
    assert_error(
        JsonPathCondition::parse("#/name == Chocolate"),
        0,
        &["expected a JSONPath query, a literal or a function call"],
    );
    let deep = format!("{}$.a{}", "(".repeat(80), ")".repeat(80));
    assert_error(JsonPathCondition::parse(&deep), 64, &["nested more than 64 levels"]);
    let deep = format!("$.a{}", "[?@".repeat(80) + &"]".repeat(80));
    assert_error(JsonPathCondition::parse(&deep), 99, &["nested more than 64 levels"]);
}

#[test]
fn nesting_up_to_the_limit_works_on_a_test_thread_stack() {
    let filter = format!("$[?{}@.a{}]", "(".repeat(62), ")".repeat(62));
    assert!(check(&filter, json!([{"a": 1}])));
    let logical = format!("{}$.a == 1{}", "(".repeat(63), ")".repeat(63));
    assert!(check(&logical, json!({"a": 1})));
    let calls = format!("{}$.a{} == $.b", "length(".repeat(63), ")".repeat(63));
    assert!(check(&calls, json!({"a": "xyz"})));
    let nested_filters = format!("$.a{}", "[?@".repeat(8) + &"]".repeat(8));
    assert!(!check(&nested_filters, json!({"a": []})));
    // Filters nest as deep as the rest (the parser is linear in the text).
    let deep_filters = format!("$.a{}", "[?@".repeat(30) + &"]".repeat(30));
    assert!(JsonPathCondition::parse(&deep_filters).is_ok());
    assert!(check("$.a[?@[?@[?@ == 1]]]", json!({"a": [[[1]], [[2]]]})));
}

#[test]
fn literal_comparisons_are_exposed_for_schema_checks() {
    let cond = JsonPathCondition::parse(r#"$.autofix.status == "pending" || 'done' != $['autofix']['steps'][0].status"#).expect("parses");
    let found: Vec<(Vec<String>, String, usize)> = cond
        .literal_comparisons()
        .iter()
        .map(|c| (c.path.clone(), c.literal.clone(), c.literal_offset))
        .collect();
    assert_eq!(
        found,
        [
            (vec!["autofix".to_owned(), "status".to_owned()], "pending".to_owned(), 20),
            (
                vec!["autofix".to_owned(), "steps".to_owned(), "0".to_owned(), "status".to_owned()],
                "done".to_owned(),
                33
            ),
        ]
    );
    // Only equality with a string literal is recorded.
    let cond = JsonPathCondition::parse("$.count > 2 && $.ok == true").expect("parses");
    assert!(cond.literal_comparisons().is_empty());
    // A plain query has no comparisons.
    let cond = JsonPathCondition::parse("$.items[?@.x == 'a']").expect("parses");
    assert!(cond.literal_comparisons().is_empty());
}

/// `.length` compared reads the length of an array or string, as JavaScript
/// evaluators do (RFC 9535 would select nothing, silently false both ways);
/// on an object it is the member `length`, as in both readings.
#[test]
fn compared_length_reads_the_length_of_arrays_and_strings() {
    let empty = json!({"result": [], "name": "abc", "obj": {"length": 7}});
    let two = json!({"result": [1, 2]});
    assert!(check("$.result.length == 0", empty.clone()));
    assert!(!check("$.result.length > 0", empty.clone()));
    assert!(check("$.result.length > 0", two.clone()));
    assert!(check("$.result.length == 2", two.clone()));
    assert!(check("$.name.length == 3", empty.clone()));
    assert!(check("$.obj.length == 7", empty.clone()));
    assert!(check("$.length == 0", json!([])));
    assert!(check("0 < $.length", json!([1])));
    // Nothing selected before `.length`: Nothing, equal to nothing else.
    assert!(!check("$.missing.length == 0", empty.clone()));
    // The RFC 9535 form means the same.
    assert!(check("length($.result) == 0", empty.clone()));
    let c = JsonPathCondition::parse("$.result.length == 0 && $.a[0]['b'] == 1").unwrap();
    let queries = c.singular_queries();
    assert_eq!(queries.len(), 2);
    assert!(queries[0].length_read);
    assert_eq!(queries[0].range, 0..15);
    let names: Vec<(&str, bool, std::ops::Range<usize>)> = queries[1]
        .segments
        .iter()
        .map(|s| (s.name.as_str(), s.is_index, s.range.clone()))
        .collect();
    assert_eq!(names, [("a", false, 26..27), ("0", true, 28..29), ("b", false, 32..33)]);
    assert!(!queries[1].length_read);
    // A plain query is one singular query too.
    let plain = JsonPathCondition::parse(" $.items[0].id").unwrap();
    assert_eq!(plain.singular_queries()[0].segments[2].range, 12..14);
}
