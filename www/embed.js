// <plan-compare view="diff" plans="beijing-2018,shanghai-2018" lang="en" limit="3">: one script tag
// embeds a view in any page (the element: js/embed-element.js), and fits plan-compare iframes
// (<iframe data-plan-compare src=".../embed.html?…">) to the height they report.
//
// This file only starts, at once, every download the element needs and then imports it: its
// modules, its stylesheet when the page has an element and, when one is not lazy, the package's
// module and manifest. Imported directly, the element's modules would arrive one level of imports
// after the other, and the package's module three round trips after this file instead of one.
// What the page already links (its own <link>s, a second copy of this script) is not asked for again.

/** The element's module graph (tests/browser/layout.test.mjs checks it against the imports). */
const MODULES = ['js/embed-element.js', 'js/api.js', 'js/common.js', 'js/dom.js', 'js/embedding.js',
  'js/i18n.js', 'js/permalink.js', 'js/render.js', 'js/state.js', 'js/text.js', 'pkg/index.js'];

function preload(path, attributes) {
  const href = new URL(path, import.meta.url).href;
  if ([...document.querySelectorAll('link[href]')].some((link) => link.href === href)) return;
  const link = document.createElement('link');
  for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
  link.href = href;
  (document.head ?? document.documentElement).append(link);
}

for (const path of MODULES) preload(path, { rel: 'modulepreload' });
// The elements' shadow roots link it as soon as they are defined.
if (document.querySelector('plan-compare')) preload('style.css', { rel: 'preload', as: 'style' });
// Fetched as the package fetches them (mode cors, same-origin credentials), or they would be
// fetched twice; only for an element that starts at once (a lazy one may never start).
if (document.querySelector('plan-compare:not([loading="lazy"])')) {
  preload('pkg/plan_compare_bg.wasm', { rel: 'preload', as: 'fetch', crossorigin: '' });
  preload('pkg/data/manifest.json', { rel: 'preload', as: 'fetch', crossorigin: '' });
}
await import('./js/embed-element.js');
