// Start-up and payload, in Node and headless Chromium, plus Pagefind's search (it only runs in a
// browser) and plan-compare's warm search and diff in Chromium. Cold starts: a fresh Node process each,
// or a fresh browser context (empty profile: no cache) each. Payload: every request the page made before
// its first answer (the bench page itself excepted), each body compressed alone as a server would send
// it: raw / gzip -9 / brotli -q 11 (the loopback server sends bodies uncompressed).
// Writes out/startup.json. Usage: node bench/browser.mjs [starts=20]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bench, loadExport, loadJudgments, out, provincialPairs, repo, summary } from './lib/corpus.mjs';
import { serve, launch, coldStarts, sizes } from './lib/browser.mjs';

const starts = Number(process.argv[2] ?? 20);
/** The first answers measured: two searches the issue names, the historic one, and a provincial diff. */
const FIRST = { zh: '专利质押融资', en: 'customs enforcement', gi: '地理标志', diff: ['beijing-2018', 'shanghai-2018'] };
const q = (s) => encodeURIComponent(s);
const pages = {
  [`plan-compare search ${FIRST.zh}`]: `/plan-compare.html?q=${q(FIRST.zh)}`,
  [`plan-compare search ${FIRST.en}`]: `/plan-compare.html?q=${q(FIRST.en)}`,
  [`plan-compare search ${FIRST.gi}`]: `/plan-compare.html?q=${q(FIRST.gi)}`,
  [`plan-compare diff ${FIRST.diff.join(' vs ')}`]: `/plan-compare.html?diff=${FIRST.diff.join(',')}`,
  [`pagefind search ${FIRST.zh}`]: `/pagefind.html?q=${q(FIRST.zh)}`,
  [`pagefind search ${FIRST.en}`]: `/pagefind.html?q=${q(FIRST.en)}`,
  [`pagefind search ${FIRST.gi}`]: `/pagefind.html?q=${q(FIRST.gi)}`,
  'jieba-wasm': '/jieba-wasm.html',
  [`minisearch search ${FIRST.gi}`]: '/minisearch.html',
  [`flexsearch search ${FIRST.gi}`]: '/flexsearch.html',
  // No engine: what any page pays here to import a module and fetch one file (the floor).
  '(reference) import a one-line module, fetch one file': '/floor.html',
};
const result = { starts, first: FIRST, node: {}, chromium: {}, warm: {}, pagefind: {}, reference: {} };

// ---- Node: a fresh process per start, interleaved so that machine noise hits every engine alike ----
const nodeRuns = {
  [`plan-compare search ${FIRST.zh}`]: ['plan-compare', FIRST.zh],
  [`plan-compare diff ${FIRST.diff.join(' vs ')}`]: ['plan-compare', '--diff', FIRST.diff.join(',')],
  'jieba-wasm': ['jieba-wasm'], [`minisearch search ${FIRST.gi}`]: ['minisearch'], [`flexsearch search ${FIRST.gi}`]: ['flexsearch'],
};
const nodeSamples = Object.fromEntries(Object.keys(nodeRuns).map((e) => [e, []]));
for (let i = 0; i < starts; i++) {
  for (const [key, args] of Object.entries(nodeRuns)) {
    const line = execFileSync(process.execPath, [join(bench, 'startup-node.mjs'), ...args], { encoding: 'utf8' });
    nodeSamples[key].push(JSON.parse(line).ms);
  }
}
for (const [e, s] of Object.entries(nodeSamples)) result.node[e] = summary(s);

// ---- Chromium ----
const server = await serve();
const browser = await launch();
try {
  result.chromium = await coldStarts(browser, server, pages, starts, summary);

  // ---- plan-compare warm in Chromium: the judged queries (5× after a warm-up pass), every provincial pair ----
  const judged = loadJudgments({ extra: false }).map((j) => j.query);
  const { pairs } = provincialPairs(loadExport());
  {
    const { page, close } = await browser.fresh();
    await page.goto(`${server.url}/empty.html`);
    result.warm = await page.evaluate(async ({ queries, pairs }) => {
      const pc = await import('/pkg/index.js');
      await pc.init();
      const time = async (inputs, fn, repeat) => {
        for (const x of inputs) await fn(x);
        const ms = [];
        for (let r = 0; r < repeat; r++) for (const x of inputs) { const t = performance.now(); await fn(x); ms.push(performance.now() - t); }
        return ms;
      };
      const search = await time(queries, (q) => pc.search(q, { limit: 100 }), 5);
      const diff = await time(pairs, ([a, b]) => pc.diff(a, b), 1);
      const diffOne = await time([['beijing-2018', 'shanghai-2018']], ([a, b]) => pc.diff(a, b), 20);
      return { search, diff, diffOne };
    }, { queries: judged, pairs });
    for (const k of Object.keys(result.warm)) result.warm[k] = summary(result.warm[k]);
    await close();
  }

  // ---- Pagefind: search quality and latency on the judged queries (in the page) ----
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
    for (const q of queries.timed) await top10(q); // warm-up
    const ms = [];
    for (let i = 0; i < 5; i++) for (const q of queries.timed) { const t = performance.now(); await top10(q); ms.push(performance.now() - t); }
    const got = {};
    for (const q of queries.judged) got[q] = await ranked(q);
    return { ms, got };
  }, { timed: judged, judged: loadJudgments().map((j) => j.query) });
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

// ---- reference sizes: the seeds themselves (the floor), the measure records a peer needs to show hits,
// the package's whole data directory ----
const seeds = readdirSync(join(repo, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
result.reference.seeds = sizes(Buffer.concat(seeds.map((f) => readFileSync(join(repo, 'seeds', f)))));
result.reference['measures.json'] = sizes(readFileSync(join(out, 'measures.json')));
const dataDir = join(repo, 'pkg/data');
const dataFiles = readdirSync(dataDir);
result.reference['pkg/data'] = dataFiles.map((f) => sizes(readFileSync(join(dataDir, f))))
  .reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli, files: t.files + 1 }), { raw: 0, gzip: 0, brotli: 0, files: 0 });
writeFileSync(join(out, 'startup.json'), JSON.stringify(result, null, 1));
for (const [k, r] of Object.entries(result.chromium)) {
  console.log(k.padEnd(44), 'chromium import→answer', r.fromImport.median.toFixed(1), 'requests', r.payload.requests, 'gzip', r.payload.total.gzip);
}
for (const [k, s] of Object.entries(result.node)) console.log(k.padEnd(44), 'node', s.median.toFixed(1));
console.log('warm chromium', JSON.stringify(result.warm));
