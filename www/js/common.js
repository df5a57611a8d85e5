// Pieces several views share: a measure card with its cite action, export buttons, notices.
import * as api from './api.js';
import { h, marked, download } from './dom.js';
import { t, planTitle, roleLabel, agencyLabel, themeLabel, getLang } from './i18n.js';
import { measureHref, dataVersion } from './permalink.js';
import { citation, pieces, toCsv } from './text.js';

// Whether the measures being rendered sit in an embed: their links then open a new tab rather than
// navigating the host page or the frame (set by render.js around each render).
let embedded = false;
export const setEmbedded = (yes) => {
  embedded = yes;
};

/** An error as a notice. Data still loading is not an error: it goes on to renderView, which waits. */
export function problem(e) {
  if (e instanceof api.Pending) throw e;
  return h('p', { class: 'notice error', role: 'alert' }, t('error'), api.describeError(e));
}

/** One measure: plan, headings, title and text (with optional highlight spans), departments, cite. */
export function measureCard(m, { highlights = [], titleHighlights = [], extra = null, compact = false } = {}) {
  const plan = api.plan(m.plan);
  const out = h('output', { class: 'cite-out', 'aria-live': 'polite' });
  const cite = async () => {
    const url = measureHref(m, getLang());
    const text = citation(m, plan, { lang: getLang(), url, version: dataVersion() });
    out.textContent = '';
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // No clipboard permission (or an insecure context): the citation is shown to copy by hand.
    }
    out.append(copied ? t('copied') : t('citeText'), h('code', {}, text));
  };
  const meta = [m.work_item ?? m.chapter, m.no != null ? `#${m.no}` : null].filter(Boolean).join(' · ');
  return h('article', { class: compact ? 'measure compact' : 'measure', 'data-id': m.id, 'data-plan': m.plan },
    // Compact (embed summaries): plan and place on one line, so that three measures fit a column.
    h('p', { class: 'measure-plan' }, planTitle(plan), compact && meta ? h('span', { class: 'measure-meta' }, ` · ${meta}`) : null),
    meta && !compact ? h('p', { class: 'measure-meta' }, meta) : null,
    m.title ? h('h3', {}, marked(pieces(m.title, titleHighlights))) : null,
    m.text ? h('p', { class: 'measure-text' }, marked(pieces(m.text, highlights))) : null,
    m.departments.length
      ? h('p', { class: 'departments' }, h('span', { class: 'label' }, `${t('departments')}: `),
          m.departments.map((d, i) => [i ? '、' : '', h('span', { class: 'dept', title: agencyLabel(d.agency) }, d.name),
            d.role ? h('small', {}, ` (${roleLabel(d.role)})`) : null]))
      : null,
    m.themes?.length && !compact ? h('p', { class: 'tags' }, m.themes.map((id) => h('span', { class: 'tag' }, themeLabel(api.theme(id)) || id))) : null,
    extra,
    h('p', { class: 'cite' },
      h('button', { type: 'button', class: 'cite-button', onclick: cite, 'aria-label': `${t('cite')} ${m.id}` }, t('cite')),
      ' ',
      h('a', { class: 'permalink', href: measureHref(m, getLang()), 'aria-label': `${t('permalink')} ${m.id}`,
        target: embedded ? '_blank' : null, rel: embedded ? 'noopener' : null }, t('permalink')),
      h('small', { class: 'lines' }, ` ${plan?.source ?? ''} · ${t('lines')} ${m.lines[0]}–${m.lines[1]}`),
      out));
}

/** Measures as CSV rows (one per measure, the exact source included). */
export function measuresCsv(measures) {
  const header = ['id', 'plan', 'region', 'region_en', 'plan_title', 'doc_number', 'no', 'chapter', 'focus_no',
    'work_item', 'title', 'text', 'departments', 'themes', 'source', 'first_line', 'last_line'];
  const rows = measures.map((m) => {
    const p = api.plan(m.plan) ?? {};
    return [m.id, m.plan, p.region, p.region_en, p.title, p.doc_number, m.no, m.chapter, m.focus_no, m.work_item,
      m.title, m.text, m.departments.map((d) => (d.role ? `${d.name}(${d.role})` : d.name)).join('、'),
      (m.themes ?? []).join(' '), p.source, m.lines[0], m.lines[1]];
  });
  return toCsv(header, rows);
}

/** "Export CSV" and "Export JSON" buttons; `get()` returns { csv, json } of the current result. */
export function exportButtons(name, get) {
  return h('p', { class: 'export' },
    h('button', { type: 'button', class: 'export-csv', onclick: async () => download(`${name}.csv`, 'text/csv;charset=utf-8', (await get()).csv) }, t('exportCsv')),
    ' ',
    h('button', { type: 'button', class: 'export-json', onclick: async () => download(`${name}.json`, 'application/json', JSON.stringify((await get()).json, null, 2)) }, t('exportJson')));
}

export { agencyLabel, roleLabel };
