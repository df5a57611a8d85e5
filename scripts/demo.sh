#!/usr/bin/env bash
# Build plan-compare, print figures about the bundled seeds, then build the npm package (pkg/) and
# show what a page downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo run --release --locked -- stats
bash scripts/setup.sh
bash scripts/build-package.sh
bash scripts/sizes.sh
