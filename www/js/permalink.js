// Permalinks to one measure (#explore?m=ID&v=FINGERPRINT): the link opens the measure highlighted, and
// carries a fingerprint of its text so that a cited link either shows the same text or says the data
// changed since. A data version (a fingerprint of every measure) goes into citations.
import * as api from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { measureCard } from './common.js';

const page = new URL('../index.html', import.meta.url).href;

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, enough to notice that a text changed. */
export function fnv(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x.toString(16).padStart(8, '0');
}

/** What a citation of a measure stands on: its plan, headings, text and lines. */
export const fingerprint = (m) => fnv(JSON.stringify([m.plan, m.no, m.work_item, m.title, m.text, m.lines]));

/** The data version: the data directory's content hash (it changes whenever any plan or measure does). */
export const dataVersion = () => api.dataVersion();

/** The full page's URL that opens measure `m` highlighted. */
export function measureHref(m, lang) {
  const q = new URLSearchParams({ plans: m.plan, m: m.id, v: fingerprint(m) });
  if (lang) q.set('lang', lang);
  return `${page}#explore?${q}`;
}

/**
 * After a render of the full page: when the state names a measure, mark it in the view (or show it on
 * top when the view does not list it), say whether its text changed since the link was made, and move
 * the reader there.
 */
export async function openMeasure(root, state) {
  if (!state.m) return;
  const m = await api.fetchMeasure(state.m);
  const box = h('section', { class: 'cited', id: 'cited', tabindex: '-1', 'aria-label': t('citedMeasure') });
  if (!m) {
    box.append(h('p', { class: 'notice error', role: 'alert' }, t('measureGone', { id: state.m })));
    root.prepend(box);
    box.focus();
    return;
  }
  if (state.v && state.v !== fingerprint(m)) box.append(h('p', { class: 'notice error', role: 'alert' }, t('dataChanged')));
  const sel = ['data-id', 'data-a', 'data-b'].map((a) => `[${a}="${CSS.escape(m.id)}"]`).join(', ');
  let target = root.querySelector(sel);
  if (target) {
    if (box.childNodes.length) root.prepend(box);
  } else {
    box.append(h('h2', {}, t('citedMeasure')));
    root.prepend(box);
    target = measureCard(m);
    box.append(target);
  }
  land(target);
}

function land(target) {
  target.classList.add('target');
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}
