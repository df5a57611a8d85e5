// Growth: synthetic corpora 10× and 100× the seeds, made of recombined real measures (deterministic),
// then for each size: plan-compare's data directory (out/growth-Kx/data, docs/data-format.md), written
// by `plan-compare build --export` (release build: tagging, jieba index, CC-CEDICT cut to the corpus) from
// the synthetic export instead of parsed texts; MiniSearch and FlexSearch (build, serialised index size, load, query
// latency), and Pagefind (build time and index size). Writes out/growth.json. bench/scale.mjs then
// measures first answers in Chromium on each data directory.
// Usage: node bench/growth.mjs [scales=1,10,100]; the peers run at 100× only with BENCH_GROWTH_FULL=1
// (they take minutes there); Pagefind at 100× only with BENCH_PAGEFIND_100X=1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { bench, loadExport, loadJudgments, out, repo, summary, timeEach } from './lib/corpus.mjs';
import { buildMini, loadMini, searchMini } from './lib/peers-mini.mjs';
import { buildFlex, exportFlex, loadFlex, searchFlex } from './lib/peers-flex.mjs';

const scales = (process.argv[2] ?? '1,10,100').split(',').map(Number);
const base = loadExport();
const queries = loadJudgments().map((q) => q.query);
const sizes = (buf) => ({ raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length });

// mulberry32: a small deterministic PRNG, so every run makes the same corpus
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k copies of every plan; each copy's measures keep their structure (chapter, work item, departments)
 * but take their text from 1-3 sentences of random real measures of the same focus area. */
export function synthetic(data, k, seed = 20261121) {
  if (k === 1) return data;
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sentencesBy = new Map();
  for (const m of data.measures) {
    const key = m.focus_no ?? 0;
    const list = sentencesBy.get(key) ?? [];
    for (const s of (m.text ?? '').split(/(?<=。)/)) if (s.length > 4) list.push(s);
    sentencesBy.set(key, list);
  }
  const plans = [];
  const measures = [];
  for (let copy = 0; copy < k; copy++) {
    for (const p of data.plans) {
      const id = copy === 0 ? p.id : `${p.id}-syn${copy}`;
      plans.push({ ...p, id, title: copy === 0 ? p.title : `${p.title}（合成${copy}）` });
      for (const m of data.measures.filter((x) => x.plan === p.id)) {
        const pool = sentencesBy.get(m.focus_no ?? 0);
        const text = copy === 0 || !m.text ? m.text : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(pool)).join('');
        measures.push({ ...m, id: copy === 0 ? m.id : `${m.id}-syn${copy}`, plan: id, text });
      }
    }
  }
  const targets = data.targets.flatMap((t) => Array.from({ length: k }, (_, copy) => ({ ...t, plan: copy === 0 ? t.plan : `${t.plan}-syn${copy}` })));
  return { ...data, plans, measures, targets, unassigned: [], passages: [] };
}

const rows = [];
for (const k of scales) {
  const dir = join(out, `growth-${k}x`);
  mkdirSync(dir, { recursive: true });
  let t = performance.now();
  const data = synthetic(base, k);
  const genMs = performance.now() - t;
  const exportPath = join(dir, 'export.json');
  writeFileSync(exportPath, JSON.stringify(data));
  const row = { scale: k, plans: data.plans.length, measures: data.measures.length, generateMs: genMs };
  // plan-compare: the data directory, written by the same command as the package's (`plan-compare
  // build`, release build), from the synthetic export instead of parsed texts
  const dataDir = join(dir, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  t = performance.now();
  execFileSync(join(repo, 'target/release/plan-compare'), ['build', '--export', exportPath, '--out', dataDir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t;
  const files = readdirSync(dataDir);
  const bytes = (f) => readFileSync(join(dataDir, f));
  const gzipAll = files.reduce((n, f) => n + gzipSync(bytes(f), { level: 9 }).length, 0);
  row.planCompare = { wallMs, dataFiles: files.length, dataBytes: files.reduce((n, f) => n + bytes(f).length, 0),
    catalogBytes: files.filter((f) => f.startsWith('catalog.')).reduce((n, f) => n + bytes(f).length, 0), dataGzip: gzipAll };
  // the query core natively at this size: Corpus build (tagging + jieba index), its size, query latency
  // (diff on every 31st provincial pair); at 100× only with BENCH_GROWTH_FULL (jieba over 160 k measures)
  if (k <= 10 || process.env.BENCH_GROWTH_FULL) {
    const n = JSON.parse(execFileSync(join(repo, 'target/release/examples/bench_queries'), [exportPath, join(bench, 'judgments.json'), '31'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    row.planCompareNative = { buildMs: n.build_ms, corpusBytes: n.corpus_postcard_bytes,
      ...Object.fromEntries(['search', 'filter', 'matchThemes', 'themeMatrix', 'diff', 'compare'].map((q) => [q, summary(n[q])])) };
  }
  // the peers at 100× take minutes (building and serialising 160 k documents): only on request
  if (k >= 100 && !process.env.BENCH_GROWTH_FULL) {
    rows.push(row);
    console.log(JSON.stringify({ k, measures: row.measures, pc: row.planCompare }));
    continue;
  }
  // MiniSearch
  t = performance.now();
  const mini = buildMini(data.measures);
  const miniBuild = performance.now() - t;
  const miniJson = JSON.stringify(mini);
  t = performance.now();
  const mini2 = loadMini(miniJson);
  const miniLoad = performance.now() - t;
  row.minisearch = { buildMs: miniBuild, loadMs: miniLoad, index: sizes(Buffer.from(miniJson)),
    search: summary(timeEach(queries, (q) => searchMini(mini2, q), { repeat: k >= 100 ? 1 : 3 })) };
  // FlexSearch
  t = performance.now();
  const flex = buildFlex(data.measures);
  const flexBuild = performance.now() - t;
  const flexJson = JSON.stringify(await exportFlex(flex));
  t = performance.now();
  const flex2 = await loadFlex(JSON.parse(flexJson));
  const flexLoad = performance.now() - t;
  row.flexsearch = { buildMs: flexBuild, loadMs: flexLoad, index: sizes(Buffer.from(flexJson)),
    search: summary(timeEach(queries, (q) => searchFlex(flex2, q), { repeat: k >= 100 ? 1 : 3 })) };
  // the measure records a page needs to show hits (for the peers; plan-compare's bundle has them)
  row.measuresJson = sizes(Buffer.from(JSON.stringify(data.measures)));
  // Pagefind: build the site and index
  if (k <= 10 || process.env.BENCH_PAGEFIND_100X) {
    execFileSync(process.execPath, [join(bench, 'site.mjs'), exportPath, join(dir, 'site')], { stdio: 'ignore' });
    const pf = JSON.parse(readFileSync(join(dir, 'site-build.json'), 'utf8'));
    row.pagefind = { buildMs: pf.ms, indexBytes: pf.bytes, files: pf.files };
  }
  rows.push(row);
  console.log(JSON.stringify({ k, measures: row.measures, pc: row.planCompare, miniIndexBr: row.minisearch.index.brotli, flexIndexBr: row.flexsearch.index.brotli, pagefind: row.pagefind }));
}
writeFileSync(join(out, 'growth.json'), JSON.stringify(rows, null, 1));
