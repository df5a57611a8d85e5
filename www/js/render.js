// Render one view into a root (the page's <main>, an embed's shadow root or the iframe page),
// keeping keyboard focus on the control that had it.
import { setLang, t } from './i18n.js';
import { h } from './dom.js';
import { setEmbedded } from './common.js';
import { Pending } from './api.js';

// Each view's code is fetched when a view first needs it, so that a page's first answer does not
// wait for the others (the file reader of the own-plan view alone is 8 kB gzip); `preloadViews`
// fetches the rest once the first view is drawn, for the service worker to keep them offline.
const imports = {
  explore: () => import('./views/explore.js'),
  themes: () => import('./views/themes.js'),
  diff: () => import('./views/diff.js'),
  own: () => import('./views/own.js'),
  patterns: () => import('./views/patterns.js'),
  summaries: () => import('./views/summaries.js'),
};
const views = {}; // name → module, once loaded
const loading = {}; // name → promise of its module

/** Start fetching a view's code (and, for an embed, the summaries'); resolves once it is here. */
export function prepareView(name, embedded = false) {
  const names = embedded ? [name, 'summaries'] : [name];
  return Promise.all(names.filter((n) => imports[n]).map((n) =>
    (loading[n] ??= imports[n]().then((m) => (views[n] = m), (e) => {
      delete loading[n]; // a failed fetch may be retried
      throw e;
    }))));
}

/** Fetch every view's code (after the first answer). */
export const preloadViews = () => Promise.all(Object.keys(imports).map((n) => prepareView(n)));

let importError = null; // a view's code that failed to arrive, thrown at the draw that waited for it

/** The loaded modules a draw needs, or Pending until they are here. */
function modules(view, embedded) {
  if (views[view] && (!embedded || views.summaries)) return views;
  if (importError) {
    const e = importError;
    importError = null;
    throw e;
  }
  throw new Pending(prepareView(view, embedded).catch((e) => (importError = e)));
}

/**
 * `embed` (embeds only): { limit, expanded, toggle(), fullHref } — an embed opens on a summary sized
 * for an article column (the view's `summary`), "show all" switches to the full view in place.
 * Resolves once the view is drawn: a view whose data is still on its way (api.js throws Pending)
 * keeps the current content, marked busy, and is drawn again when the data is here.
 */
export function renderView(root, state, set, embed = null) {
  const turn = {};
  latest.set(root, turn);
  return new Promise((drawn, failed) => {
    const attempt = () => {
      if (latest.get(root) !== turn) return; // a newer render took over
      try {
        draw(root, state, set, embed);
        root.removeAttribute('aria-busy');
        drawn();
      } catch (e) {
        if (!(e instanceof Pending)) return failed(e);
        // Data or code on its way: the current content stays, marked busy, until the view can be drawn.
        root.setAttribute('aria-busy', 'true');
        if (!root.querySelector('.loading-data')) root.append(h('p', { class: 'loading-data', role: 'status' }, t('loading')));
        e.promise.then(attempt);
      }
    };
    attempt();
  });
}

const latest = new WeakMap(); // root → its newest render

function draw(root, state, set, embed) {
  const { summaries, ...loaded } = modules(state.view, !!embed);
  setLang(state.lang);
  const active = root.getRootNode().activeElement;
  const focusId = active && root.contains(active) ? active.id : null;
  setEmbedded(!!embed);
  const summary = embed && !embed.expanded ? summaries[state.view] : null;
  // A summary draws with its view's own helpers (ctx.view), so an embed loads no other view's code.
  if (summary) summary(root, { state, set, embed, view: loaded[state.view] });
  else if (embed) {
    loaded[state.view].render(expandedBox(root, embed), { state, set, embed });
    root.append(summaries.actions(summaries[state.view] ? embed : { ...embed, toggle: null }));
  } else loaded[state.view].render(root, { state, set, embed });
  if (focusId) root.querySelector(`#${CSS.escape(focusId)}`)?.focus();
}

/**
 * An embed's full view goes in a box of bounded height that scrolls, as its summary may: a whole diff
 * or theme table is thousands of pixels, more than an article can give. The same box is kept from one
 * draw to the next (a filter changed inside it), so the reader's place in it stays.
 */
function expandedBox(root, embed) {
  let box = root.firstElementChild;
  if (box?.classList.contains('expanded-box')) {
    while (box.nextSibling) box.nextSibling.remove();
  } else {
    box = h('div', { class: 'expanded-box', tabindex: '0', role: 'region' });
    root.replaceChildren(box);
  }
  box.setAttribute('aria-label', t('fullView'));
  box.style.maxHeight = embed.height ? `${embed.height}px` : '';
  return box;
}

/** Merge a patch into a state, dropping keys set to undefined or ''. */
export function merge(state, patch) {
  const next = { ...state, ...patch };
  for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') delete next[k];
  return next;
}
