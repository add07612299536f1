//! The whole front end on one input: YAML (or JSON) parsing, the Arazzo
//! model, source loading and every check. The document may name `./api.yaml`,
//! a small OpenAPI description served from memory, so that the checks that
//! need an operation run too; nothing is read from the disk.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

const API: &str = include_str!("../seeds/api.yaml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let generator = arazzo_codegen::Generator::new()
        .memory_only(true)
        .file("/fuzz/api.yaml", API)
        .file("/fuzz/doc.arazzo.yaml", text);
    if let Err(failure) = generator.check(Path::new("/fuzz/doc.arazzo.yaml")) {
        // Rendering reads lines and columns back out of the text: it must not panic either.
        let _ = failure.render(true);
        let _ = failure.lines();
        for d in &failure.diagnostics {
            let _ = d.to_json(&failure.sources);
        }
    }
});
