#!/usr/bin/env bash
# Run every test of plan-compare: native Rust tests (parser fixtures, counts, queries).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked --all-targets
