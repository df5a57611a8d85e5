// plan-compare for Node: `await init()` reads the .wasm that sits next to this file from disk.
import { readFile } from 'node:fs/promises';
import { initFrom } from './load.js';

export * from './api.js';

/**
 * Load the module and decode the bundled corpus; call once before anything else (later calls
 * return the same promise). `options.wasm` overrides where the .wasm comes from.
 */
export function init(options = {}) {
  return initFrom(options.wasm ?? readFile(new URL('./plan_compare_bg.wasm', import.meta.url)));
}
