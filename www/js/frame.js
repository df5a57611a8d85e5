// embed.html: one view in an iframe, chosen by query parameters (?view=diff&plans=a,b&lang=en), opening
// on its summary. It tells the parent page its height — measured on the document, not body — after
// every render, resize and tab switch, in a namespaced message sent only to the parent's origin.
import * as api from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { fromSearch, toHash, toQuery } from './state.js';
import { renderView, merge, prepareView } from './render.js';
import { embedOptions } from './embedding.js';

const main = document.getElementById('main');
const status = document.getElementById('loading');
const params = new URLSearchParams(location.search);
const frameId = params.get('id') ?? '';
const opts = embedOptions((k) => params.get(k));
const own = ['id', 'limit', 'height', ...(opts.scheme ? ['theme'] : [])];
let state;
let expanded = params.get('all') === '1';

/** The parent's origin: told by its hello message, else what the browser says embedded us. */
let parentOrigin = location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : null);

function reportHeight() {
  if (parent === window || !parentOrigin || parentOrigin === 'null') return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  parent.postMessage({ type: 'plan-compare:height', id: frameId, height }, parentOrigin);
}

addEventListener('message', (event) => {
  if (event.source !== parent || event.data?.type !== 'plan-compare:hello') return;
  parentOrigin = event.origin;
  reportHeight();
});
new ResizeObserver(reportHeight).observe(document.documentElement);
document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reportHeight());
addEventListener('load', reportHeight);

if (opts.scheme) main.dataset.scheme = opts.scheme;

async function render() {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  await renderView(main, state, set, {
    limit: opts.limit,
    height: opts.height,
    expanded,
    fullHref: `index.html${toHash(state)}`,
    toggle: () => {
      expanded = !expanded;
      set({});
      main.querySelector('.show-all')?.focus();
    },
  });
  const title = main.querySelector('.summary-title, h2')?.textContent;
  document.title = `plan-compare: ${title ?? t(state.view)}`;
  document.getElementById('frame-title').textContent = document.title;
  reportHeight();
}

function set(patch) {
  state = merge(state, patch);
  const q = toQuery(state);
  const keep = own.filter((k) => params.has(k)).map((k) => `&${k}=${encodeURIComponent(params.get(k))}`).join('');
  history.replaceState(null, '', `?view=${state.view}${q ? `&${q}` : ''}${keep}${expanded ? '&all=1' : ''}`);
  render();
}

prepareView(new URLSearchParams(location.search).get('view') ?? 'explore', true).catch(() => {}); // beside the data
api.ready().then(
  async () => {
    status.hidden = true;
    const p = new URLSearchParams(location.search);
    for (const k of [...own, 'all']) p.delete(k);
    const { state: s, rejected } = fromSearch(p.toString());
    state = s;
    await render();
    if (rejected.length) main.prepend(h('p', { class: 'notice error', role: 'alert' }, t('badState'), rejected.join(', ')));
    document.body.dataset.ready = 'true';
    // This frame runs on plan-compare's origin (unlike embed.js's element): it may register the worker.
    import('./offline.js').then((m) => m.register(), () => {});
  },
  (e) => {
    status.textContent = `plan-compare: ${api.describeError(e)}`;
    status.classList.add('error');
    reportHeight();
  },
);
