// plan-compare's functions, shared by the browser and Node entries, each behind a guard that turns
// "called before init()" into a coded error instead of a TypeError from the glue.
import * as wasm from './plan_compare.js';
import { isLoaded } from './load.js';

function notInitialised(name) {
  const error = new Error(`call \`await init()\` before ${name}()`);
  error.name = 'PlanCompareError';
  error.code = 'NOT_INITIALISED';
  return error;
}

function guard(name) {
  const call = (...args) => {
    if (!isLoaded()) throw notInitialised(name);
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
export const filter = guard('filter');
export const search = guard('search');
export const matchThemes = guard('matchThemes');
export const themeMatrix = guard('themeMatrix');
export const diff = guard('diff');
export const compare = guard('compare');
export const similarity = guard('similarity');
export const sharedPassages = guard('sharedPassages');
export const templateCoverage = guard('templateCoverage');
export const indicators = guard('indicators');
