// Diff: two plans side by side. A summary on top (headline numbers and a small chart), then the
// aligned measures — inline changes where the texts are close, both texts plainly with their shared
// phrases marked where they are not — filtered by kind, measures found on one side only, departments
// and agency types compared as a chart, matching targets as bars. Keys j/k move from pair to pair.
import * as api from '../api.js';
import { h, select, marked } from '../dom.js';
import { t, planLabel, agencyLabel, plural } from '../i18n.js';
import { problem, measureCard, exportButtons } from '../common.js';
import { toCsv, pieces } from '../text.js';
import { fingerprint } from '../permalink.js';

/** Below this share of shared text a pair is shown as two plain texts with shared phrases marked. */
const PLAIN_BELOW = 0.35;
/** Shortest run of shared text worth marking in plain mode (characters). */
const SHARED_MIN = 4;
const FILTERS = ['all', 'changed', 'same', 'onlyA', 'onlyB'];
// The filter of each rendered root (several embeds on one page each keep theirs).
const filters = new WeakMap();

/** The diff of the state's two plans, or null with a notice appended to `out`. */
function run(out, a, b) {
  try {
    return api.diff(a, b);
  } catch (e) {
    out.append(problem(e));
    return null;
  }
}

export function render(root, { state: s, set }) {
  const [a, b] = [s.plans?.[0] ?? '', s.plans?.[1] ?? ''];
  const options = api.plans().map((p) => [p.id, planLabel(p)]);
  const pick = (i) => (v) => {
    const next = [a, b];
    next[i] = v;
    set({ plans: next.some(Boolean) ? next.map((x) => x || next.find(Boolean)) : undefined });
  };
  const out = h('div', { class: 'diff-view' },
    h('div', { class: 'pickers' }, select('d-a', t('planA'), options, a, pick(0), t('any')), select('d-b', t('planB'), options, b, pick(1), t('any'))));
  root.replaceChildren(out);
  if (!a || !b) return;
  const r = run(out, a, b);
  if (!r) return;
  const [pa, pb] = [api.plan(a), api.plan(b)];
  const kind = filters.get(root) ?? 'all';
  const list = h('div', { class: 'pair-list', id: 'pair-list' });
  const fill = (k) => {
    filters.set(root, k);
    list.replaceChildren(...filtered(r, k, pa, pb));
  };
  const stats = counts(r);
  const filterBar = h('fieldset', { class: 'diff-filter' }, h('legend', {}, t('show')),
    FILTERS.map((k) => h('label', {}, h('input', { type: 'radio', name: 'diff-filter', value: k, checked: k === kind, onchange: () => fill(k) }),
      ` ${t(`filter-${k}`)} (${stats[k]})`)));
  fill(kind);
  out.append(
    headline(r, pa, pb),
    exportButtons(`plan-compare-diff-${a}-${b}`, () => ({ csv: diffCsv(r), json: r })),
    h('h2', { id: 'pairs-head' }, t('aligned')),
    h('p', { class: 'hint' }, t('pairKeys')),
    filterBar,
    list,
    h('h2', {}, t('agencies')), setChart(r.agencies, pa, pb, agencyLabel),
    h('h2', {}, t('departments')), setChart(r.departments, pa, pb, (x) => x),
    h('h2', {}, t('targets')), targetChart(r.targets, pa, pb));
  out.addEventListener('keydown', pairKeys);
}

/** The embed summary: headline numbers, the chart and the first `limit` aligned pairs. */
export function summary(root, { state: s, embed }) {
  const [a, b] = [s.plans?.[0] ?? '', s.plans?.[1] ?? ''];
  const out = h('div', { class: 'diff-view summary-mode' });
  root.replaceChildren(out);
  if (!a || !b) {
    out.append(h('p', { class: 'notice' }, t('pickTwo')));
    return out;
  }
  const r = run(out, a, b);
  if (!r) return out;
  const [pa, pb] = [api.plan(a), api.plan(b)];
  const limit = embed.limit ?? 3;
  const shown = r.pairs.slice(0, limit);
  out.append(headline(r, pa, pb, 'h2', true),
    shown.length ? h('h3', {}, t('firstPairs', { n: shown.length, total: r.pairs.length })) : null,
    h('div', { class: 'pair-list' }, shown.map((p) => pairRow(p, true, (m) => withMeasure(embed.fullHref, m)))));
  return out;
}

/** Shared / only-A / only-B counts and overall similarity, over distinct measures of each side. */
function counts(r) {
  const inA = new Set(r.pairs.map((p) => p.a));
  const inB = new Set(r.pairs.map((p) => p.b));
  const total = inA.size + r.onlyA.length + inB.size + r.onlyB.length;
  // Each plan's measures weighted by how closely they are matched: 1 for a word-for-word match,
  // 0 for a measure found on one side only (a Dice coefficient over measures).
  const best = (key) => {
    const m = new Map();
    for (const p of r.pairs) m.set(p[key], Math.max(m.get(p[key]) ?? 0, p.score));
    return [...m.values()].reduce((x, y) => x + y, 0);
  };
  const same = r.pairs.filter(isSame).length;
  return {
    all: r.pairs.length + r.onlyA.length + r.onlyB.length,
    shared: r.pairs.length, sharedA: inA.size, sharedB: inB.size,
    onlyA: r.onlyA.length, onlyB: r.onlyB.length,
    same, changed: r.pairs.length - same,
    similarity: total ? (best('a') + best('b')) / total : 0,
  };
}

const isSame = (p) => p.changes.length > 0 && p.changes.every((c) => c.op === 'equal');
const pct = (x) => `${Math.round(x * 100)}%`;

/** Headline numbers and a stacked bar (only in A · shared · only in B). */
function headline(r, pa, pb, tag = 'h2', compact = false) {
  const c = counts(r);
  const title = `${planLabel(pa)} ↔ ${planLabel(pb)}`;
  const num = (value, label, cls) => h('div', { class: `stat ${cls}` }, h('dt', {}, label), h('dd', {}, value));
  return h('section', { class: 'diff-summary', 'aria-label': t('summary') },
    h(tag, { class: 'summary-title' }, title),
    h('dl', { class: 'stats' },
      num(String(c.shared), t('sharedPairs'), 'shared'),
      num(String(c.onlyA), `${t('onlyIn')} ${planLabel(pa)}`, 'only-a'),
      num(String(c.onlyB), `${t('onlyIn')} ${planLabel(pb)}`, 'only-b'),
      num(pct(c.similarity), t('overall'), 'similarity')),
    splitBar(c, pa, pb),
    h('p', { class: 'hint' }, t(compact ? 'overallShort' : 'overallHint')));
}

/** One stacked bar per plan: its measures aligned and found only in it. */
function splitBar(c, pa, pb) {
  const W = 300, rowH = 22, barH = 14, left = 0;
  const rows = [[pa, c.sharedA, c.onlyA, 'only-a'], [pb, c.sharedB, c.onlyB, 'only-b']];
  const max = Math.max(1, ...rows.map(([, s, o]) => s + o));
  const label = rows.map(([p, s, o]) => `${planLabel(p)}: ${t('sharedPairs')} ${s}, ${t('onlyHere')} ${o}`).join('; ');
  const svg = h('svg', { class: 'split', viewBox: `0 0 ${W} ${rows.length * rowH}`, width: '100%', role: 'img', 'aria-label': label });
  rows.forEach(([p, s, o, cls], i) => {
    const y = i * rowH + 2;
    const ws = (s / max) * W, wo = (o / max) * W;
    svg.append(h('g', {},
      h('title', {}, `${planLabel(p)}: ${s} + ${o}`),
      h('rect', { x: left, y, width: ws.toFixed(1), height: barH, class: 'seg-shared' }),
      h('rect', { x: (left + ws).toFixed(1), y, width: wo.toFixed(1), height: barH, class: `seg-${cls}` })));
  });
  return h('figure', { class: 'split-chart' }, svg,
    h('figcaption', {}, h('span', { class: 'key seg-shared' }), ` ${t('sharedPairs')} `,
      h('span', { class: 'key seg-only-a' }), ` ${t('onlyIn')} A `, h('span', { class: 'key seg-only-b' }), ` ${t('onlyIn')} B`));
}

/** The rows a filter shows: pairs (changed / same / all) and one-sided measures. */
function filtered(r, kind, pa, pb) {
  const pairs = kind === 'all' || kind === 'changed' || kind === 'same'
    ? r.pairs.filter((p) => kind === 'all' || (kind === 'same') === isSame(p)) : [];
  const one = (ids, who, plan) => ids.map((id) => api.measure(id)).filter(Boolean).map((m) =>
    h('div', { class: `pair one-sided ${who}`, tabindex: '-1', 'data-id': m.id },
      h('p', { class: 'pair-meta' }, `${t('onlyIn')} ${planLabel(plan)}`), measureCard(m)));
  // Many-to-one pairs (plans of different grain) are shown as one coarse measure with every finer
  // measure it continues, in the coarse measure's place.
  const groups = new Map();
  const rows = [];
  for (const p of pairs) {
    if (p.by !== 'continues') {
      rows.push(pairRow(p, false));
      continue;
    }
    const key = coarseSide(r) === 'a' ? p.a : p.b;
    if (!groups.has(key)) {
      groups.set(key, []);
      rows.push(key);
    }
    groups.get(key).push(p);
  }
  for (let i = 0; i < rows.length; i++) if (typeof rows[i] === 'string') rows[i] = groupRow(rows[i], groups.get(rows[i]), coarseSide(r), pa, pb);
  if (kind === 'all' || kind === 'onlyA') rows.push(...one(r.onlyA, 'only-a', pa));
  if (kind === 'all' || kind === 'onlyB') rows.push(...one(r.onlyB, 'only-b', pb));
  return rows.length ? rows : [h('p', {}, t('none'))];
}

/** j / k (or ↓ / ↑ with Alt) move focus to the next / previous pair. */
function pairKeys(e) {
  const down = e.key === 'j' || (e.altKey && e.key === 'ArrowDown');
  const up = e.key === 'k' || (e.altKey && e.key === 'ArrowUp');
  if ((!down && !up) || e.target.closest?.('input[type="text"], input[type="search"], textarea, select')) return;
  const pairs = [...e.currentTarget.querySelectorAll('.pair')];
  if (!pairs.length) return;
  const at = pairs.findIndex((p) => p.contains(e.target));
  const next = pairs[Math.max(0, Math.min(pairs.length - 1, at < 0 ? 0 : at + (down ? 1 : -1)))];
  e.preventDefault();
  next.focus();
}

/** Runs of A's text (equal and delete) or B's (equal and insert). */
const runsOf = (changes, op) => changes.filter((c) => c.op === 'equal' || c.op === op);

/** A side's text with inline changes (del / ins), or plainly with shared phrases marked. */
function sideText(p, op, plain) {
  const tag = op === 'delete' ? 'del' : 'ins';
  return runsOf(p.changes, op).map((c) => {
    if (c.op !== 'equal') return plain ? c.text : h(tag, {}, c.text);
    return plain && [...c.text].length >= SHARED_MIN ? h('mark', { class: 'shared' }, c.text) : c.text;
  });
}

/** Share of both texts in equal runs (a Dice coefficient over characters). */
function sharedShare(changes) {
  const len = (op) => changes.filter((c) => c.op === op).reduce((x, c) => x + [...c.text].length, 0);
  const [eq, del, ins] = [len('equal'), len('delete'), len('insert')];
  return eq + del + ins ? (2 * eq) / (2 * eq + del + ins) : 0;
}

/** The full view's URL that opens measure `m` highlighted there. */
const withMeasure = (href, m) => `${href}${href.includes('?') ? '&' : '?'}m=${encodeURIComponent(m.id)}&v=${fingerprint(m)}`;

function pairRow(p, compact, linkFor = null) {
  const [ma, mb] = [api.measure(p.a), api.measure(p.b)];
  const same = isSame(p);
  // Inline changes help when most of the text is shared; otherwise they strike out whole texts.
  const plain = !same && sharedShare(p.changes) < PLAIN_BELOW;
  const head = (m) => [m?.work_item ?? m?.title ?? m?.chapter ?? '', ' ',
    h('small', {}, m?.no != null ? `#${m.no} · ` : '', linkFor && m
      ? h('a', { href: linkFor(m), target: '_blank', rel: 'noopener' }, `${t('lines')} ${m.lines.join('–')}`)
      : `${t('lines')} ${m?.lines?.join('–')}`)];
  const status = same ? t('pair-same') : plain ? t('pair-plain') : t('pair-changed');
  return h('div', { class: `pair${plain ? ' plain' : ''}${same ? ' same' : ''}`, 'data-a': p.a, 'data-b': p.b, tabindex: '-1',
    'aria-label': `${head(ma)[0]} · ${status}` },
    h('p', { class: 'pair-meta' }, compact ? `${t('score')} ${p.score.toFixed(2)} · ${same ? t('pair-same') : plain ? t('pair-reworded') : t('pair-changed')}`
      : `${t(`by-${p.by}`)} · ${t('score')} ${p.score.toFixed(2)} · ${status}`),
    h('div', { class: 'side a' }, h('p', { class: 'pair-head' }, head(ma)), h('p', { class: 'side-text' }, sideText(p, 'delete', plain))),
    h('div', { class: 'side b' }, h('p', { class: 'pair-head' }, head(mb)), h('p', { class: 'side-text' }, sideText(p, 'insert', plain))));
}

/** The side with fewer measures (the one a many-to-one pair repeats). */
function coarseSide(r) {
  const c = counts(r);
  return c.sharedA + c.onlyA <= c.sharedB + c.onlyB ? 'a' : 'b';
}

/** One coarser measure and the finer measures it continues, shared phrases marked on both. */
function groupRow(id, pairs, side, pa, pb) {
  const m = api.measure(id);
  const fineOp = side === 'a' ? 'insert' : 'delete';
  const coarseOp = side === 'a' ? 'delete' : 'insert';
  const [coarsePlan, finePlan] = side === 'a' ? [pa, pb] : [pb, pa];
  const head = (x) => [x?.work_item ?? x?.title ?? x?.chapter ?? '', ' ', h('small', {}, x?.no != null ? `#${x.no} · ` : '', `${t('lines')} ${x?.lines?.join('–')}`)];
  const coarseBox = h('div', { class: `side ${side}` }, h('p', { class: 'pair-head' }, head(m)),
    h('p', { class: 'side-text' }, marked(pieces(m?.text ?? '', sharedSpans(pairs, coarseOp)), 'shared-all')));
  const fineBox = h('div', { class: `side ${side === 'a' ? 'b' : 'a'}` }, h('ol', { class: 'continued' }, pairs.map((p) => {
    const f = api.measure(side === 'a' ? p.b : p.a);
    return h('li', { 'data-a': p.a, 'data-b': p.b }, h('p', { class: 'pair-head' }, head(f), h('small', {}, ` · ${t('contained')} ${pct(p.score)}`)),
      h('p', { class: 'side-text' }, sideText(p, fineOp, true)));
  })));
  return h('div', { class: 'pair group', 'data-coarse': id, tabindex: '-1', 'aria-label': `${head(m)[0]} · ${t('continuesN', { n: pairs.length })}` },
    h('p', { class: 'pair-meta' }, `${t('by-continues')} · ${planLabel(coarsePlan)} ← ${plural(pairs.length, 'measure')} ${t('ofPlan', { plan: planLabel(finePlan) })}`),
    ...(side === 'a' ? [coarseBox, fineBox] : [fineBox, coarseBox]));
}

/** UTF-16 spans of the coarse text shared (≥ SHARED_MIN characters) with any of the finer measures, merged. */
function sharedSpans(pairs, op) {
  const spans = [];
  for (const p of pairs) {
    let at = 0;
    for (const c of runsOf(p.changes, op)) {
      if (c.op === 'equal' && [...c.text].length >= SHARED_MIN) spans.push([at, at + c.text.length]);
      at += c.text.length;
    }
  }
  spans.sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push([...sp]);
  }
  return out;
}

/** Departments or agency types: a three-segment bar (only A · shared · only B) and the lists. */
function setChart(c, pa, pb, label) {
  const n = c.onlyA.length + c.shared.length + c.onlyB.length;
  const W = 300;
  const seg = [[c.onlyA.length, 'seg-only-a'], [c.shared.length, 'seg-shared'], [c.onlyB.length, 'seg-only-b']];
  const svg = h('svg', { class: 'split', viewBox: `0 0 ${W} 16`, width: '100%', role: 'img',
    'aria-label': `${t('onlyIn')} ${planLabel(pa)} ${c.onlyA.length}, ${t('shared')} ${c.shared.length}, ${t('onlyIn')} ${planLabel(pb)} ${c.onlyB.length}` });
  let x = 0;
  for (const [k, cls] of seg) {
    const w = n ? (k / n) * W : 0;
    svg.append(h('rect', { x: x.toFixed(1), y: 1, width: w.toFixed(1), height: 14, class: cls }));
    x += w;
  }
  const list = (xs) => (xs.length ? h('ul', {}, xs.map((x) => h('li', {}, label(x)))) : h('p', {}, t('none')));
  return h('div', {}, h('figure', { class: 'split-chart' }, svg),
    h('div', { class: 'sets' },
      h('section', {}, h('h3', {}, `${t('onlyIn')} ${planLabel(pa)} (${c.onlyA.length})`), list(c.onlyA)),
      h('section', {}, h('h3', {}, `${t('shared')} (${c.shared.length})`), list(c.shared)),
      h('section', {}, h('h3', {}, `${t('onlyIn')} ${planLabel(pb)} (${c.onlyB.length})`), list(c.onlyB))));
}

/** Matching indicators as paired horizontal bars (each pair scaled to its larger value). */
function targetChart(tc, pa, pb) {
  if (!tc.pairs.length) {
    return h('p', {}, `${t('none')} (${planLabel(pa)}: ${tc.onlyA.length}, ${planLabel(pb)}: ${tc.onlyB.length})`);
  }
  const W = 320, rowH = 46, labelH = 14, barH = 12;
  const svg = h('svg', { class: 'targets', viewBox: `0 0 ${W} ${tc.pairs.length * rowH}`, width: '100%', role: 'img', 'aria-label': t('targets') });
  tc.pairs.forEach((p, i) => {
    const max = Math.max(p.a.value_max ?? p.a.value, p.b.value_max ?? p.b.value, 1e-9);
    const y = i * rowH;
    const bar = (tg, dy, cls, who) => {
      const w = Math.max(1, ((tg.value ?? 0) / max) * (W - 120));
      return h('g', {}, h('rect', { x: 0, y: y + labelH + dy, width: w.toFixed(1), height: barH, class: cls }),
        h('text', { x: (w + 4).toFixed(1), y: y + labelH + dy + barH - 2, class: 'val' }, `${who} ${tg.qualifier ?? ''}${tg.value}${tg.value_max != null ? `–${tg.value_max}` : ''}${tg.unit ?? ''} (${tg.year ?? '?'})`));
    };
    svg.append(h('g', { class: 'target-pair' },
      h('title', {}, `${p.a.text} | ${p.b.text}`),
      h('text', { x: 0, y: y + labelH - 3, class: 'ind' }, p.a.indicator),
      bar(p.a, 0, 'bar-a', 'A'), bar(p.b, barH + 2, 'bar-b', 'B')));
  });
  return h('figure', {}, svg, h('figcaption', {}, `A = ${planLabel(pa)}, B = ${planLabel(pb)}`));
}

function diffCsv(r) {
  const text = (id) => api.measure(id)?.text ?? '';
  return toCsv(['kind', 'measure_a', 'measure_b', 'aligned_by', 'score', 'text_a', 'text_b'], [
    ...r.pairs.map((p) => ['pair', p.a, p.b, p.by, p.score.toFixed(3), text(p.a), text(p.b)]),
    ...r.onlyA.map((id) => ['only_a', id, '', '', '', text(id), '']),
    ...r.onlyB.map((id) => ['only_b', '', id, '', '', '', text(id)]),
  ]);
}
