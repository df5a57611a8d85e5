// plan-compare for Node: the modules, the parser's gazetteer and the default data directory are read
// from the package folder; `init({ data })` takes another directory's path (or an http(s) URL, fetched).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planCompareError, start } from './load.js';

export * from './api.js';

/**
 * Load the small module and the data directory's catalogue; await it once before anything else
 * (later calls return the same promise). `options.data`: a data directory's path or URL.
 */
export function init(options = {}) {
  let data = options.data ?? fileURLToPath(new URL('./data/', import.meta.url));
  if (String(data).startsWith('file:')) data = fileURLToPath(data);
  const remote = /^https?:\/\//.test(String(data));
  const locate = remote ? (name) => new URL(name, String(data).replace(/\/?$/, '/')).href : (name) => join(resolve(String(data)), name);
  const read = async (name) => {
    try {
      if (!remote) return new Uint8Array(await readFile(locate(name)));
      const response = await fetch(locate(name));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      throw planCompareError('DATA_UNAVAILABLE', `cannot read ${locate(name)}: ${e.message}`);
    }
  };
  const gazetteer = fileURLToPath(new URL('./regions.tsv', import.meta.url));
  return start({
    small: () => options.wasm ?? readFile(new URL('./plan_compare_bg.wasm', import.meta.url)),
    full: () => options.fullWasm ?? readFile(new URL('./plan_compare_full_bg.wasm', import.meta.url)),
    gazetteer: () =>
      readFile(gazetteer).catch((e) => {
        throw planCompareError('DATA_UNAVAILABLE', `cannot read ${gazetteer}: ${e.message}`);
      }),
    locate,
    read,
  });
}
