//! Runs the JSONPath Compliance Test Suite (github.com/jsonpath-standard/jsonpath-compliance-test-suite)
//! against `arazzo_expr::rfc9535`: `cargo run -p arazzo-expr --example jsonpath-cts -- path/to/cts.json`.
//!
//! The suite is not vendored (it is the standard's, and versioned there); this harness takes the
//! file a contributor fetched. Each test is a selector and either `invalid_selector` (the parser
//! must refuse it) or a document with the expected nodelist (`result`, or `results` when member
//! order makes several lists correct) and, when given, the normalized paths. Prints each failure
//! and the counts; exits non-zero when anything failed.

use arazzo_expr::rfc9535::Query;
use serde_json::Value;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: jsonpath-cts path/to/cts.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let suite: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{path}: not JSON: {e}");
            return ExitCode::from(2);
        }
    };
    let tests = suite["tests"].as_array().cloned().unwrap_or_default();
    let (mut passed, mut failed) = (0usize, 0usize);
    for test in &tests {
        let name = test["name"].as_str().unwrap_or("?");
        let selector = test["selector"].as_str().unwrap_or("");
        match check(test, selector) {
            Ok(()) => passed += 1,
            Err(why) => {
                failed += 1;
                println!("FAIL {name}: {selector:?}: {why}");
            }
        }
    }
    println!("{passed} passed, {failed} failed, {} tests", tests.len());
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

fn check(test: &Value, selector: &str) -> Result<(), String> {
    let parsed = Query::parse(selector);
    if test["invalid_selector"].as_bool() == Some(true) {
        return match parsed {
            Err(_) => Ok(()),
            Ok(q) => Err(format!("accepted an invalid selector (as {q})")),
        };
    }
    let query = parsed.map_err(|e| format!("refused a valid selector: {e}"))?;
    let located = query.select_located(&test["document"]);
    let values: Vec<Value> = located.iter().map(|(_, v)| (*v).clone()).collect();
    let paths: Vec<Value> = located.iter().map(|(p, _)| Value::String(p.to_string())).collect();
    let alternatives = |one: &str, many: &str| -> Option<Vec<Value>> {
        match (&test[one], &test[many]) {
            (Value::Array(_), _) => Some(vec![test[one].clone()]),
            (_, Value::Array(list)) => Some(list.clone()),
            _ => None,
        }
    };
    let got_values = Value::Array(values);
    let got_paths = Value::Array(paths);
    let expected_values = alternatives("result", "results").ok_or("the test has no result")?;
    if !expected_values.contains(&got_values) {
        return Err(format!("selected {got_values}, expected {}", expected_values[0]));
    }
    if let Some(expected_paths) = alternatives("result_paths", "results_paths") {
        // With several correct orders, the paths must be those of the same order.
        let matching = if expected_paths.len() == expected_values.len() {
            expected_values
                .iter()
                .zip(&expected_paths)
                .any(|(v, p)| *v == got_values && *p == got_paths)
        } else {
            expected_paths.contains(&got_paths)
        };
        if !matching {
            return Err(format!("paths {got_paths}, expected {}", expected_paths[0]));
        }
    }
    Ok(())
}
