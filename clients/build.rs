//! Generates the full client of every spec in `specs/` into `OUT_DIR`, with
//! the test that round-trips each spec's examples through the generated
//! types, the way an SDK maintainer's build script would; and the workflows of
//! the end-to-end tests' semantics document, so that code for every workflow
//! construct is compiled here under `clippy::pedantic` too (lints do not look
//! inside the `arazzo_workflow!` expansion those tests use).

use std::path::PathBuf;
use std::process::ExitCode;

/// File stems under `specs/`; `src/lib.rs` includes one module per stem.
const SPECS: &[&str] = &["store", "chat"];

/// Arazzo documents (relative to this crate) and the file stem each is generated into.
const WORKFLOWS: &[(&str, &str)] = &[
    ("semantics", "../tests/specs/semantics/semantics.arazzo.yaml"),
    ("depends", "../tests/specs/v11/depends.arazzo.yaml"),
];

fn main() -> ExitCode {
    let (Some(manifest_dir), Some(out_dir)) = (std::env::var_os("CARGO_MANIFEST_DIR"), std::env::var_os("OUT_DIR")) else {
        eprintln!("CARGO_MANIFEST_DIR and OUT_DIR must be set; run this through cargo");
        return ExitCode::FAILURE;
    };
    let (manifest_dir, out_dir) = (PathBuf::from(manifest_dir), PathBuf::from(out_dir));
    println!("cargo:rerun-if-changed=build.rs");
    let mut ok = true;
    for stem in SPECS {
        let spec = manifest_dir.join("specs").join(format!("{stem}.yaml"));
        println!("cargo:rerun-if-changed={}", spec.display());
        let generated = arazzo_codegen::Generator::new().display_root(&manifest_dir).generate(&spec);
        let test = arazzo_codegen::harness::example_test(&spec);
        match (generated, test) {
            (Ok(generated), Ok(test)) => {
                for warning in &generated.warnings {
                    println!("cargo:warning={warning}");
                }
                let written = std::fs::write(out_dir.join(format!("{stem}.rs")), generated.to_formatted_string())
                    .and_then(|()| std::fs::write(out_dir.join(format!("{stem}_examples.rs")), test.code));
                if let Err(e) = written {
                    eprintln!("cannot write generated code: {e}");
                    ok = false;
                }
            }
            (Err(failure), _) | (_, Err(failure)) => {
                eprintln!("{}", failure.render(false));
                ok = false;
            }
        }
    }
    for (stem, document) in WORKFLOWS {
        let document = manifest_dir.join(document);
        // `depends` reads an OpenAPI 3.2 description on purpose (its `in: querystring`).
        let generator = arazzo_codegen::Generator::new()
            .display_root(&manifest_dir)
            .level("openapi-version", arazzo_codegen::Level::Allow);
        match generator.generate(&document) {
            Ok(generated) => {
                for file in &generated.files {
                    println!("cargo:rerun-if-changed={}", file.display());
                }
                for warning in &generated.warnings {
                    println!("cargo:warning={warning}");
                }
                if let Err(e) = std::fs::write(out_dir.join(format!("{stem}.rs")), generated.to_formatted_string()) {
                    eprintln!("cannot write generated code: {e}");
                    ok = false;
                }
            }
            Err(failure) => {
                eprintln!("{}", failure.render(false));
                ok = false;
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
