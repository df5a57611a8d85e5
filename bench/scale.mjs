// First answers on the synthetic corpora (out/growth-Kx/data, written by bench/growth.mjs): for each
// scale, the same cold starts as bench/browser.mjs (fresh Chromium context each, import → first answer;
// every request with its gzip -9 size) on init({ data }) pointing at that directory, and cold starts in
// Node, the scales interleaved. The ÷ 1× figures in RESULTS.md divide by this script's 1× row (same
// writer, same method, same minutes). Writes out/scale.json.
// Usage: node bench/scale.mjs [scales=1,10,100] [starts=20]
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, out, summary } from './lib/corpus.mjs';
import { serve, launch, coldStarts } from './lib/browser.mjs';

const scales = (process.argv[2] ?? '1,10,100').split(',').map(Number);
const starts = Number(process.argv[3] ?? 20);
const SLOW_MS = 10_000; // a first answer slower than this: only SLOW_STARTS starts (a 100× search takes about a minute)
const SLOW_STARTS = Number(process.env.BENCH_SLOW_STARTS ?? 3);
const MAX_FETCH = 64; // the fallback page's limit on fetches at once (see web/plan-compare.html)
const FIRST = { zh: '专利质押融资', en: 'customs enforcement', diff: ['beijing-2018', 'shanghai-2018'] };
const server = await serve();
const browser = await launch();
const rows = [];
try {
  const dirs = [];
  for (const k of scales) {
    const dir = join(out, `growth-${k}x/data`);
    if (existsSync(join(dir, 'manifest.json'))) dirs.push([k, dir]);
    else console.log(`${k}×: no ${dir}, skipped`);
  }
  // The scales' starts interleaved (start i of every page at every scale, then start i + 1): the
  // ÷ 1× ratios then divide medians taken under the same load of this shared machine, where scale
  // after scale they were minutes apart (two runs of the same package read 1.58× and 2.28×).
  const pages = {};
  for (const [k] of dirs) {
    const data = encodeURIComponent(`/out/growth-${k}x/data/`);
    pages[`${k}|search ${FIRST.zh}`] = `/plan-compare.html?data=${data}&q=${encodeURIComponent(FIRST.zh)}`;
    pages[`${k}|search ${FIRST.en}`] = `/plan-compare.html?data=${data}&q=${encodeURIComponent(FIRST.en)}`;
    pages[`${k}|diff ${FIRST.diff.join(' vs ')}`] = `/plan-compare.html?data=${data}&diff=${FIRST.diff.join(',')}`;
  }
  const t = performance.now();
  const chromium = await coldStarts(browser, server, pages, starts, summary, { brotli: false, fallback: (path) => `${path}&maxFetch=${MAX_FETCH}`, slowMs: SLOW_MS, slowStarts: SLOW_STARTS });
  const nodeCases = { [`search ${FIRST.zh}`]: [FIRST.zh], [`diff ${FIRST.diff.join(' vs ')}`]: ['--diff', FIRST.diff.join(',')] };
  const nodeMs = {};
  for (let i = 0; i < starts; i++) {
    for (const [k, dir] of dirs) {
      for (const [key, args] of Object.entries(nodeCases)) {
        const ms = (nodeMs[`${k}|${key}`] ??= []);
        if (i >= SLOW_STARTS && ms[0] > SLOW_MS) continue;
        ms.push(JSON.parse(execFileSync(process.execPath, [join(bench, 'startup-node.mjs'), 'plan-compare', '--data', dir, ...args], { encoding: 'utf8' })).ms);
      }
    }
  }
  const seconds = (performance.now() - t) / 1e3;
  const of = (all, k) => Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(`${k}|`)).map(([key, v]) => [key.slice(`${k}|`.length), v]));
  for (const [k] of dirs) {
    const node = Object.fromEntries(Object.entries(of(nodeMs, k)).map(([key, ms]) => [key, summary(ms)]));
    rows.push({ scale: k, starts, slowStarts: SLOW_STARTS, interleaved: true, chromium: of(chromium, k), node, seconds });
    for (const [key, r] of Object.entries(of(chromium, k))) {
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
