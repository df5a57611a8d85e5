// The Node part of the bench: peer indexes (written to out/ for the payload and start-up runs), query
// latency and search quality of plan-compare, MiniSearch and FlexSearch on the judged queries, and the
// plan diffs (plan-compare diff vs jsdiff and diff-match-patch). Writes out/node.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffChars, diffLines } from 'diff';
import DMP from 'diff-match-patch';
import { loadExport, loadJudgments, out, planText, provincialPairs, repo, summary, timeEach } from './lib/corpus.mjs';
import { buildMini, buildFlex, exportFlex, searchMini, searchFlex } from './lib/peers.mjs';
import { bound, searchIds } from './lib/plancompare.mjs';

const data = loadExport();
const judged = loadJudgments();
const queries = judged.map((q) => q.query);
const results = { measures: data.measures.length, plans: data.plans.length, queries: queries.length, latency: {}, quality: {}, build: {} };

// ---- peers: build, serialise ----
let t = performance.now();
const mini = buildMini(data.measures);
results.build.minisearch = performance.now() - t;
writeFileSync(join(out, 'minisearch-index.json'), JSON.stringify(mini));
t = performance.now();
const flex = buildFlex(data.measures);
results.build.flexsearch = performance.now() - t;
writeFileSync(join(out, 'flexsearch-index.json'), JSON.stringify(await exportFlex(flex)));
// what a page needs besides the index to show a hit: the measure records themselves
writeFileSync(join(out, 'measures.json'), JSON.stringify(data.measures));

// ---- plan-compare ----
const pc = await import(join(repo, 'pkg/node.js'));
await pc.init();
const pcBound = Object.fromEntries(['filter', 'search', 'matchThemes', 'themeMatrix', 'diff', 'compare'].map((n) => [n, bound(pc, n)]));
results.planCompareBound = pcBound;

// ---- search latency (each query 5×, after a warm-up pass) and quality ----
const engines = { minisearch: (q) => searchMini(mini, q), flexsearch: (q) => searchFlex(flex, q) };
if (pcBound.search) engines['plan-compare'] = (q) => searchIds(pc, q);
for (const [name, run] of Object.entries(engines)) {
  results.latency[`search/${name}`] = summary(timeEach(queries, run, { repeat: 5 }));
  results.quality[name] = quality(judged, run);
}

function quality(judged, run) {
  const perQuery = judged.map((q) => {
    const got = run(q.query);
    const rel = new Set(q.relevant);
    const top10 = got.slice(0, 10);
    const hits10 = top10.filter((id) => rel.has(id)).length;
    const hits100 = got.slice(0, 100).filter((id) => rel.has(id)).length;
    // P@10 over 10 slots (an engine returning 3 right answers only scores 0.3); recall over the top 100
    return { query: q.query, lang: q.lang, p10: hits10 / 10, recall100: hits100 / rel.size, returned: got.length,
      unjudgedTop10: top10.filter((id) => !rel.has(id)) };
  });
  const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const by = (lang) => perQuery.filter((q) => q.lang === lang);
  const agg = (xs) => ({ p10: mean(xs, 'p10'), recall100: mean(xs, 'recall100'), n: xs.length });
  return { all: agg(perQuery), zh: agg(by('zh')), synonyms: agg(by('zh-synonym')), en: agg(by('en')), perQuery };
}

// ---- other plan-compare queries ----
const { ids: provinces, pairs } = provincialPairs(data);
results.pairs = pairs.length;
if (pcBound.filter) {
  const filters = [
    {}, { levels: ['province'] }, { years: [2018] }, { focus: [2] }, { regions: ['广东省'] }, { words: ['专利'] },
    { agencies: ['海关'] }, { plans: ['beijing-2018', 'shanghai-2018'] }, { focus: [3], words: ['质押'] },
  ];
  results.latency['filter/plan-compare'] = summary(timeEach(filters, (o) => pc.filter(o), { repeat: 5 }));
}
if (pcBound.matchThemes) {
  const texts = data.measures.filter((_, i) => i % 50 === 0).map((m) => m.text ?? m.title ?? m.work_item);
  results.latency['matchThemes/plan-compare'] = summary(timeEach(texts.filter(Boolean), (s) => pc.matchThemes(s), { repeat: 3 }));
}
if (pcBound.themeMatrix) {
  results.latency['themeMatrix/plan-compare'] = summary(timeEach([0, 1, 2, 3, 4], () => pc.themeMatrix(), { repeat: 4 }));
}
if (pcBound.compare) {
  const workItems = [...new Set(data.measures.filter((m) => m.work_item).map((m) => m.work_item))].slice(0, 30);
  results.latency['compare/plan-compare'] = summary(timeEach(workItems, (w) => pc.compare(provinces, { workItem: w }), { repeat: 2 }));
}
if (pcBound.diff) {
  results.latency['diff/plan-compare'] = summary(timeEach(pairs, ([a, b]) => pc.diff(a, b), { warm: true }));
}
// peers diff the concatenated measure texts (one measure per line). Character diffs are slow on these
// 1.5-9 k-character texts, so diff-match-patch runs on every 31st pair (15 pairs) and jsdiff diffChars
// (seconds per pair) on every 93rd (5 pairs); jsdiff diffLines (one measure per line, coarse) on all.
const texts = new Map(provinces.map((id) => [id, planText(data, id)]));
const sample = pairs.filter((_, i) => i % 31 === 0);
const small = pairs.filter((_, i) => i % 93 === 0); // jsdiff diffChars: 5 pairs, it takes seconds each
results.diffSample = sample.length;
results.latency['diff/jsdiff diffLines (all pairs)'] = summary(timeEach(pairs, ([a, b]) => diffLines(texts.get(a), texts.get(b)), { warm: false }));
const dmp = new DMP(); // default Diff_Timeout of 1 s, as shipped
results.latency[`diff/diff-match-patch (every 31st pair)`] = summary(timeEach(sample, ([a, b]) => dmp.diff_main(texts.get(a), texts.get(b)), { warm: false }));
results.latency[`diff/jsdiff diffChars (every 93rd pair)`] = summary(timeEach(small, ([a, b]) => diffChars(texts.get(a), texts.get(b), { timeout: 10000 }), { warm: false }));
if (pcBound.diff) {
  results.latency['diff/plan-compare (every 31st pair)'] = summary(timeEach(sample, ([a, b]) => pc.diff(a, b), { warm: false }));
}
writeFileSync(join(out, 'node.json'), JSON.stringify(results, null, 1));
for (const [k, v] of Object.entries(results.latency)) console.log(k.padEnd(48), v.median.toFixed(3), v.p95.toFixed(3));
for (const [k, v] of Object.entries(results.quality)) console.log(k.padEnd(16), JSON.stringify({ all: v.all, zh: v.zh, syn: v.synonyms, en: v.en }));
