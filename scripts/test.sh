#!/usr/bin/env bash
# Run every test of plan-compare: native Rust tests (parser, engine, bundle freshness), then the npm
# package, built and tested in Node, in headless Chromium, and installed into a scratch consumer project;
# then the page in www/, feature by feature, in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# One full run: incremental caches (over 1 GB) would only be written, never reused.
export CARGO_INCREMENTAL=0
started=$SECONDS

bash scripts/setup.sh
# The layout rustfmt.toml describes, in the crate and its fuzz targets.
cargo fmt --check
(cd fuzz && cargo fmt --check)
cargo test --locked --all-targets
# The API documentation builds, its links resolving (rustdoc's lints as errors).
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps
bash scripts/build-package.sh
bash scripts/sizes.sh
# api.test.mjs compares exportData() with this native binary (built by cargo test above).
# A failure here is reported at the end; the page tests below still run.
status=0
PLAN_COMPARE_BIN=target/debug/plan-compare \
  node --test tests/js/api.test.mjs tests/js/browser.test.mjs tests/js/consumer.test.mjs || status=$?
# The page (www/) with the package beside it, one headless Chromium per test file; screenshots go
# to artifacts/ (gitignored).
bash scripts/page-files.sh
page_started=$SECONDS
node --test --test-concurrency=3 tests/browser/*.test.mjs || status=$?
echo "page tests took $((SECONDS - page_started)) s"

# A short fuzz run of the parser, the query API and the Word reader (45 s each; longer runs: scripts/fuzz.sh 3600).
bash scripts/fuzz.sh 45

echo "scripts/test.sh took $((SECONDS - started)) s"
exit "$status"
