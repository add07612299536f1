//! Generates the Seer client and the seer-autofix-issue workflow from
//! `specs/` into `OUT_DIR`, the way an SDK maintainer's build script would:
//! the seed pair into `sentry_seer.rs`, the live pair into `sentry_seer_live.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

/// (workflow document, generated file): the seed pair, then the live-API pair.
const DOCUMENTS: [(&str, &str); 2] = [
    ("specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml", "sentry_seer.rs"),
    ("specs/arazzo/seer-autofix-live.arazzo.yml", "sentry_seer_live.rs"),
];

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
    for (workflow, output) in DOCUMENTS {
        match generator.generate(&workspace.join(workflow)) {
            Ok(generated) => {
                for file in &generated.files {
                    println!("cargo:rerun-if-changed={}", file.display());
                }
                for warning in &generated.warnings {
                    println!("cargo:warning={warning}");
                }
                let code = generated.to_formatted_string();
                if let Err(e) = std::fs::write(out_dir.join(output), code) {
                    eprintln!("cannot write generated code: {e}");
                    return ExitCode::FAILURE;
                }
            }
            Err(failure) => {
                for file in &failure.files {
                    println!("cargo:rerun-if-changed={}", file.display());
                }
                eprintln!("{}", failure.render(false));
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
