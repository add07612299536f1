//! Generates the Seer client and the seer-autofix-issue workflow from
//! `specs/` into `OUT_DIR`, the way an SDK maintainer's build script would.

use std::path::PathBuf;
use std::process::ExitCode;

const WORKFLOW: &str = "specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml";

fn main() -> ExitCode {
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        eprintln!("CARGO_MANIFEST_DIR is not set; run this through cargo");
        return ExitCode::FAILURE;
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("OUT_DIR is not set; run this through cargo");
        return ExitCode::FAILURE;
    };
    let workspace = manifest_dir.parent().map_or_else(|| manifest_dir.clone(), PathBuf::from);
    println!("cargo:rerun-if-changed=build.rs");
    let generator = arazzo_codegen::Generator::new().display_root(&workspace);
    match generator.generate(&workspace.join(WORKFLOW)) {
        Ok(generated) => {
            for file in &generated.files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
            for warning in &generated.warnings {
                println!("cargo:warning={warning}");
            }
            let code = generated.to_formatted_string();
            if let Err(e) = std::fs::write(out_dir.join("sentry_seer.rs"), code) {
                eprintln!("cannot write generated code: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            for file in &failure.files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
            eprintln!("{}", failure.render(false));
            ExitCode::FAILURE
        }
    }
}
