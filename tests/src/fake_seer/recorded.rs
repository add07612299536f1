//! What the fake remembers about each request.
//!
//! Tests assert on the exact bytes the generated client put on the wire
//! (encoding of path parameters, headers, bodies), so requests are stored raw
//! and only decoded on demand by the helpers here.

use super::scenario::Route;
use serde_json::Value;

/// One request as the fake received it, plus the status it answered.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// Upper-case method, e.g. `"GET"`.
    pub method: String,
    /// Raw path exactly as received, still percent-encoded.
    pub path: String,
    /// Raw query string, without the `?`.
    pub query: Option<String>,
    /// Headers in arrival order with lower-case names; non-UTF-8 values are
    /// converted lossily.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Status the fake answered; 0 only while the request is still in flight.
    pub status: u16,
}

impl RecordedRequest {
    /// The body parsed as JSON; `None` if it is empty or not JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// First value of a header, matched case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Percent-decoded path segment; index 0 is the segment after the leading
    /// `/` (`"api"` for every fake route). `None` if out of range or if the
    /// decoded bytes are not UTF-8, so a bad encoding cannot pass unnoticed.
    pub fn decoded_segment(&self, index: usize) -> Option<String> {
        let raw = self.path.strip_prefix('/').unwrap_or(&self.path);
        let segment = raw.split('/').nth(index)?;
        String::from_utf8(percent_decode(segment.as_bytes())).ok()
    }

    /// The operation this request addressed, judged from method and raw path
    /// the same way the fake's router does; `None` for anything unrouted.
    pub fn route(&self) -> Option<Route> {
        route_of(&self.method, &self.path)
    }
}

/// Mirrors the router's matching so recorded requests can be filtered by
/// operation without the server having to store its own verdict.
pub(crate) fn route_of(method: &str, path: &str) -> Option<Route> {
    let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    match (method, segments.as_slice()) {
        ("GET" | "HEAD", ["api", "0", "organizations", org, "seer", "models", ""]) if !org.is_empty() => Some(Route::ListModels),
        ("POST", ["api", "0", "issues", issue, "seer", "autofix", ""]) if !issue.is_empty() => Some(Route::StartFix),
        ("GET" | "HEAD", ["api", "0", "issues", issue, "seer", "autofix", ""]) if !issue.is_empty() => Some(Route::GetFixState),
        _ => None,
    }
}

/// Malformed escapes are kept literally, as lenient servers do. Decoding
/// with the same crate the client encodes with cannot hide an encoding bug:
/// the tests compare the raw path too (`a%2Fb%3Fc`).
pub(crate) fn percent_decode(input: &[u8]) -> Vec<u8> {
    percent_encoding::percent_decode(input).collect()
}
