#!/usr/bin/env bash
# Build the npm package into pkg/: two modules with wasm-pack (web target, no downloads) → wasm-opt -Oz,
# the seeds' data directory (`plan-compare build`), and our JS entries.
# wasm-opt is binaryen's from npm (tools/): Debian's binaryen 108 rewrites wasm-bindgen's externref
# table export to point at the function table, and the module then fails at instantiation.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

wasm_opt=tools/node_modules/.bin/wasm-opt
for tool in "$wasm_opt" tools/node_modules/.bin/esbuild; do
  [ -x "$tool" ] || { echo "missing $tool: run scripts/setup.sh" >&2; exit 1; }
done
for tool in wasm-pack wasm-bindgen node; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run scripts/setup.sh" >&2; exit 1; }
done
# wasm-bindgen-cli must match the crate exactly or the generated glue does not fit the module.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3}' Cargo.lock)
have=$(wasm-bindgen --version | awk '{print $2}')
[ "$want" = "$have" ] || { echo "wasm-bindgen-cli is $have, the crate is $want: run scripts/setup.sh" >&2; exit 1; }

rm -rf pkg target/pkg-full
# The module twice from one crate (src/wasm.rs): the small one answers queries; the `full` one adds the
# parser (addPlan) and the patterns across plans, and is fetched only when a page uses them.
# --mode no-install: use wasm-bindgen from PATH, never fetch; --no-opt: we run wasm-opt ourselves;
# --no-default-features: no jieba in the module (the data directory carries the index; jieba-rs also
# pulls in zstd-sys, C code that needs clang for wasm32).
# opt-level z for the module only (native release builds keep "s"): measured 142.7 → 135.7 KB gzip,
# with init() and the 100,000-call loop no slower. z also sets LLVM's inliner threshold to 5, which
# leaves small hot helpers as calls; 50 (what "s" uses) with z's other size settings: warm search in
# Node 1.46 → 1.16 ms mean, +0.4 kB gzip (docs/module-size.md).
build() { # out-dir out-name cargo-args…
  local out=$1 name=$2
  shift 2
  CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C llvm-args=-inline-threshold=50" wasm-pack --quiet build --target web --mode no-install --no-opt --no-pack \
    --release --out-dir "$out" --out-name "$name" . -- --locked --no-default-features "$@"
  # The features rustc enables by default for wasm32, and no others (browsers from 2021 on have them).
  "$wasm_opt" -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-multivalue \
    "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
}
build pkg plan_compare
build target/pkg-full plan_compare_full --features full
cp target/pkg-full/plan_compare_full.js target/pkg-full/plan_compare_full_bg.wasm pkg/
# Types come from the full build: it declares every record, the small one only those it returns.
cp target/pkg-full/plan_compare_full.d.ts pkg/plan_compare.d.ts

# The default data directory: the seeds of seeds/catalog.toml, parsed, tagged and indexed.
cargo run --locked --quiet -- build --out pkg/data >/dev/null

rm -f pkg/.gitignore pkg/plan_compare_bg.wasm.d.ts
cp js/index.js js/node.js js/api.js js/load.js js/index.d.ts js/README.md LICENSE pkg/
# The parser's gazetteer (docs/regions.md): the full module reads it from here, not from its own bytes.
cp data/regions.tsv pkg/
# The browser entry as one file (load.js, api.js and the small module's glue inside): a browser then
# fetches the module after one round trip for JS, not two (index.js, then what it imports). Node
# (node.js) keeps the separate files; the full module's glue stays a file of its own, loaded on demand.
# PACKAGED_CATALOG: the default data directory's catalogue, which init() fetches beside the manifest.
catalog=$(node -p 'require("./pkg/data/manifest.json").catalog')
tools/node_modules/.bin/esbuild pkg/index.js --bundle --format=esm --external:./plan_compare_full.js \
  --define:PACKAGED_CATALOG="\"$catalog\"" \
  --log-level=warning --allow-overwrite --outfile=pkg/index.js \
  --banner:js='// plan-compare for browsers: js/index.js bundled with load.js, api.js and plan_compare.js (read those).'
version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
node -e '
  const fs = require("fs");
  const p = JSON.parse(fs.readFileSync("js/package.json", "utf8"));
  p.version = process.argv[1];
  fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");
' "$version"
echo "built pkg/ (plan-compare $version):"
ls -l pkg | awk 'NR>1 {printf "  %9d  %s\n", $5, $9}'
echo "  data/: $(ls pkg/data | wc -l) files, $(du -sb pkg/data | cut -f1) bytes"
