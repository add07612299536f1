//! Integration tests for `arazzo-expr`, one module per public module, in one test binary so
//! the workspace links a single executable for them.

mod condition;
mod criterion;
mod expression;
mod jsonpath;
mod no_panic;
mod template;
mod v11;

use arazzo_expr::ParseError;

/// Asserts that `result` failed at `offset` with a message containing every `parts` string.
#[track_caller]
pub fn assert_error<T: std::fmt::Debug>(result: Result<T, ParseError>, offset: usize, parts: &[&str]) {
    match result {
        Ok(v) => panic!("expected an error at {offset}, got {v:?}"),
        Err(e) => {
            assert_eq!(e.offset, offset, "wrong offset for error: {}", e.message);
            for part in parts {
                assert!(e.message.contains(part), "message {:?} lacks {:?}", e.message, part);
            }
            assert!(!e.message.ends_with('.'), "messages are sentences without a period: {}", e.message);
        }
    }
}
