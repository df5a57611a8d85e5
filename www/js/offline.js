// Offline use: register the service worker (../sw.js) and offer "keep all plans offline", which stores
// every file of the data directory in a cache of its own. Only pages served from plan-compare's own
// origin call this (index.html, the embed.html iframe); the <plan-compare> element never does, as it
// runs on the host page's origin. Where service workers are unavailable (file://, plain http on
// another host, some private modes) nothing happens and the page works online as before.
import * as api from './api.js';
import { h } from './dom.js';
import { t, getLang } from './i18n.js';

export const KEPT_CACHE = 'plan-compare-kept-v1'; // the same names as in sw.js
const RUNTIME_CACHE = 'plan-compare-v1';
const IMMUTABLE = /\.[0-9a-f]{16}\.(bin|wasm)$/; // as in sw.js: a stored copy of these is never stale
const PARALLEL = 4;

function container() {
  try {
    return window.isSecureContext && 'caches' in window ? navigator.serviceWorker ?? null : null;
  } catch {
    return null; // a sandboxed frame may throw on reading navigator.serviceWorker
  }
}

let settle;
/**
 * Resolves once the worker controls this page and has stored what the page loaded before it did
 * (its HTML, scripts, module and first data): from then on a reload works offline. Resolves to false
 * where there is no service worker.
 */
export const cached = new Promise((resolve) => (settle = resolve));

/** Register the worker; never throws (a page must not fail because it cannot work offline). */
export async function register() {
  const sw = container();
  if (!sw) return settle(false);
  try {
    const takeover = sw.controller ? null : new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
    const registration = await sw.register(new URL('../sw.js', import.meta.url), { scope: new URL('../', import.meta.url).pathname });
    if (takeover) {
      // An active worker that does not control the page: a forced reload, which bypasses it on purpose.
      if (!registration.installing && !registration.waiting && !sw.controller) return settle(false);
      await takeover;
      await storeWhatLoaded();
    }
    settle(true);
  } catch {
    settle(false);
  }
}

/**
 * The files this page fetched before the worker took over did not go through it: hand their list to
 * the worker, which fetches and stores them (mostly 304s), and wait until it says it is done.
 */
async function storeWhatLoaded() {
  const urls = [location.href.split('#')[0], ...performance.getEntriesByType('resource').map((e) => e.name)];
  const { port1, port2 } = new MessageChannel();
  const stored = new Promise((resolve) => (port1.onmessage = resolve));
  navigator.serviceWorker.controller.postMessage({ type: 'store', urls: [...new Set(urls)] }, [port2]);
  await stored;
}

// ---- "Keep all plans offline" ----

let controls = null; // the button or the progress bar
let live = null; // the status line: one element for the page's life, so that screen readers hear it
let state = { phase: 'off' }; // off | busy | kept | error | cleared
let focusLost = false;

/** True where the page can keep plans offline (a worker and caches). */
const available = () => Boolean(container());

const urlsOf = async () => [...new Set((await api.dataFiles()).map((u) => new URL(u, document.baseURI).href))];

const formatBytes = (n) => {
  const [value, unit] = n >= 1e6 ? [n / 1e6, 'megabyte'] : [n / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(getLang() === 'en' ? 'en' : 'zh-CN', { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
};

/** Copy every file of the data directory into the kept cache (skipping hashed files already there). */
async function keepAll() {
  // Ask that the browser not evict the copy under storage pressure (granted or not, keeping goes on).
  navigator.storage?.persist?.().catch(() => {});
  const urls = await urlsOf();
  const cache = await caches.open(KEPT_CACHE);
  let done = 0;
  let bytes = 0;
  set({ phase: 'busy', done, total: urls.length });
  const queue = [...urls];
  let failed = false;
  const worker = async () => {
    for (let url; !failed && (url = queue.shift()); ) {
      let response = IMMUTABLE.test(new URL(url).pathname) ? await cache.match(url) : undefined;
      if (!response) {
        response = await fetch(url);
        if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
        await cache.put(url, response.clone());
      }
      const size = (await response.blob()).size; // not `bytes += await …`: that reads bytes before waiting
      bytes += size;
      if (!failed) set({ phase: 'busy', done: ++done, total: urls.length });
    }
  };
  // One failure stops the others (their last files still finish), so the error stays on screen.
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, () => worker().catch((e) => {
    failed = true;
    throw e;
  })));
  // Files of an earlier build that the data directory no longer has.
  const wanted = new Set(urls);
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  return { files: urls.length, bytes };
}

/**
 * Data files of earlier builds that the worker stored as the reader browsed: the worker cannot tell
 * them apart (it cannot read the catalogue), the page can.
 */
async function pruneRuntime(urls) {
  if (!(await caches.has(RUNTIME_CACHE))) return;
  const cache = await caches.open(RUNTIME_CACHE);
  const current = new Set(urls);
  for (const request of await cache.keys()) {
    if (/\.[0-9a-f]{16}\.bin$/.test(new URL(request.url).pathname) && !current.has(request.url)) await cache.delete(request);
  }
}

/** What the kept cache holds of the current data directory. */
async function check() {
  if (!(await caches.has(KEPT_CACHE))) return { have: 0, total: 0, bytes: 0, exists: false };
  const cache = await caches.open(KEPT_CACHE);
  const urls = await urlsOf();
  let have = 0;
  let bytes = 0;
  for (const url of urls) {
    const r = await cache.match(url);
    if (r) {
      have++;
      bytes += (await r.blob()).size;
    }
  }
  return { have, total: urls.length, bytes, exists: true };
}

let running = false;
async function run(task) {
  if (running) return;
  running = true;
  try {
    const { files, bytes } = await task();
    set({ phase: 'kept', files, bytes });
  } catch (e) {
    set({ phase: 'error', message: api.describeError(e) });
  } finally {
    running = false;
  }
}

async function clear() {
  await caches.delete(KEPT_CACHE);
  set({ phase: 'cleared' });
}

/**
 * Put the control into `slot` (once data has loaded) and read what is kept. A kept copy that misses
 * files (the data changed since) is topped up at once: keeping the plans offline was the reader's choice.
 */
export async function setup(slot) {
  if (!available()) return;
  controls = h('span', { class: 'offline-controls' });
  live = h('span', { role: 'status', class: 'offline-status' });
  slot.replaceChildren(controls, ' ', live);
  slot.hidden = false;
  try {
    await pruneRuntime(await urlsOf());
    const { have, total, bytes, exists } = await check();
    if (exists && have === total) set({ phase: 'kept', files: total, bytes });
    else if (exists) await run(keepAll);
    else set({ phase: 'off' });
  } catch (e) {
    set({ phase: 'error', message: api.describeError(e) });
  }
}

function set(next) {
  state = next;
  render();
}

/** Draw the control in the current language (app.js calls this on every render). */
export function render() {
  if (!controls) return;
  const s = state;
  const hadFocus = controls.contains(document.activeElement);
  const keep = () => h('button', { type: 'button', class: 'keep-offline', onclick: () => run(keepAll) }, t('keepOffline'));
  const parts = {
    off: keep,
    cleared: keep,
    error: keep,
    kept: () => h('button', { type: 'button', class: 'clear-offline', onclick: clear }, t('clearOffline')),
    busy: () => [h('progress', { max: s.total, value: s.done, 'aria-label': t('keepOffline') }), ' ',
      h('span', { class: 'offline-progress' }, t('keepProgress', { n: s.done, total: s.total }))],
  };
  controls.replaceChildren(...[parts[s.phase]()].flat());
  const text = {
    kept: () => t('keptOffline', { files: s.files, size: formatBytes(s.bytes) }),
    busy: () => t('keeping'),
    error: () => `${t('keepFailed')}${s.message}`,
    cleared: () => t('clearedOffline'),
    off: () => '',
  }[s.phase]();
  if (live.textContent !== text) live.textContent = text; // unchanged text is not announced again
  live.classList.toggle('error', s.phase === 'error');
  controls.parentElement.dataset.offline = s.phase;
  // The button the reader pressed gives way to a progress bar: focus goes to the next button, unless
  // the reader has moved on meanwhile.
  if (hadFocus || (focusLost && document.activeElement === document.body)) {
    const button = controls.querySelector('button');
    button?.focus();
    focusLost = !button;
  }
}
