// Render one view into a root (the page's <main>, an embed's shadow root or the iframe page),
// keeping keyboard focus on the control that had it.
import { setLang, t } from './i18n.js';
import { h } from './dom.js';
import * as explore from './views/explore.js';
import * as themes from './views/themes.js';
import * as diff from './views/diff.js';
import * as own from './views/own.js';
import * as summaries from './views/summaries.js';
import { setEmbedded } from './common.js';
import * as patterns from './views/patterns.js';
import { Pending } from './api.js';

const views = { explore, themes, diff, own, patterns };

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
        // Data on its way: the current content stays, marked busy, until the view can be drawn.
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
  setLang(state.lang);
  const active = root.getRootNode().activeElement;
  const focusId = active && root.contains(active) ? active.id : null;
  setEmbedded(!!embed);
  const summary = embed && !embed.expanded ? summaries[state.view] : null;
  if (summary) summary(root, { state, set, embed });
  else if (embed) {
    views[state.view].render(expandedBox(root, embed), { state, set, embed });
    root.append(summaries.actions(summaries[state.view] ? embed : { ...embed, toggle: null }));
  } else views[state.view].render(root, { state, set, embed });
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
