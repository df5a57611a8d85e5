#!/usr/bin/env bash
# Optional (not in run.sh, ~3-5 min per size): rebuild the wasm package with a synthetic bundle embedded
# (bench/out/growth-Kx/bundle.bin, from bench/growth.mjs) in a scratch copy of the tree, then print its
# payload and cold start-up in Node (import → init() → first search), 10 starts.
# Usage: bash bench/wasm-growth.sh 10
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
k=${1:-10}
bundle=bench/out/growth-${k}x/bundle.bin
[ -f "$bundle" ] || { echo "no $bundle: run bash bench/run.sh first" >&2; exit 1; }
scratch=$(mktemp -d /tmp/plan-compare-wasm-growth-XXXX)
trap 'rm -rf "$scratch"' EXIT
git ls-files -z | xargs -0 cp --parents -t "$scratch"
cp "$bundle" "$scratch/data/bundle.bin"
mkdir -p "$scratch/tools" && ln -s "$PWD/tools/node_modules" "$scratch/tools/node_modules"
(cd "$scratch" && CARGO_TARGET_DIR="$PWD/target/wasm-growth" bash scripts/build-package.sh >/dev/null)
ln -s "$PWD/bench/node_modules" "$scratch/bench/node_modules"
node -e '
  const fs = require("fs"), zlib = require("zlib");
  const dir = process.argv[1] + "/pkg/";
  let raw = 0, gz = 0, br = 0;
  for (const f of ["plan_compare_bg.wasm", "plan_compare.js", "api.js", "index.js"]) {
    const b = fs.readFileSync(dir + f);
    raw += b.length; gz += zlib.gzipSync(b, { level: 9 }).length;
    br += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
  }
  console.log(JSON.stringify({ scale: Number(process.argv[2]), payload: { raw, gzip: gz, brotli_q9: br } }));
' "$scratch" "$k"
for i in $(seq 10); do node "$scratch/bench/startup-node.mjs" plan-compare; done | node -e '
  const ms = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l).ms).sort((a, b) => a - b);
  console.log(JSON.stringify({ nodeStartMs: { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1], n: ms.length } }));'
