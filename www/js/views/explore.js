// Explore: filter the measures by plan, region, level, year, focus area, agency and theme with live
// facet counts; search in Chinese or English with highlighted matches; cite and export the result.
import * as api from '../api.js';
import { h, select, append } from '../dom.js';
import { t, planLabel, levelLabel, focusLabel, agencyLabel, themeLabel, getLang, plural } from '../i18n.js';
import { problem, measureCard, measuresCsv, exportButtons } from '../common.js';

// Hits shown at first and added by "more". 20, not 50: a cold load of a search showed its first card
// ≈ 100 ms sooner (median of 10, 532 against 634 ms) with 30 fewer fragments to fetch and cards to lay out.
const STEP = 20;
/** A state patch that clears every filter and the search words. */
const CLEARED = Object.fromEntries(['plans', 'region', 'level', 'year', 'focus', 'agency', 'theme', 'q'].map((k) => [k, undefined]));
let shown = STEP;
let lastKey = '';
/** Whether a phone reader left the facets open (null: not touched yet). */
let facetsOpen = null;

/** filter() options of the state (everything but the search words). */
export function filterOptions(s, without) {
  const o = {};
  if (s.plans?.length && without !== 'plans') o.plans = s.plans;
  if (s.region && without !== 'region') o.regions = [s.region];
  if (s.level && without !== 'level') o.levels = [s.level];
  if (s.year && without !== 'year') o.years = [+s.year];
  if (s.focus && without !== 'focus') o.focus = [+s.focus];
  if (s.agency && without !== 'agency') o.agencies = [s.agency];
  if (s.theme && without !== 'theme') o.themes = [s.theme];
  return o;
}

const FACETS = [
  ['region', (v) => (getLang() === 'en' ? api.plans().find((p) => p.region === v)?.region_en ?? v : v)],
  ['level', levelLabel],
  ['year', (v) => v],
  ['focus', (v) => (v === 'none' ? t('none') : focusLabel(+v))],
  ['agency', agencyLabel],
  ['theme', (v) => (v === 'none' ? t('none') : themeLabel(api.theme(v)) || v)],
];

/** How many of a search's best plans the list names (a national corpus has thousands). */
const PLANS_SHOWN = 8;

/** The selection: { total, items, facets, all(), plans? } from filter, or from search when there are words. */
function run(s, without) {
  const opts = filterOptions(s, without);
  if (!s.q) {
    const r = api.filter({ ...opts, limit: without ? 0 : Math.min(shown, 1000) });
    return { total: r.total, items: r.items.map((m) => ({ measure: m })), facets: r.facets, all: () => api.filterAll(opts) };
  }
  // Words: ranked search under the same restrictions (search takes the filter fields too, and
  // counts its facets over every hit, not just the page).
  const r = api.search(s.q, { ...opts, limit: without ? 0 : Math.min(shown, 1000), planLimit: PLANS_SHOWN });
  const all = async () => (await api.searchAll(s.q, opts)).map((x) => x.measure);
  return { total: r.total, items: r.hits, facets: r.facets, all, plans: r.plans, planTotal: r.planTotal, phrases: r.phrases, themes: r.themes };
}

/** What a search looked for: the Chinese of its words (as typed, or translated from English by the
 * glossary or CC-CEDICT, or another form of them), then the themes it named; each term says where
 * it came from and its weight. A reader sees how an English query was understood. */
function understood(result) {
  const own = result.phrases.filter((p) => !p.from.startsWith('theme:'));
  const themes = result.themes.map((id) => themeLabel(api.theme(id)) || id);
  if (!own.length && !themes.length) return null;
  const term = (p, i) => [i ? ' · ' : '', h('span', { lang: 'zh', title: `${t(`from-${p.from}`)} · ${p.weight.toFixed(2)}` }, p.text)];
  return h('p', { class: 'understood' }, `${t('searchedFor')}: `, own.map(term),
    themes.length ? `${own.length ? ' — ' : ''}${t('themes')}: ${themes.join(', ')}` : null);
}

export function render(root, { state: s, set }) {
  const key = JSON.stringify(s);
  if (key !== lastKey) shown = STEP;
  lastKey = key;
  const panel = h('form', { class: 'filters', 'aria-label': t('filters'), onsubmit: (e) => {
    e.preventDefault();
    set({ q: new FormData(e.target).get('q')?.toString().trim() || undefined });
  } });
  panel.append(
    h('label', { class: 'field search', for: 'q' }, h('span', {}, t('search')),
      h('span', { class: 'row' }, h('input', { id: 'q', name: 'q', type: 'search', value: s.q ?? '', maxlength: 200, autocomplete: 'off' }),
        h('button', { type: 'submit' }, t('searchButton')))));

  let result = null;
  let failure = null;
  try {
    result = run(s);
  } catch (e) {
    failure = e;
  }

  // On a phone the facets fold under one line, so that the first results show on the first screen;
  // they stay open once a reader opens them or sets one.
  const chosen = FACETS.filter(([name]) => s[name]).length + (s.plans?.length ? 1 : 0);
  const wide = matchMedia('(min-width: 721px)').matches;
  const facets = h('details', { class: 'more-filters', open: wide || (facetsOpen ?? chosen > 0), ontoggle: (e) => { if (!wide) facetsOpen = e.target.open; } },
    h('summary', {}, chosen ? `${t('filters')} (${chosen})` : t('filters')),
    select('f-plan', t('plan'), api.plans().map((p) => [p.id, planLabel(p)]), s.plans?.[0] ?? '',
      (v) => set({ plans: v ? [v] : undefined }), t('any')));
  if (result) {
    for (const [name, label] of FACETS) {
      // Counts for a field come from the selection without that field, so every choice shows its count.
      const counts = !s[name] ? result.facets[name] : run(s, name).facets[name];
      facets.append(select(`f-${name}`, t(name), counts.filter((c) => c.value !== 'none').map((c) => [c.value, `${label(c.value)} (${c.count})`]), s[name], (v) => set({ [name]: v || undefined }), t('any')));
    }
  }
  facets.append(h('p', {}, h('button', { type: 'button', class: 'clear', onclick: () => set(CLEARED) }, t('clear'))));
  panel.append(facets);

  const list = h('section', { class: 'results', 'aria-labelledby': 'results-head' },
    h('h2', { id: 'results-head', class: 'visually-hidden' }, t('resultsHead')));
  if (failure) {
    append(list, problem(failure));
  } else {
    append(list, h('p', { class: 'count', role: 'status' }, plural(result.total, 'measure')),
      result.phrases ? understood(result) : null,
      result.plans?.length ? h('p', { class: 'plan-scores' }, `${t('byPlan')}${result.planTotal > result.plans.length ? ` (${plural(result.planTotal, 'plan')})` : ''}: `, result.plans.slice(0, PLANS_SHOWN).map((p, i) =>
        [i ? ' · ' : '', h('span', { title: `score ${p.score.toFixed(1)}` }, `${planLabel(api.plan(p.plan))} ${p.count}`, p.share != null ? ` (${(p.share * 100).toFixed(0)}%)` : '')])) : null,
      exportButtons('plan-compare-measures', async () => { const ms = await result.all(); return { csv: measuresCsv(ms), json: ms }; }),
      result.items.map((x) => measureCard(x.measure, { ...x, extra: itemLink(x.measure, set) })),
      more(result.total, set));
  }
  root.replaceChildren(h('div', { class: 'explore' }, panel, list));
}

/** For a table row: compare its template work item across every plan (themes view). */
function itemLink(m, set) {
  if (!m.work_item) return null;
  return h('p', {}, h('button', { type: 'button', class: 'item-link', onclick: () => set({ ...CLEARED, view: 'themes', item: m.work_item, at: undefined }) }, t('compareItem')));
}

function more(total, set) {
  if (shown >= total) return null;
  return h('button', { type: 'button', class: 'more', onclick: () => { shown += STEP; set({}); } }, t('more'));
}
