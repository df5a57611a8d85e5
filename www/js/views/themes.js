// Themes: a plans × themes heatmap (colour by the share of a plan's measures on the theme, sortable,
// a cell lists its measures) and, per theme, what each region does (compare).
import * as api from '../api.js';
import { h, select } from '../dom.js';
import { t, planLabel, themeLabel, plural } from '../i18n.js';
import { problem, measureCard, measuresCsv, exportButtons } from '../common.js';
import { toCsv } from '../text.js';
import { measureHref } from '../permalink.js';

// Items whose comparison was already scrolled to (a re-render must not jump back to it).
const landed = new Set();

export function render(root, { state: s, set, embed }) {
  const out = h('div', { class: 'themes-view' });
  root.replaceChildren(out);
  if (!api.themes().length) out.append(h('p', { class: 'notice unavailable', role: 'status' }, t('noThemes')));
  // A work item's comparison comes first: "Compare this work item" lands on it, not on the heatmap.
  if (s.item) {
    const head = h('h2', { id: 'item-compare', tabindex: '-1' }, `${t('perItem')}: ${s.item}`);
    out.append(head);
    try {
      out.append(itemTable(s));
    } catch (e) {
      out.append(problem(e));
    }
    if (!embed && !landed.has(s.item)) {
      landed.add(s.item);
      queueMicrotask(() => head.isConnected && head.focus({ preventScroll: true }));
      queueMicrotask(() => head.scrollIntoView?.({ block: 'start' }));
    }
  }
  out.append(h('h2', {}, t('heatmap')));
  try {
    out.append(heatmap(s, set));
  } catch (e) {
    out.append(problem(e));
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
        const alpha = 0.06 + 0.94 * level;
        return h('td', { class: onDark(alpha) ? 'cell dark' : 'cell', style: { backgroundColor: `rgba(180, 40, 30, ${alpha.toFixed(3)})` } },
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
      h('h3', {}, `${planLabel(api.plan(s.at))} · ${themeLabel(api.theme(s.theme))}: ${plural(r.total, 'measure')}`),
      r.items.map((x) => measureCard(x))));
  }
  return wrap;
}

/** Whether white text reads better than black on the heatmap colour at `alpha` over white (WCAG contrast). */
function onDark(alpha) {
  const lin = (c) => { const v = (255 - alpha * (255 - c)) / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const L = 0.2126 * lin(180) + 0.7152 * lin(40) + 0.0722 * lin(30);
  return 1.05 / (L + 0.05) > (L + 0.05) / 0.05;
}

/** How many of a plan's measures on a work item its embed summary lists. */
const MEASURES_PER_ROW = 1;

/** Numbers a measure promises (3个, 100家, 20%, 5000万元 …), as printed. */
const NUMBERS = /\d+(?:\.\d+)?\s*(?:%|％|万元|亿元|万|亿|个|家|项|件|次|人|名|所|场|批|期|条|户|项次|人次)/gu;
export const numbersIn = (text) => [...new Set((text ?? '').match(NUMBERS) ?? [])];

/**
 * One work item across plans as a table a reader can scan: plan · measures · departments · numbers;
 * plans without the item listed apart. `limit` keeps the first rows (embeds).
 */
export function itemTable(s, limit = Infinity) {
  const summary = limit !== Infinity;
  const ids = s.plans?.length ? s.plans : api.plans().map((p) => p.id);
  const r = api.compare(ids, { workItem: s.item });
  const withItem = r.rows.filter((row) => row.measures.length);
  const without = r.rows.filter((row) => !row.measures.length);
  const shown = withItem.slice(0, limit);
  const all = withItem.flatMap((row) => row.measures);
  const depts = (ms) => [...new Set(ms.flatMap((m) => m.departments.filter((d) => d.role !== 'support').map((d) => d.name)))];
  const textsOf = (row) => row.measures.map((m) => m.text ?? m.title ?? '');
  // A summary leaves out the numbers column when none of its rows promises a number.
  const numbers = !summary || shown.some((row) => numbersIn(textsOf(row).join(' ')).length);
  const table = h('table', { class: 'item-table' },
    h('caption', {}, `${plural(withItem.length, 'plan')} · ${plural(all.length, 'measure')}`),
    h('thead', {}, h('tr', {}, ['plan', 'measuresCol', 'departments', numbers ? 'numbersCol' : null].filter(Boolean).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, shown.map((row) => {
      const texts = textsOf(row);
      // A summary lists a plan's first measures only (one plan may have a dozen on the item).
      const listed = row.measures.slice(0, summary ? MEASURES_PER_ROW : Infinity);
      return h('tr', { 'data-plan': row.plan },
        h('th', { scope: 'row' }, planLabel(api.plan(row.plan))),
        h('td', { class: 'item-measures' }, plural(row.measures.length, 'measure'),
          h('ul', {}, listed.map((m, i) => h('li', {}, h('a', { href: measureHref(m, s.lang), target: summary ? '_blank' : null, rel: summary ? 'noopener' : null }, texts[i].length > 60 ? `${texts[i].slice(0, 60)}…` : texts[i] || m.id))),
            listed.length < row.measures.length ? h('li', { class: 'hint' }, t('moreMeasures', { n: row.measures.length - listed.length })) : null)),
        h('td', {}, depts(row.measures).join('、') || t('none')),
        numbers ? h('td', {}, numbersIn(texts.join(' ')).join('、') || '—') : null);
    })));
  return h('div', { class: 'compare item-compare' },
    summary ? null : exportButtons(`plan-compare-item`, () => ({ csv: measuresCsv(all), json: r })),
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('perItem') }, table),
    shown.length < withItem.length ? h('p', { class: 'hint' }, t('moreRows', { n: withItem.length - shown.length })) : null,
    without.length ? h('p', { class: 'without' }, h('strong', {}, `${t('withoutItem')} (${without.length}): `),
      without.map((row) => planLabel(api.plan(row.plan))).join('、')) : null);
}


/** A theme's plans ranked by their number of measures on it (embed summary). */
export function compareRows(s, limit) {
  const ids = s.plans?.length ? s.plans : api.plans().map((p) => p.id);
  const r = api.compare(ids, { theme: s.theme });
  const rows = r.rows.filter((row) => row.measures.length).sort((a, b) => b.measures.length - a.measures.length);
  const max = Math.max(1, ...rows.map((row) => row.measures.length));
  return h('table', { class: 'top-themes' },
    h('caption', {}, t('plansWith', { n: rows.length, total: r.rows.length })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('plan')), h('th', { scope: 'col' }, t('measuresCol')))),
    h('tbody', {}, rows.slice(0, limit).map((row) => h('tr', {},
      h('th', { scope: 'row' }, planLabel(api.plan(row.plan))),
      h('td', {}, h('span', { class: 'bar', style: { width: `${((row.measures.length / max) * 8).toFixed(2)}rem` } }), ` ${row.measures.length}`)))));
}

/** compare(): one row per plan with its measures on a theme or a work item. */
function perRow(s, by, name) {
  const ids = s.plans?.length ? s.plans : api.plans().map((p) => p.id);
  const r = api.compare(ids, by);
  const all = r.rows.flatMap((row) => row.measures);
  return h('div', { class: 'compare' },
    exportButtons(`plan-compare-${name}`, () => ({ csv: measuresCsv(all), json: r })),
    r.rows.map((row) => h('details', { class: 'compare-row', open: row.measures.length > 0 && row.measures.length <= 3 ? true : null },
      h('summary', {}, `${planLabel(api.plan(row.plan))}: ${row.measures.length ? plural(row.measures.length, 'measure') : t('noMeasures')}`),
      row.measures.map((m) => measureCard(m)))));
}
