// Render one view into a root (the page's <main>, an embed's shadow root or the iframe page),
// keeping keyboard focus on the control that had it.
import { setLang } from './i18n.js';
import * as explore from './views/explore.js';
import * as themes from './views/themes.js';
import * as diff from './views/diff.js';
import * as own from './views/own.js';
import * as patterns from './views/patterns.js';

const views = { explore, themes, diff, own, patterns };

export function renderView(root, state, set) {
  setLang(state.lang);
  const active = root.getRootNode().activeElement;
  const focusId = active && root.contains(active) ? active.id : null;
  views[state.view].render(root, { state, set });
  if (focusId) root.querySelector(`#${CSS.escape(focusId)}`)?.focus();
}

/** Merge a patch into a state, dropping keys set to undefined or ''. */
export function merge(state, patch) {
  const next = { ...state, ...patch };
  for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') delete next[k];
  return next;
}
