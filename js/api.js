// plan-compare's functions, shared by the browser and Node entries: one line each. Calls that may
// need data are async (js/load.js fetches what their `needsFor…` twin names, then the module
// answers); the four that read only the catalogue or the reader's own plans stay synchronous.
import { call, callFull, now, search as searchKept } from './load.js';

export { dataFiles, dataVersion, loadAll } from './load.js';

/** True for errors thrown by plan-compare (they carry a stable `code`). */
export function isPlanCompareError(error) {
  return error instanceof Error && error.name === 'PlanCompareError' && typeof error.code === 'string';
}

// One line per function of src/wasm.rs (a test checks that none is missing).
export const plans = () => now('plans');
export const themes = () => now('themes');
export const matchThemes = (text) => now('matchThemes', text);
export const removePlan = (id) => now('removePlan', id);
export const measures = (options) => call('measures', 'needsForMeasures', options);
export const measure = (id) => call('measure', 'needsForMeasure', id);
export const exportData = () => call('exportData', 'needsForEverything');
export const filter = (options) => call('filter', 'needsForFilter', options);
export const search = (query, options) => searchKept(query, options);
export const themeMatrix = (options) => call('themeMatrix', 'needsForThemeMatrix', options);
export const diff = (planA, planB, options) => call('diff', 'needsForDiff', planA, planB, options);
export const compare = (planIds, by) => call('compare', 'needsForCompare', planIds, by);
export const addPlan = (text, meta) => callFull('addPlan', null, text, meta);
export const similarity = (options) => callFull('similarity', 'needsForEverything', options);
export const sharedPassages = (planA, planB, options) =>
  callFull('sharedPassages', 'needsForEverything', planA, planB, options);
export const templateCoverage = (options) => callFull('templateCoverage', 'needsForEverything', options);
export const indicators = (options) => callFull('indicators', 'needsForEverything', options);
