//! `arazzo-codegen`: the generator on the command line.
//!
//! The macro and build scripts cover generation inside a crate; this binary
//! exists for everything around it: checking documents in CI or an editor
//! (`check`, with rustc-style or JSON diagnostics) and looking at the code a
//! document turns into (`generate`). Arguments are parsed by hand because
//! this crate is a build-dependency of every user crate and must stay light.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arazzo_codegen::{Failure, Generator};

const HELP: &str = "\
arazzo-codegen: check Arazzo 1.0.x workflow documents and generate Rust from them

USAGE:
    arazzo-codegen check [OPTIONS] FILE...
    arazzo-codegen generate [OPTIONS] FILE
    arazzo-codegen --help

COMMANDS:
    check       Load each Arazzo document and the OpenAPI descriptions it names, and
                report every problem found (all of them, not just the first), each with
                file:line:column, the offending line and a suggestion where one exists.
                Exits 0 when every document is clean, 1 when any has errors.
    generate    Generate the Rust code for one Arazzo document (typed clients plus one
                function per workflow) or one OpenAPI description (a client only): the
                same formatted code a build.rs gets. Writes to stdout, or to --out.

OPTIONS:
    --source NAME=PATH   Read the source description NAME (or the one whose url is NAME)
                         from the local file PATH. Repeatable. Needed for every source
                         whose url is remote: nothing is downloaded.
    --format FORMAT      How to print diagnostics: `human` (default; rustc-style, in colour
                         when stderr is a terminal and NO_COLOR is unset) or `json` (one JSON
                         object per line on stdout, see below).
    --out FILE           (generate) Write the code to FILE instead of stdout.
    --all-operations     (generate) Generate every operation of each API, not only the
                         ones the workflows call.
    -h, --help           Print this help.

JSON DIAGNOSTICS (--format json):
    One object per line: {\"document\", \"severity\", \"code\", \"message\", \"file\", \"line\",
    \"column\", \"end_line\", \"end_column\", \"help\", \"notes\": [{\"message\", \"file\", \"line\",
    \"column\", ...}]}. `document` is the FILE argument the problem was found under;
    `code` is a stable category such as `unknown-step`, `parameter` or `unsupported`
    (a valid document using a feature this generator cannot compile yet).

EXIT STATUS:
    0 no errors; 1 errors in a document; 2 the command line was wrong or a file could
    not be written.

EXAMPLES:
    arazzo-codegen check specs/arazzo/*.yaml
    arazzo-codegen check --source petstore=specs/openapi/petstore.yaml wf.arazzo.yaml
    arazzo-codegen check --format json wf.arazzo.yaml | jq .message
    arazzo-codegen generate wf.arazzo.yaml --out src/generated.rs
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Check,
    Generate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

#[derive(Debug)]
struct Options {
    command: Command,
    files: Vec<PathBuf>,
    sources: Vec<(String, PathBuf)>,
    format: Format,
    out: Option<PathBuf>,
    all_operations: bool,
}

/// What the command line asked for.
enum Parsed {
    Help,
    Run(Options),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Parsed::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Parsed::Run(options)) => match options.command {
            Command::Check => check(&options),
            Command::Generate => generate(&options),
        },
        Err(message) => {
            eprintln!("error: {message}\n\nRun `arazzo-codegen --help` for usage.");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<Parsed, String> {
    let mut rest = args.iter();
    let command = match rest.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Ok(Parsed::Help),
        Some("check") => Command::Check,
        Some("generate") => Command::Generate,
        Some(other) => return Err(format!("unknown command `{other}`; the commands are `check` and `generate`")),
    };
    let mut options = Options {
        command,
        files: Vec::new(),
        sources: Vec::new(),
        format: Format::Human,
        out: None,
        all_operations: false,
    };
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if arg.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or(format!("`{name}` needs a value"))
        };
        match flag {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--source" => options.sources.push(source_mapping(&value("--source")?)?),
            "--format" => options.format = format(&value("--format")?)?,
            "--out" if command == Command::Generate => options.out = Some(PathBuf::from(value("--out")?)),
            "--all-operations" if command == Command::Generate && inline.is_none() => options.all_operations = true,
            "--" => options.files.extend(rest.by_ref().map(PathBuf::from)),
            _ if flag.starts_with('-') && flag != "-" => return Err(format!("unknown option `{flag}` for `{}`", command_name(command))),
            _ => options.files.push(PathBuf::from(arg)),
        }
    }
    match (command, options.files.len()) {
        (_, 0) => Err(format!("`{}` needs a FILE", command_name(command))),
        (Command::Generate, n) if n > 1 => Err("`generate` takes one FILE".to_owned()),
        _ => Ok(Parsed::Run(options)),
    }
}

fn command_name(command: Command) -> &'static str {
    match command {
        Command::Check => "check",
        Command::Generate => "generate",
    }
}

fn source_mapping(value: &str) -> Result<(String, PathBuf), String> {
    match value.split_once('=') {
        Some((name, path)) if !name.is_empty() && !path.is_empty() => Ok((name.to_owned(), PathBuf::from(path))),
        _ => Err(format!(
            "`--source {value}` must be NAME=PATH, e.g. `--source petstore=specs/petstore.yaml`"
        )),
    }
}

fn format(value: &str) -> Result<Format, String> {
    match value {
        "human" => Ok(Format::Human),
        "json" => Ok(Format::Json),
        other => Err(format!("unknown format `{other}`; use `human` or `json`")),
    }
}

fn generator(options: &Options) -> Generator {
    let cwd = std::env::current_dir().unwrap_or_default();
    options
        .sources
        .iter()
        .fold(Generator::new().display_root(cwd), |g, (name, path)| {
            g.map_source(name.clone(), path.clone())
        })
        .all_operations(options.all_operations)
}

/// Colour only for a person looking at a terminal, and never when they asked
/// for none (<https://no-color.org>).
fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn check(options: &Options) -> ExitCode {
    let generator = generator(options);
    let mut failed = 0usize;
    for file in &options.files {
        match generator.check(file) {
            Ok(checked) => {
                if options.format == Format::Human {
                    checked.warnings.iter().for_each(|w| eprintln!("warning: {w}"));
                    eprintln!("{}: ok", file.display());
                }
            }
            Err(failure) => {
                failed += 1;
                report(file, &failure, options.format);
            }
        }
    }
    if options.format == Format::Human && options.files.len() > 1 {
        eprintln!(
            "checked {} documents: {} clean, {failed} with errors",
            options.files.len(),
            options.files.len() - failed
        );
    }
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn generate(options: &Options) -> ExitCode {
    let Some(file) = options.files.first() else {
        return ExitCode::from(2);
    };
    let generated = match generator(options).generate(file) {
        Ok(generated) => generated,
        Err(failure) => {
            report(file, &failure, options.format);
            return ExitCode::from(1);
        }
    };
    generated.warnings.iter().for_each(|w| eprintln!("warning: {w}"));
    let code = generated.to_formatted_string();
    let written = match &options.out {
        Some(out) => std::fs::write(out, code).map_err(|e| format!("cannot write `{}`: {e}", out.display())),
        None => std::io::stdout()
            .write_all(code.as_bytes())
            .map_err(|e| format!("cannot write to stdout: {e}")),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn report(document: &Path, failure: &Failure, format: Format) {
    match format {
        Format::Human => {
            let errors = failure
                .diagnostics
                .iter()
                .filter(|d| d.severity == arazzo_codegen::Severity::Error)
                .count();
            eprintln!("{}", failure.render(colour()));
            let plural = if errors == 1 { "" } else { "s" };
            eprintln!("{}: {errors} error{plural}", document.display());
        }
        Format::Json => {
            let mut stdout = std::io::stdout().lock();
            for d in &failure.diagnostics {
                let mut value = d.to_json(&failure.sources);
                if let Some(object) = value.as_object_mut() {
                    object.insert("document".into(), document.display().to_string().into());
                }
                let _ = writeln!(stdout, "{value}");
            }
        }
    }
}
