#!/bin/sh
# Runs each fuzz target (or those named) for SECONDS (default 600) on a stable toolchain,
# one at a time, seeding its corpus from seeds/. -max_len is 64 KiB: libFuzzer's default
# (the largest seed, at least 4 KiB) is too short to reach the nesting-depth limits
# (256 YAML levels; thousands of nested parentheses or filters).
# Usage: fuzz/run.sh [SECONDS [TARGET...]]
set -eu
cd "$(dirname "$0")"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-load_check expression template condition jsonpath criterion}
for target in $targets; do
    mkdir -p "corpus/$target"
    cp seeds/"$target"/* "corpus/$target/"
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- \
        -max_len=65536 -max_total_time="$seconds" -print_final_stats=1 -timeout=30 -rss_limit_mb=4096
done
