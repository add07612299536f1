//! The README's example files are the files in `examples/`, verbatim, so they cannot drift:
//! every fenced block in README.md preceded by `<!-- file: PATH -->` must equal the file at
//! PATH (relative to the repository root), and every file of the examples that a user edits
//! must be shown.

use std::path::Path;

/// `(path, block)` for every marked block of `markdown`, in order.
fn marked_blocks(markdown: &str) -> Result<Vec<(String, String)>, String> {
    let mut blocks = Vec::new();
    let mut lines = markdown.lines().enumerate();
    while let Some((number, line)) = lines.next() {
        let Some(path) = line.trim().strip_prefix("<!-- file:").and_then(|rest| rest.strip_suffix("-->")) else {
            continue;
        };
        let fence = match lines.next() {
            Some((_, fence)) if fence.starts_with("```") => fence,
            _ => {
                return Err(format!(
                    "README.md:{}: `<!-- file: -->` is not followed by a fenced block",
                    number + 1
                ));
            }
        };
        let fence = &fence[..fence.len() - fence.trim_start_matches('`').len()];
        let mut block = String::new();
        loop {
            match lines.next() {
                Some((_, line)) if line == fence => break,
                Some((_, line)) => {
                    block.push_str(line);
                    block.push('\n');
                }
                None => return Err(format!("README.md:{}: the block is not closed", number + 1)),
            }
        }
        blocks.push((path.trim().to_owned(), block));
    }
    Ok(blocks)
}

#[test]
fn readme_examples_are_the_example_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let blocks = marked_blocks(&readme).expect("well-formed markers");
    let mut shown = Vec::new();
    for (path, block) in &blocks {
        let file = std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            *block == file,
            "README.md shows {path}, but it differs from the file: copy the file into the README block"
        );
        shown.push(path.as_str());
    }
    for required in [
        "examples/macro-user/Cargo.toml",
        "examples/macro-user/src/main.rs",
        "examples/sdk-build-rs/Cargo.toml",
        "examples/sdk-build-rs/build.rs",
        "examples/sdk-build-rs/src/lib.rs",
    ] {
        assert!(shown.contains(&required), "README.md does not show {required}");
    }
}

#[test]
fn markers_are_read_with_their_blocks() {
    let text = "x\n<!-- file: a/b.rs -->\n````rust\nfn a() {}\n```\n````\n<!-- file: c -->\n```\n```\n";
    assert_eq!(
        marked_blocks(text).expect("blocks"),
        [
            ("a/b.rs".to_owned(), "fn a() {}\n```\n".to_owned()),
            ("c".to_owned(), String::new())
        ]
    );
    assert!(marked_blocks("<!-- file: x -->\ntext\n").is_err());
    assert!(marked_blocks("<!-- file: x -->\n```\nopen\n").is_err());
}
