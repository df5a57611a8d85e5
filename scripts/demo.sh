#!/usr/bin/env bash
# Build plan-compare (native figures about the seeds, then the npm package), put the package next to
# the page (www/pkg/, gitignored) and serve www/ on localhost, printing its URL. PORT=… to choose.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo run --release --locked -- stats
bash scripts/setup.sh
bash scripts/build-package.sh
bash scripts/sizes.sh
bash scripts/page-files.sh
exec node scripts/serve.mjs "${PORT:-8080}"
