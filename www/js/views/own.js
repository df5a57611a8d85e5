// Your own plan: paste a plan's text (or open a saved file: text in any of its encodings, or a web
// page), say what you know of it (region, level, kind, years; what is left empty the parser reads
// from the text), parse it in the browser (addPlan), see its measures, the lines no record took and
// the parser's diagnostics (in the reader's language, by their code), then compare it with a
// bundled plan. The text stays in this page: nothing is sent anywhere.
import * as api from '../api.js';
import { h, select } from '../dom.js';
import { t, planLabel, levelLabel, themeLabel, kindLabel, diagnosticText, diagnosticPlace } from '../i18n.js';
import { problem, measureCard, measuresCsv, exportButtons } from '../common.js';
import { readPlanFile } from '../read-file.js';

// Kept across re-renders (language switch, navigation) but never put in the URL. An empty field is
// one the parser reads from the text.
const form = { text: '', region: '', level: '', kind: '', yearStart: '', yearEnd: '' };
let added = null;
let failure = null;
let invalid = null; // the form's own complaint (years), in the reader's language at render time
let opened = null; // how the last opened file was read: { name, encoding, page, docx, pdf } or { name, error }
let fileTurn = 0; // files chosen so far: only the last one's text is kept
// One file input for the view's life: a page cannot set a file input's value, so a new input made
// at each re-render would say "no file chosen" beside the file just read. It calls the newest
// render's handler.
let fileInput = null;
let fileChosen = () => {};

const KINDS = ['work points', 'five-year plan', 'action plan'];

/**
 * The years to pass to addPlan, or the reason they cannot be: empty fields let the parser read a
 * year from the text; a five-year plan with only its first year covers five; a work points, or a
 * plan of a kind left to the text, covers its one year; an action plan needs its last year (it
 * usually spans several).
 */
export function yearsFor(kind, start, end) {
  const year = (v) => (/^\d{4}$/.test(v) && +v >= 1949 && +v <= 2100 ? +v : null);
  start = start.trim();
  end = end.trim();
  for (const v of [start, end]) if (v && year(v) == null) return { error: ['yearFormat', { v }] };
  if (!start) return end ? { error: ['yearEndOnly', {}] } : {};
  const a = year(start);
  if (end) {
    const b = year(end);
    return b < a ? { error: ['yearOrder', {}] } : { yearStart: a, yearEnd: b };
  }
  if (kind === 'five-year plan') return { yearStart: a, yearEnd: a + 4 };
  if (kind === 'action plan') return { error: ['yearEndNeeded', {}] };
  return { yearStart: a, yearEnd: a };
}

async function parse(set) {
  failure = null;
  invalid = null;
  const years = yearsFor(form.kind, form.yearStart, form.yearEnd);
  if (years.error) {
    invalid = years.error;
    set({});
    return;
  }
  try {
    if (added) for (const p of added.plans) api.removePlan(p.id);
    added = null;
    const meta = { ...years };
    for (const key of ['region', 'level', 'kind']) if (form[key].trim()) meta[key] = form[key].trim();
    added = await api.addPlan(form.text, meta);
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

/** What the reader should know about how a file was read (its encoding, a web page's text). */
function fileNote({ name, encoding, page, docx, pdf, error }) {
  if (error) return t('fileUnread', { name, error });
  const how = [encoding ? t('fileEncoding', { encoding }) : null, page ? t('filePage') : null, docx ? t('fileDocx') : null,
    pdf ? t('filePdf') : null].filter(Boolean);
  return how.length ? `${name}: ${how.join('; ')}` : name;
}

export function render(root, { set }) {
  const bind = (key) => (e) => { form[key] = e.target.value; };
  const yearField = (key) => h('label', { class: 'field', for: `own-${key}` }, h('span', {}, t(key)),
    h('input', { id: `own-${key}`, inputmode: 'numeric', pattern: '\\d{4}', value: form[key], size: 6, maxlength: 4,
      title: t('yearHint'), oninput: (e) => { form[key] = e.target.value; suggestEnd(); } }));
  // A five-year plan's last year follows from its first; shown so the reader can correct it.
  const suggestEnd = () => {
    const end = out.querySelector('#own-yearEnd');
    const years = form.kind === 'five-year plan' && !form.yearEnd ? yearsFor(form.kind, form.yearStart, '') : {};
    if (end) end.placeholder = years.yearEnd ? String(years.yearEnd) : '';
  };
  const onText = (e) => { form.text = e.target.value; };
  // A saved file fills the text field, decoded and (a web page) reduced to the text it shows.
  const onFile = async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // A PDF takes a while: a file chosen after it wins, whichever is read first.
    const turn = ++fileTurn;
    let read = null;
    let error = null;
    try {
      read = await readPlanFile(file);
    } catch (err) {
      error = err?.code ? t(err.code) : String(err?.message ?? err);
    }
    if (turn !== fileTurn) return;
    if (read) {
      opened = { name: file.name, encoding: read.encoding, page: read.page, docx: read.docx, pdf: read.pdf };
      onText({ target: { value: read.text } });
    } else {
      opened = { name: file.name, error };
    }
    set({});
  };
  fileChosen = onFile;
  fileInput ??= h('input', { id: 'own-file', type: 'file', accept: '.txt,.text,.htm,.html,.shtml,.xhtml,.docx,.pdf,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf', onchange: (e) => fileChosen(e),
    // Cleared as the chooser opens, so choosing the same file again reads it again.
    onclick: (e) => { e.target.value = ''; } });
  const out = h('div', { class: 'own-view' },
    h('p', {}, t('ownIntro')),
    // novalidate: the years are checked by yearsFor, which says what is wrong in the page's language.
    h('form', { class: 'own-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); parse(set); } },
      h('label', { class: 'field wide', for: 'own-text' }, h('span', {}, t('planText')),
        h('textarea', { id: 'own-text', rows: 10, spellcheck: 'false', oninput: onText })),
      h('p', { class: 'own-file' },
        h('label', { for: 'own-file' }, `${t('openFile')} `),
        fileInput,
        opened ? h('small', { class: 'own-file-note', role: 'status' }, ` ${fileNote(opened)}`) : null),
      h('div', { class: 'row' },
        h('label', { class: 'field', for: 'own-region' }, h('span', {}, t('regionInput')),
          h('input', { id: 'own-region', value: form.region, maxlength: 100, placeholder: t('fromText'), oninput: bind('region') })),
        select('own-level', t('level'), ['national', 'province', 'city', 'district'].map((l) => [l, levelLabel(l)]), form.level,
          (v) => { form.level = v; }, t('fromText')),
        select('own-kind', t('kind'), KINDS.map((k) => [k, kindLabel(k)]), form.kind,
          (v) => { form.kind = v; suggestEnd(); }, t('fromText')),
        yearField('yearStart'),
        yearField('yearEnd')),
      h('p', {}, h('button', { type: 'submit', id: 'own-parse' }, t('parse')))));
  out.querySelector('textarea').value = form.text; // a property, so pasted markup stays text
  root.replaceChildren(out);
  suggestEnd();
  if (invalid) {
    const [key, vars] = invalid;
    out.append(h('p', { class: 'notice error own-invalid', role: 'alert' }, t(key, vars)));
  }
  if (failure) out.append(problem(failure));
  if (!added) return;

  for (const p of added.plans) {
    const ms = api.measuresOf(p.id);
    const bundled = api.plans().filter((q) => !q.id.startsWith('user-'));
    out.append(h('section', { class: 'own-result', 'data-plan': p.id },
      h('h2', {}, `${planLabel(p)} · ${p.title}`),
      h('p', { class: 'own-meta' }, `${t('kind')}: ${kindLabel(p.kind)}`),
      h('p', { class: 'own-level' }, `${t('level')}: ${levelLabel(p.level)}`),
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
    h('ul', { class: 'diagnostics' }, added.diagnostics.map((d) =>
      h('li', { 'data-code': d.code ?? '' }, h('small', {}, diagnosticPlace(d)), ' ', diagnosticText(d)))));
}
