// First answers on the synthetic corpora (out/growth-Kx/data, written by bench/growth.mjs): for each
// scale, the same cold starts as bench/browser.mjs (fresh Chromium context each, import → first answer;
// every request with its gzip -9 size) on init({ data }) pointing at that directory, and cold starts in
// Node. The ÷ 1× figures in RESULTS.md divide by this script's 1× row (same writer, same method).
// Writes out/scale.json. Usage: node bench/scale.mjs [scales=1,10,100] [starts=10]
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, out, summary } from './lib/corpus.mjs';
import { serve, launch, coldStarts } from './lib/browser.mjs';

const scales = (process.argv[2] ?? '1,10,100').split(',').map(Number);
const starts = Number(process.argv[3] ?? 10);
const SLOW_MS = 10_000; // a first answer slower than this: only SLOW_STARTS starts (a 100× search takes about a minute)
const SLOW_STARTS = Number(process.env.BENCH_SLOW_STARTS ?? 3);
const MAX_FETCH = 64; // the fallback page's limit on fetches at once (see web/plan-compare.html)
const FIRST = { zh: '专利质押融资', en: 'customs enforcement', diff: ['beijing-2018', 'shanghai-2018'] };
const rows = [];
const server = await serve();
const browser = await launch();
try {
  for (const k of scales) {
    const dir = join(out, `growth-${k}x/data`);
    if (!existsSync(join(dir, 'manifest.json'))) { console.log(`${k}×: no ${dir}, skipped`); continue; }
    const data = encodeURIComponent(`/out/growth-${k}x/data/`);
    const pages = {
      [`search ${FIRST.zh}`]: `/plan-compare.html?data=${data}&q=${encodeURIComponent(FIRST.zh)}`,
      [`search ${FIRST.en}`]: `/plan-compare.html?data=${data}&q=${encodeURIComponent(FIRST.en)}`,
      [`diff ${FIRST.diff.join(' vs ')}`]: `/plan-compare.html?data=${data}&diff=${FIRST.diff.join(',')}`,
    };
    const t = performance.now();
    const chromium = await coldStarts(browser, server, pages, starts, summary, { brotli: false, fallback: (path) => `${path}&maxFetch=${MAX_FETCH}`, slowMs: SLOW_MS, slowStarts: SLOW_STARTS });
    const node = {};
    for (const [key, args] of Object.entries({ [`search ${FIRST.zh}`]: [FIRST.zh], [`diff ${FIRST.diff.join(' vs ')}`]: ['--diff', FIRST.diff.join(',')] })) {
      const ms = [];
      for (let i = 0; i < starts && !(i >= SLOW_STARTS && ms[0] > SLOW_MS); i++) {
        ms.push(JSON.parse(execFileSync(process.execPath, [join(bench, 'startup-node.mjs'), 'plan-compare', '--data', dir, ...args], { encoding: 'utf8' })).ms);
      }
      node[key] = summary(ms);
    }
    rows.push({ scale: k, starts, slowStarts: SLOW_STARTS, chromium, node, seconds: (performance.now() - t) / 1e3 });
    for (const [key, r] of Object.entries(chromium)) {
      if (r.failed) console.log(`${k}×`, key, 'failed first:', r.failed.error.slice(0, 160));
      if (!r.payload) { console.log(`${k}×`, key, 'failed:', r.error.slice(0, 160)); continue; }
      console.log(`${k}×`, key.padEnd(36), 'import→answer', r.fromImport.median.toFixed(1), 'requests', r.payload.requests, 'gzip', r.payload.total.gzip);
    }
  }
} finally {
  await browser.close();
  server.close();
}
writeFileSync(join(out, 'scale.json'), JSON.stringify(rows, null, 1));
