#!/usr/bin/env bash
# Build plan-compare and print figures about the bundled seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --locked -- stats
