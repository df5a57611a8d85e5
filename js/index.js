// plan-compare for browsers and bundlers: the modules and the parser's gazetteer sit next to this
// file (bundlers copy them as assets through the `new URL(…, import.meta.url)` references below);
// the data directory does too, but bundlers do not copy a directory: serve it and pass its URL as
// `init({ data })`.
// The package ships this file bundled with load.js, api.js and the module's glue
// (scripts/build-package.sh), so a browser fetches its JS in one request.
import { planCompareError, start } from './load.js';

export * from './api.js';

/**
 * Load the small module and the data directory's catalogue; await it once before anything else
 * (later calls return the same promise). `options.data` is the URL of another data directory
 * (built with `plan-compare build`); `options.wasm` / `options.fullWasm` override where the modules
 * come from.
 */
export function init(options = {}) {
  const base = new URL(options.data ?? new URL('./data/', import.meta.url), location.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const locate = (name) => new URL(name, base).href;
  return start({
    // The package's own catalogue, named at build time (scripts/build-package.sh defines it).
    catalogGuess: options.data === undefined && typeof PACKAGED_CATALOG === 'string' ? PACKAGED_CATALOG : null,
    small: () => options.wasm ?? new URL('./plan_compare_bg.wasm', import.meta.url),
    full: () => options.fullWasm ?? new URL('./plan_compare_full_bg.wasm', import.meta.url),
    gazetteer: () => fetchBytes(new URL('./regions.tsv', import.meta.url).href),
    locate,
    read: (name) => fetchBytes(locate(name)),
  });
}

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw planCompareError('DATA_UNAVAILABLE', `cannot fetch ${url}: ${e.message}`);
  }
  if (!response.ok) throw planCompareError('DATA_UNAVAILABLE', `cannot fetch ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
