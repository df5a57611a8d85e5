// How plan-compare loads: the small module answers queries; the full one (parser and patterns) is
// fetched only when a page adds a plan or asks for patterns. Data files are fetched once, when a
// call first needs them: each verb's `needsFor…` twin names them, this file reads them through the
// entry's `read(name)` (fetch in browsers, the file system in Node) and hands them to the module.
import initSmall, * as small from './plan_compare.js';

let started = null; // the promise of init()
let source = null; // { read(name) and gazetteer() → Promise<Uint8Array>, locate(name) → string, full() → module source }
let catalog = null; // { name, bytes }
let module = null; // the module answering calls: small, then full once loaded
let fullReady = null;
let gazetteerReady = null; // the full module's gazetteer, handed over before its first parse
const PARSING = new Set(['addPlan']); // calls that parse a text, and so need the gazetteer
const files = new Map(); // name → Promise<Uint8Array>: each file fetched once, kept for the full module
// Measure records that searches brought, by position in the corpus (which only adding or removing a
// plan changes: then they are dropped), most recently used last: a search asks only for the records
// not here (most of a page of hits is its records). Frozen, since answers share them.
const records = new Map();
const KEPT_RECORDS = 5000; // above the largest page (1,000 hits)
const CHANGING_PLANS = new Set(['addPlan', 'removePlan']); // calls after which records may differ

/** An `Error` like the module's own: `name` PlanCompareError and a stable `code`. */
export function planCompareError(code, message) {
  const error = new Error(message);
  error.name = 'PlanCompareError';
  error.code = code;
  return error;
}

/** Start once: the small module compiles while the manifest, then the catalogue, arrive.
 * `entry.catalogGuess`: the catalogue the manifest probably names (the package's own data
 * directory's), fetched beside the manifest to save a round trip; used only if the manifest agrees. */
export function start(entry) {
  started ??= (async () => {
    source = entry;
    const manifest = entry.read('manifest.json').then(parseManifest);
    const guessed = entry.catalogGuess ? entry.read(entry.catalogGuess) : null;
    guessed?.catch(() => {}); // a wrong guess costs nothing but its request
    const catalogBytes = manifest.then((m) => (guessed && m?.catalog === entry.catalogGuess ? guessed : entry.read(String(m?.catalog))));
    catalogBytes.catch(() => {}); // reported below, after the manifest's own checks
    await initSmall({ module_or_path: entry.small() });
    const name = small.catalogNamedBy(await manifest); // checks the format and its version
    const bytes = await catalogBytes;
    small.openData(name, bytes);
    catalog = { name, bytes };
    module = small;
  })().catch((error) => {
    started = null; // a failed fetch may be retried
    files.clear();
    records.clear();
    throw error;
  });
  return started;
}

/** manifest.json decoded here, not in the module (a JSON parser would add 13 kB gzip to it). */
function parseManifest(bytes) {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw planCompareError('BUNDLE_INVALID', `manifest.json: ${e.message}`);
  }
}

function loaded() {
  if (!module) throw planCompareError('NOT_INITIALISED', 'call `await init()` before any other function');
  return module;
}

// At most this many files are fetched at once: a browser refuses thousands of parallel requests
// (net::ERR_INSUFFICIENT_RESOURCES), and a few dozen keep a connection busy enough.
const PARALLEL_FETCHES = 24;
let fetching = 0;
const queued = [];

async function limited(read) {
  if (fetching >= PARALLEL_FETCHES) await new Promise((go) => queued.push(go));
  fetching++;
  try {
    return await read();
  } finally {
    fetching--;
    queued.shift()?.();
  }
}

function file(name) {
  if (!files.has(name)) {
    const bytes = limited(() => source.read(name));
    files.set(name, bytes);
    bytes.catch(() => files.delete(name)); // retried by the next call
  }
  return files.get(name);
}

/** Fetch what `needs` names into `into` (`missing`: what it names now), round after round, until
 * nothing is missing. */
async function fetchNeeded(into, needs, args, missing) {
  // A search takes two to four rounds (dictionary runs, vocabulary runs and shards, the page's fragments).
  for (let round = 0; missing.length > 0; round++) {
    if (round === 8) throw planCompareError('INTERNAL', `${needs} still names missing files after 8 rounds (a bug: please report it)`);
    await Promise.all(missing.map(async (name) => into.addFile(name, await file(name))));
    missing = into[needs](...args);
  }
}

/** A call that needs no data beyond the catalogue. */
export function now(name, ...args) {
  const into = loaded();
  if (CHANGING_PLANS.has(name)) records.clear();
  return into[name](...args);
}

/** The module, once the data files that `needs` names for `args` are here (null: none). */
async function ready(name, needs, args) {
  if (!started) throw planCompareError('NOT_INITIALISED', `call \`await init()\` before ${name}()`);
  if (!module) await started; // once the module is here, a warm call waits for nothing
  const into = loaded();
  const missing = needs ? into[needs](...args) : [];
  if (missing.length > 0) await fetchNeeded(into, needs, args, missing);
  if (CHANGING_PLANS.has(name)) records.clear();
  return into;
}

/** A call that may need data files (its `needs` twin names them; null: none): fetched first, then the module answers. */
export async function call(name, needs, ...args) {
  return (await ready(name, needs, args))[name](...args);
}

/** `search`, which the module sends in arrays (src/query/search.rs, `SearchRows`: key names,
 * ids and repeated plan labels were most of a page's JSON), its hits naming their measures by
 * position, without records: objects again, spans paired, records filled in from those kept here,
 * the others asked for (one call for them all, none once they are kept). */
export async function search(query, options) {
  const into = await ready('search', 'needsForSearch', [query, options]);
  const sent = into.search(query, options);
  const lacking = sent.hits.filter((row) => !records.has(row[4])).map((row) => row[4]);
  if (lacking.length) into.recordsAt(Uint32Array.from(lacking)).forEach((record, i) => keepRecord(lacking[i], record));
  const hits = sent.hits.map(([k, score, highlights, titleHighlights, position]) => {
    const [plan, planLabel] = sent.hitPlans[k];
    const measure = records.get(position);
    keepRecord(position, measure);
    return { id: measure.id, plan, planLabel, score, highlights: pairs(highlights), titleHighlights: pairs(titleHighlights), measure };
  });
  const facets = {};
  for (const [name, counts] of Object.entries(sent.facets)) facets[name] = counts.map(([value, count]) => ({ value, count }));
  return {
    query: sent.query,
    phrases: sent.phrases.map(([text, weight, from]) => ({ text, weight, from })),
    terms: sent.terms,
    themes: sent.themes,
    total: sent.total,
    offset: sent.offset,
    limit: sent.limit,
    hits,
    plans: sent.plans.map(([plan, score, count, share]) => ({ plan, score, count, share })),
    planTotal: sent.planTotal,
    facets,
  };
}

/** [a, b, c, d] → [[a, b], [c, d]] */
function pairs(flat) {
  const out = new Array(flat.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = [flat[2 * i], flat[2 * i + 1]];
  return out;
}

function keepRecord(position, record) {
  if (!records.delete(position)) deepFreeze(record);
  records.set(position, record);
  if (records.size > KEPT_RECORDS) records.delete(records.keys().next().value);
}

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
}

/** A call only the full module has (parser, patterns): it is loaded first, once, and before its
 * first parse the gazetteer too (fetched beside the module, so it costs no round trip of its own). */
export async function callFull(name, needs, ...args) {
  if (!started) throw planCompareError('NOT_INITIALISED', `call \`await init()\` before ${name}()`);
  await started;
  fullReady ??= loadFull().catch((error) => {
    fullReady = null;
    throw error;
  });
  if (PARSING.has(name)) {
    gazetteerReady ??= loadGazetteer(fullReady).catch((error) => {
      gazetteerReady = null;
      throw error;
    });
    await gazetteerReady;
  }
  await fullReady;
  return call(name, needs, ...args);
}

/** The parser's gazetteer of places (the package's regions.tsv), which the module does not carry:
 * the patterns, which parse nothing, never fetch it. */
async function loadGazetteer(fullReady) {
  const [bytes] = await Promise.all([source.gazetteer(), fullReady]);
  module.useGazetteer(new TextDecoder().decode(bytes));
}

/** The full module takes over with everything the small one had (no plan can be added before). */
async function loadFull() {
  const full = await import('./plan_compare_full.js');
  await full.default({ module_or_path: source.full() });
  full.openData(catalog.name, catalog.bytes);
  for (const [name, bytes] of files) full.addFile(name, await bytes);
  module = full;
}

/** The data's version: the content hash in its catalogue's name, which changes with any plan or measure. */
export function dataVersion() {
  if (!catalog) throw planCompareError('NOT_INITIALISED', 'call `await init()` before dataVersion()');
  return catalog.name.replace(/^catalog\.|\.bin$/g, '');
}

/** Where every file of the data directory is (URLs in browsers, paths in Node), fetched or not. */
export async function dataFiles() {
  if (!started) throw planCompareError('NOT_INITIALISED', 'call `await init()` before dataFiles()');
  await started;
  const names = ['manifest.json', catalog.name, ...loaded().dataFileNames()];
  return [...new Set(names)].map((name) => source.locate(name));
}

/** Fetch every data file now (then nothing needs the network), reporting progress. */
export async function loadAll(onProgress) {
  if (!started) throw planCompareError('NOT_INITIALISED', 'call `await init()` before loadAll()');
  await started;
  const into = loaded();
  // Every file the catalogue names, fragments too: a later call never needs the network.
  const missing = into.dataFileNames().filter((name) => !files.has(name));
  let done = 0;
  await Promise.all(
    missing.map(async (name) => {
      into.addFile(name, await file(name));
      onProgress?.({ done: ++done, total: missing.length });
    }),
  );
}
