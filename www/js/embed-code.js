// "Embed this view": the copy-paste code for the page's current state, as a <plan-compare> element and
// as an iframe, with a live preview (the element itself, rendering the summary an article would show).
import { h } from './dom.js';
import { t } from './i18n.js';
import { toQuery, toHash } from './state.js';

const base = new URL('../', import.meta.url).href;
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** Attributes of the element for a state (the view, then every state key as its URL parameter). */
function attributes(state) {
  const params = new URLSearchParams(toQuery(state));
  params.delete('m');
  params.delete('v');
  return [['view', state.view], ...params];
}

/** { element, iframe } code for `state`; `title` names the embed for screen readers. */
export function embedCode(state, title) {
  const attrs = attributes(state);
  const link = `${base}index.html${toHash(state)}`;
  const element = `<script type="module" src="${base}embed.js"></script>\n`
    + `<plan-compare ${attrs.map(([k, v]) => `${k}="${esc(v)}"`).join(' ')}>\n`
    + `  <a href="${esc(link)}">${esc(title)}</a>\n</plan-compare>`;
  const query = new URLSearchParams(attrs);
  const iframe = `<iframe data-plan-compare src="${esc(`${base}embed.html?${query}`)}" title="${esc(title)}"\n`
    + `  loading="lazy" width="100%" height="480" style="border:0"></iframe>\n`
    + `<script type="module" src="${base}embed.js"></script>`;
  return { element, iframe, attrs };
}

/** The "Embed this view" disclosure for the current state. */
export function embedThis(state, title) {
  if (state.view === 'own') return null; // a pasted plan lives in this page only: nothing to embed
  const { element, iframe, attrs } = embedCode(state, title);
  const preview = h('div', { class: 'embed-preview', 'aria-label': t('preview'), role: 'region' });
  const block = (id, label, code) => {
    const out = h('output', { class: 'copy-out', 'aria-live': 'polite' });
    return h('div', { class: 'embed-block' },
      h('label', { for: id }, label),
      h('textarea', { id, class: 'embed-code', readonly: true, rows: code.split('\n').length + 1, spellcheck: 'false' }, code),
      h('button', { type: 'button', class: 'copy', onclick: async () => {
        try {
          await navigator.clipboard.writeText(code);
          out.textContent = t('copiedCode');
        } catch {
          document.getElementById(id)?.select();
          out.textContent = t('copyByHand');
        }
      } }, t('copy')), ' ', out);
  };
  const details = h('details', { class: 'embed-this', ontoggle: () => {
    if (!details.open || preview.firstChild) return;
    // Loading embed.js here shares this page's module and data: the preview costs no second load.
    import('../embed.js').then(() => {
      const el = document.createElement('plan-compare');
      for (const [k, v] of attrs) el.setAttribute(k, v);
      preview.replaceChildren(el);
    });
  } },
  h('summary', {}, t('embedThis')),
  h('p', { class: 'hint' }, t('embedHint')),
  block('embed-element', t('embedElement'), element),
  block('embed-iframe', t('embedIframe'), iframe),
  h('p', { class: 'preview-label' }, t('preview')), preview);
  return details;
}
