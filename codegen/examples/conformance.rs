//! Conformance harness: what the checker says about every Arazzo document
//! under a directory, compared with what the corpus says it should say.
//!
//! Our own tests carry their own small cases; this harness exists to measure
//! the checker against other people's documents (the official examples and
//! other tools' test suites), which a user's clone does not have. Run it by hand:
//!
//! ```text
//! cargo run -p arazzo-codegen --example conformance -- DIR [--expect FILE] [--source NAME=PATH]... [--as-1.0] [--verbose]
//! ```
//!
//! Every `.yaml`/`.yml`/`.json` file under DIR whose top level has an
//! `arazzo` field is checked (OpenAPI files are read only as sources). Each
//! gets one line: `valid`, `valid (unsupported: ...)` (a correct document
//! using a feature this generator cannot compile yet), `skipped (source not
//! available)` (a remote or missing OpenAPI description, which the checker
//! never fetches) or `invalid` with its first diagnostics.
//!
//! `--source NAME=PATH` maps a source description (by name or URL) to a
//! local file for every document, as the CLI's option does.
//!
//! `--expect FILE` reads lines `PATH<TAB>valid|invalid[<TAB>WHY]` (PATH
//! relative to DIR, `#` starts a comment). For `invalid`, WHY is a
//! diagnostic code or a piece of a message, all separated by `|`, every one of which must
//! appear among the diagnostics ("rejected for the right reason"). Documents
//! not listed are reported without a verdict. `--as-1.0` reads documents
//! that say `arazzo: 1.1.x` as 1.0.1, for corpora written against 1.1 that
//! only use 1.0 features.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arazzo_codegen::diagnostics::codes;
use arazzo_codegen::{Diagnostic, Failure, Generator, Severity};

/// What the checker made of one document.
enum Outcome {
    Valid,
    Unsupported(String),
    Skipped(String),
    Invalid(Vec<String>),
}

impl Outcome {
    fn label(&self) -> &'static str {
        match self {
            Outcome::Valid => "valid",
            Outcome::Unsupported(_) => "valid (unsupported)",
            Outcome::Skipped(_) => "skipped",
            Outcome::Invalid(_) => "invalid",
        }
    }
}

/// One line of the expectations file.
struct Expectation {
    valid: bool,
    why: Vec<String>,
}

struct Args {
    dir: PathBuf,
    sources: Vec<(String, PathBuf)>,
    expect: Option<PathBuf>,
    as_one_zero: bool,
    verbose: bool,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1).collect()) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\nusage: conformance DIR [--expect FILE] [--source NAME=PATH]... [--as-1.0] [--verbose]");
            return ExitCode::from(2);
        }
    };
    let expectations = match &args.expect {
        Some(file) => match read_expectations(file) {
            Ok(e) => e,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
        },
        None => BTreeMap::new(),
    };
    let mut documents = Vec::new();
    collect(&args.dir, &mut documents);
    // A document the corpus lists is checked even when it does not look like
    // Arazzo (a `fail` case may be "not an object" at all).
    documents.extend(expectations.keys().map(|p| args.dir.join(p)).filter(|p| p.is_file()));
    documents.sort();
    documents.dedup();
    let mut tally = Tally::default();
    for path in &documents {
        let relative = path.strip_prefix(&args.dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let (outcome, diagnostics) = check(path, &args);
        let expected = expectations.get(&relative);
        let verdict = expected.and_then(|e| judge(e, &outcome, &diagnostics));
        tally.count(&outcome, verdict.as_ref(), expected.is_some());
        print_line(&relative, &outcome, verdict.as_ref(), args.verbose);
    }
    tally.print();
    ExitCode::SUCCESS
}

fn parse_args(raw: Vec<String>) -> Result<Args, String> {
    let mut dir = None;
    let mut expect = None;
    let mut as_one_zero = false;
    let mut verbose = false;
    let mut sources = Vec::new();
    let mut rest = raw.into_iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--expect" => expect = Some(PathBuf::from(rest.next().ok_or("`--expect` needs a FILE")?)),
            "--as-1.0" => as_one_zero = true,
            "--source" => {
                let mapping = rest.next().ok_or("`--source` needs NAME=PATH")?;
                let (name, path) = mapping.split_once('=').ok_or("`--source` needs NAME=PATH")?;
                sources.push((name.to_owned(), PathBuf::from(path)));
            }
            "--verbose" => verbose = true,
            _ if arg.starts_with("--") => return Err(format!("unknown option `{arg}`")),
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    Ok(Args {
        dir: dir.ok_or("a DIR is required")?,
        sources,
        expect,
        as_one_zero,
        verbose,
    })
}

fn read_expectations(file: &Path) -> Result<BTreeMap<String, Expectation>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read `{}`: {e}", file.display()))?;
    let mut out = BTreeMap::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let path = fields.next().unwrap_or("").trim().to_owned();
        let valid = match fields.next().map(str::trim) {
            Some("valid") => true,
            Some("invalid") => false,
            other => {
                return Err(format!(
                    "{}:{}: expected `valid` or `invalid`, found {other:?}",
                    file.display(),
                    number + 1
                ));
            }
        };
        let why = fields
            .next()
            .map(|w| w.split('|').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        out.insert(path, Expectation { valid, why });
    }
    Ok(out)
}

/// Every file under `dir` that looks like an Arazzo document.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if is_arazzo(&path) {
            out.push(path);
        }
    }
}

fn is_arazzo(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !matches!(extension, "yaml" | "yml" | "json") {
        return false;
    }
    let Ok(text) = std::fs::read_to_string(path) else { return false };
    text.lines()
        .any(|l| l.starts_with("arazzo:") || l.trim_start().starts_with("\"arazzo\":") && l.len() - l.trim_start().len() <= 2)
}

fn check(path: &Path, args: &Args) -> (Outcome, Vec<Diagnostic>) {
    let mut generator = Generator::new().display_root(&args.dir);
    for (name, file) in &args.sources {
        generator = generator.map_source(name.clone(), file.clone());
    }
    if args.as_one_zero
        && let Ok(text) = std::fs::read_to_string(path)
    {
        let rewritten = as_one_zero(&text);
        generator = generator.file(path, rewritten);
    }
    match generator.check(path) {
        Ok(_) => (Outcome::Valid, Vec::new()),
        Err(failure) => (classify(&failure), failure.diagnostics),
    }
}

/// The document with a top-level `arazzo: 1.1.x` (quoted or not) read as 1.0.1.
fn as_one_zero(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let value = line
                .strip_prefix("arazzo:")
                .map(|v| v.trim().trim_matches(|c| c == '\'' || c == '"'));
            match value {
                Some(v) if v.starts_with("1.1") => "arazzo: 1.0.1".to_owned(),
                _ => line.to_owned(),
            }
        })
        .collect();
    lines.join("\n") + "\n"
}

/// Problems in the document win over everything; a document whose only
/// problems are sources we cannot read is skipped, not rejected.
fn classify(failure: &Failure) -> Outcome {
    let errors: Vec<&Diagnostic> = failure.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    let line = |d: &&Diagnostic| d.one_line(&failure.sources);
    let invalid: Vec<String> = errors
        .iter()
        .filter(|d| d.code != codes::UNSUPPORTED && d.code != codes::SOURCE_UNAVAILABLE)
        .map(line)
        .collect();
    if !invalid.is_empty() {
        return Outcome::Invalid(invalid);
    }
    if let Some(d) = errors.iter().find(|d| d.code == codes::SOURCE_UNAVAILABLE) {
        return Outcome::Skipped(line(d));
    }
    match errors.first() {
        Some(d) => Outcome::Unsupported(d.message.clone()),
        None => Outcome::Valid,
    }
}

/// `Some(true)`: the checker agrees with the corpus; `Some(false)`: it does not;
/// `None`: skipped, so no verdict.
fn judge(expected: &Expectation, outcome: &Outcome, diagnostics: &[Diagnostic]) -> Option<(bool, String)> {
    match (expected.valid, outcome) {
        (_, Outcome::Skipped(_)) => None,
        (true, Outcome::Valid | Outcome::Unsupported(_)) => Some((true, String::new())),
        (true, Outcome::Invalid(_)) => Some((false, "valid document rejected".to_owned())),
        (false, Outcome::Valid | Outcome::Unsupported(_)) => Some((false, "invalid document accepted".to_owned())),
        (false, Outcome::Invalid(_)) => {
            let missing: Vec<&String> = expected
                .why
                .iter()
                .filter(|why| {
                    !diagnostics
                        .iter()
                        .any(|d| d.code == why.as_str() || d.message.contains(why.as_str()))
                })
                .collect();
            if missing.is_empty() {
                Some((true, String::new()))
            } else {
                let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
                Some((false, format!("rejected, but not for: {}", list.join(", "))))
            }
        }
    }
}

fn print_line(relative: &str, outcome: &Outcome, verdict: Option<&(bool, String)>, verbose: bool) {
    let mark = match verdict {
        Some((true, _)) => "ok      ",
        Some((false, _)) => "DISAGREE",
        None => "        ",
    };
    let why = verdict.map(|(_, w)| w.as_str()).filter(|w| !w.is_empty());
    println!(
        "{mark} {relative}: {}{}",
        outcome.label(),
        why.map(|w| format!(" [{w}]")).unwrap_or_default()
    );
    let details: Vec<String> = match outcome {
        Outcome::Valid => Vec::new(),
        Outcome::Unsupported(m) | Outcome::Skipped(m) => vec![m.clone()],
        Outcome::Invalid(lines) => lines.clone(),
    };
    let shown = if verbose || verdict.is_some_and(|(agree, _)| !agree) {
        details.len()
    } else {
        details.len().min(2)
    };
    for detail in details.iter().take(shown) {
        println!("           {detail}");
    }
}

#[derive(Default)]
struct Tally {
    by_outcome: BTreeMap<&'static str, usize>,
    valid_accepted: usize,
    valid_rejected: usize,
    invalid_rejected: usize,
    invalid_wrong_reason: usize,
    invalid_accepted: usize,
    skipped_with_expectation: usize,
}

impl Tally {
    fn count(&mut self, outcome: &Outcome, verdict: Option<&(bool, String)>, expected: bool) {
        *self.by_outcome.entry(outcome.label()).or_default() += 1;
        let Some((agree, why)) = verdict else {
            if expected && matches!(outcome, Outcome::Skipped(_)) {
                self.skipped_with_expectation += 1;
            }
            return;
        };
        match (outcome, *agree) {
            (Outcome::Valid | Outcome::Unsupported(_), true) => self.valid_accepted += 1,
            (Outcome::Invalid(_), true) => self.invalid_rejected += 1,
            (Outcome::Invalid(_), false) if why.starts_with("rejected, but") => self.invalid_wrong_reason += 1,
            (Outcome::Invalid(_), false) => self.valid_rejected += 1,
            _ => self.invalid_accepted += 1,
        }
    }

    fn print(&self) {
        println!();
        let outcomes: Vec<String> = self.by_outcome.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        println!("documents: {}", outcomes.join(", "));
        println!(
            "against expectations: valid and accepted {}, invalid and rejected for the right reason {}, \
             valid but rejected {}, invalid but accepted {}, rejected for another reason {}, skipped {}",
            self.valid_accepted,
            self.invalid_rejected,
            self.valid_rejected,
            self.invalid_accepted,
            self.invalid_wrong_reason,
            self.skipped_with_expectation
        );
    }
}
