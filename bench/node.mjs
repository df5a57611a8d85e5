// The Node part of the bench: peer indexes (written to out/ for the payload and start-up runs), query
// latency and search quality of plan-compare, MiniSearch and FlexSearch on the judged queries, and the
// plan diffs (plan-compare diff vs jsdiff and diff-match-patch). Writes out/node.json.
// plan-compare runs as the npm package does in Node (pkg/node.js, its default data directory pkg/data);
// its calls are async (they read the data files a call needs first): each sample is one awaited call,
// warm (a first pass has read the files).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffChars, diffLines } from 'diff';
import DMP from 'diff-match-patch';
import { loadExport, loadJudgments, out, planText, provincialPairs, quality, repo, summary, timeEach, timeEachAsync } from './lib/corpus.mjs';
import { buildMini, buildFlex, exportFlex, searchMini, searchFlex } from './lib/peers.mjs';
import { searchIds } from './lib/plancompare.mjs';

const data = loadExport();
const judged = loadJudgments();
const queries = loadJudgments({ extra: false }).map((q) => q.query); // timed (issue 12's judged queries)
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

// ---- plan-compare: the package in Node, on its default data directory ----
const pc = await import(join(repo, 'pkg/node.js'));
await pc.init();
results.dataVersion = pc.dataVersion();
results.planCount = pc.plans().length;

// ---- search latency (each query 5×, after a warm-up pass) and quality ----
for (const [name, run] of Object.entries({ minisearch: (q) => searchMini(mini, q), flexsearch: (q) => searchFlex(flex, q) })) {
  results.latency[`search/${name}`] = summary(timeEach(queries, run, { repeat: 5 }));
  results.quality[name] = await quality(judged, run);
}
results.latency['search/plan-compare'] = summary(await timeEachAsync(queries, (q) => pc.search(q, { limit: 100 }), { repeat: 5 }));
results.quality['plan-compare'] = await quality(judged, (q) => searchIds(pc, q));

// ---- other plan-compare queries ----
const { ids: provinces, pairs } = provincialPairs(data);
results.pairs = pairs.length;
const filters = [
  {}, { levels: ['province'] }, { years: [2018] }, { focus: [2] }, { regions: ['广东省'] }, { words: ['专利'] },
  { agencies: ['海关'] }, { plans: ['beijing-2018', 'shanghai-2018'] }, { focus: [3], words: ['质押'] },
];
results.latency['filter/plan-compare'] = summary(await timeEachAsync(filters, (o) => pc.filter(o), { repeat: 5 }));
const sampleTexts = data.measures.filter((_, i) => i % 50 === 0).map((m) => m.text ?? m.title ?? m.work_item).filter(Boolean);
results.latency['matchThemes/plan-compare'] = summary(timeEach(sampleTexts, (s) => pc.matchThemes(s), { repeat: 3 }));
results.latency['themeMatrix/plan-compare'] = summary(await timeEachAsync([0, 1, 2, 3, 4], () => pc.themeMatrix(), { repeat: 4 }));
const workItems = [...new Set(data.measures.filter((m) => m.work_item).map((m) => m.work_item))].slice(0, 30);
results.latency['compare/plan-compare'] = summary(await timeEachAsync(workItems, (w) => pc.compare(provinces, { workItem: w }), { repeat: 2 }));
results.latency['diff/plan-compare'] = summary(await timeEachAsync(pairs, ([a, b]) => pc.diff(a, b)));
results.latency['diff/plan-compare beijing-2018 vs shanghai-2018'] =
  summary(await timeEachAsync([['beijing-2018', 'shanghai-2018']], ([a, b]) => pc.diff(a, b), { repeat: 20 }));
// peers diff the concatenated measure texts (one measure per line). Character diffs are slow on these
// 1.5-9 k-character texts, so diff-match-patch runs on every 31st pair (15 pairs) and jsdiff diffChars
// (seconds per pair) on every 93rd (5 pairs); jsdiff diffLines (one measure per line, coarse) on all.
const texts = new Map(provinces.map((id) => [id, planText(data, id)]));
const sample = pairs.filter((_, i) => i % 31 === 0);
const small = pairs.filter((_, i) => i % 93 === 0);
results.diffSample = sample.length;
results.latency['diff/jsdiff diffLines (all pairs)'] = summary(timeEach(pairs, ([a, b]) => diffLines(texts.get(a), texts.get(b)), { warm: false }));
const dmp = new DMP(); // default Diff_Timeout of 1 s, as shipped
results.latency['diff/diff-match-patch (every 31st pair)'] = summary(timeEach(sample, ([a, b]) => dmp.diff_main(texts.get(a), texts.get(b)), { warm: false }));
results.latency['diff/jsdiff diffChars (every 93rd pair)'] = summary(timeEach(small, ([a, b]) => diffChars(texts.get(a), texts.get(b), { timeout: 10000 }), { warm: false }));
results.latency['diff/plan-compare (every 31st pair)'] = summary(await timeEachAsync(sample, ([a, b]) => pc.diff(a, b), { warm: false }));
writeFileSync(join(out, 'node.json'), JSON.stringify(results, null, 1));
for (const [k, v] of Object.entries(results.latency)) console.log(k.padEnd(48), v.median.toFixed(3), v.p95.toFixed(3));
for (const [k, v] of Object.entries(results.quality)) console.log(k.padEnd(16), JSON.stringify({ all: v.all, zh: v.zh, syn: v.synonyms, en: v.en }));
