//! `--conform` for the outside-corpus harnesses: mechanical rewrites that
//! make a document valid Arazzo 1.0.1 where it contradicts the spec's
//! grammar in a way with one obvious reading, so its run can still be
//! compared. Each rewrite applied is named, and the harnesses print the
//! names beside the result: a conformed pass is a pass of the corrected
//! document, never of the original.

fn is_name(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// `$response.body.a.b[0]` -> `$response.body#/a/b/0` (ABNF:
/// `body-reference = "body" ["#" json-pointer ]`).
fn body_dots(text: &str, prefix: &str) -> (String, bool) {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(i) = rest.find(prefix) {
        out.push_str(&rest[..i + prefix.len() - 1]);
        let tail = &rest[i + prefix.len()..];
        let end = tail
            .find(|c: char| !(is_name(c) || c == '.' || c == '[' || c == ']'))
            .unwrap_or(tail.len());
        let path = &tail[..end];
        let tokens: Vec<String> = path
            .replace('[', ".")
            .replace(']', "")
            .split('.')
            .filter(|t| !t.is_empty())
            .map(|t| t.replace('~', "~0").replace('/', "~1"))
            .collect();
        out.push_str("#/");
        out.push_str(&tokens.join("/"));
        rest = &tail[end..];
        changed = true;
    }
    out.push_str(rest);
    (out, changed)
}

/// `$steps.x.name` -> `$steps.x.outputs.name`.
fn step_outputs(text: &str) -> (String, bool) {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(i) = rest.find("$steps.") {
        out.push_str(&rest[..i + 7]);
        let tail = &rest[i + 7..];
        let id_end = tail.find(|c: char| !is_name(c)).unwrap_or(tail.len());
        out.push_str(&tail[..id_end]);
        let after = &tail[id_end..];
        if after.starts_with('.') && !after.starts_with(".outputs.") {
            out.push_str(".outputs");
            changed = true;
        }
        rest = after;
    }
    out.push_str(rest);
    (out, changed)
}

/// Applies every rewrite; `apis` holds (source name, OpenAPI text).
pub fn document(text: &str, apis: &[(String, String)]) -> (String, Vec<&'static str>) {
    let mut applied = Vec::new();
    let mut text = text.to_owned();
    for (prefix, name) in [("$response.body.", "body-pointer"), ("$request.body.", "body-pointer")] {
        let (t, changed) = body_dots(&text, prefix);
        text = t;
        if changed && !applied.contains(&name) {
            applied.push(name);
        }
    }
    let (t, changed) = step_outputs(&text);
    text = t;
    if changed {
        applied.push("steps-outputs");
    }
    if text.contains("$response.headers.") {
        text = text.replace("$response.headers.", "$response.header.");
        applied.push("header-not-headers");
    }
    let mut lines = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if let Some(value) = trimmed.strip_prefix("operationId:").map(str::trim)
            && apis.len() > 1
            && !value.starts_with('$')
        {
            let op = value.trim_matches(|c| c == '"' || c == '\'');
            let owner = apis.iter().find(|(_, api)| {
                api.contains(&format!("operationId: {op}\n"))
                    || api.contains(&format!("operationId: \"{op}\""))
                    || api.contains(&format!("\"operationId\": \"{op}\""))
            });
            if let Some((source, _)) = owner {
                lines.push(format!("{indent}operationId: $sourceDescriptions.{source}.{op}"));
                if !applied.contains(&"qualified-operationId") {
                    applied.push("qualified-operationId");
                }
                continue;
            }
        }
        if let Some(value) = trimmed.strip_prefix("operationPath:").map(str::trim)
            && !value.trim_start_matches(['\'', '"']).starts_with("{$")
        {
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            let (source, pointer) = value.split_once('#').unwrap_or(("", value));
            let source = apis
                .iter()
                .find(|(n, _)| n == source)
                .or_else(|| if apis.len() == 1 { apis.first() } else { None })
                .map(|(n, _)| n.clone());
            if let Some(source) = source {
                lines.push(format!("{indent}operationPath: '{{$sourceDescriptions.{source}.url}}#{pointer}'"));
                if !applied.contains(&"operationPath-expression") {
                    applied.push("operationPath-expression");
                }
                continue;
            }
        }
        lines.push(line.to_owned());
    }
    let mut text = lines.join("\n");
    text.push('\n');
    (text, applied)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rewrites() {
        let (t, a) = super::document("x: $response.body.a.b[0]\ny: $steps.s-1.name\n", &[]);
        assert_eq!(t, "x: $response.body#/a/b/0\ny: $steps.s-1.outputs.name\n");
        assert_eq!(a, ["body-pointer", "steps-outputs"]);
    }
}
