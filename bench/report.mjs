// Writes bench/RESULTS.md from the raw results of one run (out/node.json, out/startup.json,
// out/growth.json, out/scale.json, out/native.json, out/machine.json): issue 12's figures first, then
// the detailed tables, then bench/NOTES.md.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { bench, loadJudgments, out, summary } from './lib/corpus.mjs';

const read = (f) => JSON.parse(readFileSync(join(out, f), 'utf8'));
const maybe = (f) => (existsSync(join(out, f)) ? read(f) : null);
const node = read('node.json');
const st = read('startup.json');
const growth = maybe('growth.json') ?? [];
const scale = maybe('scale.json') ?? [];
const machine = read('machine.json');
const native = maybe('native.json');
const judged = loadJudgments();
const f1 = (x) => (x === undefined || x === null || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kb = (b) => (b === undefined || Number.isNaN(b) ? '–' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const ratio = (a, b) => (a && b ? `${a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)}×` : '–');
const yes = (ok) => (ok ? '**yes**' : 'no');
const L = [];
const p = (s = '') => L.push(s);

const F = st.first;
const diffName = F.diff.join(' vs ');
const ch = st.chromium;
const pcZh = ch[`plan-compare search ${F.zh}`], pcEn = ch[`plan-compare search ${F.en}`], pcGi = ch[`plan-compare search ${F.gi}`];
const pcDiff = ch[`plan-compare diff ${diffName}`];
const floor = ch['(reference) import a one-line module, fetch one file'];
const pfZh = ch[`pagefind search ${F.zh}`], pfEn = ch[`pagefind search ${F.en}`], pfGi = ch[`pagefind search ${F.gi}`];
const gz = (r) => r.payload.total.gzip;
const imp = (r) => r.fromImport.median;

p('# plan-compare benchmarks (issues 6 and 12)');
p();
p(`Made by \`bash bench/run.sh\` on ${machine.date} (${machine.seconds} s for the whole run), commit \`${machine.commit}\`.`);
p(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGB} GB; ${machine.os}; Node ${machine.node}; ${machine.chromium}.`);
p('Shared 2-core machine: absolute times are noisy; the ratios (plan-compare ÷ peer), measured side by side in');
p('the same run with the engines interleaved, are the figures to read.');
p();
p(`Corpus: ${node.plans} plans, ${node.measures} measures (the export JSON of this commit); the package's data directory`);
p(`\`pkg/data\` (data version \`${node.dataVersion}\`, ${st.reference['pkg/data'].files} files, ${kb(st.reference['pkg/data'].raw)} raw, ${kb(st.reference['pkg/data'].gzip)} gzip -9 file by file).`);
p();

// ---- issue 12's table ----
p('## Issue 12: figures to reach');
p();
const big = scale.length ? scale[scale.length - 1] : null;
const one = scale.find((r) => r.scale === 1);
const searchBytesOk = [pcZh, pcEn].every((r) => gz(r) <= 120_000 && gz(r) < gz(pfGi));
const diffBytesOk = gz(pcDiff) <= 120_000 && gz(pcDiff) < gz(pfGi);
const startOk = [[pcZh, pfZh], [pcEn, pfEn], [pcDiff, pfGi]].every(([a, b]) => imp(a) <= 60 && imp(a) / imp(b) <= 0.15);
const wS = st.warm.search, nS = node.latency['search/plan-compare'];
const searchOk = [wS, nS].every((s) => s.median <= 0.5 && s.p95 <= 2);
const wD = st.warm.diff, nD = node.latency['diff/plan-compare'];
const diffOk = [wD, nD].every((s) => s.median <= 10);
const q = node.quality['plan-compare'];
const qualityOk = q.all.p10 >= 0.92 && q.all.recall100 >= 0.93;
let growthCell = 'not run (BENCH_SCALES without 1 and a larger scale)';
let growthOk = false;
if (big && one && big !== one) {
  const parts = [];
  growthOk = true;
  for (const key of Object.keys(big.chromium)) {
    if (!big.chromium[key].payload || !one.chromium[key]?.payload) { growthOk = false; parts.push(`${key}: failed`); continue; }
    const b = gz(big.chromium[key]) / gz(one.chromium[key]);
    const t = imp(big.chromium[key]) / imp(one.chromium[key]);
    growthOk &&= b <= 2 && t <= 2;
    parts.push(`${key}: bytes ${b.toFixed(2)}× (${kb(gz(big.chromium[key]))} in ${big.chromium[key].payload.requests} requests), start-up ${t.toFixed(2)}× (${f1(imp(big.chromium[key]))} ms)${big.chromium[key].failed ? ' ‡' : ''}`);
  }
  growthCell = `at ${big.scale}×: ${parts.join('; ')}`;
}
p(`Measured in this run. "Pagefind's first query" is Pagefind's \`search('${F.gi}')\` with the data of its two best pages`);
p('(the issue\'s 127 kB); Pagefind on the same queries as plan-compare is in the detailed tables. Start-up ratios divide by');
p(`Pagefind on the same query (the diff by Pagefind's first query). Search and diff latency: plan-compare's async calls,`);
p('awaited, warm (the files they need already read), in Chromium and in Node; "met" needs both.');
p();
p('| figure | today (issue 12) | goal | measured | met? |');
p('|---|---|---|---|---|');
p(`| gzip bytes fetched before the first answer (fresh browser each): a search | 535 kB | ≤ 120 kB each, below Pagefind's first query (127 kB) | \`${F.zh}\`: ${kb(gz(pcZh))} in ${pcZh.payload.requests} requests; \`${F.en}\`: ${kb(gz(pcEn))} in ${pcEn.payload.requests}; Pagefind's first query: ${kb(gz(pfGi))} in ${pfGi.payload.requests} | ${yes(searchBytesOk)} |`);
p(`| … and a diff of two provinces | 535 kB | same | \`diff(${F.diff.join(', ')})\`: ${kb(gz(pcDiff))} in ${pcDiff.payload.requests} requests | ${yes(diffBytesOk)} |`);
p(`| Chromium import → first answer, median of ${st.starts} cold starts | ≈ 230 ms (0.55× Pagefind) | ≤ 60 ms, ≤ 0.15× Pagefind | \`${F.zh}\` ${f1(imp(pcZh))} ms (${ratio(imp(pcZh), imp(pfZh))} Pagefind's ${f1(imp(pfZh))}); \`${F.en}\` ${f1(imp(pcEn))} ms (${ratio(imp(pcEn), imp(pfEn))}); diff ${f1(imp(pcDiff))} ms (${ratio(imp(pcDiff), imp(pfGi))} Pagefind's first query, ${f1(imp(pfGi))} ms)${floor ? `; the floor here (no engine: import a one-line module, fetch one file) ${f1(imp(floor))} ms` : ''} | ${yes(startOk)} |`);
p(`| search median / p95 in wasm, warm, judged queries | 2.6 / 4.8 ms | ≤ 0.5 / 2 ms | Chromium ${f1(wS.median)} / ${f1(wS.p95)} ms; Node ${f1(nS.median)} / ${f1(nS.p95)} ms | ${yes(searchOk)} |`);
p(`| diff of two provincial plans, median | ≈ 21 ms | ≤ 10 ms | all ${node.pairs} pairs: Chromium ${f1(wD.median)} ms (p95 ${f1(wD.p95)}), Node ${f1(nD.median)} ms (p95 ${f1(nD.p95)}); ${diffName}: Chromium ${f1(st.warm.diffOne.median)}, Node ${f1(node.latency[`diff/plan-compare ${diffName}`].median)} ms | ${yes(diffOk)} |`);
p(`| 100× synthetic corpus: first-answer bytes and start-up (Chromium import → answer), ÷ the 1× figures | 58× bytes, ≈ 100× time | ≤ 2× each | ${growthCell} | ${big && big.scale >= 100 ? yes(growthOk) : `not measured at 100×`} |`);
p(`| search quality on the judged queries (P@10, recall) | 0.92 / 0.90 | no lower; recall ≥ 0.93 | ${q.all.p10.toFixed(2)} / ${q.all.recall100.toFixed(2)} (Chinese ${q.zh.p10.toFixed(2)} / ${q.zh.recall100.toFixed(2)}, synonyms ${q.synonyms.p10.toFixed(2)} / ${q.synonyms.recall100.toFixed(2)}, English ${q.en.p10.toFixed(2)} / ${q.en.recall100.toFixed(2)}); not in the figure: 11 more English queries judged by keyword, ${q.extra.p10.toFixed(2)} / ${q.extra.recall100.toFixed(2)} | ${yes(qualityOk)} |`);
p();

// ---- payload ----
p('## Payload: what a page fetches before its first answer');
p();
p('Every request the Chromium page made before its first answer (the loopback server logs them; the bench page and');
p('its helpers excepted), each body compressed alone as a server would send it (the server itself sends bodies');
p('uncompressed): raw, `gzip -9`, brotli quality 11. plan-compare: `import` of the package, `init()` (module, manifest,');
p('catalogue), then the call, which fetches the data files it needs (docs/data-format.md). A fresh browser context');
p('(empty profile) per page load.');
p();
p('| page (first answer) | requests | raw | gzip -9 | brotli | largest request (gzip) | median request (gzip) | ÷ Pagefind\'s first query (gzip) |');
p('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [key, r] of Object.entries(ch)) {
  const g = r.payload.files.map((f) => f.gzip).sort((a, b) => a - b);
  const t = r.payload.total;
  p(`| ${key} | ${r.payload.requests} | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} | ${kb(g[g.length - 1])} | ${kb(summary(g).median)} | ${ratio(t.gzip, gz(pfGi))} |`);
}
const ref = st.reference;
p(`| (reference) seeds/*.txt, the text itself | | ${kb(ref.seeds.raw)} | ${kb(ref.seeds.gzip)} | ${kb(ref.seeds.brotli)} | | | ${ratio(ref.seeds.gzip, gz(pfGi))} |`);
p(`| (reference) the measure records as JSON (what MiniSearch/FlexSearch also need to show a hit) | | ${kb(ref['measures.json'].raw)} | ${kb(ref['measures.json'].gzip)} | ${kb(ref['measures.json'].brotli)} | | | |`);
p(`| (reference) plan-compare's whole data directory \`pkg/data\` | ${ref['pkg/data'].files} files | ${kb(ref['pkg/data'].raw)} | ${kb(ref['pkg/data'].gzip)} | ${kb(ref['pkg/data'].brotli)} | | | |`);
p();
p(`Pagefind's whole index for the site is ${kb(st.pagefind.site.bundleBytes)} in ${st.pagefind.site.pages} plan pages. Its npm package brings the platform`);
p('binary as an ordinary registry package (`@pagefind/linux-x64`): nothing is downloaded at install or run time.');
p();
for (const [key, r] of Object.entries(ch).filter(([k]) => k.startsWith('plan-compare') || k.startsWith('pagefind'))) {
  p(`<details><summary>${key}: ${r.payload.requests} requests, in order</summary>`);
  p();
  p('| request | raw | gzip -9 |');
  p('|---|---:|---:|');
  for (const f of r.payload.files) p(`| \`${f.path}\` | ${f.raw} | ${f.gzip} |`);
  p();
  p('</details>');
  p();
}

// ---- start-up ----
p(`## Start-up: import to first answer (${st.starts} cold starts each, median / p95, ms)`);
p();
p('Node: a fresh `node` process per start, timed from before the first `import` (plan-compare reads its default data');
p('directory from the package folder). Chromium: a fresh browser context per start; "page" is from navigation start');
p('(includes fetching over loopback), "import" from the moment the page\'s module script starts. jieba-wasm: instantiate,');
p('first `cut`. MiniSearch / FlexSearch: fetch or read the serialised index, load it, first search. Pagefind: `init()`,');
p('a first search and the data of its two best pages. "(reference)": no engine, a one-line module that fetches one');
p('131-byte file (`bench/web/floor.html`): the least any page pays here between `import` and an answer.');
p();
p('| page | Node median | Node p95 | Chromium page median | page p95 | Chromium import median | import p95 | plan-compare search ÷ this (Chromium import) |');
p('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [key, r] of Object.entries(ch)) {
  const n = st.node[key];
  p(`| ${key} | ${f1(n?.median)} | ${f1(n?.p95)} | ${f1(r.page.median)} | ${f1(r.page.p95)} | ${f1(r.fromImport.median)} | ${f1(r.fromImport.p95)} | ${key.startsWith('plan-compare') ? '' : ratio(imp(pcZh), r.fromImport.median)} |`);
}
p();

// ---- queries ----
p('## Query latency (ms, median / p95, warm)');
p();
const timed = judged.filter((x) => x.lang !== 'en-extra');
p(`Search: the ${timed.length} judged queries of issue 12 (${timed.filter((x) => x.lang !== 'en').length} Chinese incl. synonyms, ${timed.filter((x) => x.lang === 'en').length} English), each 5× after a warm-up pass, top 100.`);
p('plan-compare: each sample is one awaited async call of the package (it checks which data files the call needs,');
p('all read already, then the module answers and builds the JS result with the measure records).');
p('MiniSearch and FlexSearch tokenise Chinese as overlapping character bigrams of each Han run (a lone Han');
p('character stays a unigram) plus lower-cased Latin words, over the fields title, work item and text (title boosted');
p('2× in MiniSearch; FlexSearch with `suggest: true`). Pagefind: in Chromium, `search()` plus `data()` of pages until');
p('10 measure anchors are known (its real cost of a first screen).');
p(`Diff: the ${node.pairs} pairs of the 31 provincial 2018 plans. jsdiff and diff-match-patch diff the concatenated measure`);
p(`texts (one measure per line); diff-match-patch (1 s timeout, as shipped) runs on every 31st pair (${node.diffSample} pairs), jsdiff`);
p('`diffChars` on every 93rd (5 pairs), jsdiff `diffLines` (whole measures as lines: coarse) on all pairs.');
p();
p('| query | engine | median | p95 | plan-compare ÷ this (median) |');
p('|---|---|---:|---:|---:|');
const lat = node.latency;
const row = (qn, e, s, pc) => p(`| ${qn} | ${e} | ${f1(s?.median)} | ${f1(s?.p95)} | ${pc === undefined ? '–' : pc === 'self' ? '1' : ratio(pc.median, s.median)} |`);
row('search', 'plan-compare (wasm, Chromium)', wS, 'self');
row('search', 'plan-compare (wasm, Node)', nS, 'self');
row('search', 'MiniSearch (Node)', lat['search/minisearch'], nS);
row('search', 'FlexSearch (Node)', lat['search/flexsearch'], nS);
row('search', 'Pagefind (Chromium)', st.pagefind.latency, wS);
for (const qn of ['filter', 'matchThemes', 'themeMatrix', 'compare']) row(qn, 'plan-compare (wasm, Node)', lat[`${qn}/plan-compare`], 'self');
row(`diff, all ${node.pairs} pairs`, 'plan-compare (wasm, Chromium)', wD, 'self');
row(`diff, all ${node.pairs} pairs`, 'plan-compare (wasm, Node)', nD, 'self');
row(`diff ${diffName}, 20×`, 'plan-compare (wasm, Chromium)', st.warm.diffOne, 'self');
row(`diff ${diffName}, 20×`, 'plan-compare (wasm, Node)', lat[`diff/plan-compare ${diffName}`], 'self');
const pcSample = lat['diff/plan-compare (every 31st pair)'];
row('diff, every 31st pair (first call per pair)', 'plan-compare (wasm, Node)', pcSample, 'self');
row(`diff, all ${node.pairs} pairs`, 'jsdiff diffLines', lat['diff/jsdiff diffLines (all pairs)'], nD);
row('diff, every 31st pair', 'diff-match-patch', lat['diff/diff-match-patch (every 31st pair)'], pcSample);
row('diff, every 93rd pair', 'jsdiff diffChars', lat['diff/jsdiff diffChars (every 93rd pair)'], pcSample);
if (native) {
  // the same Rust functions natively, for the cost of wasm and of converting results to JS objects
  for (const [qn, key] of [['search', 'search'], ['filter', 'filter'], ['themeMatrix', 'themeMatrix'], ['compare', 'compare'], [`diff, all ${node.pairs} pairs`, 'diff']]) {
    const wasm = lat[`${qn.startsWith('diff') ? 'diff' : qn}/plan-compare`];
    const s = summary(native[key]);
    p(`| ${qn} | plan-compare natively (same Rust function over the whole corpus, no wasm, no JS objects) | ${f1(s.median)} | ${f1(s.p95)} | wasm in Node ÷ native: ${ratio(wasm?.median, s.median)} |`);
  }
}
p();

// ---- quality ----
p('## Search quality against the judged list (`bench/judgments.json`)');
p();
p('P@10: judged-relevant measures among the first 10 results, over 10 slots (fewer than 10 results count as');
p('misses). Recall: judged-relevant measures within the first 100 results ÷ all judged relevant. Mean over queries.');
p('Judgements: 14 topics, each relevant set decided by reading every measure that a list of keyword variants');
p('finds (criteria, keywords and every exclusion with its reason are in `bench/make-judgments.mjs` and the JSON);');
p('the English queries and synonyms share the relevant set of their Chinese topic. plan-compare: the package in Node.');
p('"All" is over these (issue 12\'s judged queries). Besides them, `en-extra`: 11 English queries judged by keyword alone');
p('(every measure whose own words hold an unambiguous variant, not read one by one), 5 on topics no theme of');
p('`data/themes.toml` names (only the English dictionary carries them), 6 on Chinese keywords of a theme asked in');
p('English words of their own: reported apart, not in "all".');
p();
const qualityOf = (ranked) => {
  const perQuery = judged.map((j) => {
    const got = ranked[j.query] ?? [];
    const rel = new Set(j.relevant);
    return { query: j.query, lang: j.lang, p10: got.slice(0, 10).filter((id) => rel.has(id)).length / 10, recall100: got.slice(0, 100).filter((id) => rel.has(id)).length / rel.size };
  });
  const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const agg = (xs) => ({ p10: mean(xs, 'p10'), recall100: mean(xs, 'recall100') });
  const by = (lang) => agg(perQuery.filter((x) => x.lang === lang));
  return { all: agg(perQuery.filter((x) => x.lang !== 'en-extra')), zh: by('zh'), synonyms: by('zh-synonym'), en: by('en'), extra: by('en-extra'), perQuery };
};
const qual = { 'plan-compare': q, MiniSearch: node.quality.minisearch, FlexSearch: node.quality.flexsearch, Pagefind: qualityOf(st.pagefind.ranked) };
p('| engine | P@10 all | recall all | P@10 Chinese | recall Chinese | P@10 zh synonyms | recall zh synonyms | P@10 English | recall English | P@10 en-extra | recall en-extra |');
p('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, x] of Object.entries(qual)) {
  p(`| ${name} | ${x.all.p10.toFixed(2)} | ${x.all.recall100.toFixed(2)} | ${x.zh.p10.toFixed(2)} | ${x.zh.recall100.toFixed(2)} | ${x.synonyms.p10.toFixed(2)} | ${x.synonyms.recall100.toFixed(2)} | ${x.en.p10.toFixed(2)} | ${x.en.recall100.toFixed(2)} | ${x.extra.p10.toFixed(2)} | ${x.extra.recall100.toFixed(2)} |`);
}
p();
p('<details><summary>Per query (P@10 / recall)</summary>');
p();
p(`| query | lang | relevant | ${Object.keys(qual).join(' | ')} |`);
p(`|---|---|---:|${Object.keys(qual).map(() => '---:').join('|')}|`);
judged.forEach((j, i) => {
  p(`| ${j.query} | ${j.lang} | ${j.relevant.length} | ${Object.values(qual).map((x) => `${x.perQuery[i].p10.toFixed(1)} / ${x.perQuery[i].recall100.toFixed(2)}`).join(' | ')} |`);
});
p();
p('</details>');
p();

// ---- growth ----
p('## Growth: synthetic corpora 10× and 100× the seeds');
p();
p('`bench/growth.mjs` copies every plan k times; each copy keeps the structure of its measures (chapter, work item,');
p('departments) and takes its text from 1–3 random sentences of real measures of the same focus area (seeded PRNG,');
p('same corpus every run). Recombined sentences repeat, so these corpora compress better than real ones would.');
p('plan-compare\'s data directory at each size is written by the package\'s own command, `plan-compare build');
p('--export` (release build: theme tagging, the jieba index, CC-CEDICT cut to the corpus, default shard sizes), from');
p('the synthetic export instead of parsed texts (the copies of the 31-province compilation cannot be written back');
p('as catalogue documents: their plan ids come from the tables\' headings and would collide). The time column is');
p('that whole command.');
p();
p('| scale | plans | measures | `plan-compare build` wall s | data dir files | raw | gzip -9 (file by file) | catalogue raw | search median ms (native) † | diff median ms (native) † | MiniSearch index gzip | search ms | FlexSearch index gzip | search ms | Pagefind build ms | Pagefind index |');
p('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const g of growth) {
  const m = g.minisearch, x = g.flexsearch, c = g.planCompare, n = g.planCompareNative;
  p(`| ${g.scale}× | ${g.plans} | ${g.measures} | ${f1(c.wallMs / 1e3)} | ${c.dataFiles} | ${kb(c.dataBytes)} | ${kb(c.dataGzip)} | ${kb(c.catalogBytes)} | ${n ? f1(n.search.median) : '–'} | ${n ? f1(n.diff.median) : '–'} | ${m ? kb(m.index.gzip) : '–'} | ${m ? f1(m.search.median) : '–'} | ${x ? kb(x.index.gzip) : '–'} | ${x ? f1(x.search.median) : '–'} | ${g.pagefind ? f1(g.pagefind.buildMs) : '–'} | ${g.pagefind ? kb(g.pagefind.indexBytes) : '–'} |`);
}
p();
p('† `examples/bench_queries.rs` over the whole corpus in memory, natively (not run at 100× by default).');
p('– : not run by default; `BENCH_GROWTH_FULL=1` adds the peers and the native queries at 100× (minutes more).');
p();
if (scale.length) {
  p(`## First answers on the synthetic data directories (${scale[0].starts} cold starts each)`);
  p();
  p('`bench/scale.mjs`: the Chromium page and the Node process of the start-up tables with `init({ data })` pointing at');
  p('`out/growth-Kx/data`; ÷ 1× divides by the 1× row of this table (the seeds written the same way).');
  p();
  p('| scale | first answer | requests | gzip -9 | ÷ 1× | largest request (gzip) | Chromium import median ms | p95 | ÷ 1× | Node median ms | ÷ 1× |');
  p('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const notes = [];
  for (const r of scale) {
    for (const [key, c] of Object.entries(r.chromium)) {
      const o = one?.chromium[key];
      const n = r.node[key], on = one?.node[key];
      let mark = '';
      if (c.failed) {
        notes.push(`${r.scale}× ${key}: the package's own page failed (${c.failed.error.replace(/^.*?: (PlanCompareError)/, '$1').slice(0, 160)}…, after ${c.failed.requestsBeforeError} requests had been served): it asks for all the files of a round at once and Chromium refuses thousands of pending fetches (net::ERR_INSUFFICIENT_RESOURCES). Measured instead with the page letting 64 fetches run at once.`);
        mark = ' ‡';
      }
      if (!c.payload) { p(`| ${r.scale}× | ${key} | failed: ${c.error.slice(0, 120)} | | | | | | | ${f1(n?.median)} | |`); continue; }
      const largest = Math.max(...c.payload.files.map((f) => f.gzip));
      p(`| ${r.scale}× | ${key}${mark} | ${c.payload.requests} | ${kb(gz(c))} | ${o?.payload ? ratio(gz(c), gz(o)) : '–'} | ${kb(largest)} | ${f1(imp(c))} (${c.fromImport.n} starts) | ${f1(c.fromImport.p95)} | ${o?.fromImport ? ratio(imp(c), imp(o)) : '–'} | ${n ? `${f1(n.median)} (${n.n})` : '–'} | ${on && n ? ratio(n.median, on.median) : '–'} |`);
    }
  }
  p();
  for (const n of notes) p(`‡ ${n}`);
  if (notes.length) p();
  p(`A first answer slower than 10 s is started ${scale[0].slowStarts ?? 3} times only (Chromium and Node).`);
  p();
  const startsTime = scale[0].interleaved ? `${scale[0].seconds.toFixed(0)} s for these cold starts, the scales interleaved (start i of every page at every scale, then start i + 1)` : `${scale.map((r) => `${r.scale}× ${r.seconds.toFixed(0)} s`).join(', ')} for these cold starts`;
  p(`Time: ${startsTime}; writing the directories: ${growth.map((g) => `${g.scale}× ${(g.planCompare.wallMs / 1e3).toFixed(0)} s`).join(', ')}.`);
  p();
}
const notes = join(bench, 'NOTES.md');
if (existsSync(notes)) L.push(readFileSync(notes, 'utf8').trimEnd());
p();
p('## Commands');
p();
p('```sh');
p('bash bench/run.sh            # everything below, then this file');
p('# BENCH_STARTS=20 BENCH_SCALES=1,10,100 BENCH_SCALE_STARTS=20 are the defaults; BENCH_PKG=keep uses pkg/ as it is');
p('# which runs: cargo build (debug binary; release binary and the bench_queries example); scripts/build-package.sh');
p('# when pkg/ is missing or older than src/, data/, seeds/, js/; plan-compare export --format json > bench/out/export.json;');
p('# node bench/make-judgments.mjs; bench_queries (native query core); node bench/site.mjs (Pagefind);');
p('# node bench/node.mjs; node bench/browser.mjs 20; node bench/growth.mjs 1,10,100; node bench/scale.mjs 1,10,100 20;');
p('# node bench/report.mjs');
p('```');
writeFileSync(join(bench, 'RESULTS.md'), L.join('\n') + '\n');
console.log(`wrote bench/RESULTS.md (${L.length} lines)`);
