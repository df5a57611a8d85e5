// The full page: header, navigation, language switch, the current view; state lives in the URL hash.
import * as api from './api.js';
import { h } from './dom.js';
import { t, setLang } from './i18n.js';
import { fromHash, toHash, viewIn, VIEWS } from './state.js';
import { renderView, merge, prepareView, preloadViews } from './render.js';
import { openMeasure } from './permalink.js';
import { embedThis } from './embed-code.js';

const main = document.getElementById('main');
const status = document.getElementById('loading');
const nav = document.getElementById('nav');
const langs = document.getElementById('langs');
let state = { view: 'explore' };
let offline = null; // js/offline.js: loaded after the first answer, which does not need it

function set(patch) {
  // A cited measure is where a link landed, not a filter: the reader's next step leaves it.
  const next = merge(state, { m: undefined, v: undefined, ...patch });
  const hash = toHash(next);
  if (hash === location.hash) render(next).then(markRendered);
  else location.hash = hash; // → hashchange → render
}

function chrome() {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  document.title = t('title');
  document.getElementById('site-title').textContent = t('title');
  nav.setAttribute('aria-label', t('nav'));
  nav.replaceChildren(...VIEWS.map((v) => h('a', { href: toHash({ view: v, lang: state.lang }), 'aria-current': v === state.view ? 'page' : null }, t(v))));
  langs.setAttribute('aria-label', t('language'));
  langs.replaceChildren(...[['zh', '中文'], ['en', 'English']].map(([l, label]) =>
    h('button', { type: 'button', lang: l, 'aria-pressed': String((state.lang ?? 'zh') === l), onclick: () => set({ lang: l }) }, label)));
  offline?.render();
}

async function render(next) {
  state = next;
  setLang(state.lang);
  chrome();
  await renderView(main, state, set);
  const title = main.querySelector('h2')?.textContent;
  const embed = embedThis(state, `plan-compare: ${title ? `${t(state.view)} · ${title}` : t(state.view)}`);
  if (embed) main.prepend(embed);
}

/** Say which hash's view is on screen (a view may wait for data): tests and scripts wait on it. */
const markRendered = () => {
  document.body.dataset.rendered = location.hash;
};

async function fromLocation() {
  const { state: next, rejected } = fromHash(location.hash);
  if (!location.hash.includes('lang=') && !navigator.language.startsWith('zh')) next.lang = 'en';
  await render(next);
  await openMeasure(main, state); // #…?m=ID: the cited measure, highlighted
  if (rejected.length) {
    main.prepend(h('p', { class: 'notice error', role: 'alert' }, t('badState'), rejected.join(', ')));
    history.replaceState(null, '', toHash(state)); // the cleaned state becomes the permalink
  }
  markRendered();
}

// Before the data is there, only the language can be read from the URL (it needs no data to check).
const initialLang = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('lang') ?? (navigator.language.startsWith('zh') ? 'zh' : 'en');
setLang(initialLang());
status.textContent = t('loading');
// The view's code comes beside the data, not after it (an unknown name loads nothing).
prepareView(viewIn(location.hash) || 'explore').catch(() => {});
api.ready().then(
  async () => {
    status.hidden = true;
    addEventListener('hashchange', fromLocation);
    await fromLocation();
    document.body.dataset.ready = 'true';
    // After the first answer, so that neither competes with it for the network. The worker is
    // registered once the other views' code is here, so that it stores that with what the page loaded.
    const views = preloadViews().catch(() => {});
    import('./offline.js').then(async (m) => {
      await views;
      offline = m;
      m.register();
      m.setup(document.getElementById('offline'));
    }, () => {});
  },
  (e) => {
    status.textContent = `${t('loadFailed')}${api.describeError(e)}`;
    status.classList.add('error');
  },
);
