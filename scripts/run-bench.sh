#!/usr/bin/env bash
# Run-time cost of the compiled seed workflow vs a hand-written reqwest + serde_json sequence
# (issue #14), paired rounds in one process, release build: client CPU per run (sequential and
# 100 in flight), allocations per run, live heap bytes per run with 10,000 runs waiting between
# polls. Method: the doc comment of generated/benches/seed_run.rs.
#
# usage: scripts/run-bench.sh [--quick]     (--quick: fewer rounds, 1,000 waiting runs)
#        scripts/run-bench.sh --skip-cpu --waiting 0 --arazzo-cli PATH
#            (whole-process seed runs beside strefethen's arazzo-cli 0.3.0, built from
#             https://github.com/strefethen/arazzo-cli with `cargo build --release -p arazzo-cli`)
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --quiet -p sentry-seer --bench seed_run -- "$@"
