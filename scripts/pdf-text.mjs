// A PDF plan's text, as the page's Your own plan view reads it (www/js/read-file.js with pdf.js):
// one line per printed line, a table drawn with borders one line per row with tabs between its
// cells, a row a page break cut joined again. `plan-compare parse` and `build` read text files, so
// a PDF goes through this first:
//   node scripts/pdf-text.mjs plan.pdf > plan.txt
// pdf.js comes from tools/node_modules (scripts/setup.sh installs it). Exits 1 with the reader's
// message (a scan with no text, a damaged or locked file), 2 on a wrong command line.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pdfDocumentText } from '../www/js/read-file.js';

const pdfjsDir = fileURLToPath(new URL('../tools/node_modules/pdfjs-dist/', import.meta.url));

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length || file.startsWith('-')) {
  process.stderr.write('usage: node scripts/pdf-text.mjs FILE.pdf > FILE.txt\n');
  process.exit(2);
}
try {
  // The legacy build: the modern one needs a newer Node (Promise.withResolvers).
  const pdfjs = await import(pathToFileURL(`${pdfjsDir}legacy/build/pdf.mjs`).href);
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(`${pdfjsDir}legacy/build/pdf.worker.mjs`).href;
  const bytes = new Uint8Array(await readFile(file));
  process.stdout.write(await pdfDocumentText(pdfjs, bytes, `${pdfjsDir}cmaps/`));
} catch (e) {
  process.stderr.write(`cannot read ${file}: ${e?.message ?? e}${e?.code ? ` (${e.code})` : ''}\n`);
  process.exit(1);
}
