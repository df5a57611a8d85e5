#!/usr/bin/env bash
# Measure the wasm module the way scripts/build-package.sh builds it (same wasm-pack and wasm-opt
# steps), without building the package: prints raw, gzip -9 and brotli -q 11 bytes, and keeps a copy
# with function names (wasm-opt -g) for twiggy. See docs/module-size.md.
#   scripts/module-size.sh small        # the query module (pkg/plan_compare_bg.wasm)
#   scripts/module-size.sh full         # with --features full (parser, patterns)
# Output in target/size/<which>/: <name>_bg.wasm (as shipped), named.wasm (same code, names kept).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
which=${1:-small}
case $which in
  small) name=plan_compare features=() ;;
  full) name=plan_compare_full features=(--features full) ;;
  *) echo "usage: $0 small|full" >&2; exit 2 ;;
esac
out=target/size/$which
wasm_opt=tools/node_modules/.bin/wasm-opt
rm -rf "$out"
CARGO_PROFILE_RELEASE_OPT_LEVEL=${OPT_LEVEL:-z} \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C llvm-args=-inline-threshold=${INLINE_THRESHOLD:-50}" wasm-pack --quiet build --target web --mode no-install --no-opt \
  --no-pack --release --out-dir "$out" --out-name "$name" . -- --locked --no-default-features "${features[@]}"
flags=(${WASM_OPT_FLAGS:--Oz} --enable-bulk-memory --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue)
"$wasm_opt" "${flags[@]}" -g "$out/${name}_bg.wasm" -o "$out/named.wasm"
"$wasm_opt" "${flags[@]}" --strip-debug --strip-producers "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
wasm=$out/${name}_bg.wasm
js=$out/$name.js
printf '%-28s %9s %9s %9s\n' file raw gzip-9 brotli-11
for f in "$wasm" "$js"; do
  printf '%-28s %9d %9d %9d\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)" \
    "$(brotli -q 11 -c "$f" | wc -c)"
done
