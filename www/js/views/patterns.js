// Patterns: who shares text with whom (a clustered heatmap; a cell opens the shared passages as evidence),
// how each provincial table departs from the national template (a matrix by focus area, each table's own
// items), and what plans promise in numbers (a bar chart per unit, each bar's commitments with their lines).
// State in the URL: plans=a,b (the pair whose evidence is open), theme, focus, at (a table), item, unit.
import * as api from '../api.js';
import { h, select } from '../dom.js';
import { t, planLabel, themeLabel, focusLabel } from '../i18n.js';
import { problem, measureCard, exportButtons } from '../common.js';
import { toCsv } from '../text.js';

const pct = (x) => (x == null ? '–' : `${Math.round(x * 100)}%`);
const short = (id) => {
  const p = api.plan(id);
  return p ? planLabel(p) : id;
};

export function render(root, { state: s, set }) {
  const out = h('div', { class: 'patterns-view' });
  root.replaceChildren(out);
  out.append(
    h('p', { class: 'lead' }, t('patternsIntro')),
    select('p-theme', t('theme'), api.themes().map((th) => [th.id, themeLabel(th)]), s.theme,
      (v) => set({ theme: v || undefined }), t('any')),
  );
  for (const [title, part] of [[t('similarityTitle'), similarity], [t('templateTitle'), template], [t('indicatorsTitle'), indicators]]) {
    const section = h('section', { class: 'pattern' }, h('h2', {}, title));
    out.append(section);
    try {
      part(section, s, set);
    } catch (e) {
      section.append(problem(e));
    }
  }
}

// ---- who shares text with whom ----

function similarity(section, s, set) {
  const r = api.similarity(s.theme ? { by: { theme: s.theme } } : {});
  const ids = r.plans.map((p) => p.id);
  const [a, b] = s.plans?.length === 2 ? s.plans : [];
  section.append(h('p', { class: 'note' }, t('similarityNote', { n: r.minChars })));
  section.append(h('h3', {}, t('topPairs')),
    h('ol', { class: 'top-pairs' }, r.pairs.slice(0, 10).map((p) => h('li', {},
      h('button', { type: 'button', class: 'pair', 'data-a': p.a, 'data-b': p.b, onclick: () => set({ plans: [p.a, p.b] }) },
        `${short(p.a)} ↔ ${short(p.b)}`),
      ` ${t('aInB')} ${pct(p.aInB)} · ${t('bInA')} ${pct(p.bInA)}`))));
  const max = Math.max(1e-9, ...r.cells.flatMap((row, i) => row.filter((c, j) => i !== j && c != null)));
  const table = h('table', { class: 'heatmap similarity' },
    h('caption', {}, t('similarityCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('plan')),
      r.plans.map((p, j) => h('th', { scope: 'col', title: short(p.id) }, String(j + 1))))),
    h('tbody', {}, r.plans.map((p, i) => h('tr', {},
      h('th', { scope: 'row' }, `${i + 1} ${short(p.id)}`),
      r.cells[i].map((c, j) => {
        const level = i === j || c == null ? 0 : Math.min(1, c / max);
        return h('td', { class: level > 0.55 ? 'cell dark' : 'cell', style: { backgroundColor: i === j ? '#ddd' : `rgba(30, 80, 160, ${(0.04 + 0.96 * level).toFixed(3)})` } },
          i === j ? '' : h('button', { type: 'button', class: 'sim-cell', 'data-a': p.id, 'data-b': ids[j],
            'aria-label': `${short(p.id)} ${t('aInB')} ${short(ids[j])}: ${pct(c)}`, title: `${short(p.id)} → ${short(ids[j])}: ${pct(c)}`,
            onclick: () => set({ plans: [p.id, ids[j]] }) }, c ? String(Math.round(c * 100)) : '·'));
      })))));
  section.append(
    exportButtons('plan-compare-similarity', () => ({
      csv: toCsv(['plan', 'region', 'chars', 'template_chars', 'own_share', ...ids],
        r.plans.map((p, i) => [p.id, p.region, p.chars, p.templateChars, p.ownShare, ...r.cells[i]])),
      json: r,
    })),
    h('div', { class: 'scroll' }, table));
  if (a && b && a !== b) section.append(evidence(a, b, s));
}

function evidence(a, b, s) {
  const r = api.sharedPassages(a, b, s.theme ? { by: { theme: s.theme }, limit: 100 } : { limit: 100 });
  const side = (x) => h('div', { class: 'side' },
    h('p', { class: 'measure-plan' }, `${short(x.plan)} · ${x.measure}`),
    h('p', { class: 'passage-text' }, x.text),
    h('small', { class: 'lines' }, `${x.source} · ${t('lines')} ${x.lines[0]}–${x.lines[1]}`));
  return h('section', { class: 'evidence', 'aria-label': t('evidence') },
    h('h3', {}, `${t('evidence')}: ${short(a)} ↔ ${short(b)}`),
    h('p', {}, `${t('aInB')} ${pct(r.aInB)} · ${t('bInA')} ${pct(r.bInA)} · ${r.total} ${t('passages')} · ${t('ownText')} ${short(a)}: ${pct(r.ownShare)}`),
    exportButtons(`plan-compare-passages-${a}-${b}`, () => ({
      csv: toCsv(['kind', 'chars', 'a_measure', 'a_first_line', 'a_last_line', 'a_text', 'b_measure', 'b_first_line', 'b_last_line', 'b_text'],
        [...r.passages.map((p) => ['copy', p]), ...r.templatePassages.map((p) => ['template', p])].map(([k, p]) =>
          [k, p.chars, p.a.measure, p.a.lines[0], p.a.lines[1], p.a.text, p.b.measure, p.b.lines[0], p.b.lines[1], p.b.text])),
      json: r,
    })),
    r.passages.length ? h('ol', { class: 'passages' }, r.passages.map((p) => h('li', { class: 'passage' },
      h('p', { class: 'chars' }, `${p.chars} ${t('chars')}`), side(p.a), side(p.b)))) : h('p', {}, t('noPassages')),
    r.templatePassages.length || r.sharedWorkItems.length
      ? h('details', { class: 'template-apart' }, h('summary', {}, t('templateApart', { n: r.templatePassages.length, m: r.sharedWorkItems.length })),
          r.templatePassages.map((p) => h('p', {}, `${p.a.text} (${p.a.measure} ~ ${p.b.measure})`)),
          h('ul', {}, r.sharedWorkItems.map((w) => h('li', {}, `${w.focusNo} · ${w.workItem}`))))
      : null);
}

// ---- departures from the template ----

function template(section, s, set) {
  const r = api.templateCoverage();
  const focus = s.focus ? Number(s.focus) : null;
  const items = r.items.map((it, i) => ({ ...it, i })).filter((it) => focus == null || it.focusNo === focus);
  const tables = r.plans.map((p) => [p.plan, short(p.plan)]);
  section.append(h('div', { class: 'pickers' },
    select('p-focus', t('focus'), r.focusAreas.map((f) => [f.no, focusLabel(f.no)]), s.focus, (v) => set({ focus: v || undefined }), t('any')),
    select('p-at', t('ownItemsOf'), tables, s.at, (v) => set({ at: v || undefined }), t('any'))));
  section.append(
    exportButtons('plan-compare-template', () => ({
      csv: toCsv(['plan', 'region', 'focus_no', 'work_item', 'status', 'measures'],
        r.plans.flatMap((p) => [
          ...r.items.map((it, i) => [p.plan, p.region, it.focusNo, it.text, p.cells[i].measures.length ? 'kept' : 'dropped', p.cells[i].measures.join(' ')]),
          ...p.addedItems.map((a) => [p.plan, p.region, a.focusNo, a.workItem, a.other ? 'added (其他)' : 'added', a.measures.join(' ')]),
        ])),
      json: r,
    })),
    h('div', { class: 'scroll' }, h('table', { class: 'heatmap template' },
      h('caption', {}, t('templateCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('workItem')),
        r.plans.map((p) => h('th', { scope: 'col', title: short(p.plan) }, h('button', { type: 'button', class: 'plan-col', onclick: () => set({ at: p.plan }) }, short(p.plan).split(' ')[0]))))),
      h('tbody', {},
        h('tr', { class: 'totals' }, h('th', { scope: 'row' }, t('keptDroppedAdded')), r.plans.map((p) => h('td', {}, `${p.kept}/${p.dropped}/${p.added}`))),
        items.map((it) => h('tr', {},
          h('th', { scope: 'row', title: t('droppedBy', { n: it.droppedBy.length }) }, `${it.focusNo} · ${it.text} (${it.droppedBy.length} ${t('drop')})`),
          r.plans.map((p) => {
            const c = p.cells[it.i];
            const n = c.measures.length;
            return h('td', { class: n ? 'cell kept' : 'cell dropped', title: c.reworded.join(' | ') || null,
              style: { backgroundColor: n ? `rgba(30, 120, 60, ${Math.min(1, 0.25 + 0.25 * n).toFixed(2)})` : 'transparent' } }, n ? String(n) : '–');
          })))))));
  if (s.at) {
    const p = r.plans.find((x) => x.plan === s.at);
    if (p) {
      const added = p.addedItems.filter((a) => focus == null || a.focusNo === focus);
      section.append(h('section', { class: 'own-items', 'aria-label': t('ownItemsOf') },
        h('h3', {}, t('ownItemsTitle', { plan: short(p.plan), n: added.length, kept: p.kept, dropped: p.dropped })),
        added.map((a) => h('div', { class: 'added' },
          h('p', { class: 'measure-meta' }, `${a.focusNo ?? ''} · ${a.workItem}${a.other ? '' : ` (${t('notTemplate')})`}`),
          a.measures.map((id) => api.measure(id)).filter(Boolean).map((m) => measureCard(m)))),
        h('details', {}, h('summary', {}, t('droppedItems', { n: p.dropped })),
          h('ul', {}, r.items.filter((it, i) => !p.cells[i].measures.length && (focus == null || it.focusNo === focus)).map((it) => h('li', {}, `${it.focusNo} · ${it.text}`))))));
    }
  }
}

// ---- what plans promise in numbers ----

function indicators(section, s, set) {
  const r = api.indicators({ theme: s.theme, workItem: s.item });
  const input = h('input', { id: 'p-item', type: 'search', value: s.item ?? '', placeholder: t('workItem') });
  section.append(h('form', { class: 'pickers', onsubmit: (e) => { e.preventDefault(); set({ item: input.value.trim() || undefined }); } },
    h('label', { class: 'field', for: 'p-item' }, h('span', {}, t('workItem')), input),
    h('button', { type: 'submit' }, t('searchButton')),
    select('p-unit', t('unit'), r.units.map((u) => [u.unit, `${u.unit} (${u.plans})`]), s.unit ?? r.units[0]?.unit, (v) => set({ unit: v || undefined }))));
  const unit = s.unit ?? r.units[0]?.unit;
  const rows = r.plans
    .map((p) => ({ p, u: p.units.find((x) => x.unit === unit) }))
    .filter((x) => x.u)
    .sort((x, y) => y.u.total - x.u.total);
  const max = Math.max(1e-9, ...rows.map((x) => x.u.total));
  section.append(
    h('p', { class: 'note' }, t('indicatorsNote', { n: r.indicators.length, m: r.plans.filter((p) => p.count).length })),
    exportButtons('plan-compare-indicators', () => ({
      csv: toCsv(['plan', 'measure', 'first_line', 'last_line', 'work_item', 'phrase', 'qualifier', 'value', 'value_max', 'unit', 'norm_value', 'norm_unit', 'counted', 'clause'],
        r.indicators.map((i) => [i.plan, i.measure, i.lines[0], i.lines[1], i.workItem, i.phrase, i.qualifier, i.value, i.valueMax, i.unit, i.normValue, i.normUnit, i.counted, i.clause])),
      json: r,
    })),
    h('figure', { class: 'bars' }, h('figcaption', {}, t('barsCaption', { unit: unit ?? '' })),
      rows.map(({ p, u }) => h('div', { class: 'bar-row' },
        h('span', { class: 'bar-label' }, short(p.plan)),
        h('span', { class: 'bar', style: { width: `${Math.max(1, (100 * u.total) / max).toFixed(1)}%` } }),
        h('span', { class: 'bar-value' }, `${u.total.toLocaleString()} ${unit} (${u.count})`)))),
    h('ul', { class: 'indicator-list' }, r.indicators.filter((i) => i.normUnit === unit).map((i) => h('li', { class: 'indicator', 'data-plan': i.plan },
      h('strong', {}, i.phrase), ` ${i.counted} · ${short(i.plan)} · `,
      h('span', { class: 'clause' }, i.clause),
      h('small', { class: 'lines' }, ` · ${i.measure} · ${t('lines')} ${i.lines[0]}–${i.lines[1]}`)))),
    r.targets.length ? h('details', {}, h('summary', {}, `${t('targets')} (${r.targets.length})`),
      h('ul', {}, r.targets.map((x) => h('li', {}, `${short(x.plan)}: ${x.text} (${x.year})`)))) : null);
}
