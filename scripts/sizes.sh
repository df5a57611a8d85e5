#!/usr/bin/env bash
# Raw, gzip -9 and brotli -q 11 sizes of what a page downloads from the built package (pkg/): the code
# and the catalogue every page needs, then the full module a page fetches only to add a plan or show
# the patterns. What a call fetches besides (shards, fragments, chunks) is measured by bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/plan_compare_bg.wasm ] || { echo "no pkg/: run scripts/build-package.sh" >&2; exit 1; }
row() { printf '%-40s %10s %10s %10s\n' "$@"; }
size() { echo "$(wc -c <"$1") $(gzip -9c "$1" | wc -c) $(/usr/bin/brotli -q 11 -c "$1" | wc -c)"; }
row file raw gzip brotli
total=(0 0 0)
# index.js holds load.js, api.js and plan_compare.js (the browser entry, bundled by build-package.sh).
for f in pkg/plan_compare_bg.wasm pkg/index.js pkg/data/manifest.json pkg/data/catalog.*.bin; do
  read -r raw gz br < <(size "$f")
  row "${f#pkg/}" "$raw" "$gz" "$br"
  total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
done
row "every page, before any call" "${total[@]}"
for f in pkg/plan_compare_full_bg.wasm pkg/plan_compare_full.js; do
  read -r raw gz br < <(size "$f")
  row "${f#pkg/} (on demand)" "$raw" "$gz" "$br"
done
echo "data/: $(ls pkg/data | wc -l) files, $(du -sb pkg/data | cut -f1) bytes"
