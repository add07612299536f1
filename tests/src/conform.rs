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

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The keys of the mapping that line `n` is a key of (including the key on
/// a `- key: ...` line that opens it), so a rewrite can ask what else the
/// step says.
fn step_keys(lines: &[&str], n: usize) -> Vec<String> {
    let indent = indent_of(lines[n]);
    let key = |l: &str| {
        l.trim_start()
            .trim_start_matches("- ")
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let mut keys = vec![key(lines[n])];
    for l in lines[..n].iter().rev().filter(|l| !l.trim().is_empty()) {
        let i = indent_of(l);
        if i < indent {
            if l.trim_start().starts_with("- ") && i + 2 == indent {
                keys.push(key(l));
            }
            break;
        }
        if i == indent {
            keys.push(key(l));
        }
    }
    for l in lines[n + 1..].iter().filter(|l| !l.trim().is_empty()) {
        let i = indent_of(l);
        if i < indent {
            break;
        }
        if i == indent {
            if l.trim_start().starts_with("- ") {
                break;
            }
            keys.push(key(l));
        }
    }
    keys
}

/// strefethen arazzo-cli's operationPath shorthand, `[METHOD ]/path` or
/// `[METHOD ]{source}./path`, as the 1.0.1 form
/// `{$sourceDescriptions.<source>.url}#/paths/<escaped path>/<method>`.
/// Without a method the tool sends GET; a step with a request body and no
/// method is left alone, since GET with a body is not an obvious reading.
/// The source is the one named, or the only one.
fn method_path(value: &str, apis: &[(String, String)], step_keys: &[String]) -> Option<String> {
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    if value.contains('#') || value.starts_with("{$") {
        return None;
    }
    let (method, target) = match value.split_once(' ') {
        Some((m, t)) if m.chars().all(|c| c.is_ascii_uppercase()) => (Some(m.to_ascii_lowercase()), t.trim()),
        Some(_) => return None,
        None => (None, value),
    };
    let method = match method {
        Some(m) if ["get", "put", "post", "delete", "options", "head", "patch", "trace"].contains(&m.as_str()) => m,
        Some(_) => return None,
        None if step_keys.iter().any(|k| k == "requestBody") => return None,
        None => "get".to_owned(),
    };
    let (source, path) = match target.strip_prefix('{').and_then(|t| t.split_once("}.")) {
        Some((source, path)) => (apis.iter().find(|(n, _)| n == source)?.0.clone(), path),
        None if apis.len() == 1 => (apis[0].0.clone(), target),
        None => return None,
    };
    if !path.starts_with('/') {
        return None;
    }
    let escaped = path.replace('~', "~0").replace('/', "~1");
    Some(format!("{{$sourceDescriptions.{source}.url}}#/paths/{escaped}/{method}"))
}

/// Names actions that lack their REQUIRED `name` (1.0.1, Success and
/// Failure Action Objects: "name | string | REQUIRED"): an item of an
/// `onSuccess`, `onFailure`, `successActions` or `failureActions` list that
/// has a `type` and neither `name` nor `reference` gets `name:
/// <type>-<index>`, its 0-based position in the list, which is unique there.
fn action_names(text: &str) -> (String, bool) {
    let lines: Vec<&str> = text.lines().collect();
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start().trim_start_matches("- ").trim_end();
        if !["onSuccess:", "onFailure:", "successActions:", "failureActions:"].contains(&trimmed) {
            continue;
        }
        let key_indent = indent_of(line);
        let mut item_indent = None;
        let mut index = 0;
        let mut m = n + 1;
        while m < lines.len() {
            let l = lines[m];
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                m += 1;
                continue;
            }
            let i = indent_of(l);
            let is_item = l.trim_start().starts_with("- ");
            match item_indent {
                None if is_item && i >= key_indent => item_indent = Some(i),
                None => break,
                Some(li) if i < li || (i == li && !is_item) => break,
                Some(_) => {}
            }
            let li = item_indent.unwrap_or(i);
            if i > li {
                m += 1;
                continue;
            }
            // One item: its first key is on the `- ` line, the rest at li + 2.
            let mut keys = vec![l.trim_start()[2..].split(':').next().unwrap_or("").trim().to_owned()];
            let mut kind = l.trim_start()[2..].strip_prefix("type:").map(|t| t.trim().to_owned());
            let mut k = m + 1;
            while k < lines.len() && (lines[k].trim().is_empty() || indent_of(lines[k]) > li) {
                let t = lines[k].trim();
                if indent_of(lines[k]) == li + 2 {
                    keys.push(t.split(':').next().unwrap_or("").trim().to_owned());
                    if let Some(v) = t.strip_prefix("type:") {
                        kind = Some(v.trim().to_owned());
                    }
                }
                k += 1;
            }
            if let Some(kind) = kind
                && !keys.iter().any(|k| k == "name" || k == "reference")
                && !l.trim_start()[2..].starts_with('{')
            {
                let kind = kind.trim_matches(|c| c == '"' || c == '\'');
                inserts.push((m, format!("{}name: {kind}-{index}", " ".repeat(li + 2))));
            }
            index += 1;
            m = k;
        }
    }
    if inserts.is_empty() {
        return (text.to_owned(), false);
    }
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        out.push((*line).to_owned());
        out.extend(inserts.iter().filter(|(at, _)| *at == n).map(|(_, l)| l.clone()));
    }
    let mut text = out.join("\n");
    text.push('\n');
    (text, true)
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
    let (t, changed) = action_names(&text);
    text = t;
    if changed {
        applied.push("action-name");
    }
    let all: Vec<&str> = text.lines().collect();
    let mut lines = Vec::new();
    for (n, line) in all.iter().copied().enumerate() {
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
            && let Some(pointer) = method_path(value, apis, &step_keys(&all, n))
        {
            lines.push(format!("{indent}operationPath: '{pointer}'"));
            if !applied.contains(&"operationPath-method-path") {
                applied.push("operationPath-method-path");
            }
            continue;
        }
        if let Some(value) = trimmed.strip_prefix("operationPath:").map(str::trim)
            && !value.trim_start_matches(['\'', '"']).starts_with("{$")
            && value.contains('#')
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

    fn apis(names: &[&str]) -> Vec<(String, String)> {
        names.iter().map(|n| ((*n).to_owned(), String::new())).collect()
    }

    #[test]
    fn method_path() {
        let doc = "steps:\n  - stepId: a\n    operationPath: POST /post\n    requestBody:\n      payload: 1\n  - stepId: b\n    operationPath: /status/{code}\n  - stepId: c\n    operationPath: \"{two}./get\"\n";
        let (t, a) = super::document(doc, &apis(&["one", "two"]));
        assert!(t.contains("operationPath: '{$sourceDescriptions.two.url}#/paths/~1get/get'"), "{t}");
        // Two sources and none named: which one is not mechanical.
        assert!(t.contains("operationPath: POST /post"), "{t}");
        assert_eq!(a, ["operationPath-method-path"]);
        let (t, _) = super::document(doc, &apis(&["one"]));
        assert!(
            t.contains("operationPath: '{$sourceDescriptions.one.url}#/paths/~1post/post'"),
            "{t}"
        );
        assert!(
            t.contains("operationPath: '{$sourceDescriptions.one.url}#/paths/~1status~1{code}/get'"),
            "{t}"
        );
        // No method and a body: GET is not the obvious reading.
        let body = "  - stepId: a\n    operationPath: /post\n    requestBody:\n      payload: 1\n";
        assert_eq!(super::document(body, &apis(&["one"])).0, body);
    }

    #[test]
    fn action_names() {
        let doc = "onFailure:\n  - type: retry\n    retryLimit: 2\n  - name: keep\n    type: end\n  - type: goto\n    stepId: x\n  - reference: $components.failureActions.a\nnext: 1\n";
        let (t, a) = super::document(doc, &[]);
        assert_eq!(
            t,
            "onFailure:\n  - type: retry\n    name: retry-0\n    retryLimit: 2\n  - name: keep\n    type: end\n  - type: goto\n    name: goto-2\n    stepId: x\n  - reference: $components.failureActions.a\nnext: 1\n"
        );
        assert_eq!(a, ["action-name"]);
        // Components hold maps of named actions, not lists: left alone.
        let components = "components:\n  successActions:\n    done:\n      type: end\n";
        assert_eq!(super::document(components, &[]).1, Vec::<&str>::new());
    }
}
