// Themes: a plans × themes heatmap (colour by the share of a plan's measures on the theme, sortable,
// a cell lists its measures) and, per theme, what each region does (compare).
import * as api from '../api.js';
import { h, select } from '../dom.js';
import { t, planLabel, themeLabel } from '../i18n.js';
import { problem, measureCard, measuresCsv, exportButtons } from '../common.js';
import { toCsv } from '../text.js';

export function render(root, { state: s, set }) {
  const out = h('div', { class: 'themes-view' });
  root.replaceChildren(out);
  if (!api.themes().length) out.append(h('p', { class: 'notice unavailable', role: 'status' }, t('noThemes')));
  out.append(h('h2', {}, t('heatmap')));
  try {
    out.append(heatmap(s, set));
  } catch (e) {
    out.append(problem(e));
  }
  if (s.item) {
    out.append(h('h2', {}, `${t('perItem')}: ${s.item}`));
    try {
      out.append(perRow(s, { workItem: s.item }, 'work-item'));
    } catch (e) {
      out.append(problem(e));
    }
  }
  out.append(h('h2', {}, t('perTheme')));
  out.append(select('t-theme', t('theme'), api.themes().map((th) => [th.id, themeLabel(th)]), s.theme,
    (v) => set({ theme: v || undefined, at: undefined }), t('any')));
  if (s.theme) {
    try {
      out.append(perRow(s, { theme: s.theme }, s.theme));
    } catch (e) {
      out.append(problem(e));
    }
  }
}

function heatmap(s, set) {
  const m = api.themeMatrix(s.plans?.length ? { plans: s.plans } : {});
  let rows = m.plans.map((id, i) => ({ id, i, cells: m.cells[i], n: m.measures[i] }));
  const sortCol = m.themes.indexOf(s.sort);
  if (sortCol >= 0) rows = [...rows].sort((a, b) => b.cells[sortCol].share - a.cells[sortCol].share || a.i - b.i);
  const by = s.color === 'score' ? 'score' : 'share';
  const max = Math.max(1e-9, ...m.cells.flat().map((c) => c[by]));
  const table = h('table', { class: 'heatmap' },
    h('caption', {}, t('heatmap')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, h('button', { type: 'button', onclick: () => set({ sort: undefined }) }, t('plan'))),
      m.themes.map((id) => h('th', { scope: 'col', 'aria-sort': id === s.sort ? 'descending' : null },
        h('button', { type: 'button', class: 'sort', title: t('sortBy'), onclick: () => set({ sort: id }) }, themeLabel(api.theme(id)) || id))))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, planLabel(api.plan(r.id))),
      r.cells.map((c, j) => {
        const level = c[by] / max;
        return h('td', { class: level > 0.55 ? 'cell dark' : 'cell', style: { backgroundColor: `rgba(180, 40, 30, ${(0.06 + 0.94 * level).toFixed(3)})` } },
          h('button', { type: 'button', 'data-plan': r.id, 'data-theme': m.themes[j],
            'aria-label': `${planLabel(api.plan(r.id))} · ${themeLabel(api.theme(m.themes[j]))}: ${c.count}`,
            title: `${c.count}/${r.n} · score ${c.score.toFixed(1)}`,
            onclick: () => set({ theme: m.themes[j], at: r.id }) }, String(c.count)));
      })))));
  const wrap = h('div', {},
    select('t-color', t('colourBy'), [['share', t('byShare')], ['score', t('byScore')]], by, (v) => set({ color: v === 'share' ? undefined : v })),
    exportButtons('plan-compare-theme-matrix', () => ({
      csv: toCsv(['plan', 'theme', 'count', 'share', 'score', 'plan_measures'],
        m.plans.flatMap((p, i) => m.themes.map((th, j) => [p, th, m.cells[i][j].count, m.cells[i][j].share.toFixed(4), m.cells[i][j].score.toFixed(2), m.measures[i]]))),
      json: m,
    })),
    h('div', { class: 'scroll' }, table));
  if (s.at && s.theme) {
    const r = api.filter({ plans: [s.at], themes: [s.theme], limit: 1000 });
    wrap.append(h('section', { class: 'cell-list', 'aria-label': `${planLabel(api.plan(s.at))} · ${themeLabel(api.theme(s.theme))}` },
      h('h3', {}, `${planLabel(api.plan(s.at))} · ${themeLabel(api.theme(s.theme))}: ${r.total} ${t('results')}`),
      r.items.map((x) => measureCard(x))));
  }
  return wrap;
}

/** compare(): one row per plan with its measures on a theme or a work item. */
function perRow(s, by, name) {
  const ids = s.plans?.length ? s.plans : api.plans().map((p) => p.id);
  const r = api.compare(ids, by);
  const all = r.rows.flatMap((row) => row.measures);
  return h('div', { class: 'compare' },
    exportButtons(`plan-compare-${name}`, () => ({ csv: measuresCsv(all), json: r })),
    r.rows.map((row) => h('details', { class: 'compare-row', open: row.measures.length > 0 && row.measures.length <= 3 ? true : null },
      h('summary', {}, `${planLabel(api.plan(row.plan))}: ${row.measures.length ? `${row.measures.length} ${t('results')}` : t('noMeasures')}`),
      row.measures.map((m) => measureCard(m)))));
}
