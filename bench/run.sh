#!/usr/bin/env bash
# The benchmark suite (issues 6 and 12): plan-compare against jieba-wasm, Pagefind, MiniSearch, FlexSearch,
# jsdiff and diff-match-patch on the same corpus and questions, in one run on one machine. Writes
# bench/RESULTS.md. Not part of scripts/test.sh. Environment: BENCH_STARTS (cold starts per page, 20),
# BENCH_SCALES (synthetic corpus sizes, 1,10,100; 100× adds several minutes), BENCH_SCALE_STARTS (cold
# starts per page on the synthetic data directories, 20, the scales interleaved; BENCH_SLOW_STARTS: starts of a first answer over 10 s, 3).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # Debian's /usr/bin/chromium only; never download a browser
started=$SECONDS

bash scripts/setup.sh >/dev/null
# npm install, not npm ci: with this machine's npm config (omit-lockfile-registry-resolved) the lock file
# lists only the Pagefind binary of this platform, and npm ci refuses it; versions are pinned exactly.
(cd bench && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm install --no-audit --no-fund; })
cargo build --locked --quiet
cargo build --release --locked --quiet --bin plan-compare --example bench_queries
# the package: rebuilt when missing or older than the sources it is made of (BENCH_PKG=keep: use pkg/ as it is)
stale() { [ ! -f pkg/plan_compare_bg.wasm ] || [ ! -f pkg/data/manifest.json ] ||
  [ -n "$(find src data seeds js Cargo.toml Cargo.lock -newer pkg/plan_compare_bg.wasm -print -quit)" ]; }
if [ "${BENCH_PKG:-}" != keep ] && stale; then bash scripts/build-package.sh; fi
mkdir -p bench/out
target/debug/plan-compare export --format json > bench/out/export.json

node bench/make-judgments.mjs >/dev/null
# the query core natively (the same Rust functions the package binds), on the judged queries
target/release/examples/bench_queries bench/out/export.json bench/judgments.json > bench/out/native.json
node bench/site.mjs
node bench/node.mjs
node bench/browser.mjs "${BENCH_STARTS:-20}"
node bench/growth.mjs "${BENCH_SCALES:-1,10,100}"
node bench/scale.mjs "${BENCH_SCALES:-1,10,100}" "${BENCH_SCALE_STARTS:-20}"

echo "bench steps took $((SECONDS - started)) s"
node -e '
  const os = require("os"), fs = require("fs"), { execSync } = require("child_process");
  const sh = (c) => { try { return execSync(c, { encoding: "utf8" }).trim(); } catch { return "?"; } };
  fs.writeFileSync("bench/out/machine.json", JSON.stringify({
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"), seconds: Number(process.argv[1]),
    commit: sh("git rev-parse --short HEAD") + (sh("git status --porcelain -- src data js bench/*.mjs bench/lib") ? " (with local changes)" : ""),
    cpu: os.cpus()[0].model, cores: os.cpus().length, memGB: Math.round(os.totalmem() / 2 ** 30),
    os: sh(". /etc/os-release && echo $PRETTY_NAME") + " " + os.release(), node: process.version,
    chromium: sh("/usr/bin/chromium --version 2>/dev/null"),
  }));' "$((SECONDS - started))"
node bench/report.mjs
echo "bench/run.sh took $((SECONDS - started)) s"
