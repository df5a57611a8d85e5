// Start-up and payload, in Node and headless Chromium, plus Pagefind's search (it only runs in a
// browser). Cold starts: a fresh Node process each, or a fresh browser context (empty cache) each.
// Payload: every file the page fetched to answer its first query, raw / gzip -9 / brotli -q 11.
// Writes out/startup.json. Usage: node bench/browser.mjs [starts=20]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { bench, loadJudgments, out, repo, summary } from './lib/corpus.mjs';
import { serve, launch, runPage } from './lib/browser.mjs';

const starts = Number(process.argv[2] ?? 20);
const engines = ['plan-compare', 'jieba-wasm', 'minisearch', 'flexsearch', 'pagefind'];
const sizes = (buf) => ({ raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length });
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero = { raw: 0, gzip: 0, brotli: 0 };
const result = { starts, node: {}, chromium: {}, chromiumFromImport: {}, payload: {}, pagefind: {} };

// ---- Node: a fresh process per start, interleaved so that machine noise hits every engine alike ----
const nodeSamples = Object.fromEntries(engines.slice(0, 4).map((e) => [e, []]));
for (let i = 0; i < starts; i++) {
  for (const e of Object.keys(nodeSamples)) {
    const line = execFileSync(process.execPath, [join(bench, 'startup-node.mjs'), e], { encoding: 'utf8' });
    nodeSamples[e].push(JSON.parse(line).ms);
  }
}
for (const [e, s] of Object.entries(nodeSamples)) result.node[e] = summary(s);

// ---- Chromium ----
const server = await serve();
const browser = await launch();
try {
  const nav = Object.fromEntries(engines.map((e) => [e, []]));
  const imp = Object.fromEntries(engines.map((e) => [e, []]));
  for (let i = 0; i < starts; i++) {
    for (const e of engines) {
      server.served.clear();
      const r = await runPage(browser.fresh, `${server.url}/${e}.html`);
      nav[e].push(r.ms);
      imp[e].push(r.ms - r.t0);
      if (i === 0) {
        result.chromium[`${e}:what`] = r.what ?? null;
        // payload of the first query: every file fetched except the bench's own page and helpers
        const files = [...server.served.entries()].filter(([p]) => p !== `/${e}.html` && !p.startsWith('/lib/'));
        let total = zero;
        const list = [];
        for (const [path, { file }] of files) {
          const s = sizes(readFileSync(file));
          total = add(total, s);
          list.push({ path, ...s });
        }
        result.payload[e] = { total, files: list };
      }
    }
  }
  for (const e of engines) {
    result.chromium[e] = summary(nav[e]);
    result.chromiumFromImport[e] = summary(imp[e]);
  }

  // ---- Pagefind: search quality and latency on the judged queries (in the page) ----
  const queries = loadJudgments().map((q) => q.query);
  const { page, close } = await browser.fresh();
  await page.goto(`${server.url}/empty.html`);
  const pf = await page.evaluate(async (queries) => {
    const pagefind = await import('/out/site/pagefind/pagefind.js');
    await pagefind.init();
    const ranked = async (q) => {
      // pages in Pagefind's order, each page's measure anchors (sub-results) in its order, until 100
      const r = await pagefind.search(q);
      const ids = [];
      for (const res of r.results) {
        if (ids.length >= 100) break;
        const d = await res.data();
        for (const s of d.sub_results) if (s.url.includes('#')) ids.push(s.url.split('#')[1]);
      }
      return ids.slice(0, 100);
    };
    const top10 = async (q) => {
      const r = await pagefind.search(q);
      let n = 0;
      for (const res of r.results) {
        if (n >= 10) break;
        n += (await res.data()).sub_results.length;
      }
    };
    for (const q of queries) await top10(q); // warm-up
    const ms = [];
    for (let i = 0; i < 5; i++) for (const q of queries) { const t = performance.now(); await top10(q); ms.push(performance.now() - t); }
    const got = {};
    for (const q of queries) got[q] = await ranked(q);
    return { ms, got };
  }, queries);
  await close();
  result.pagefind = { latency: summary(pf.ms), ranked: pf.got };
  result.pagefind.site = {
    pages: readdirSync(join(out, 'site')).filter((d) => d !== 'pagefind').length,
    bundleBytes: execFileSync('du', ['-sb', join(out, 'site/pagefind')], { encoding: 'utf8' }).split('\t')[0] * 1,
  };
} finally {
  await browser.close();
  server.close();
}

// ---- reference sizes: the seeds themselves (the floor), the measure records a peer needs to show hits ----
const seeds = readdirSync(join(repo, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
result.payload.seeds = { total: sizes(Buffer.concat(seeds.map((f) => readFileSync(join(repo, 'seeds', f))))), files: seeds };
result.payload['measures.json'] = { total: sizes(readFileSync(join(out, 'measures.json'))) };
result.payload['plan-compare bundle.bin'] = { total: sizes(readFileSync(join(repo, 'data/bundle.bin'))) };
writeFileSync(join(out, 'startup.json'), JSON.stringify(result, null, 1));
for (const e of engines) console.log(e.padEnd(14), 'node', result.node[e]?.median?.toFixed(1) ?? '-', 'chromium', result.chromium[e].median.toFixed(1),
  'from import', result.chromiumFromImport[e].median.toFixed(1), 'payload br', result.payload[e].total.brotli);
