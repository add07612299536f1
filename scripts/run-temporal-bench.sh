#!/usr/bin/env bash
# Durable (Temporal) seed runs vs the same workflow in process (issue #15), paired rounds in one
# process: runs/s with --runs in flight at once (default 1,000), CPU per run of this process and of
# the dev server, latency of one run alone and the per-run overhead. Method: the doc comment of
# temporal/benches/durable_runs.rs. Needs the `temporal` binary as the durability tests do.
#
# usage: scripts/run-temporal-bench.sh [--quick] [--runs N --rounds R --sequential K] [--dev]
#        (--dev: the debug build the tests use, instead of a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=()
args=()
for a in "$@"; do
    if [ "$a" = "--dev" ]; then profile=(--profile dev); else args+=("$a"); fi
done
exec cargo bench --quiet --workspace --bench durable_runs "${profile[@]}" -- "${args[@]}"
