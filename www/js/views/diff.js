// Diff: two plans side by side — aligned measures with inline insertions and deletions, measures
// found on one side only, departments and agency types compared, matching targets as a bar chart.
import * as api from '../api.js';
import { h, select } from '../dom.js';
import { t, planLabel, agencyLabel } from '../i18n.js';
import { problem, measureCard, exportButtons } from '../common.js';
import { toCsv } from '../text.js';

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
  let r;
  try {
    r = api.diff(a, b);
  } catch (e) {
    out.append(problem(e));
    return;
  }
  const [pa, pb] = [api.plan(a), api.plan(b)];
  out.append(
    exportButtons(`plan-compare-diff-${a}-${b}`, () => ({ csv: diffCsv(r), json: r })),
    h('h2', {}, `${t('aligned')} (${r.pairs.length})`),
    h('div', { class: 'pairs' }, r.pairs.map(pairRow)),
    h('h2', {}, `${t('onlyIn')} ${planLabel(pa)} (${r.onlyA.length})`),
    h('details', { class: 'only-a' }, h('summary', {}, `${r.onlyA.length} ${t('results')}`), r.onlyA.map((id) => api.measure(id)).filter(Boolean).map((m) => measureCard(m))),
    h('h2', {}, `${t('onlyIn')} ${planLabel(pb)} (${r.onlyB.length})`),
    h('details', { class: 'only-b' }, h('summary', {}, `${r.onlyB.length} ${t('results')}`), r.onlyB.map((id) => api.measure(id)).filter(Boolean).map((m) => measureCard(m))),
    h('h2', {}, t('agencies')), sets(r.agencies, pa, pb, agencyLabel),
    h('h2', {}, t('departments')), sets(r.departments, pa, pb, (x) => x),
    h('h2', {}, t('targets')), targetChart(r.targets, pa, pb));
}

function side(changes, keep, op, tag) {
  return changes.filter((c) => c.op === 'equal' || c.op === op).map((c) => (c.op === 'equal' ? c.text : h(tag, {}, c.text)));
}

function pairRow(p) {
  const [ma, mb] = [api.measure(p.a), api.measure(p.b)];
  const head = (m) => [m?.work_item ?? m?.title ?? m?.chapter ?? '', ' ', h('small', {}, `${m?.id} · ${m?.lines?.join('–')}`)];
  return h('div', { class: 'pair', 'data-a': p.a, 'data-b': p.b },
    h('p', { class: 'pair-meta' }, `${t(`by-${p.by}`)} · ${t('score')} ${p.score.toFixed(2)}`),
    h('div', { class: 'side a' }, h('p', { class: 'pair-head' }, head(ma)), h('p', {}, side(p.changes, 'a', 'delete', 'del'))),
    h('div', { class: 'side b' }, h('p', { class: 'pair-head' }, head(mb)), h('p', {}, side(p.changes, 'b', 'insert', 'ins'))));
}

function sets(c, pa, pb, label) {
  const list = (xs) => (xs.length ? h('ul', {}, xs.map((x) => h('li', {}, label(x)))) : h('p', {}, t('none')));
  return h('div', { class: 'sets' },
    h('section', {}, h('h3', {}, `${t('onlyIn')} ${planLabel(pa)}`), list(c.onlyA)),
    h('section', {}, h('h3', {}, t('shared')), list(c.shared)),
    h('section', {}, h('h3', {}, `${t('onlyIn')} ${planLabel(pb)}`), list(c.onlyB)));
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
