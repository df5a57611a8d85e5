// The one adapter between the page and the plan-compare package. The package's query functions are
// async (they fetch the data files a call needs); views stay synchronous: a call whose answer is not
// here yet throws `Pending`, renderView (render.js) waits for it and renders again. Answers are kept
// by their arguments, and every measure record that passes through is kept by id for `measure(id)`.
import * as pc from '../pkg/index.js';
import { checkSpans } from './text.js';

/** Thrown by a call whose answer is on its way; `promise` settles when it is here. */
export class Pending extends Error {
  constructor(promise) {
    super('plan-compare data is loading');
    this.name = 'Pending';
    this.promise = promise;
  }
}

/** Options without undefined entries (the binding rejects unknown keys and reads only defined ones). */
const clean = (o) => (o == null ? undefined : Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));

let planList = [];
let planById = new Map();
let themeList = [];
let themeById = new Map();
const measureById = new Map();
const answers = new Map(); // call and arguments → { done, value, error, promise }
const KEPT_ANSWERS = 300;

const keep = (ms) => {
  for (const m of ms) measureById.set(m.id, m);
  return ms;
};

function refresh() {
  planList = pc.plans();
  planById = new Map(planList.map((p) => [p.id, p]));
  themeList = pc.themes();
  themeById = new Map(themeList.map((t) => [t.id, t]));
  answers.clear();
}

/** The answer of `run()` for this key if it is here; else start it (once) and throw Pending. */
function answer(key, run) {
  let entry = answers.get(key);
  if (!entry) {
    entry = { done: false };
    entry.promise = run().then(
      (value) => Object.assign(entry, { done: true, value }),
      (error) => Object.assign(entry, { done: true, error }),
    );
    answers.set(key, entry);
    // Oldest first out; an answer being waited for is re-asked by the next render anyway.
    if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value);
  }
  if (!entry.done) throw new Pending(entry.promise);
  if (entry.error) throw entry.error;
  return entry.value;
}
const cached = (name, run) => (...args) => answer(`${name} ${JSON.stringify(args)}`, () => run(...args));

let started = null;
/** Load the module and the catalogue once (the loading indicator waits on this). */
export function ready() {
  started ??= pc.init().then(refresh);
  return started;
}

export const plans = () => planList;
export const plan = (id) => planById.get(id);
export const themes = () => themeList;
export const theme = (id) => themeById.get(id);
/** The data's version: its catalogue's content hash (changes whenever any plan or measure does). */
export const dataVersion = () => pc.dataVersion();

/** A measure seen in any answer so far; else it is fetched (undefined while loading or unknown). */
export function measure(id) {
  if (measureById.has(id)) return measureById.get(id);
  try {
    return answer(`measure ${id}`, () => pc.measure(id).then((m) => keep([m])[0], () => undefined));
  } catch (e) {
    if (e instanceof Pending) return undefined;
    throw e;
  }
}

/** A measure by id, fetched if need be: a promise of the record, or undefined for an unknown id. */
export const fetchMeasure = async (id) => measureById.get(id) ?? pc.measure(id).then((m) => keep([m])[0], () => undefined);

/** Measures of one plan in document order. */
export const measuresOf = cached('measures', (planId) => pc.measures({ plan: planId }).then(keep));

/** filter(options) → { total, items: Measure[], facets } (records and facets in one answer). */
export const filter = cached('filter', (options) => pc.filter(clean(options)).then((r) => (keep(r.items), r)));

/** Every item of a paged call, 1000 at a time, for export: `page(offset, limit)` → { total, items }. */
async function allPages(page) {
  const out = [];
  for (let offset = 0; ; offset += 1000) {
    const { total, items } = await page(offset, 1000);
    out.push(...items);
    if (items.length === 0 || out.length >= total) return out;
  }
}

/** Every measure `filter` selects, for export: a promise. */
export const filterAll = (options) =>
  allPages(async (offset, limit) => {
    const r = await pc.filter({ ...clean(options), offset, limit });
    return { total: r.total, items: keep(r.items) };
  });

/**
 * search(query, options) → hits, each with its measure record and highlight spans in UTF-16 code
 * units (what `text.slice(start, end)` needs). Spans are only checked here (sorted, clamped to the
 * text), never trusted to be in range.
 */
export const search = cached('search', (query, options) =>
  pc.search(query, clean(options)).then((r) => ({
    ...r,
    hits: r.hits.map((h) => ({
      ...h,
      measure: keep([h.measure])[0],
      highlights: checkSpans(h.measure.text ?? '', h.highlights),
      titleHighlights: checkSpans(h.measure.title ?? '', h.titleHighlights),
    })),
  })),
);

/** Every hit of a search, for export: a promise. */
export const searchAll = (query, options) =>
  allPages(async (offset, limit) => {
    const r = await pc.search(query, { ...clean(options), offset, limit, planLimit: 0 });
    return { total: r.total, items: r.hits.map((h) => ({ ...h, measure: keep([h.measure])[0] })) };
  });

export const matchThemes = (text) => pc.matchThemes(text);
export const themeMatrix = cached('themeMatrix', (options) => pc.themeMatrix(clean(options)));
/** The diff, with both plans' measures kept for `measure(id)`. */
export const diff = cached('diff', async (a, b, options) => {
  const [r] = await Promise.all([pc.diff(a, b, clean(options)), pc.measures({ plan: a }).then(keep), pc.measures({ plan: b }).then(keep)]);
  return r;
});
/** compare(planIds, { workItem } | { theme }) → { rows: [{ plan, region, measures: Measure[] }] }. */
export const compare = cached('compare', async (planIds, by) => {
  const r = await pc.compare(planIds, by);
  await Promise.all(planIds.map((id) => pc.measures({ plan: id }).then(keep)));
  return { ...r, rows: r.rows.map((row) => ({ ...row, measures: row.measures.map((id) => measureById.get(id)).filter(Boolean) })) };
});

// Patterns across plans read every plan: all measures are kept once they are loaded.
const everything = () => pc.measures().then(keep);
const pattern = (name, run) => cached(name, async (...args) => (await Promise.all([run(...args), everything()]))[0]);
export const similarity = pattern('similarity', (options) => pc.similarity(clean(options)));
export const sharedPassages = pattern('sharedPassages', (a, b, options) => pc.sharedPassages(a, b ?? null, clean(options)));
export const templateCoverage = pattern('templateCoverage', (options) => pc.templateCoverage(clean(options)));
export const indicators = pattern('indicators', (options) => pc.indicators(clean(options)));

/** Parse a reader's plan (loads the full module the first time): a promise. */
export async function addPlan(text, meta) {
  const r = await pc.addPlan(text, meta);
  refresh();
  return r;
}

export function removePlan(id) {
  pc.removePlan(id);
  for (const [mid, m] of measureById) if (m.plan === id) measureById.delete(mid);
  refresh();
}

// The full module (parser, patterns) and the parser's gazetteer: a reader who never opened Patterns
// or "Your own plan" has not fetched them, and offline those views need them too.
const FULL_MODULE = ['../pkg/plan_compare_full.js', '../pkg/plan_compare_full_bg.wasm', '../pkg/regions.tsv'].map((u) => new URL(u, import.meta.url).href);
/** What "keep all plans offline" keeps: every data file's URL, the full module and the gazetteer. */
export const dataFiles = async () => [...(await pc.dataFiles()), ...FULL_MODULE];
export const loadAll = (onProgress) => pc.loadAll(onProgress);

/** A message for any error a call threw (coded package errors keep their code). */
export const describeError = (e) => (e?.code ? `${e.message} (${e.code})` : String(e?.message ?? e));
