#!/usr/bin/env bash
# Raw, gzip -9 and brotli -q 11 sizes of what a page downloads from the built package (pkg/).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/plan_compare_bg.wasm ] || { echo "no pkg/: run scripts/build-package.sh" >&2; exit 1; }
printf '%-24s %10s %10s %10s\n' file raw gzip brotli
total=(0 0 0)
for f in pkg/plan_compare_bg.wasm pkg/plan_compare.js pkg/api.js pkg/load.js pkg/index.js data/bundle.bin; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  br=$(/usr/bin/brotli -q 11 -c "$f" | wc -c)
  printf '%-24s %10d %10d %10d\n' "${f#*/}" "$raw" "$gz" "$br"
  # data/bundle.bin is inside the .wasm already: shown for reference, not added to the total.
  if [ "$f" != data/bundle.bin ]; then total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br))); fi
done
printf '%-24s %10d %10d %10d\n' "page total (wasm+js)" "${total[@]}"
