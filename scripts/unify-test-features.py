#!/usr/bin/env python3
"""Lists the dependencies `cargo test --workspace` builds twice, once for build time (proc
macros, build scripts) and once for run time, because the two sides enable different features.

Each one is compiled twice, with everything that depends on it. tests/Cargo.toml's `unify-*`
entries add the missing features to the side that lacks them; run this after a dependency
update and add what it prints. It reads cargo's unit graph, which is unstable: the
`__CARGO_TEST_CHANNEL_OVERRIDE_DO_NOT_USE_THIS` variable lets stable cargo print it. That is
acceptable for a maintainer's tool and the reason CI does not run it.
"""
import collections
import json
import os
import subprocess
import sys

env = dict(os.environ, __CARGO_TEST_CHANNEL_OVERRIDE_DO_NOT_USE_THIS="nightly")
out = subprocess.run(
    ["cargo", "test", "--workspace", "--no-run", "--locked", "--unit-graph", "-Z", "unstable-options"],
    env=env, capture_output=True, text=True, check=False,
)
if out.returncode:
    sys.exit(out.stderr)
units = json.loads(out.stdout)["units"]

# Build-time units: proc macros, build scripts and everything they depend on.
host, stack = set(), [
    i for i, u in enumerate(units)
    if "proc-macro" in u["target"]["kind"] or "custom-build" in u["target"]["kind"]
]
while stack:
    i = stack.pop()
    if i not in host:
        host.add(i)
        stack.extend(d["index"] for d in units[i]["dependencies"])

libs = collections.defaultdict(list)
for i, u in enumerate(units):
    if u["mode"] == "build" and ("lib" in u["target"]["kind"] or "proc-macro" in u["target"]["kind"]):
        libs[u["pkg_id"]].append(i)

twice = 0
for pkg, copies in sorted(libs.items()):
    if len(copies) < 2:
        continue
    twice += 1
    name = pkg.rsplit("#", 1)[-1]
    every = set().union(*(units[i]["features"] for i in copies))
    for i in copies:
        missing = sorted(every - set(units[i]["features"]))
        if missing:
            side = "build-dependencies" if i in host else "dev-dependencies"
            print(f"{name}: add {missing} in [{side}]")
        elif len(copies) == 2 and all(set(units[j]["features"]) == every for j in copies):
            print(f"{name}: same features on both sides; one of its dependencies differs")
            break
print(f"{len(units)} units, {twice} libraries built twice")
sys.exit(1 if twice else 0)
