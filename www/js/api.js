// The one adapter between the page and the plan-compare package. Views call only this module, so a
// change in a function's shape is fixed here. A function the package does not export yet throws
// `Unavailable`, and the view says so; nothing here invents data.
import * as pc from '../pkg/index.js';
import { checkSpans } from './text.js';

export class Unavailable extends Error {
  constructor(fn) {
    super(`${fn}() is not available in this build of plan-compare`);
    this.name = 'Unavailable';
    this.fn = fn;
  }
}

/** Whether the package provides `fn` (the query functions arrive in later builds). */
export const has = (fn) => typeof pc[fn] === 'function';
/** Options without undefined entries (the binding rejects unknown keys and reads only defined ones). */
const clean = (o) => (o == null ? undefined : Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
const need = (fn) => {
  if (!has(fn)) throw new Unavailable(fn);
  return pc[fn];
};

let planList = [];
let planById = new Map();
let themeList = [];
let themeById = new Map();
let measureById = null; // built on first use, dropped when plans are added or removed

function refresh() {
  planList = pc.plans();
  planById = new Map(planList.map((p) => [p.id, p]));
  themeList = pc.themes();
  themeById = new Map(themeList.map((t) => [t.id, t]));
  measureById = null;
}

let started = null;
/** Load the module once (the loading indicator waits on this). */
export function ready() {
  started ??= pc.init().then(refresh);
  return started;
}

export const plans = () => planList;
export const plan = (id) => planById.get(id);
export const themes = () => themeList;
export const theme = (id) => themeById.get(id);

export function measure(id) {
  if (!measureById) measureById = new Map(pc.measures().map((m) => [m.id, m]));
  return measureById.get(id);
}

/** Measures of one plan (or all) in document order. */
export const measuresOf = (planId) => pc.measures(planId ? { plan: planId } : undefined);

const asMeasure = (item) => (typeof item === 'string' ? measure(item) : item);

/** filter(options) → { total, items: Measure[], facets }. */
export function filter(options) {
  const r = need('filter')(clean(options));
  return { ...r, items: r.items.map(asMeasure).filter(Boolean) };
}

/** Every measure `filter` selects (pages of 1000), for export. */
export function filterAll(options) {
  const out = [];
  for (let offset = 0; ; offset += 1000) {
    const r = filter({ ...options, offset, limit: 1000 });
    out.push(...r.items);
    if (r.items.length === 0 || out.length >= r.total) return out;
  }
}

/**
 * search(query, options) → hits with their measure and highlight spans. The core counts spans in
 * Unicode scalar values; the binding converts them to UTF-16 code units (src/wasm.rs,
 * `SearchResult::into_utf16`), which is what `text.slice(start, end)` needs. They are only checked
 * here (sorted, clamped to the text), never trusted to be in range.
 */
export function search(query, options) {
  const r = need('search')(query, clean(options));
  const hits = r.hits
    .map((h) => {
      const m = asMeasure(h.id);
      if (!m) return null;
      return {
        ...h,
        measure: m,
        highlights: checkSpans(m.text ?? '', h.highlights),
        titleHighlights: checkSpans(m.title ?? '', h.titleHighlights),
      };
    })
    .filter(Boolean);
  return { ...r, hits };
}

export const matchThemes = (text) => need('matchThemes')(text);
export const themeMatrix = (options) => need('themeMatrix')(clean(options));
export const diff = (a, b, options) => need('diff')(a, b, clean(options));
/** compare(planIds, { workItem } | { theme }) → { rows: [{ plan, region, measures: Measure[] }] }. */
export function compare(planIds, by) {
  const r = need('compare')(planIds, by);
  return { ...r, rows: r.rows.map((row) => ({ ...row, measures: row.measures.map(asMeasure).filter(Boolean) })) };
}

// Patterns across plans (spans in results are UTF-16 units; the view shows the printed text only).
export const similarity = (options) => need('similarity')(clean(options));
export const sharedPassages = (a, b, options) => need('sharedPassages')(a, b ?? null, clean(options));
export const templateCoverage = (options) => need('templateCoverage')(clean(options));
export const indicators = (options) => need('indicators')(clean(options));

export function addPlan(text, meta) {
  const r = pc.addPlan(text, meta);
  refresh();
  return r;
}

export function removePlan(id) {
  pc.removePlan(id);
  refresh();
}

/** A message for any error a call threw (coded package errors keep their code). */
export const describeError = (e) => (e?.code ? `${e.message} (${e.code})` : String(e?.message ?? e));
