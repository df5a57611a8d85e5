#!/usr/bin/env bash
# Put beside the page what it loads but git does not keep: the npm package (www/pkg/, from pkg/) and
# pdf.js (www/vendor/pdfjs/, from tools/node_modules/pdfjs-dist: the reader of PDF plans, fetched the
# first time a reader opens one, with the character maps Chinese PDFs without embedded fonts need).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf www/pkg && cp -r pkg www/pkg
pdfjs=tools/node_modules/pdfjs-dist
rm -rf www/vendor && mkdir -p www/vendor/pdfjs
cp "$pdfjs/build/pdf.min.mjs" "$pdfjs/build/pdf.worker.min.mjs" "$pdfjs/LICENSE" www/vendor/pdfjs/
cp -r "$pdfjs/cmaps" www/vendor/pdfjs/
