// Writes bench/RESULTS.md from the raw results of one run (out/node.json, out/startup.json,
// out/growth.json, out/machine.json).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { bench, loadJudgments, out } from './lib/corpus.mjs';

const read = (f) => JSON.parse(readFileSync(join(out, f), 'utf8'));
const node = read('node.json');
const st = read('startup.json');
const growth = read('growth.json');
const machine = read('machine.json');
const native = existsSync(join(out, 'native.json')) ? read('native.json') : null;
import { summary } from './lib/corpus.mjs';
const judged = loadJudgments();
const f1 = (x) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const ratio = (a, b) => (a && b ? `${a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)}×` : '–');
const L = [];
const p = (s = '') => L.push(s);
const bound = node.planCompareBound;
const boundList = Object.entries(bound).filter(([, v]) => v).map(([k]) => k);

p('# plan-compare benchmarks (issue 6)');
p();
p(`Made by \`bash bench/run.sh\` on ${machine.date} (${machine.seconds} s for the whole run), commit \`${machine.commit}\`.`);
p(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB; ${machine.os}; Node ${machine.node}; ${machine.chromium}.`);
p('Shared 2-core machine: absolute times are noisy; the ratios (plan-compare ÷ peer), measured side by side in');
p('the same run with the engines interleaved, are the figures to read.');
p();
p(`Corpus: ${node.plans} plans, ${node.measures} measures (the export JSON of this commit). Query functions bound in the`);
p(`package at this commit: ${boundList.length ? boundList.join(', ') : '**none yet**'}${boundList.length < 6 ? ` (missing: ${Object.entries(bound).filter(([, v]) => !v).map(([k]) => k).join(', ')}; their rows say "not bound")` : ''}.`);
p();

// ---- payload ----
p('## Payload: what a page downloads to answer its first query');
p();
p('Every file the Chromium page fetched before its first answer (recorded by the test server), each compressed');
p('alone: raw, `gzip -9`, brotli quality 11. Ratios are plan-compare ÷ row, on brotli.');
p();
p('| what | raw | gzip -9 | brotli | plan-compare ÷ this (brotli) |');
p('|---|---:|---:|---:|---:|');
const pcb = st.payload['plan-compare'].total.brotli;
const payRows = [
  ['plan-compare (wasm with the corpus inside + JS glue)', 'plan-compare'],
  ['  of which the embedded corpus `data/bundle.bin` (alone)', 'plan-compare bundle.bin'],
  ['seeds/*.txt compressed (the floor: the text itself)', 'seeds'],
  ['jieba-wasm (segmenter only: JS + wasm with its dictionary; no data, no index)', 'jieba-wasm'],
  ['Pagefind (pagefind.js, worker, wasm, meta, index chunk + fragments for the query)', 'pagefind'],
  ['MiniSearch (library + serialised index; no texts)', 'minisearch'],
  ['FlexSearch (library + exported index; no texts)', 'flexsearch'],
  ['the measure records as JSON (what MiniSearch/FlexSearch also need to show a hit)', 'measures.json'],
];
for (const [label, key] of payRows) {
  const t = st.payload[key].total;
  p(`| ${label} | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} | ${key === 'plan-compare' ? '1' : ratio(pcb, t.brotli)} |`);
}
const mj = st.payload['measures.json'].total;
const miniAll = st.payload.minisearch.total.brotli + mj.brotli;
const flexAll = st.payload.flexsearch.total.brotli + mj.brotli;
p(`| MiniSearch + measure records (a page that can show its hits) | | | ${kb(miniAll)} | ${ratio(pcb, miniAll)} |`);
p(`| FlexSearch + measure records | | | ${kb(flexAll)} | ${ratio(pcb, flexAll)} |`);
p();
p(`Pagefind's whole index for the site is ${kb(st.pagefind.site.bundleBytes)} in ${st.pagefind.site.pages} plan pages; a query fetches only the chunks it needs,`);
p('and every further query may fetch more. Its npm package brings the platform binary as an ordinary registry');
p('package (`@pagefind/linux-x64`, an optional dependency, no install script): nothing is downloaded at install or run time.');
p();

// ---- start-up ----
p(`## Start-up: import to first answer (${st.starts} cold starts each, median / p95, ms)`);
p();
const first = st.chromium['plan-compare:what'] === 'search' ? "`search('地理标志')`" : '`plans()` (search is not bound yet)';
p(`plan-compare: \`await init()\` then ${first}. jieba-wasm: instantiate, first \`cut\`. MiniSearch / FlexSearch: fetch`);
p('(Chromium) or read (Node) the serialised index, load it, first search. Pagefind: `init()` and a first search with');
p('the data of its two best pages. Node: a fresh `node` process per start, timed from before the first `import`.');
p('Chromium: a fresh browser context (empty cache) per start; "page" is from navigation start (includes fetching');
p('over loopback), "import" from the moment the page\'s module script starts.');
p();
p('| engine | Node median | Node p95 | Chromium page median | page p95 | Chromium import median | import p95 | plan-compare ÷ this (Node / Chromium import) |');
p('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const e of ['plan-compare', 'jieba-wasm', 'minisearch', 'flexsearch', 'pagefind']) {
  const n = st.node[e];
  const c = st.chromium[e];
  const i = st.chromiumFromImport[e];
  const rn = e === 'plan-compare' ? '1' : `${ratio(st.node['plan-compare'].median, n?.median)} / ${ratio(st.chromiumFromImport['plan-compare'].median, i.median)}`;
  p(`| ${e} | ${f1(n?.median)} | ${f1(n?.p95)} | ${f1(c.median)} | ${f1(c.p95)} | ${f1(i.median)} | ${f1(i.p95)} | ${rn} |`);
}
p();

// ---- queries ----
p('## Query latency (ms, median / p95; Node, warm, in-process)');
p();
p(`Search: the ${judged.length} judged queries (${judged.filter((q) => q.lang !== 'en').length} Chinese incl. synonyms, ${judged.filter((q) => q.lang === 'en').length} English), each 5× after a warm-up pass, top 100.`);
p('MiniSearch and FlexSearch tokenise Chinese as overlapping character bigrams of each Han run (a lone Han');
p('character stays a unigram) plus lower-cased Latin words, over the fields title, work item and text (title boosted');
p('2× in MiniSearch; FlexSearch with `suggest: true` so that not every bigram must match). Pagefind: in Chromium,');
p('`search()` plus `data()` of pages until 10 measure anchors are known (its real cost of a first screen).');
p(`Diff: the ${node.pairs} pairs of the 31 provincial 2018 plans. jsdiff and diff-match-patch diff the concatenated measure`);
p(`texts (one measure per line, 1.5–9 k characters per plan); character-level diffs take up to seconds per pair, so`);
p(`diff-match-patch (default 1 s timeout, as shipped) runs on every 31st pair (${node.diffSample} pairs) and jsdiff \`diffChars\` on every 93rd`);
p('(5 pairs); jsdiff `diffLines` (whole measures as lines: coarse, no inline changes) runs on all pairs.');
p();
p('| query | engine | median | p95 | plan-compare ÷ this (median) |');
p('|---|---|---:|---:|---:|');
const lat = { ...node.latency };
// Until the package binds a query function, its row is the same Rust function timed natively
// (examples/bench_queries.rs, release build): marked †, and not comparable 1:1 with JS peers in V8.
let nativeUsed = false;
if (native) {
  for (const [q, key] of [['search', 'search'], ['filter', 'filter'], ['matchThemes', 'matchThemes'], ['themeMatrix', 'themeMatrix'], ['compare', 'compare'], ['diff', 'diff'], ['diff (every 31st pair)', 'diffSample']]) {
    const wasmKey = q === 'diff (every 31st pair)' ? 'diff/plan-compare (every 31st pair)' : `${q}/plan-compare`;
    if (!lat[wasmKey] && native[key]) { lat[wasmKey] = { ...summary(native[key]), native: true }; nativeUsed = true; }
  }
}
const pcName = (s) => (s?.native ? 'plan-compare (native Rust †)' : 'plan-compare (wasm in Node)');
const pcSearch = lat['search/plan-compare'];
const row = (q, e, s, pc) => p(`| ${q} | ${e} | ${f1(s?.median)} | ${f1(s?.p95)} | ${pc === undefined ? '–' : pc === 'self' ? '1' : ratio(pc.median, s.median)} |`);
if (pcSearch) row('search', pcName(pcSearch), pcSearch, 'self');
else p('| search | plan-compare | not bound | | |');
row('search', 'MiniSearch', lat['search/minisearch'], pcSearch);
row('search', 'FlexSearch', lat['search/flexsearch'], pcSearch);
row('search (Chromium)', 'Pagefind', st.pagefind.latency, pcSearch);
for (const q of ['filter', 'matchThemes', 'themeMatrix', 'compare']) {
  const s = lat[`${q}/plan-compare`];
  if (s) row(q, pcName(s), s, 'self');
  else p(`| ${q} | plan-compare | not bound | | |`);
}
const pcDiff = lat['diff/plan-compare'];
if (pcDiff) row(`diff, all ${node.pairs} pairs`, pcName(pcDiff), pcDiff, 'self');
else p(`| diff | plan-compare | not bound | | |`);
const pcDiffSample = lat['diff/plan-compare (every 31st pair)'];
if (pcDiffSample) row('diff, every 31st pair', pcName(pcDiffSample), pcDiffSample, 'self');
row(`diff, all ${node.pairs} pairs`, 'jsdiff diffLines', lat['diff/jsdiff diffLines (all pairs)'], pcDiff);
row('diff, every 31st pair', 'diff-match-patch', lat['diff/diff-match-patch (every 31st pair)'], pcDiffSample);
row('diff, every 93rd pair', 'jsdiff diffChars', lat['diff/jsdiff diffChars (every 93rd pair)'], pcDiffSample);
if (native && !nativeUsed) {
  // the same Rust functions natively, for the cost of wasm and of converting results to JS objects
  for (const [q, key] of [['search', 'search'], ['filter', 'filter'], ['themeMatrix', 'themeMatrix'], ['compare', 'compare'], [`diff, all ${node.pairs} pairs`, 'diff']]) {
    const wasm = lat[`${q.startsWith('diff') ? 'diff' : q}/plan-compare`];
    const s = summary(native[key]);
    p(`| ${q} | plan-compare natively (same Rust function, no wasm, no JS objects) | ${f1(s.median)} | ${f1(s.p95)} | wasm ÷ native: ${ratio(wasm?.median, s.median)} |`);
  }
}
p();
if (nativeUsed) {
  p('† The package does not bind this function yet at this commit: the row times the same Rust function');
  p('(`plan_compare::query`, the code the binding will call) natively, release build, in one process');
  p('(`examples/bench_queries.rs`). In wasm expect it slower by a small factor, plus the cost of converting the');
  p('result to JS objects; a ratio against a JS peer in V8 is therefore flattering to plan-compare. Note that');
  p('plan-compare\'s diff does more than the peers: it aligns measures, scores pairs, and computes inline');
  p('token-level changes, departments and targets; jsdiff/dmp only produce an edit script of the raw texts.');
  p();
}

// ---- quality ----
p('## Search quality against the judged list (`bench/judgments.json`)');
p();
p('P@10: judged-relevant measures among the first 10 results, over 10 slots (fewer than 10 results count as');
p('misses). Recall: judged-relevant measures within the first 100 results ÷ all judged relevant. Mean over queries.');
p('Judgements: 14 topics, each relevant set decided by reading every measure that a list of keyword variants');
p('finds (criteria, keywords and every exclusion with its reason are in `bench/make-judgments.mjs` and the JSON);');
p('the English queries and synonyms share the relevant set of their Chinese topic.');
p();
const pf = qualityOf(st.pagefind.ranked);
const pcQual = node.quality['plan-compare'] ?? (native ? qualityOf(native.ranked) : null);
const qual = { ...(pcQual ? { [node.quality['plan-compare'] ? 'plan-compare' : 'plan-compare (native Rust †)']: pcQual } : {}), MiniSearch: node.quality.minisearch, FlexSearch: node.quality.flexsearch, Pagefind: pf };
p('| engine | P@10 all | recall all | P@10 Chinese | recall Chinese | P@10 zh synonyms | recall zh synonyms | P@10 English | recall English |');
p('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
if (!pcQual) p('| plan-compare | not bound | | | | | | | |');
for (const [name, q] of Object.entries(qual)) {
  p(`| ${name} | ${q.all.p10.toFixed(2)} | ${q.all.recall100.toFixed(2)} | ${q.zh.p10.toFixed(2)} | ${q.zh.recall100.toFixed(2)} | ${q.synonyms.p10.toFixed(2)} | ${q.synonyms.recall100.toFixed(2)} | ${q.en.p10.toFixed(2)} | ${q.en.recall100.toFixed(2)} |`);
}
p();
p('<details><summary>Per query (P@10 / recall)</summary>');
p();
p(`| query | lang | relevant | ${Object.keys(qual).join(' | ')} |`);
p(`|---|---|---:|${Object.keys(qual).map(() => '---:').join('|')}|`);
judged.forEach((j, i) => {
  p(`| ${j.query} | ${j.lang} | ${j.relevant.length} | ${Object.values(qual).map((q) => `${q.perQuery[i].p10.toFixed(1)} / ${q.perQuery[i].recall100.toFixed(2)}`).join(' | ')} |`);
});
p();
p('</details>');
p();

function qualityOf(ranked) {
  const perQuery = judged.map((q) => {
    const got = ranked[q.query] ?? [];
    const rel = new Set(q.relevant);
    return { query: q.query, lang: q.lang, p10: got.slice(0, 10).filter((id) => rel.has(id)).length / 10, recall100: got.slice(0, 100).filter((id) => rel.has(id)).length / rel.size };
  });
  const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const agg = (xs) => ({ p10: mean(xs, 'p10'), recall100: mean(xs, 'recall100') });
  return { all: agg(perQuery), zh: agg(perQuery.filter((q) => q.lang === 'zh')), synonyms: agg(perQuery.filter((q) => q.lang === 'zh-synonym')), en: agg(perQuery.filter((q) => q.lang === 'en')), perQuery };
}

// ---- growth ----
p('## Growth: synthetic corpora 10× and 100× the seeds');
p();
p('`bench/growth.mjs` copies every plan k times; each copy keeps the structure of its measures (chapter, work item,');
p('departments) and takes its text from 1–3 random sentences of real measures of the same focus area (seeded');
p('PRNG, same corpus every run). Recombined sentences repeat, so brotli (large window) compresses these corpora');
p('better than a real corpus of that size would be compressed: read the gzip column for size growth.');
p('plan-compare: the bundle is encoded and decoded natively (`examples/bench_corpus.rs`, the decode is what `init()`');
p('does inside the wasm); run.sh does not rebuild the wasm module at each size (`bash bench/wasm-growth.sh 10` does, see the notes).');
p();
p('| scale | measures | plan-compare bundle raw / gzip / brotli | encode ms | decode ms (native) | corpus + index build ms (native, jieba) | corpus + index, postcard bytes | search median ms † | filter median ms † | themeMatrix median ms † | diff median ms † | MiniSearch build ms | index gzip | load ms | search median ms | FlexSearch build ms | index gzip | load ms | search median ms | Pagefind build ms | Pagefind index |');
p('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const g of growth) {
  const m = g.minisearch;
  const x = g.flexsearch;
  const b = g.planCompare.bundle;
  const n = g.planCompareNative;
  p(`| ${g.scale}× | ${g.measures} | ${kb(b.raw)} / ${kb(b.gzip)} / ${kb(b.brotli)} | ${f1(g.planCompare.encode_ms)} | ${f1(g.planCompare.decode_ms)} | ${n ? f1(n.buildMs) : '–'} | ${n ? kb(n.corpusBytes) : '–'} | ${n ? f1(n.search.median) : '–'} | ${n ? f1(n.filter.median) : '–'} | ${n ? f1(n.themeMatrix.median) : '–'} | ${n ? f1(n.diff.median) : '–'} | ${m ? f1(m.buildMs) : '–'} | ${m ? kb(m.index.gzip) : '–'} | ${m ? f1(m.loadMs) : '–'} | ${m ? f1(m.search.median) : '–'} | ${x ? f1(x.buildMs) : '–'} | ${x ? kb(x.index.gzip) : '–'} | ${x ? f1(x.loadMs) : '–'} | ${x ? f1(x.search.median) : '–'} | ${g.pagefind ? f1(g.pagefind.buildMs) : '–'} | ${g.pagefind ? kb(g.pagefind.indexBytes) : '–'} |`);
}
p();
p('(– : not run by default; `BENCH_GROWTH_FULL=1 bash bench/run.sh` adds the peers at 100×, which takes several');
p('minutes more.)');
p();
const notes = join(bench, 'NOTES.md');
if (existsSync(notes)) L.push(readFileSync(notes, 'utf8').trimEnd());
p();
p('## Commands');
p();
p('```sh');
p('bash bench/run.sh            # everything below, then this file');
p('# which runs: cargo build (debug binary; release examples bench_corpus and bench_queries); scripts/build-package.sh');
p('# when pkg/ is missing or older than src/, data/, js/; plan-compare export --format json > bench/out/export.json;');
p('# node bench/make-judgments.mjs; bench_queries (native query core); node bench/site.mjs (Pagefind);');
p('# node bench/node.mjs; node bench/browser.mjs 20;');
p('# node bench/growth.mjs 1,10,100; node bench/report.mjs');
p('```');
writeFileSync(join(bench, 'RESULTS.md'), L.join('\n') + '\n');
console.log(`wrote bench/RESULTS.md (${L.length} lines)`);
