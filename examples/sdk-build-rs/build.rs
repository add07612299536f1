//! Generates the Seer client and the `seer-autofix-issue` workflow from `specs/` into
//! `OUT_DIR/seer.rs`, which `src/lib.rs` includes.
//!
//! Problems in the documents fail the build with the generator's rustc-style diagnostics
//! (file, line, column, the offending line, a caret, "did you mean"); warnings go to cargo.
//! Every file the generator read is tracked, so editing a spec regenerates the code.

use std::path::PathBuf;
use std::process::ExitCode;

const WORKFLOW: &str = "specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml";

fn main() -> ExitCode {
    let (Some(manifest_dir), Some(out_dir)) = (std::env::var_os("CARGO_MANIFEST_DIR"), std::env::var_os("OUT_DIR")) else {
        eprintln!("CARGO_MANIFEST_DIR and OUT_DIR are set by cargo: run this through cargo");
        return ExitCode::FAILURE;
    };
    let (manifest_dir, out_dir) = (PathBuf::from(manifest_dir), PathBuf::from(out_dir));
    println!("cargo:rerun-if-changed=build.rs");
    // Diagnostics name files relative to the package, as rustc's do.
    let generator = arazzo_codegen::Generator::new().display_root(&manifest_dir);
    let generated = generator.generate(&manifest_dir.join(WORKFLOW));
    let files = match &generated {
        Ok(generated) => &generated.files,
        Err(failure) => &failure.files,
    };
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    // A source description pointing outside the package would build here but not from the
    // published crate, which contains only this package's files.
    if let Some(outside) = files.iter().find(|f| !f.starts_with(&manifest_dir)) {
        eprintln!("error: {} is outside this package; copy it under specs/", outside.display());
        return ExitCode::FAILURE;
    }
    match generated {
        Ok(generated) => {
            for warning in &generated.warnings {
                println!("cargo:warning={warning}");
            }
            if let Err(e) = std::fs::write(out_dir.join("seer.rs"), generated.to_formatted_string()) {
                eprintln!("error: cannot write the generated code: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("{}", failure.render(false));
            ExitCode::FAILURE
        }
    }
}
