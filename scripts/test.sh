#!/usr/bin/env bash
# Run every test of plan-compare: native Rust tests (parser, engine, bundle freshness), then the npm
# package, built and tested in Node, in headless Chromium, and installed into a scratch consumer project.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
started=$SECONDS

bash scripts/setup.sh
cargo test --locked --all-targets
bash scripts/build-package.sh
bash scripts/sizes.sh
# api.test.mjs compares exportData() with this native binary (built by cargo test above).
PLAN_COMPARE_BIN=target/debug/plan-compare \
  node --test tests/js/api.test.mjs tests/js/browser.test.mjs tests/js/consumer.test.mjs

# A short fuzz run of the parser and the query API (45 s each; longer runs: scripts/fuzz.sh 3600).
bash scripts/fuzz.sh 45

echo "scripts/test.sh took $((SECONDS - started)) s"
