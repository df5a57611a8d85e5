// Loading plan-compare once: instantiate the wasm module, then decode the bundled corpus.
import initWasm, { initEngine } from './plan_compare.js';

let ready = null;
let loaded = false;

/** Instantiate the module from `source` (URL, bytes, Response or Module) and decode the corpus, once. */
export function initFrom(source) {
  if (!ready) {
    ready = Promise.resolve(source)
      .then((module_or_path) => initWasm({ module_or_path }))
      .then(() => {
        initEngine();
        loaded = true;
      })
      .catch((error) => {
        ready = null; // a failed fetch may be retried
        throw error;
      });
  }
  return ready;
}

export function isLoaded() {
  return loaded;
}
