// What an embed opens on: each view's top results, bounded for an article column (a `limit`
// attribute chooses how many), then "show all" (the full view in place) and "open the full view".
// A summary draws with its own view's helpers, given as `ctx.view` (render.js loaded that module):
// importing them here would make every embed fetch the code of every view.
import * as api from '../api.js';
import { h } from '../dom.js';
import { t, planLabel, themeLabel, plural } from '../i18n.js';
import { problem, measureCard } from '../common.js';

/** "Show all" / "Show the summary" and "Open the full view", under every embed. */
export function actions(embed) {
  return h('p', { class: 'embed-actions' },
    embed.toggle ? h('button', { type: 'button', class: 'show-all', 'aria-expanded': String(!!embed.expanded), onclick: embed.toggle },
      embed.expanded ? t('showSummary') : t('showAll')) : null,
    ' ',
    h('a', { class: 'open-full', href: embed.fullHref, target: '_blank', rel: 'noopener' }, t('openFull')));
}

/** A box for the summary; `height` bounds it (scrolling inside, reachable by keyboard). */
function frame(root, embed, ...children) {
  const box = h('div', { class: 'summary-box' }, children);
  if (embed.height) {
    box.style.maxHeight = `${embed.height}px`;
    box.classList.add('bounded');
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', t('summary'));
  }
  root.replaceChildren(box, actions(embed));
}

export function diff(root, ctx) {
  const tmp = h('div');
  ctx.view.summary(tmp, ctx);
  frame(root, ctx.embed, ...tmp.childNodes);
}

/** Search / filter: the count and the top `limit` measures. */
export function explore(root, { state: s, embed, view }) {
  const limit = embed.limit ?? 3;
  const out = h('div', { class: 'explore-summary summary-mode' });
  try {
    const opts = view.filterOptions(s);
    let total, items;
    if (s.q) {
      // The count and the best hits only: no facets (a file less to fetch) and no plan scores.
      const r = api.search(s.q, { ...opts, limit, noFacets: true, planLimit: 0 });
      [total, items] = [r.total, r.hits.map((x) => measureCard(x.measure, { ...x, compact: true }))];
    } else {
      const r = api.filter({ ...opts, limit });
      [total, items] = [r.total, r.items.map((m) => measureCard(m, { compact: true }))];
    }
    const what = [s.q ? `“${s.q}”` : null, s.plans?.length ? s.plans.map((id) => planLabel(api.plan(id))).join(', ') : null,
      s.theme ? themeLabel(api.theme(s.theme)) : null].filter(Boolean).join(' · ');
    out.append(h('h2', { class: 'summary-title' }, what || t('explore')),
      h('p', { class: 'count', role: 'status' }, plural(total, 'measure'), items.length < total ? ` · ${t('topN', { n: items.length })}` : ''),
      ...items);
  } catch (e) {
    out.append(problem(e));
  }
  frame(root, embed, out);
}

/** Themes: a work item's comparison table, a theme's top plans, or the heatmap's top plans. */
export function themes(root, { state: s, embed, view: { itemTable, compareRows } }) {
  const out = h('div', { class: 'themes-summary summary-mode' });
  try {
    if (s.item) {
      out.append(h('h2', { class: 'summary-title' }, `${t('perItem')}: ${s.item}`), itemTable(s, embed.limit ?? 6));
    } else if (s.theme) {
      out.append(h('h2', { class: 'summary-title' }, `${t('perTheme')}: ${themeLabel(api.theme(s.theme))}`), compareRows(s, embed.limit ?? 6));
    } else {
      out.append(h('h2', { class: 'summary-title' }, t('heatmap')), topThemes(s, embed.limit ?? 8));
    }
  } catch (e) {
    out.append(problem(e));
  }
  frame(root, embed, out);
}

/** The themes most plans work on: for each, how many plans and measures, as bars. */
function topThemes(s, limit) {
  const m = api.themeMatrix(s.plans?.length ? { plans: s.plans } : {});
  const rows = m.themes.map((id, j) => ({
    id,
    plans: m.cells.filter((row) => row[j].count > 0).length,
    measures: m.cells.reduce((x, row) => x + row[j].count, 0),
  })).sort((a, b) => b.measures - a.measures).slice(0, limit);
  const max = Math.max(1, ...rows.map((r) => r.measures));
  return h('table', { class: 'top-themes' },
    h('caption', {}, t('topThemes', { n: m.plans.length })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('theme')), h('th', { scope: 'col' }, t('measuresCol')), h('th', { scope: 'col' }, t('plansCol')))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, themeLabel(api.theme(r.id)) || r.id),
      h('td', {}, h('span', { class: 'bar', style: { width: `${((r.measures / max) * 8).toFixed(2)}rem` } }), ` ${r.measures}`),
      h('td', {}, String(r.plans))))));
}

/** Patterns: the pairs of plans that share most text, with both shares (top `limit`, 5 by default). */
export function patterns(root, { state: s, embed }) {
  const out = h('div', { class: 'patterns-summary summary-mode' });
  try {
    const r = api.similarity(s.theme ? { by: { theme: s.theme } } : {});
    const pairs = r.pairs.slice(0, embed.limit ?? 5);
    const label = (id) => planLabel(api.plan(id)) || id;
    const pct = (x) => (x == null ? '–' : `${Math.round(x * 100)}%`);
    out.append(h('h2', { class: 'summary-title' }, [t('topPairs'), s.theme ? themeLabel(api.theme(s.theme)) : null].filter(Boolean).join(': ')),
      h('p', { class: 'count', role: 'status' }, t('pairsOf', { n: r.plans.length }), pairs.length < r.pairs.length ? ` · ${t('topN', { n: pairs.length })}` : ''),
      h('ol', { class: 'top-pairs' }, pairs.map((p) => h('li', { class: 'sim-pair', 'data-a': p.a, 'data-b': p.b },
        h('strong', {}, `${label(p.a)} ↔ ${label(p.b)}`), ` ${t('aInB')} ${pct(p.aInB)} · ${t('bInA')} ${pct(p.bInA)}`))));
  } catch (e) {
    out.append(problem(e));
  }
  frame(root, embed, out);
}

/** Your own plan has no summary: the embed shows it whole. */
export const own = null;
