// The package in headless Chromium, loaded by a plain <script type="module"> page over HTTP: its
// answers, and what it fetched at each step (the server logs every request; the page reads the log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { countsUnder, pkg, repo, serve, runPage } from './helpers.mjs';

const dataNames = readdirSync(join(pkg, 'data')).sort();
const manifest = JSON.parse(readFileSync(join(pkg, 'data/manifest.json'), 'utf8'));

// One page load (one Chromium) for both tests: its answers, its console, the server's URL.
let loaded;
const loadPage = () =>
  (loaded ??= (async () => {
    const server = await serve({ '/pkg/': pkg, '/': join(repo, 'tests/js/page') });
    try {
      return { ...(await runPage(`${server.url}/`)), url: server.url };
    } finally {
      await server.close();
    }
  })());

test('a plain module page loads the package and gets answers, with an empty console', async (t) => {
  const { results, console, url } = await loadPage();
  assert.equal(results.crash, undefined);
  assert.deepEqual(console, []);
  t.diagnostic(`init() in Chromium (fetch, compile, manifest and catalogue): ${results.initMs.toFixed(1)} ms`);
  assert.equal(results.beforeInit, 'NOT_INITIALISED');
  assert.equal(results.beforeInitAsync, 'NOT_INITIALISED');
  assert.ok(results.initMs < 1000, `init took ${results.initMs} ms`);
  assert.equal(results.planCount, manifest.plans);
  assert.equal(results.firstPlan.id, 'shanwei-chengqu-2018');
  assert.equal(results.firstPlan.doc_number, null);
  assert.equal(results.measureCount, manifest.measures);
  assert.ok(results.measureCount > 100);
  assert.ok(results.themes.some((t) => t.id === 'pledge-financing'));
  assert.equal(results.filterBeijing, 47);
  assert.match(results.searchTop, /质押/);
  assert.ok(results.matchThemes.includes('pledge-financing'));
  assert.equal(results.matrixRows, results.planCount);
  assert.ok(results.diffPairs > 10);
  assert.equal(results.diffAgain, true);
  assert.equal(results.compareRows, 2);
  assert.equal(results.similarityRows, results.planCount);
  assert.equal(results.passagesPlan, 'beijing-2018');
  assert.equal(results.templateTables, 31);
  assert.ok(results.indicatorUnits.includes('万元'));
  assert.equal(results.measureRoundTrip, true);
  assert.match(results.added.id, /^user-\d+$/);
  assert.equal(results.added.measureCount, 2);
  assert.equal(results.addedSearch, 1);
  assert.equal(results.afterAdd, results.planCount + 1);
  assert.equal(results.afterRemove, results.planCount);
  assert.deepEqual(results.exportKeys, ['plans', 'measures', 'targets', 'themes', 'unassigned', 'passages']);
  assert.deepEqual(results.errors, {
    measure: 'INVALID_ARGUMENT',
    unknownMeasure: 'UNKNOWN_MEASURE',
    unknownPlan: 'UNKNOWN_PLAN',
    surrogate: 'INVALID_ARGUMENT',
    tooLarge: 'TOO_LARGE',
    bundled: 'INVALID_ARGUMENT',
    queryTooLong: 'QUERY_TOO_LONG',
    unknownTheme: 'UNKNOWN_THEME',
    millionRegions: 'TOO_LARGE',
  });
  // The data: the package's own directory, found next to index.js.
  assert.equal(`catalog.${results.dataVersion}.bin`, manifest.catalog);
  assert.deepEqual([...results.dataFiles].sort(), dataNames.map((n) => `${url}/pkg/data/${n}`));
});

test('the page fetches data files when a call needs them, and the full module and gazetteer only for addPlan', async () => {
  const { results } = await loadPage();
  assert.equal(results.crash, undefined);
  const data = (log) => countsUnder(log, '/pkg/data/');
  const since = (before, after) => after.slice(before.length);
  const full = (log) => log.filter((p) => p === '/pkg/plan_compare_full_bg.wasm').length;
  // init(): the small module, the manifest and the catalogue; nothing else of the data.
  assert.deepEqual(data(results.afterInit), { 'manifest.json': 1, [manifest.catalog]: 1 });
  // The package's JS is one file for browsers (bundled by scripts/build-package.sh): one request, then the module.
  const code = results.afterInit.filter((p) => !p.startsWith('/pkg/data/') && p.startsWith('/pkg/'));
  assert.deepEqual(code, ['/pkg/index.js', '/pkg/plan_compare_bg.wasm']);
  assert.ok(!results.afterInit.some((p) => p.includes('plan_compare_full')), results.afterInit.join(', '));
  // The sync functions, dataVersion() and dataFiles() fetch nothing.
  assert.deepEqual(results.afterSync, results.afterInit);
  // A diff: its two plans' chunks and the vocabulary (its inline changes segment the texts); the
  // same diff again: nothing.
  const forDiff = since(results.afterSync, results.afterDiff);
  const chunks = forDiff.filter((p) => /^\/pkg\/data\/plan\.[0-9a-f]{16}\.bin$/.test(p));
  assert.equal(chunks.length, 2, forDiff.join(', '));
  assert.notEqual(chunks[0], chunks[1]);
  const rest = forDiff.filter((p) => !chunks.includes(p));
  assert.equal(rest.length, 1, forDiff.join(', '));
  assert.match(rest[0], /^\/pkg\/data\/vocab\.[0-9a-f]{16}\.bin$/);
  assert.deepEqual(results.afterDiffAgain, results.afterDiff);
  // Filter, search, the matrix, compare and measures: data files only, never the full module.
  assert.ok(since(results.afterDiffAgain, results.beforeFull).every((p) => p.startsWith('/pkg/data/')));
  assert.equal(full(results.beforeFull), 0);
  assert.ok(!results.beforeFull.includes('/pkg/plan_compare_full.js'));
  // addPlan(): the full module, once (its glue and its wasm), the parser's gazetteer, and no data
  // file (it had them all).
  assert.deepEqual(since(results.beforeFull, results.afterAddRequests).sort(),
    ['/pkg/plan_compare_full.js', '/pkg/plan_compare_full_bg.wasm', '/pkg/regions.tsv']);
  // To the end (export, patterns, errors): the full module was not fetched again; every data file
  // once, all but the fragments (a search's page of records; whole chunks spare the rest), the
  // vocabulary runs (a search's pieces; the vocabulary file, which the diff read, holds them all)
  // and the theme shards (their postings were here: the range shards hold them too).
  assert.equal(full(results.atEnd), 1);
  const fetched = Object.keys(data(results.atEnd));
  assert.ok(fetched.every((name) => dataNames.includes(name)), fetched.join(', '));
  assert.deepEqual(dataNames.filter((name) => !fetched.includes(name) && !/^(frag|terms|theme)\./.test(name)), []);
  assert.ok(Object.values(data(results.atEnd)).every((n) => n === 1), JSON.stringify(data(results.atEnd)));
  const counts = countsUnder(results.atEnd, '/');
  assert.ok(Object.values(counts).every((n) => n === 1), JSON.stringify(counts));
});
