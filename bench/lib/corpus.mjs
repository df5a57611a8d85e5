// Shared by the bench scripts: the export JSON (the project's public contract), the searchable text of
// a measure as every engine sees it, the judged queries, and small statistics helpers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

export const bench = dirname(dirname(fileURLToPath(import.meta.url)));
export const repo = resolve(bench, '..');
export const out = join(bench, 'out'); // scratch (gitignored): export, indexes, pages, raw results

/** The export written by run.sh (`plan-compare export --format json`), or another file. */
export function loadExport(path = join(out, 'export.json')) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Judged queries: [{ query, lang, criterion, relevant: [ids] }]. `extra: false` leaves out the 11 English
 * queries judged by keyword alone (lang `en-extra`, bench/make-judgments.mjs): issue 12's figures
 * (latency, quality) are over the others, as they were when it was filed. */
export function loadJudgments({ extra = true } = {}) {
  const queries = JSON.parse(readFileSync(join(bench, 'judgments.json'), 'utf8')).queries;
  return extra ? queries : queries.filter((q) => q.lang !== 'en-extra');
}

/** The 31 provincial-level units of seed 003 (all 2018 work points of provinces), and their pairs. */
export function provincialPairs(data) {
  const ids = data.plans
    .filter((p) => p.level === 'province' && p.year_start === 2018 && p.kind === 'work points')
    .map((p) => p.id);
  const pairs = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i], ids[j]]);
  return { ids, pairs };
}

/** The concatenated measure texts of a plan, one measure per line (what jsdiff/diff-match-patch get). */
export function planText(data, planId) {
  return data.measures
    .filter((m) => m.plan === planId)
    .map((m) => [m.title, m.work_item, m.text].filter(Boolean).join(' '))
    .join('\n');
}

export { bigramTokens, docOf } from './tokenize.mjs';

// ---- statistics ----
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
export function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), min: s[0], max: s[s.length - 1] };
}
/** Time `fn` once per input, after one untimed warm-up pass over the inputs; returns ms samples. */
export function timeEach(inputs, fn, { warm = true, repeat = 1 } = {}) {
  if (warm) for (const x of inputs) fn(x);
  const samples = [];
  for (let r = 0; r < repeat; r++) {
    for (const x of inputs) {
      const t = performance.now();
      fn(x);
      samples.push(performance.now() - t);
    }
  }
  return samples;
}
/** The same for an async `fn` (plan-compare's calls): each sample is one awaited call. */
export async function timeEachAsync(inputs, fn, { warm = true, repeat = 1 } = {}) {
  if (warm) for (const x of inputs) await fn(x);
  const samples = [];
  for (let r = 0; r < repeat; r++) {
    for (const x of inputs) {
      const t = performance.now();
      await fn(x);
      samples.push(performance.now() - t);
    }
  }
  return samples;
}

/** P@10 over 10 slots (fewer than 10 results count as misses) and recall within the top 100, per query
 * and as means per language and overall (`all`: every language but `en-extra`, which is `extra`), from
 * `ranked(query) → ids` (sync or async). */
export async function quality(judged, ranked) {
  const perQuery = [];
  for (const q of judged) {
    const got = await ranked(q.query);
    const rel = new Set(q.relevant);
    const top10 = got.slice(0, 10);
    perQuery.push({ query: q.query, lang: q.lang, p10: top10.filter((id) => rel.has(id)).length / 10,
      recall100: got.slice(0, 100).filter((id) => rel.has(id)).length / rel.size, returned: got.length,
      unjudgedTop10: top10.filter((id) => !rel.has(id)) });
  }
  const mean = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const agg = (xs) => ({ p10: mean(xs, 'p10'), recall100: mean(xs, 'recall100'), n: xs.length });
  const by = (lang) => perQuery.filter((q) => q.lang === lang);
  return { all: agg(perQuery.filter((q) => q.lang !== 'en-extra')), zh: agg(by('zh')), synonyms: agg(by('zh-synonym')),
    en: agg(by('en')), extra: agg(by('en-extra')), perQuery };
}
