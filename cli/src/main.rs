//! `arazzo-codegen`: the generator on the command line.
//!
//! The macro and build scripts cover generation inside a crate; this binary
//! exists for everything around it: checking documents in CI or an editor
//! (`check`, with rustc-style or JSON diagnostics) and looking at the code a
//! document turns into (`generate`). It is its own package so that
//! `arazzo-codegen`, a build-dependency of every user crate, does not pull in
//! an argument parser; `fix` applies the generator's machine-applicable
//! suggestions to the documents (module `fix`).
//!
//! Shape, so later commands and flags slot in: options every command shares
//! (source mappings, the diagnostics format, lint levels) live in
//! [`Common`], flattened into each subcommand; each subcommand is one variant
//! of [`Command`] with one function running it. clap reports usage errors
//! (exit status 2), `--help` and `--version`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use arazzo_codegen::{Diagnostic, Failure, Generator, Level, Severity, SourceMap};
use clap::{ArgMatches, Args, CommandFactory as _, FromArgMatches as _, Parser, Subcommand, ValueEnum};

mod fix;

const AFTER_HELP: &str = "\
JSON DIAGNOSTICS (--format json):
    One object per line, warnings included: {\"document\", \"severity\", \"code\",
    \"message\", \"file\", \"line\", \"column\", \"end_line\", \"end_column\", \"help\",
    \"notes\": [{\"message\", \"file\", \"line\", \"column\", ...}], \"replacement\": null or
    {\"text\", \"file\", \"line\", \"column\", \"end_line\", \"end_column\", \"byte_start\",
    \"byte_end\"}}. `document` is the FILE argument the problem was found under; `code` is
    a stable category such as `unknown-step`, `parameter` or `unsupported` (a valid
    document using a feature this generator cannot compile yet); `replacement` is a
    machine-applicable fix (what `fix` applies).

LINT LEVELS (-A, -W, -D CODE):
    Every code has a default level (deny, warn or allow); the adjustable ones can be
    set, the last setting of a code winning: `-A unqualified-operation-id`,
    `-D undeclared-parameter`. The table is docs/lints.md.

EXIT STATUS:
    0 no errors; 1 errors in a document, or (generate --check) the --out file is not
    what would be generated; 2 the command line was wrong or a file could not be read
    or written.

EXAMPLES:
    arazzo-codegen check specs/arazzo/*.yaml
    arazzo-codegen check --source petstore=specs/openapi/petstore.yaml wf.arazzo.yaml
    arazzo-codegen check --format json wf.arazzo.yaml | jq .message
    arazzo-codegen check -A unqualified-operation-id specs/arazzo/*.yaml
    arazzo-codegen fix --dry-run wf.arazzo.yaml
    arazzo-codegen generate wf.arazzo.yaml --out src/generated.rs
    arazzo-codegen generate wf.arazzo.yaml --out src/generated.rs --check";

/// Check Arazzo 1.0.x and 1.1.x workflow documents and generate Rust from them.
#[derive(Debug, Parser)]
#[command(name = "arazzo-codegen", version, after_long_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Report every problem in Arazzo documents and the OpenAPI descriptions they name.
    ///
    /// All problems are reported, not just the first, each with file:line:column,
    /// the offending line and a suggestion where one exists. Exits 0 when every
    /// document is clean, 1 when any has errors.
    #[command(after_long_help = AFTER_HELP)]
    Check {
        #[command(flatten)]
        common: Common,
        /// Arazzo documents (or OpenAPI descriptions) to check.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Generate the Rust code for one Arazzo document or OpenAPI description.
    ///
    /// An Arazzo document gives typed clients plus one function per workflow; an
    /// OpenAPI description gives a client only. The output is the same formatted
    /// code a build.rs gets.
    #[command(after_long_help = AFTER_HELP)]
    Generate {
        #[command(flatten)]
        common: Common,
        /// Write the code to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Generate every operation of each API, not only the ones the workflows call.
        #[arg(long)]
        all_operations: bool,
        /// Write nothing: exit 0 if the --out FILE holds exactly the code this would
        /// write, else print the difference as a unified diff on stdout and exit 1
        /// (for CI, when generated code is checked in).
        #[arg(long, requires = "out")]
        check: bool,
        /// The Arazzo document (or OpenAPI description) to generate from.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Apply every machine-applicable suggestion to Arazzo documents, in place.
    ///
    /// Only the text each fix replaces changes: comments, quoting, order and
    /// everything else stay byte for byte. Diagnostics whose level is allow
    /// are not fixed. Exits 0 when no errors remain, 1 when some do.
    #[command(after_long_help = AFTER_HELP)]
    Fix {
        #[command(flatten)]
        common: Common,
        /// Print the changes as a unified diff on stdout instead of writing them.
        #[arg(long)]
        dry_run: bool,
        /// Arazzo documents to fix.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}

/// Options every command takes.
#[derive(Debug, Args)]
struct Common {
    /// Read the source description NAME (or the one whose url is NAME) from the local
    /// file PATH. Repeatable. Needed for every source whose url is remote: nothing is
    /// downloaded.
    #[arg(long = "source", value_name = "NAME=PATH", value_parser = source_mapping)]
    sources: Vec<(String, PathBuf)>,
    /// How to print diagnostics: rustc-style (in colour when stderr is a terminal and
    /// NO_COLOR is unset) or one JSON object per line on stdout.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Do not report diagnostics of code CODE (a lint, see docs/lints.md). Repeatable.
    #[arg(short = 'A', long = "allow", value_name = "CODE", value_parser = allow_code)]
    allow: Vec<&'static str>,
    /// Report CODE as a warning. Repeatable.
    #[arg(short = 'W', long = "warn", value_name = "CODE", value_parser = warn_code)]
    warn: Vec<&'static str>,
    /// Report CODE as an error. Repeatable.
    #[arg(short = 'D', long = "deny", value_name = "CODE", value_parser = deny_code)]
    deny: Vec<&'static str>,
    /// The -A/-W/-D settings in command-line order (filled from the matches).
    #[arg(skip)]
    levels: Vec<(&'static str, Level)>,
}

fn allow_code(code: &str) -> Result<&'static str, String> {
    arazzo_codegen::lints::validate(code, Level::Allow)
}

fn warn_code(code: &str) -> Result<&'static str, String> {
    arazzo_codegen::lints::validate(code, Level::Warn)
}

fn deny_code(code: &str) -> Result<&'static str, String> {
    arazzo_codegen::lints::validate(code, Level::Deny)
}

impl Common {
    /// Orders the level flags as written, so the last setting of a code
    /// wins as in rustc (`-A x -D x` denies).
    fn order_levels(&mut self, matches: &ArgMatches) {
        let mut ordered = Vec::new();
        for (id, level, codes) in [
            ("allow", Level::Allow, &self.allow),
            ("warn", Level::Warn, &self.warn),
            ("deny", Level::Deny, &self.deny),
        ] {
            let indices = matches.indices_of(id).into_iter().flatten();
            ordered.extend(indices.zip(codes.iter()).map(|(i, code)| (i, *code, level)));
        }
        ordered.sort_by_key(|(i, _, _)| *i);
        self.levels = ordered.into_iter().map(|(_, code, level)| (code, level)).collect();
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style blocks on stderr.
    Human,
    /// One JSON object per diagnostic on stdout.
    Json,
}

fn main() -> ExitCode {
    // clap exits by itself: 0 after --help/--version, 2 on a usage error.
    let matches = Cli::command().get_matches();
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if let (Some(command), Some((_, sub))) = (cli.command.as_mut(), matches.subcommand()) {
        match command {
            Command::Check { common, .. } | Command::Generate { common, .. } | Command::Fix { common, .. } => {
                common.order_levels(sub);
            }
        }
    }
    match cli.command {
        None => {
            let _ = Cli::command().print_long_help();
            ExitCode::SUCCESS
        }
        Some(Command::Check { common, files }) => check(&common, &files),
        Some(Command::Generate {
            common,
            out,
            all_operations,
            check,
            file,
        }) => match out {
            // clap refuses `--check` without `--out`.
            Some(out) if check => generate_check(&common, &file, &out, all_operations),
            out => generate(&common, &file, out.as_deref(), all_operations),
        },
        Some(Command::Fix { common, dry_run, files }) => fix::run(&generator(&common), &files, dry_run),
    }
}

fn source_mapping(value: &str) -> Result<(String, PathBuf), String> {
    match value.split_once('=') {
        Some((name, path)) if !name.is_empty() && !path.is_empty() => Ok((name.to_owned(), PathBuf::from(path))),
        _ => Err("must be NAME=PATH, e.g. `--source petstore=specs/petstore.yaml`".to_owned()),
    }
}

fn generator(common: &Common) -> Generator {
    let cwd = std::env::current_dir().unwrap_or_default();
    let generator = common.sources.iter().fold(Generator::new().display_root(cwd), |g, (name, path)| {
        g.map_source(name.clone(), path.clone())
    });
    common.levels.iter().fold(generator, |g, (code, level)| g.level(code, *level))
}

/// Colour only for a person looking at a terminal, and never when they asked
/// for none (<https://no-color.org>).
fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn check(common: &Common, files: &[PathBuf]) -> ExitCode {
    let generator = generator(common);
    let mut failed = 0usize;
    for file in files {
        match generator.check(file) {
            Ok(checked) => {
                warn(file, &checked.diagnostics, &checked.sources, common.format);
                if common.format == Format::Human {
                    eprintln!("{}: ok", file.display());
                }
            }
            Err(failure) => {
                failed += 1;
                report(file, &failure, common.format);
            }
        }
    }
    if common.format == Format::Human && files.len() > 1 {
        eprintln!(
            "checked {} documents: {} clean, {failed} with errors",
            files.len(),
            files.len() - failed
        );
    }
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// The formatted code for `file`, its warnings reported in `format`; `None` (the errors
/// reported) when the document has errors.
fn generated_code(common: &Common, file: &Path, all_operations: bool, format: Format) -> Option<String> {
    match generator(common).all_operations(all_operations).generate(file) {
        Ok(generated) => {
            warn(file, &generated.diagnostics, &generated.sources, format);
            Some(generated.to_formatted_string())
        }
        Err(failure) => {
            report(file, &failure, common.format);
            None
        }
    }
}

fn generate(common: &Common, file: &Path, out: Option<&Path>, all_operations: bool) -> ExitCode {
    // JSON lines go to stdout, so only when the code does not.
    let format = if out.is_some() { common.format } else { Format::Human };
    let Some(code) = generated_code(common, file, all_operations, format) else {
        return ExitCode::from(1);
    };
    let written = match out {
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

/// `generate --check`: the diff goes to stdout and the verdict to stderr. Warnings are
/// rendered for people on stderr whatever `--format` says, since stdout carries the diff;
/// errors follow `--format`, as an errored document has no diff.
fn generate_check(common: &Common, file: &Path, out: &Path, all_operations: bool) -> ExitCode {
    let Some(code) = generated_code(common, file, all_operations, Format::Human) else {
        return ExitCode::from(1);
    };
    let on_disk = match std::fs::read_to_string(out) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", out.display());
            return ExitCode::from(2);
        }
    };
    if on_disk == code {
        eprintln!("{}: up to date", out.display());
        return ExitCode::SUCCESS;
    }
    print!("{}", fix::unified_diff(&on_disk, &code, &out.display().to_string()));
    eprintln!(
        "error: `{}` is not what `{}` generates ({}); run the same command without `--check` to rewrite it",
        out.display(),
        file.display(),
        if on_disk.is_empty() {
            "it is missing or empty"
        } else {
            "the diff is on stdout"
        },
    );
    ExitCode::from(1)
}

fn report(document: &Path, failure: &Failure, format: Format) {
    match format {
        Format::Human => {
            let errors = failure.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            eprintln!("{}", failure.render(colour()));
            let plural = if errors == 1 { "" } else { "s" };
            eprintln!("{}: {errors} error{plural}", document.display());
        }
        Format::Json => json_lines(document, &failure.diagnostics, &failure.sources),
    }
}

/// Warnings of a document that had no errors: blocks like errors' on
/// stderr, or JSON lines like errors' on stdout.
fn warn(document: &Path, warnings: &[Diagnostic], sources: &SourceMap, format: Format) {
    match format {
        Format::Human => warnings.iter().for_each(|w| eprintln!("{}", w.render(sources, colour()))),
        Format::Json => json_lines(document, warnings, sources),
    }
}

fn json_lines(document: &Path, diagnostics: &[Diagnostic], sources: &SourceMap) {
    let mut stdout = std::io::stdout().lock();
    for d in diagnostics {
        let mut value = d.to_json(sources);
        if let Some(object) = value.as_object_mut() {
            object.insert("document".into(), document.display().to_string().into());
        }
        let _ = writeln!(stdout, "{value}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        <Cli as clap::CommandFactory>::command().debug_assert();
    }
}
