// Your own plan: paste a plan's text, parse it in the browser (addPlan), see its measures, the lines
// no record took and the parser's diagnostics, then compare it with a bundled plan. The text stays
// in this page: nothing is sent anywhere.
import * as api from '../api.js';
import { h, select } from '../dom.js';
import { t, planLabel, levelLabel, themeLabel, diagnosticLabel } from '../i18n.js';
import { problem, measureCard, measuresCsv, exportButtons } from '../common.js';

// Kept across re-renders (language switch, navigation) but never put in the URL.
const form = { text: '', region: '', level: 'city', year: '' };
let added = null;
let failure = null;

function parse(set) {
  failure = null;
  try {
    if (added) for (const p of added.plans) api.removePlan(p.id);
    added = null;
    const meta = { region: form.region.trim() || '?', level: form.level };
    if (/^\d{4}$/.test(form.year)) meta.yearStart = +form.year;
    added = api.addPlan(form.text, meta);
  } catch (e) {
    failure = e;
  }
  set({});
}

/** Themes the pasted text touches (matchThemes), strongest first. */
function touches() {
  try {
    const found = api.matchThemes(form.text);
    if (!found.length) return h('p', {}, t('none'));
    return h('ul', { class: 'touches' }, found.slice(0, 12).map((m) =>
      h('li', {}, `${themeLabel(api.theme(m.id) ?? m)} · ${m.score.toFixed(1)}`, h('small', {}, ` (${m.matched.slice(0, 6).join('、')})`))));
  } catch (e) {
    return problem(e);
  }
}

export function render(root, { set }) {
  const bind = (key) => (e) => { form[key] = e.target.value; };
  const out = h('div', { class: 'own-view' },
    h('p', {}, t('ownIntro')),
    h('form', { class: 'own-form', onsubmit: (e) => { e.preventDefault(); parse(set); } },
      h('label', { class: 'field wide', for: 'own-text' }, h('span', {}, t('planText')),
        h('textarea', { id: 'own-text', rows: 10, spellcheck: 'false', oninput: bind('text') })),
      h('div', { class: 'row' },
        h('label', { class: 'field', for: 'own-region' }, h('span', {}, t('regionInput')),
          h('input', { id: 'own-region', value: form.region, maxlength: 100, oninput: bind('region') })),
        select('own-level', t('level'), ['national', 'province', 'city', 'district'].map((l) => [l, levelLabel(l)]), form.level, (v) => { form.level = v; }),
        h('label', { class: 'field', for: 'own-year' }, h('span', {}, t('year')),
          h('input', { id: 'own-year', inputmode: 'numeric', pattern: '\\d{4}', value: form.year, size: 6, oninput: bind('year') }))),
      h('p', {}, h('button', { type: 'submit', id: 'own-parse' }, t('parse')))));
  out.querySelector('textarea').value = form.text; // a property, so pasted markup stays text
  root.replaceChildren(out);
  if (failure) out.append(problem(failure));
  if (!added) return;

  for (const p of added.plans) {
    const ms = api.measuresOf(p.id);
    const bundled = api.plans().filter((q) => !q.id.startsWith('user-'));
    out.append(h('section', { class: 'own-result', 'data-plan': p.id },
      h('h2', {}, `${planLabel(p)} · ${p.title}`),
      h('p', {}, select(`own-compare-${p.id}`, t('compareWith'), bundled.map((q) => [q.id, planLabel(q)]), '',
        (v) => v && set({ view: 'diff', plans: [p.id, v] }), '—'),
        h('button', { type: 'button', class: 'remove', onclick: () => { api.removePlan(p.id); added.plans = added.plans.filter((x) => x.id !== p.id); if (!added.plans.length) added = null; set({}); } }, t('remove'))),
      exportButtons(`plan-compare-${p.id}`, () => ({ csv: measuresCsv(ms), json: ms })),
      h('h3', {}, `${t('measuresFound')}: ${ms.length}`),
      h('div', { class: 'own-measures' }, ms.map((m) => measureCard(m)))));
  }
  out.append(h('h3', {}, t('touches')), touches());
  out.append(
    h('h3', {}, `${t('unassigned')}: ${added.unassigned.length}`),
    h('ul', { class: 'unassigned' }, added.unassigned.map((u) => h('li', {}, h('small', {}, t('line', { n: u.line })), ' ', u.text))),
    h('h3', {}, `${t('diagnostics')}: ${added.diagnostics.length}`),
    h('ul', { class: 'diagnostics' }, added.diagnostics.map((d) => h('li', {}, h('small', {}, t('line', { n: d.line })), ' ', diagnosticLabel(d)))));
}
