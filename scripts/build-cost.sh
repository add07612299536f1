#!/usr/bin/env bash
# What a user's first build costs: a clean debug `cargo build` of the standalone macro-user
# example (examples/macro-user: `arazzo = "0.1"` + tokio, the Seer spec pair), side by side
# with a progenitor-generated client crate of the same OpenAPI description, in the same run.
#
# Also: `macro-lib`, the example's macro call alone in a library crate (no `main`, no tokio
# macros), the like-for-like of progenitor's library crate; `pregenerated`, the same document
# generated ahead of time by the CLI into a library crate on the runtime alone (no `macros`
# feature), the like of progenitor's generated crate; and `progenitor-macro`, progenitor's
# `generate_api!` on the same document, the like of ours.
#
# usage: scripts/build-cost.sh [--rounds N] [--before REV] [--no-progenitor]
#   --before REV  also builds the example against the project at REV (e.g. 1c69215, before
#                 issue #9), from `git archive`, so nothing in this checkout changes.
#   Needs `cargo install cargo-progenitor --version 0.15.1` (or CARGO_PROGENITOR=path) for the
#   progenitor column. Work goes to $BUILD_COST_OUT (default /tmp/arazzo-build-cost).
#
# Each configuration builds in a target directory of its own, emptied before every build;
# the registry is fetched first, so downloads are not timed. Configurations are interleaved
# round by round, so a change in machine load hits all of them. Reported per build: wall
# time, packages compiled (cargo's "Compiling" lines), target directory size, and the
# 1-minute load average before the build (other work on the machine inflates the times).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${BUILD_COST_OUT:-/tmp/arazzo-build-cost}
ROUNDS=2
BEFORE=""
PROGENITOR=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS=$2; shift ;;
        --before) BEFORE=$2; shift ;;
        --no-progenitor) PROGENITOR=0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done
export CARGO_TERM_COLOR=never
unset CARGO_TARGET_DIR
PROGENITOR_BIN=${CARGO_PROGENITOR:-$(command -v cargo-progenitor || true)}
if [ "$PROGENITOR" = 1 ] && [ -z "$PROGENITOR_BIN" ]; then
    echo "cargo-progenitor not found: the progenitor column is skipped" >&2
    PROGENITOR=0
fi
rm -rf "$OUT"
mkdir -p "$OUT"

# Where a checkout keeps the `arazzo` crate: `arazzo/` since the runtime became a crate of its
# own (`runtime/`, `arazzo-runtime`), `runtime/` before (for `--before`).
arazzo_dir() {
    if [ -f "$1/arazzo/Cargo.toml" ]; then echo "$1/arazzo"; else echo "$1/runtime"; fi
}

# A copy of the example whose `arazzo` is redirected to a checkout of the project.
example_against() {
    local name=$1 project=$2
    mkdir -p "$OUT/$name/.cargo"
    cp -r "$ROOT/examples/macro-user/." "$OUT/$name/"
    rm -f "$OUT/$name/Cargo.lock"
    printf '[patch.crates-io]\narazzo = { path = "%s" }\n' "$(arazzo_dir "$project")" >"$OUT/$name/.cargo/config.toml"
    as_from_registry "$OUT/$name"
}

# Cargo builds path dependencies (the `[patch]` above) incrementally, which a clean build pays
# for in writing the incremental cache (about 1 s of arazzo-codegen's 7 s); from crates.io, as
# a user gets them, they are not. Each project crate is built as a registry crate would be.
as_from_registry() {
    for crate in arazzo arazzo-runtime arazzo-macros arazzo-codegen arazzo-expr; do
        printf '[profile.dev.package.%s]\nincremental = false\n' "$crate" >>"$1/.cargo/config.toml"
    done
}

configs=(after after-full)
example_against after "$ROOT"
# The same with arazzo's two opt-in transport and criteria features, `http2` and `regex` (the
# defaults before they became opt-in): what a user who turns both on pays.
example_against after-full "$ROOT"
sed -i 's/^arazzo = "0.1"$/arazzo = { version = "0.1", features = ["http2", "regex"] }/' "$OUT/after-full/Cargo.toml"
grep -q '"http2", "regex"' "$OUT/after-full/Cargo.toml" || { echo "examples/macro-user's arazzo line changed: update build-cost.sh" >&2; exit 1; }
# The example's macro call alone, in a library crate whose only dependency is `arazzo`: no
# `main`, so no `#[tokio::main]` (tokio-macros, and syn's `full` half it asks for) and no link
# step. progenitor's crate is a library too, so this is the like-for-like of it; the example
# itself is what a user copies.
mkdir -p "$OUT/macro-lib/src" "$OUT/macro-lib/.cargo"
cp -r "$ROOT/examples/macro-user/specs" "$OUT/macro-lib/"
cat >"$OUT/macro-lib/Cargo.toml" <<'TOML'
[package]
name = "macro-lib"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
arazzo = "0.1"

[workspace]
TOML
sed -n '/^mod seer {/,/^}/p' "$ROOT/examples/macro-user/src/main.rs" | sed 's/^mod seer/pub mod seer/' >"$OUT/macro-lib/src/lib.rs"
grep -q 'arazzo_workflow!' "$OUT/macro-lib/src/lib.rs" || { echo "examples/macro-user's macro call moved: update build-cost.sh" >&2; exit 1; }
printf '[patch.crates-io]\narazzo = { path = "%s" }\n' "$(arazzo_dir "$ROOT")" >"$OUT/macro-lib/.cargo/config.toml"
as_from_registry "$OUT/macro-lib"
configs+=(macro-lib)
# The same document generated ahead of time by the CLI into a library crate whose only
# dependency is the runtime without its `macros` feature (rustls + ring, HTTP/1.1, no regex): what a
# build-script SDK or a checked-in generated crate compiles, and what progenitor's crate is.
mkdir -p "$OUT/pregenerated/src" "$OUT/pregenerated/.cargo"
cargo run --quiet --locked -p arazzo-codegen-cli -- generate \
    "$ROOT/examples/macro-user/specs/arazzo/sentry-system-seer-autofix-issue-workflow.yml" \
    --out "$OUT/pregenerated/src/lib.rs"
cat >"$OUT/pregenerated/Cargo.toml" <<'TOML'
[package]
name = "pregenerated"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
arazzo = { version = "0.1", default-features = false, features = ["rustls-ring"] }

[workspace]
TOML
printf '[patch.crates-io]\narazzo = { path = "%s" }\n' "$(arazzo_dir "$ROOT")" >"$OUT/pregenerated/.cargo/config.toml"
as_from_registry "$OUT/pregenerated"
configs+=(pregenerated)
if [ -n "$BEFORE" ]; then
    mkdir -p "$OUT/before-src"
    git -C "$ROOT" archive "$BEFORE" | tar -x -C "$OUT/before-src"
    example_against before "$OUT/before-src"
    configs=(before "${configs[@]}")
fi
if [ "$PROGENITOR" = 1 ]; then
    # progenitor 0.15.1 reads OpenAPI 3.0.x only ("invalid version: 3.1.0"); the spec uses only
    # 3.0 constructs (`nullable`), so it gets the same document with `openapi: 3.0.3`.
    sed 's/^openapi: 3\.1\.[0-9]*/openapi: 3.0.3/' "$ROOT/examples/macro-user/specs/openapi/sentry-seer-openapi.yml" \
        >"$OUT/seer-openapi-3.0.yml"
    "$PROGENITOR_BIN" progenitor -i "$OUT/seer-openapi-3.0.yml" \
        -o "$OUT/progenitor" -n seer-progenitor -v 0.1.0 >"$OUT/progenitor-generate.log" 2>&1
    # progenitor's crate has no TLS (reqwest without default features); give it the same as
    # `arazzo`'s default, rustls with ring, so both sides can speak https.
    printf 'rustls = { version = "0.23", default-features = false, features = ["ring", "std", "tls12"] }\n' >>"$OUT/progenitor/Cargo.toml"
    sed -i 's/features = \["json", "query", "stream"\]/features = ["json", "query", "stream", "rustls-no-provider"]/' "$OUT/progenitor/Cargo.toml"
    grep -q 'rustls-no-provider' "$OUT/progenitor/Cargo.toml" || { echo "progenitor's reqwest line changed: add TLS by hand" >&2; exit 1; }
    grep -q '^\[workspace\]' "$OUT/progenitor/Cargo.toml" || printf '\n[workspace]\n' >>"$OUT/progenitor/Cargo.toml"
    configs+=(progenitor)
    # progenitor's own macro on the same document: the like of our macro user (the generator
    # compiled into the user's build), with the CLI crate's dependencies and TLS, the macro
    # crate in place of progenitor-client.
    mkdir -p "$OUT/progenitor-macro/src"
    cp "$OUT/seer-openapi-3.0.yml" "$OUT/progenitor-macro/"
    sed -e 's/^name = "seer-progenitor"/name = "seer-progenitor-macro"/' \
        -e 's/^progenitor-client = .*/progenitor = "=0.15.1"/' \
        "$OUT/progenitor/Cargo.toml" >"$OUT/progenitor-macro/Cargo.toml"
    grep -q '^progenitor = ' "$OUT/progenitor-macro/Cargo.toml" || { echo "progenitor's Cargo.toml changed: update build-cost.sh" >&2; exit 1; }
    printf 'progenitor::generate_api!("seer-openapi-3.0.yml");\n' >"$OUT/progenitor-macro/src/lib.rs"
    configs+=(progenitor-macro)
fi
for c in "${configs[@]}"; do
    (cd "$OUT/$c" && cargo fetch --quiet)
done

now() { date +%s.%N; }
printf '%-6s %-16s %9s %9s %8s %6s\n' round config "wall (s)" packages target load
for round in $(seq "$ROUNDS"); do
    for c in "${configs[@]}"; do
        dir=$OUT/$c
        rm -rf "$dir/target"
        load=$(cut -d' ' -f1 /proc/loadavg)
        start=$(now)
        (cd "$dir" && cargo build --offline >"$OUT/$c-$round.log" 2>&1) || {
            echo "$c: build failed, see $OUT/$c-$round.log" >&2
            exit 1
        }
        end=$(now)
        packages=$(grep -c '^ *Compiling ' "$OUT/$c-$round.log" || true)
        size=$(du -sh "$dir/target" | cut -f1)
        printf '%-6s %-16s %9.1f %9s %8s %6s\n' "$round" "$c" "$(echo "$end - $start" | bc -l)" "$packages" "$size" "$load"
    done
done
echo "(clean debug builds on $(nproc) cores; logs in $OUT)"
