// plan-compare's JavaScript surface shared by the browser and Node entries: one-time initialisation
// and a guard that turns "called before init()" into a coded error instead of a TypeError.
import initWasm, * as wasm from './plan_compare.js';

let ready = null;
let initialised = false;

/** Instantiate the module from `source` (URL, bytes, Response or Module) and decode the corpus, once. */
export function initFrom(source) {
  if (!ready) {
    ready = Promise.resolve(source)
      .then((module_or_path) => initWasm({ module_or_path }))
      .then(() => {
        wasm.initEngine();
        initialised = true;
      })
      .catch((error) => {
        ready = null; // a failed fetch may be retried
        throw error;
      });
  }
  return ready;
}

function notInitialised(name) {
  const error = new Error(`call \`await init()\` before ${name}()`);
  error.name = 'PlanCompareError';
  error.code = 'NOT_INITIALISED';
  return error;
}

function guard(name) {
  const call = (...args) => {
    if (!initialised) throw notInitialised(name);
    return wasm[name](...args);
  };
  Object.defineProperty(call, 'name', { value: name });
  return call;
}

/** True for errors thrown by plan-compare (they carry a stable `code`). */
export function isPlanCompareError(error) {
  return error instanceof Error && error.name === 'PlanCompareError' && typeof error.code === 'string';
}

// One line per function of src/wasm.rs (a test checks that none is missing).
export const plans = guard('plans');
export const themes = guard('themes');
export const measures = guard('measures');
export const measure = guard('measure');
export const addPlan = guard('addPlan');
export const removePlan = guard('removePlan');
export const exportData = guard('exportData');
