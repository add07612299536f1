#!/usr/bin/env bash
# Side-by-side measurements of arazzo-codegen and progenitor on real OpenAPI specs and a synthetic
# spec at 1x/2x/4x: generation time, `cargo check` time of the generated crate, lines of generated
# code, whether our client passes clippy -D warnings, and (with --examples) the example round trip.
#
# usage: scripts/bench.sh [--examples] [--no-clippy] [--no-progenitor] [SPEC...]
#   With no SPEC: every spec in ../shared/conformance/openapi, Discord and Spotify from the Jentic
#   corpus, and the synthetic spec. Crates go to $BENCH_OUT (default /tmp/arazzo-bench).
#   Needs `cargo install cargo-progenitor` for the comparison columns.
#
# Generation time is the wall time of one process that reads the spec and writes formatted code,
# best of 3, for both tools. `cargo check` time is for the generated crate alone: dependencies are
# checked first, then the crate's lib.rs is touched and checked again (best of 2). The generated
# crates build in their own target directory ($BENCH_TARGET, default $BENCH_OUT/target): in a
# target directory shared with other builds, `cargo check` can wait minutes for the directory lock,
# and those waits were being measured as compile time. Checks run with CARGO_INCREMENTAL=0: after a
# touch that changes nothing, incremental compilation reuses almost every query result, which
# measures reloading the incremental cache rather than compiling the generated code.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${BENCH_OUT:-/tmp/arazzo-bench}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/target-e}
BENCH_TARGET=${BENCH_TARGET:-$OUT/target}
export CARGO_TERM_COLOR=never
EXAMPLES=0
CLIPPY=1
PROGENITOR=1
SPECS=()
for arg in "$@"; do
    case "$arg" in
        --examples) EXAMPLES=1 ;;
        --no-progenitor) PROGENITOR=0 ;;
        --no-clippy) CLIPPY=0 ;;
        *) SPECS+=("$arg") ;;
    esac
done
if ! command -v cargo-progenitor >/dev/null; then
    echo "cargo-progenitor not found: comparison columns are skipped" >&2
    PROGENITOR=0
fi
mkdir -p "$OUT"

nice cargo build --quiet --release -p arazzo-codegen --example bench || exit 1
BENCH=$CARGO_TARGET_DIR/release/examples/bench
export CARGO_TARGET_DIR=$BENCH_TARGET
export CARGO_INCREMENTAL=0

if [ ${#SPECS[@]} -eq 0 ]; then
    SHARED=$ROOT/../shared/conformance
    for f in keeper buildomat propolis-server nexus sentry-openapi-derefed api.github.com; do
        SPECS+=("$SHARED/openapi/$f.json")
    done
    SPECS+=("$SHARED/jentic-arazzo-engine/runner/tests/fixtures/discord/discord.openapi.json")
    SPECS+=("$SHARED/jentic-arazzo-engine/runner/tests/fixtures/spotify/spotify.openapi.yaml")
    for factor in 1 2 4; do
        "$BENCH" synth "$factor" "$OUT/synthetic-${factor}x.json" || exit 1
        SPECS+=("$OUT/synthetic-${factor}x.json")
    done
fi

now() { date +%s.%N; }
# best of N wall times (seconds) of a command; prints "fail" if it fails.
best_of() {
    local n=$1 best="" start end t
    shift
    for _ in $(seq "$n"); do
        start=$(now)
        if ! "$@" >/dev/null 2>>"$LOG"; then
            echo fail
            return
        fi
        end=$(now)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    printf '%.3f' "$best"
}
# `cargo check` time of the crate in $1 alone, after its dependencies are checked.
check_time() {
    (cd "$1" && nice cargo check --quiet >/dev/null 2>>"$LOG") || {
        echo fail
        return
    }
    best_of 2 bash -c "touch '$1/src/lib.rs' && cd '$1' && cargo check --quiet"
}
ratio() {
    case "$1$2" in *[!0-9.]*) echo - ;; *) printf '%.2f' "$(echo "$1 / $2" | bc -l)" ;; esac
}
ops() { python3 -c "import json,sys
try:
    import yaml
except ImportError:
    yaml = None
t = open(sys.argv[1]).read()
d = json.loads(t) if t.lstrip().startswith('{') else (yaml.safe_load(t) if yaml else {})
print(sum(1 for p in d.get('paths', {}).values() if isinstance(p, dict) for k in p if k in ('get','put','post','delete','patch','head','options','trace')))" "$1" 2>/dev/null || echo '?'; }

LOG=$OUT/bench.log
: >"$LOG"
printf '%-28s %5s | %9s %9s %6s | %8s %8s %6s | %7s %7s | %-6s %s\n' \
    spec ops "ours gen" "prog gen" ratio "ours chk" "prog chk" ratio "ours ln" "prog ln" clippy examples
for spec in "${SPECS[@]}"; do
    name=$(basename "$spec")
    name=${name%.*}
    name=${name//./-}
    ours=$OUT/ours-$name
    echo "== $name" >>"$LOG"
    read -r _ _ our_lines _ example_count < <("$BENCH" gen "$spec" "$ours" 1 2>>"$LOG" || echo "- - - - -")
    our_gen=$(best_of 3 "$BENCH" emit "$spec" "$OUT/ours-$name.rs")
    our_chk=-
    clippy=-
    examples=-
    if [ "$our_lines" != - ]; then
        cp Cargo.lock "$ours/" 2>/dev/null
        our_chk=$(check_time "$ours")
        if [ "$CLIPPY" = 1 ]; then
            if (cd "$ours" && nice cargo clippy --quiet -- -D warnings >>"$LOG" 2>&1); then clippy=ok; else clippy=FAIL; fi
        fi
        if [ "$EXAMPLES" = 1 ]; then
            if (cd "$ours" && nice cargo test --quiet >>"$LOG" 2>&1); then
                examples="$example_count ok"
            else
                examples="$example_count FAIL (see $LOG)"
            fi
        else
            examples="$example_count"
        fi
    fi
    prog_gen=- prog_chk=- prog_lines=-
    if [ "$PROGENITOR" = 1 ]; then
        prog=$OUT/prog-$name
        rm -rf "$prog"
        prog_gen=$(best_of 3 cargo progenitor -i "$spec" -o "$prog" -n "prog-$name" -v 0.1.0)
        if [ "$prog_gen" != fail ] && [ -f "$prog/src/lib.rs" ]; then
            grep -q '^\[workspace\]' "$prog/Cargo.toml" || printf '\n[workspace]\n' >>"$prog/Cargo.toml"
            prog_lines=$(wc -l <"$prog/src/lib.rs")
            prog_chk=$(check_time "$prog")
        else
            prog_gen=rejected
        fi
    fi
    printf '%-28s %5s | %9s %9s %6s | %8s %8s %6s | %7s %7s | %-6s %s\n' \
        "$name" "$(ops "$spec")" "$our_gen" "$prog_gen" "$(ratio "$our_gen" "$prog_gen")" \
        "$our_chk" "$prog_chk" "$(ratio "$our_chk" "$prog_chk")" "$our_lines" "$prog_lines" "$clippy" "$examples"
done
echo "(times in seconds; ratio = ours / progenitor, lower is better; details in $LOG)"
