// embed.html: one view in an iframe, chosen by query parameters (?view=diff&plans=a,b&lang=en).
// It tells the parent page its height (postMessage) whenever it changes, so the iframe can fit.
import * as api from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { fromSearch, toHash, toQuery } from './state.js';
import { renderView, merge } from './render.js';

const main = document.getElementById('main');
const status = document.getElementById('loading');
const frameId = new URLSearchParams(location.search).get('id') ?? '';
let state;

function render() {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  renderView(main, state, set);
  main.append(h('p', { class: 'embed-link' }, h('a', { href: `index.html${toHash(state)}`, target: '_blank', rel: 'noopener' }, t('openFull'))));
}

function set(patch) {
  state = merge(state, patch);
  const q = toQuery(state);
  history.replaceState(null, '', `?view=${state.view}${q ? `&${q}` : ''}${frameId ? `&id=${encodeURIComponent(frameId)}` : ''}`);
  render();
}

function reportHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (parent !== window) parent.postMessage({ type: 'plan-compare:height', id: frameId, height }, '*');
}
new ResizeObserver(reportHeight).observe(document.documentElement);

api.ready().then(
  () => {
    status.hidden = true;
    const params = new URLSearchParams(location.search);
    params.delete('id');
    const { state: s, rejected } = fromSearch(params.toString());
    state = s;
    render();
    if (rejected.length) main.prepend(h('p', { class: 'notice error', role: 'alert' }, t('badState'), rejected.join(', ')));
    document.body.dataset.ready = 'true';
  },
  (e) => {
    status.textContent = `plan-compare: ${api.describeError(e)}`;
    status.classList.add('error');
  },
);
