#!/usr/bin/env bash
# Fuzz the parser, the query API and the Word reader with libFuzzer (cargo fuzz). Usage: scripts/fuzz.sh [SECONDS]
# (per target; default 60 — the test command's short run). Longer runs: scripts/fuzz.sh 3600.
# The corpus starts from slices of the real seeds; crashes land in fuzz/artifacts/ and become
# regression fixtures under tests/fuzz-regressions/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
# cargo fuzz passes unstable flags to rustc; the machine has stable Rust only.
export RUSTC_BOOTSTRAP=1

corpus=fuzz/corpus/parse_document
mkdir -p "$corpus"
# Seed the corpus with 80-line slices of every seed (table and prose shapes, with their damage).
for seed in seeds/*.txt; do
  name=$(basename "$seed" .txt)
  split -l 80 -d -a 3 "$seed" "$corpus/$name-"
done
# And with every fixture (tables of other columns, tab-separated and one-cell-per-line rows, prose).
for fixture in tests/fixtures/*.txt; do
  cp "$fixture" "$corpus/fixture-$(basename "$fixture" .txt)"
done

# The Word reader's corpus: a document's body, numbering and styles in the shapes Word writes.
mkdir -p fuzz/corpus/read_docx
cp fuzz/seeds/read_docx.xml fuzz/corpus/read_docx/

mkdir -p fuzz/logs
for target in $(cargo fuzz list); do
  mkdir -p "fuzz/corpus/$target"
  log="fuzz/logs/$target.log"
  # libFuzzer narrates every new input; keep that in a log and print the outcome.
  if cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz $target: $(grep -E '^Done [0-9]+ runs' "$log" | tail -1), no crash"
  else
    tail -40 "$log"
    echo "fuzz $target: crashed; the input is in fuzz/artifacts/$target/ (make it a regression fixture)"
    exit 1
  fi
done
