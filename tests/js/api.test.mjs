// Every function of the built package in Node: results, bad input with its error code, memory; and
// the data directory: init({ data }), what each call fetches (over HTTP, as a browser does), loadAll(),
// dataVersion(), dataFiles(), and what a missing or foreign directory gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  pkg, codeOf, codeOfSync, copyOfData, countsUnder, freshPackage, rejectionOf, repo, serve,
} from './helpers.mjs';
import { planText, planMeta } from './plan-text.mjs';

const pc = await import(join(pkg, 'node.js'));
const pkgData = join(pkg, 'data');
const manifest = JSON.parse(readFileSync(join(pkgData, 'manifest.json'), 'utf8'));
const dataNames = readdirSync(pkgData).sort();
const bin = process.env.PLAN_COMPARE_BIN ?? join(repo, 'target/debug/plan-compare');

// Read only the catalogue or the reader's own plans: synchronous. Every other call returns a promise.
const SYNC = ['plans', 'themes', 'matchThemes', 'removePlan', 'dataVersion'];
const ASYNC = ['measures', 'measure', 'exportData', 'filter', 'search', 'themeMatrix', 'diff', 'compare', 'addPlan',
  'similarity', 'sharedPassages', 'templateCoverage', 'indicators', 'dataFiles', 'loadAll'];

/** How a call failed: { error, how } with how 'threw' (synchronously), 'rejected', 'resolved' or 'returned'. */
async function outcome(call) {
  let result;
  try {
    result = call();
  } catch (error) {
    return { error, how: 'threw' };
  }
  if (typeof result?.then !== 'function') return { how: 'returned' };
  try {
    await result;
    return { how: 'resolved' };
  } catch (error) {
    return { error, how: 'rejected' };
  }
}

/** Check a table of [what, call, code]: sync functions throw, async ones reject, with a PlanCompareError. */
async function expectCodes(cases, { longMessages = false } = {}) {
  for (const [what, call, code] of cases) {
    const { error, how } = await outcome(call);
    const fn = what.split(':')[0];
    assert.ok(error, `${what}: no error (${how})`);
    assert.equal(how, SYNC.includes(fn) ? 'threw' : 'rejected', `${what}: ${how}, ${error}`);
    assert.ok(pc.isPlanCompareError(error), `${what}: ${error}`);
    assert.equal(error.code, code, `${what}: ${error.message}`);
    if (longMessages) assert.ok(error instanceof Error && error.message.length > 10, what);
  }
}

const all = async (list, predicate) => (await Promise.all(list.map(predicate))).every(Boolean);
const planOf = async (id) => (await pc.measure(id)).plan;

test('calls before init() throw (sync functions) or reject (async ones) NOT_INITIALISED', async () => {
  for (const name of SYNC) assert.equal(codeOfSync(() => pc[name]('x')), 'NOT_INITIALISED', name);
  for (const name of ASYNC) assert.equal(await codeOf(() => pc[name]('x')), 'NOT_INITIALISED', name);
});

test('init() reads the manifest and the catalogue quickly, only once', async (t) => {
  const started = performance.now();
  const [a, b] = [pc.init(), pc.init()];
  assert.equal(a, b, 'a second init() returns the same promise');
  await Promise.all([a, b]);
  const ms = performance.now() - started;
  t.diagnostic(`init() in Node: ${ms.toFixed(1)} ms`);
  assert.ok(ms < 2000, `init took ${ms} ms`);
  assert.equal(await pc.init(), undefined);
  // What it read is the default directory's: its version is the catalogue the manifest names.
  assert.equal(`catalog.${pc.dataVersion()}.bin`, manifest.catalog);
  assert.equal(pc.plans().length, manifest.plans);
});

test('the package exports every function src/wasm.rs binds, and types for each', () => {
  const generated = readFileSync(join(pkg, 'plan_compare.d.ts'), 'utf8');
  const bound = [...generated.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  // The loader's own: it opens the directory, asks what a call needs and hands the files over.
  const internal = (n) => ['initSync', 'catalogNamedBy', 'openData', 'addFile', 'dataFileNames', 'recordsAt', 'useGazetteer'].includes(n) || n.startsWith('needsFor');
  const ours = readFileSync(join(pkg, 'index.d.ts'), 'utf8');
  const api = bound.filter((n) => !internal(n));
  for (const name of api) {
    assert.equal(typeof pc[name], 'function', `${name} missing from js/api.js`);
    assert.match(ours, new RegExp(`\\b${name}\\b`), `${name} missing from js/index.d.ts`);
  }
  const expected = [...api, 'init', 'isPlanCompareError', 'dataVersion', 'dataFiles', 'loadAll'].sort();
  assert.deepEqual(Object.keys(pc).sort(), expected, 'node.js exports exactly the API');
  assert.deepEqual([...SYNC, ...ASYNC].sort(), expected.filter((n) => !['init', 'isPlanCompareError'].includes(n)));
  // Declared async exactly where they are.
  for (const name of ['init', ...ASYNC]) {
    assert.match(ours, new RegExp(`^export function ${name}\\([^\\n]*\\): Promise<`, 'm'), `${name} returns a Promise`);
  }
  for (const name of SYNC) {
    assert.doesNotMatch(ours, new RegExp(`^export function ${name}\\([^\\n]*\\): Promise<`, 'm'), `${name} is sync`);
  }
  for (const [, name] of generated.matchAll(/^export (?:interface|type) (\w+)/gm)) {
    if (['InitInput', 'InitOutput', 'SyncInitInput'].includes(name)) continue;
    assert.match(ours, new RegExp(`\\b${name}\\b`), `type ${name} missing from js/index.d.ts`);
  }
});

test('plans() lists the bundled plans in the export contract shape', () => {
  const plans = pc.plans();
  assert.ok(plans.length >= 4);
  const keys = ['id', 'region', 'region_code', 'region_en', 'level', 'kind', 'year_start', 'year_end', 'title',
    'doc_number', 'source'];
  for (const plan of plans) {
    assert.deepEqual(Object.keys(plan), keys);
    assert.ok(!plan.id.startsWith('user-'));
  }
  assert.equal(new Set(plans.map((p) => p.id)).size, plans.length);
  assert.equal(plans.find((p) => p.id === 'shanwei-chengqu-2018')?.doc_number, null); // null, not undefined
});

test('themes() is a list (empty until the taxonomy lands)', () => {
  assert.ok(Array.isArray(pc.themes()));
});

test('measures() and measure(id)', async () => {
  const everything = await pc.measures();
  assert.deepEqual(await pc.measures(undefined), everything);
  assert.deepEqual(await pc.measures(null), everything);
  assert.deepEqual(await pc.measures({}), everything);
  assert.equal(everything.length, manifest.measures);
  const planIds = new Set(pc.plans().map((p) => p.id));
  assert.ok(everything.every((m) => planIds.has(m.plan)));
  const plan = pc.plans()[1].id;
  const some = await pc.measures({ plan });
  assert.ok(some.length > 0 && some.every((m) => m.plan === plan));
  assert.deepEqual(await pc.measure(some[0].id), some[0]);
  assert.equal(await codeOf(() => pc.measures({ plan: 'nowhere-2018' })), 'UNKNOWN_PLAN');
  assert.equal(await codeOf(() => pc.measure('nowhere-2018-001')), 'UNKNOWN_MEASURE');
});

test('addPlan() parses a reader plan under a fresh id; removePlan() forgets it', async () => {
  const before = pc.plans().length;
  const added = await pc.addPlan(planText, planMeta);
  assert.deepEqual(Object.keys(added), ['plans', 'measureCount', 'targetCount', 'unassigned', 'diagnostics']);
  assert.equal(added.plans.length, 1);
  const [plan] = added.plans;
  assert.match(plan.id, /^user-\d+$/);
  assert.equal(plan.region, '深圳市');
  // From the gazetteer, which the package handed the module before its first parse.
  assert.deepEqual([plan.region_code, plan.region_en, plan.level], ['440300', 'Shenzhen', 'city']);
  assert.equal(plan.year_start, 2019);
  assert.equal(added.measureCount, 3);
  assert.equal(pc.plans().length, before + 1);
  const measures = await pc.measures({ plan: plan.id });
  assert.equal(measures.length, 3);
  assert.equal(measures[2].departments[0].name, '市金融局');
  assert.ok((await pc.exportData()).plans.some((p) => p.id === plan.id));
  assert.equal(pc.removePlan(plan.id), undefined);
  assert.equal(pc.plans().length, before);
  assert.equal(await codeOf(() => pc.measures({ plan: plan.id })), 'UNKNOWN_PLAN');
  assert.notEqual((await pc.addPlan(planText, planMeta)).plans[0].id, plan.id, 'ids are not reused');
  pc.removePlan(pc.plans().at(-1).id);
});

test('addPlan() reads what the meta leaves unsaid from the text: region, level, kind, years', async () => {
  const text = planText.replace('深圳市2019年知识产权工作要点', '广东省知识产权保护工作方案（2021-2023年）');
  for (const meta of [{}, { region: ' ' }]) {
    const [plan] = (await pc.addPlan(text, meta)).plans;
    assert.deepEqual([plan.region, plan.region_en, plan.level, plan.kind, plan.year_start, plan.year_end],
      ['广东省', 'Guangdong', 'province', 'action plan', 2021, 2023]);
    pc.removePlan(plan.id);
  }
  // What the reader says wins over what the text shows.
  const [told] = (await pc.addPlan(text, { region: '深圳市', level: 'city', kind: 'work points' })).plans;
  assert.deepEqual([told.region, told.level, told.kind], ['深圳市', 'city', 'work points']);
  pc.removePlan(told.id);
});

test('bad input gives INVALID_ARGUMENT, TOO_LARGE, PARSE_FAILED … and never a crash', async () => {
  const bundled = pc.plans()[0].id;
  await expectCodes([
    // [what, call, code]
    ['measures: array', () => pc.measures([]), 'INVALID_ARGUMENT'],
    ['measures: string', () => pc.measures('plan'), 'INVALID_ARGUMENT'],
    ['measures: unknown key', () => pc.measures({ plna: bundled }), 'INVALID_ARGUMENT'],
    ['measures: plan number', () => pc.measures({ plan: 7 }), 'INVALID_ARGUMENT'],
    ['measures: lone surrogate', () => pc.measures({ plan: '\uD800' }), 'INVALID_ARGUMENT'],
    ['measure: number', () => pc.measure(1), 'INVALID_ARGUMENT'],
    ['measure: undefined', () => pc.measure(), 'INVALID_ARGUMENT'],
    ['measure: object', () => pc.measure({}), 'INVALID_ARGUMENT'],
    ['measure: lone surrogate', () => pc.measure('a\uDC00'), 'INVALID_ARGUMENT'],
    ['measure: huge id', () => pc.measure('x'.repeat(10_000)), 'TOO_LARGE'],
    ['addPlan: text number', () => pc.addPlan(42, planMeta), 'INVALID_ARGUMENT'],
    ['addPlan: no meta', () => pc.addPlan(planText), 'INVALID_ARGUMENT'],
    ['addPlan: meta null', () => pc.addPlan(planText, null), 'INVALID_ARGUMENT'],
    ['addPlan: meta array', () => pc.addPlan(planText, []), 'INVALID_ARGUMENT'],
    ['addPlan: region number', () => pc.addPlan(planText, { ...planMeta, region: 7 }), 'INVALID_ARGUMENT'],
    ['addPlan: bad level', () => pc.addPlan(planText, { ...planMeta, level: 'town' }), 'INVALID_ARGUMENT'],
    ['addPlan: bad kind', () => pc.addPlan(planText, { ...planMeta, kind: 'poem' }), 'INVALID_ARGUMENT'],
    ['addPlan: NaN year', () => pc.addPlan(planText, { ...planMeta, yearStart: NaN }), 'INVALID_ARGUMENT'],
    ['addPlan: negative year', () => pc.addPlan(planText, { ...planMeta, yearStart: -2019 }), 'INVALID_ARGUMENT'],
    ['addPlan: fractional year', () => pc.addPlan(planText, { ...planMeta, yearStart: 2019.5 }), 'INVALID_ARGUMENT'],
    ['addPlan: year 1e9', () => pc.addPlan(planText, { ...planMeta, yearStart: 1e9 }), 'INVALID_ARGUMENT'],
    ['addPlan: year 20190', () => pc.addPlan(planText, { ...planMeta, yearStart: 20190 }), 'INVALID_ARGUMENT'],
    ['addPlan: year string', () => pc.addPlan(planText, { ...planMeta, yearStart: '2019' }), 'INVALID_ARGUMENT'],
    ['addPlan: years backwards', () => pc.addPlan(planText, { ...planMeta, yearEnd: 2018 }), 'INVALID_ARGUMENT'],
    ['addPlan: unknown key', () => pc.addPlan(planText, { ...planMeta, id: 'mine' }), 'INVALID_ARGUMENT'],
    ['addPlan: text surrogate', () => pc.addPlan(`${planText}\uD83D`, planMeta), 'INVALID_ARGUMENT'],
    ['addPlan: meta surrogate', () => pc.addPlan(planText, { ...planMeta, title: '\uDE00' }), 'INVALID_ARGUMENT'],
    ['addPlan: control char', () => pc.addPlan(planText, { ...planMeta, region: 'a\u0007' }), 'INVALID_ARGUMENT'],
    ['addPlan: empty text', () => pc.addPlan('  \n ', planMeta), 'INVALID_ARGUMENT'],
    ['addPlan: no measures', () => pc.addPlan('只是一句话。', planMeta), 'PARSE_FAILED'],
    ['addPlan: 3 MB text', () => pc.addPlan('x'.repeat(3_000_000), planMeta), 'TOO_LARGE'],
    ['addPlan: 2 MiB + 1 in UTF-8', () => pc.addPlan('一'.repeat(699_051), planMeta), 'TOO_LARGE'],
    ['removePlan: number', () => pc.removePlan(3), 'INVALID_ARGUMENT'],
    ['removePlan: bundled', () => pc.removePlan(bundled), 'INVALID_ARGUMENT'],
    ['removePlan: unknown', () => pc.removePlan('user-999999'), 'UNKNOWN_PLAN'],
  ], { longMessages: true });
  // Surrogate pairs (valid UTF-16) are fine; a 2 MiB text just under the limit is read, not refused.
  assert.equal(await codeOf(() => pc.measure('😀')), 'UNKNOWN_MEASURE');
  assert.equal(await codeOf(() => pc.addPlan('一'.repeat(699_050), planMeta)), 'PARSE_FAILED');
  // Nothing was added by refused calls, and the module still answers.
  assert.ok(pc.plans().every((p) => !p.id.startsWith('user-')));
});

test('filter(): known totals, facets that add up, pages', async () => {
  const beijing = await pc.filter({ plans: ['beijing-2018'] });
  assert.equal(beijing.total, 47);
  assert.equal(beijing.items.length, 20);
  // Items are the measures' full records (as measure(id) gives them), each with its plan's label.
  assert.ok(beijing.items.every((m) => m.plan === 'beijing-2018'));
  assert.ok(await all(beijing.items, async (m) => JSON.stringify(await pc.measure(m.id)) === JSON.stringify(m)));
  assert.equal(beijing.planLabels.length, beijing.items.length);
  assert.equal(new Set(beijing.planLabels).size, 1, 'one plan, one label');
  assert.ok(beijing.planLabels[0].length > 0);
  const everything = await pc.filter({ limit: 0 });
  assert.equal(everything.total, (await pc.measures()).length);
  assert.deepEqual(everything.items, []);
  for (const facet of ['region', 'level', 'focus']) {
    assert.equal(everything.facets[facet].reduce((n, f) => n + f.count, 0), everything.total, facet);
  }
  // A measure counts under every year of its plan's span, as the years filter selects it.
  for (const facet of ['agency', 'theme', 'year']) {
    assert.ok(everything.facets[facet].reduce((n, f) => n + f.count, 0) >= everything.total, facet);
  }
  for (const { value, count } of everything.facets.year.filter((f) => f.value !== 'none')) {
    assert.equal((await pc.filter({ years: [Number(value)], limit: 0 })).total, count, `year ${value}`);
  }
  const pledge = await pc.filter({ regions: ['北京市'], themes: ['pledge-financing'], limit: 1000 });
  assert.ok(pledge.total > 0 && pledge.total < 47);
  assert.ok(pledge.items.every((m) => m.themes.includes('pledge-financing')));
  const pastTheEnd = await pc.filter({ plans: ['beijing-2018'], offset: 1e9 });
  assert.deepEqual(pastTheEnd.items, [], 'offset past the end: empty page');
  assert.equal(pastTheEnd.total, 47);
  assert.deepEqual(await pc.filter(), await pc.filter({}));
});

test('search(): Chinese and English find the same measures, with UTF-16 highlights', async () => {
  const zh = await pc.search('专利质押');
  assert.ok(zh.total > 0);
  for (const hit of zh.hits.slice(0, 5)) {
    const m = await pc.measure(hit.id);
    assert.deepEqual(hit.measure, m, 'a hit carries its measure\'s record');
    assert.equal(hit.plan, m.plan);
    assert.ok(hit.planLabel.length > 0);
    const text = [m.title, m.work_item, m.text].join(' ');
    assert.match(text, /质押/, hit.id);
    for (const [start, end] of hit.highlights) assert.ok(m.text.slice(start, end).length > 0);
  }
  assert.ok(zh.plans.length > 0 && zh.plans[0].score >= zh.plans.at(-1).score);
  // Every plan with a match is counted; `planLimit` says how many of the best are listed.
  assert.equal(zh.planTotal, zh.plans.length);
  const best = await pc.search('专利质押', { planLimit: 2 });
  assert.deepEqual([best.plans, best.planTotal, best.total], [zh.plans.slice(0, 2), zh.planTotal, zh.total]);
  await assert.rejects(pc.search('专利质押', { planLimit: -1 }), { code: 'INVALID_ARGUMENT' });
  const en = await pc.search('patent pledge financing');
  const zhTop = new Set((await pc.search('专利质押融资', { limit: 20 })).hits.map((h) => h.id));
  assert.ok(en.hits.slice(0, 20).some((h) => zhTop.has(h.id)), 'the English query overlaps its Chinese twin');
  assert.ok((await pc.search('专利质押', { plans: ['beijing-2018'] })).hits.every((h) => h.plan === 'beijing-2018'));
  assert.deepEqual((await pc.search('专利质押', { offset: 1e9 })).hits, []);
  // A non-BMP character (U+20000) before the match: spans count it as two UTF-16 units.
  const added = await pc.addPlan('深圳市2019年知识产权工作要点\n一、促进知识产权运用\n（一）𠀀😀推进专利质押融资。（市金融局负责）\n',
    { region: '深圳市', level: 'city', yearStart: 2019 });
  try {
    const id = added.plans[0].id;
    const hit = (await pc.search('质押融资', { plans: [id] })).hits[0];
    const text = (await pc.measure(hit.id)).text;
    assert.ok(text.includes('😀'), text);
    assert.ok(hit.highlights.length > 0);
    for (const [start, end] of hit.highlights) assert.match(text.slice(start, end), /质押|融资/, JSON.stringify(hit.highlights));
  } finally {
    pc.removePlan(added.plans[0].id);
  }
});

test('search() and filter() read a query typed in Traditional script as the measures write it', async () => {
  const typed = await pc.search('專利質押融資', { limit: 50 });
  const simplified = await pc.search('专利质押融资', { limit: 50 });
  assert.ok(typed.total > 0);
  assert.equal(typed.query, '專利質押融資', 'the query as typed');
  assert.deepEqual(typed.phrases, simplified.phrases);
  assert.deepEqual([typed.total, typed.hits, typed.facets], [simplified.total, simplified.hits, simplified.facets]);
  const words = async (w) => (await pc.filter({ words: [w], limit: 200 })).items.map((m) => m.id);
  assert.deepEqual(await words('質押融資'), await words('质押融资'));
  assert.deepEqual(pc.matchThemes('推進專利質押融資'), pc.matchThemes('推进专利质押融资'));
  // A reader's own plan printed in Traditional script is still found by the words as it prints them.
  const added = await pc.addPlan('深圳市2019年知識產權工作要點\n一、促進知識產權運用\n（一）推進專利質押融資。（市金融局負責）\n',
    { region: '深圳市', level: 'city', yearStart: 2019 });
  try {
    const id = added.plans[0].id;
    const own = await pc.filter({ words: ['質押融資'], plans: [id] });
    assert.deepEqual(own.items.map((m) => m.text), ['推進專利質押融資。']);
    // … and searched in either script, highlighted where it prints the words.
    for (const q of ['專利質押融資', '专利质押融资', '質押融資']) {
      const found = await pc.search(q, { plans: [id] });
      assert.deepEqual(found.hits.map((h) => h.measure.text), ['推進專利質押融資。'], q);
      const [[start, end]] = found.hits[0].highlights;
      assert.match(found.hits[0].measure.text.slice(start, end), /質押/, q);
    }
  } finally {
    pc.removePlan(added.plans[0].id);
  }
});

test('search() keeps the records it was sent: a repeat carries the same frozen records, and added plans their own', async () => {
  const first = await pc.search('地理标志', { limit: 50 });
  const again = await pc.search('地理标志', { limit: 50 });
  assert.deepEqual(again, first);
  for (const [i, hit] of again.hits.entries()) {
    assert.equal(hit.measure, first.hits[i].measure, 'the record kept from the first answer');
    assert.ok(Object.isFrozen(hit.measure) && Object.isFrozen(hit.measure.departments), hit.id);
    assert.deepEqual(hit.measure, await pc.measure(hit.id));
  }
  assert.throws(() => {
    again.hits[0].measure.text = 'changed'; // modules are strict: writing a frozen record throws
  }, TypeError);
  // The module sends the page in arrays (load.js makes the objects again): a hit is [its plan's
  // place in hitPlans, score, spans flat, title spans flat, position], without its record, which
  // recordsAt gives by position.
  const module = await import(join(pkg, 'plan_compare.js'));
  // Given the files it names, as load.js does (an earlier test may have handed the package over to
  // the full module, which then received the files fetched since).
  for (let missing; (missing = module.needsForSearch('地理标志', { limit: 50 })).length; ) {
    for (const name of missing) module.addFile(name, new Uint8Array(readFileSync(join(pkgData, name))));
  }
  const raw = module.search('地理标志', { limit: 50 });
  assert.deepEqual(Object.keys(first.hits[1]), ['id', 'plan', 'planLabel', 'score', 'highlights', 'titleHighlights', 'measure']);
  assert.ok(first.hits.some((h) => h.highlights.length > 1), 'a hit with two spans or more');
  assert.equal(raw.hits.length, first.hits.length);
  const records = module.recordsAt(Uint32Array.from(raw.hits, (row) => row[4]));
  for (const [i, hit] of first.hits.entries()) {
    const [place, score, highlights, titleHighlights] = raw.hits[i];
    assert.deepEqual(raw.hitPlans[place], [hit.plan, hit.planLabel], hit.id);
    assert.equal(score, hit.score, hit.id);
    assert.ok(hit.highlights.every((span) => Array.isArray(span) && span.length === 2), hit.id);
    assert.deepEqual([hit.highlights.flat(), hit.titleHighlights.flat()], [highlights, titleHighlights], hit.id);
    assert.deepEqual(records[i], hit.measure);
  }
  assert.deepEqual(raw.phrases.map(([text, weight, from]) => ({ text, weight, from })), first.phrases);
  assert.deepEqual(raw.plans.map(([plan, score, count, share]) => ({ plan, score, count, share })), first.plans);
  assert.deepEqual(raw.facets.agency.map(([value, count]) => ({ value, count })), first.facets.agency);
  assert.equal(codeOfSync(() => module.recordsAt(Uint32Array.of(4e9))), 'INVALID_ARGUMENT');
  // A plan removed and another added after it: each one's hits carry its own records.
  const meta = { region: '深圳市', level: 'city', yearStart: 2019 };
  const text = (what) => `深圳市2019年知识产权工作要点\n一、促进知识产权运用\n（一）${what}地理标志商标培育。（市市场监管局负责）\n`;
  const one = (await pc.addPlan(text('推进'), meta)).plans[0].id;
  assert.match((await pc.search('地理标志', { plans: [one] })).hits[0].measure.text, /推进/);
  pc.removePlan(one);
  const two = (await pc.addPlan(text('加快'), meta)).plans[0].id;
  try {
    const hit = (await pc.search('地理标志', { plans: [two] })).hits[0];
    assert.match(hit.measure.text, /加快/, `${one} then ${two}`);
  } finally {
    pc.removePlan(two);
  }
});

test('matchThemes(), themeMatrix(), compare()', async () => {
  const themes = pc.matchThemes('推进专利质押融资，加强海关执法');
  assert.ok(themes.some((t) => t.id === 'pledge-financing'));
  assert.ok(themes.every((t, i) => i === 0 || themes[i - 1].score >= t.score));
  const matrix = await pc.themeMatrix();
  assert.equal(matrix.plans.length, 35);
  assert.equal(matrix.cells.length, 35);
  assert.equal(matrix.themes.length, pc.themes().length);
  assert.ok(matrix.cells.every((row) => row.length === matrix.themes.length));
  const small = await pc.themeMatrix({ plans: ['beijing-2018'], themes: ['pledge-financing'] });
  assert.equal(small.cells[0][0].count, (await pc.filter({ plans: ['beijing-2018'], themes: ['pledge-financing'] })).total);
  const byTheme = await pc.compare(['beijing-2018', 'shanghai-2018'], { theme: 'pledge-financing' });
  assert.deepEqual(byTheme.rows.map((r) => r.plan), ['beijing-2018', 'shanghai-2018']);
  for (const r of byTheme.rows) assert.ok(await all(r.measures, async (id) => (await planOf(id)) === r.plan), r.plan);
  const item = (await pc.filter({ plans: ['beijing-2018'] })).items[0].work_item;
  const byItem = await pc.compare(['beijing-2018', 'tianjin-2018'], { workItem: item });
  assert.equal(byItem.rows.length, 2);
  assert.ok(byItem.rows[0].measures.length > 0);
});

test('similarity(), sharedPassages(), templateCoverage(), indicators()', async (t) => {
  let started = performance.now();
  const sim = await pc.similarity();
  t.diagnostic(`similarity() over ${sim.plans.length} plans in wasm: ${(performance.now() - started).toFixed(1)} ms`);
  assert.equal(sim.plans.length, 35);
  assert.ok(sim.cells.every((row, i) => row.length === 35 && row.every((c) => c === null || c <= row[i])));
  assert.equal(sim.merges.length, 34);
  const [top] = sim.pairs;
  started = performance.now();
  const ev = await pc.sharedPassages(top.a, top.b);
  t.diagnostic(`sharedPassages() in wasm: ${(performance.now() - started).toFixed(1)} ms`);
  assert.ok(ev.passages.length > 0);
  for (const p of ev.passages) {
    // Spans are UTF-16 units into the measure's field, and show the passage as printed.
    const m = await pc.measure(p.a.measure);
    assert.equal((p.a.field === 'title' ? m.title : m.text).slice(p.a.span[0], p.a.span[1]), p.a.text);
    assert.equal(await planOf(p.b.measure), top.b);
  }
  const one = await pc.sharedPassages('beijing-2018');
  assert.equal(one.planB, null);
  assert.ok(one.ownShare > 0 && one.ownShare <= 1 && one.nearest.length > 0);
  const byTheme = await pc.similarity({ plans: ['beijing-2018', 'tianjin-2018'], by: { theme: 'pledge-financing' } });
  assert.equal(byTheme.plans.length, 2);
  const cov = await pc.templateCoverage({ plans: ['beijing-2018'] });
  assert.equal(cov.plans[0].cells.length, cov.items.length);
  assert.equal(cov.plans[0].kept + cov.plans[0].dropped, cov.items.length);
  assert.ok(cov.plans[0].addedItems.every((a) => a.other));
  assert.equal((await pc.templateCoverage()).plans.length, 31);
  const ind = await pc.indicators({ theme: 'pledge-financing' });
  assert.ok(ind.indicators.length > 0 && ind.units.some((u) => u.unit === '万元'));
  for (const i of ind.indicators) {
    const m = await pc.measure(i.measure);
    assert.equal((i.field === 'title' ? m.title : m.text).slice(i.span[0], i.span[1]), i.phrase);
  }
});

test('pattern functions refuse bad input with a code', async () => {
  await expectCodes([
    ['similarity: plans a string', () => pc.similarity({ plans: 'beijing-2018' }), 'INVALID_ARGUMENT'],
    ['similarity: unknown plan', () => pc.similarity({ plans: ['nope'] }), 'UNKNOWN_PLAN'],
    ['similarity: unknown theme', () => pc.similarity({ by: { theme: 'nope' } }), 'UNKNOWN_THEME'],
    ['similarity: focus 9', () => pc.similarity({ by: { focus: 9 } }), 'INVALID_ARGUMENT'],
    ['similarity: focus -1', () => pc.similarity({ by: { focus: -1 } }), 'INVALID_ARGUMENT'],
    ['similarity: misspelt key', () => pc.similarity({ plna: [] }), 'INVALID_ARGUMENT'],
    ['sharedPassages: no plan', () => pc.sharedPassages(), 'INVALID_ARGUMENT'],
    ['sharedPassages: number', () => pc.sharedPassages(1), 'INVALID_ARGUMENT'],
    ['sharedPassages: unknown', () => pc.sharedPassages('beijing-2018', 'nope'), 'UNKNOWN_PLAN'],
    ['sharedPassages: same plan', () => pc.sharedPassages('beijing-2018', 'beijing-2018'), 'INVALID_ARGUMENT'],
    ['sharedPassages: surrogate', () => pc.sharedPassages('\uD800'), 'INVALID_ARGUMENT'],
    ['sharedPassages: limit', () => pc.sharedPassages('beijing-2018', null, { limit: 5000 }), 'INVALID_ARGUMENT'],
    ['sharedPassages: NaN limit', () => pc.sharedPassages('beijing-2018', null, { limit: NaN }), 'INVALID_ARGUMENT'],
    ['templateCoverage: prose plan', () => pc.templateCoverage({ plans: ['guangdong-2016'] }), 'INVALID_ARGUMENT'],
    ['templateCoverage: __proto__', () => pc.templateCoverage(JSON.parse('{"__proto__": 1}')), 'INVALID_ARGUMENT'],
    ['indicators: unknown theme', () => pc.indicators({ theme: 'nope' }), 'UNKNOWN_THEME'],
    ['indicators: empty work item', () => pc.indicators({ workItem: '' }), 'EMPTY_QUERY'],
    ['indicators: long work item', () => pc.indicators({ workItem: 'x'.repeat(3000) }), 'QUERY_TOO_LONG'],
    ['indicators: surrogate', () => pc.indicators({ workItem: '\uDC00' }), 'INVALID_ARGUMENT'],
  ]);
});

test('diff(): Beijing and Tianjin 2018 align by work item', async () => {
  const d = await pc.diff('beijing-2018', 'tianjin-2018');
  assert.equal(d.planA, 'beijing-2018');
  assert.ok(d.pairs.length > 10);
  assert.ok(d.pairs.some((p) => p.by === 'workItem'));
  for (const p of d.pairs.filter((p) => p.by === 'workItem')) {
    assert.equal(await planOf(p.a), 'beijing-2018');
    assert.equal(await planOf(p.b), 'tianjin-2018');
  }
  assert.ok(d.pairs.some((p) => p.changes.length > 0));
  assert.ok(Array.isArray(d.departments.shared) && Array.isArray(d.targets.pairs));
  const plain = await pc.diff('beijing-2018', 'tianjin-2018', { noChanges: true });
  assert.ok(plain.pairs.every((p) => p.changes.length === 0));
});

test('query functions refuse bad input with stable codes', async () => {
  const deep = {};
  let at = deep;
  for (let i = 0; i < 10_000; i++) at = at.plans = {};
  await expectCodes([
    ['filter: array', () => pc.filter([]), 'INVALID_ARGUMENT'],
    ['filter: string', () => pc.filter('beijing'), 'INVALID_ARGUMENT'],
    ['filter: unknown key', () => pc.filter({ plan: ['beijing-2018'] }), 'INVALID_ARGUMENT'],
    ['filter: plans a string', () => pc.filter({ plans: 'beijing-2018' }), 'INVALID_ARGUMENT'],
    ['filter: unknown plan', () => pc.filter({ plans: ['nope'] }), 'UNKNOWN_PLAN'],
    ['filter: unknown theme', () => pc.filter({ themes: ['nope'] }), 'UNKNOWN_THEME'],
    ['filter: bad level', () => pc.filter({ levels: ['planet'] }), 'INVALID_ARGUMENT'],
    ['filter: NaN limit', () => pc.filter({ limit: NaN }), 'INVALID_ARGUMENT'],
    ['filter: negative limit', () => pc.filter({ limit: -1 }), 'INVALID_ARGUMENT'],
    ['filter: fractional limit', () => pc.filter({ limit: 1.5 }), 'INVALID_ARGUMENT'],
    ['filter: limit 5000', () => pc.filter({ limit: 5000 }), 'INVALID_ARGUMENT'],
    ['filter: negative offset', () => pc.filter({ offset: -5 }), 'INVALID_ARGUMENT'],
    ['filter: surrogate in array', () => pc.filter({ plans: ['\uD800'] }), 'INVALID_ARGUMENT'],
    ['filter: __proto__ key', () => pc.filter(JSON.parse('{"__proto__": {"limit": 1}}')), 'INVALID_ARGUMENT'],
    ['filter: deeply nested', () => pc.filter(deep), 'INVALID_ARGUMENT'],
    ['filter: huge word', () => pc.filter({ words: ['x'.repeat(5000)] }), 'QUERY_TOO_LONG'],
    ['search: number', () => pc.search(42), 'INVALID_ARGUMENT'],
    ['search: undefined', () => pc.search(), 'INVALID_ARGUMENT'],
    ['search: empty', () => pc.search(''), 'EMPTY_QUERY'],
    ['search: punctuation', () => pc.search('，。！'), 'EMPTY_QUERY'],
    ['search: 1 MB', () => pc.search('x'.repeat(1 << 20)), 'QUERY_TOO_LONG'],
    ['search: 1001 CJK', () => pc.search('专'.repeat(1001)), 'QUERY_TOO_LONG'],
    ['search: lone surrogate', () => pc.search('专利\uDC00'), 'INVALID_ARGUMENT'],
    ['search: options array', () => pc.search('专利', []), 'INVALID_ARGUMENT'],
    ['search: unknown option', () => pc.search('专利', { limt: 5 }), 'INVALID_ARGUMENT'],
    ['search: NaN limit', () => pc.search('专利', { limit: NaN }), 'INVALID_ARGUMENT'],
    ['search: unknown plan', () => pc.search('专利', { plans: ['nope'] }), 'UNKNOWN_PLAN'],
    ['search: unknown theme', () => pc.search('专利', { themes: ['nope'] }), 'UNKNOWN_THEME'],
    ['matchThemes: object', () => pc.matchThemes({}), 'INVALID_ARGUMENT'],
    ['matchThemes: empty', () => pc.matchThemes('  '), 'EMPTY_QUERY'],
    ['matchThemes: 1 MB', () => pc.matchThemes('x'.repeat(1 << 20)), 'QUERY_TOO_LONG'],
    ['themeMatrix: unknown plan', () => pc.themeMatrix({ plans: ['nope'] }), 'UNKNOWN_PLAN'],
    ['themeMatrix: unknown theme', () => pc.themeMatrix({ themes: ['nope'] }), 'UNKNOWN_THEME'],
    ['themeMatrix: unknown key', () => pc.themeMatrix({ rows: [] }), 'INVALID_ARGUMENT'],
    ['diff: numbers', () => pc.diff(1, 2), 'INVALID_ARGUMENT'],
    ['diff: one plan', () => pc.diff('beijing-2018'), 'INVALID_ARGUMENT'],
    ['diff: unknown plan', () => pc.diff('beijing-2018', 'nope'), 'UNKNOWN_PLAN'],
    ['diff: threshold 2', () => pc.diff('beijing-2018', 'tianjin-2018', { threshold: 2 }), 'INVALID_ARGUMENT'],
    ['diff: threshold NaN', () => pc.diff('beijing-2018', 'tianjin-2018', { threshold: NaN }), 'INVALID_ARGUMENT'],
    ['diff: threshold string', () => pc.diff('beijing-2018', 'tianjin-2018', { threshold: '0.5' }), 'INVALID_ARGUMENT'],
    ['diff: huge id', () => pc.diff('x'.repeat(10_000), 'tianjin-2018'), 'TOO_LARGE'],
    ['compare: ids a string', () => pc.compare('beijing-2018', { theme: 'pledge-financing' }), 'INVALID_ARGUMENT'],
    ['compare: no ids', () => pc.compare([], { theme: 'pledge-financing' }), 'INVALID_ARGUMENT'],
    ['compare: id number', () => pc.compare([1], { theme: 'pledge-financing' }), 'INVALID_ARGUMENT'],
    ['compare: unknown plan', () => pc.compare(['nope'], { theme: 'pledge-financing' }), 'UNKNOWN_PLAN'],
    ['compare: unknown theme', () => pc.compare(['beijing-2018'], { theme: 'nope' }), 'UNKNOWN_THEME'],
    ['compare: no by', () => pc.compare(['beijing-2018']), 'INVALID_ARGUMENT'],
    ['compare: empty by', () => pc.compare(['beijing-2018'], {}), 'INVALID_ARGUMENT'],
    ['compare: both keys', () => pc.compare(['beijing-2018'], { theme: 'pledge-financing', workItem: 'x' }), 'INVALID_ARGUMENT'],
    ['compare: misspelt key', () => pc.compare(['beijing-2018'], { them: 'x' }), 'INVALID_ARGUMENT'],
    ['compare: surrogate', () => pc.compare(['beijing-2018'], { workItem: '\uD800' }), 'INVALID_ARGUMENT'],
    ['compare: 10,001 ids', () => pc.compare(Array(10_001).fill('beijing-2018'), { theme: 'pledge-financing' }), 'TOO_LARGE'],
  ]);
  assert.equal((await pc.filter({ plans: ['beijing-2018'] })).total, 47, 'still answering');
});

test('a million-entry option array is refused with TOO_LARGE', async () => {
  const million = Array(1_000_000).fill('北京市');
  await expectCodes([
    ['filter: a million regions', () => pc.filter({ regions: million }), 'TOO_LARGE'],
    ['filter: a million plans', () => pc.filter({ plans: Array(1_000_000).fill('beijing-2018') }), 'TOO_LARGE'],
    ['search: a million plans', () => pc.search('专利', { plans: Array(1_000_000).fill('beijing-2018') }), 'TOO_LARGE'],
    ['themeMatrix: a million plans', () => pc.themeMatrix({ plans: Array(1_000_000).fill('x') }), 'TOO_LARGE'],
    ['compare: a million ids', () => pc.compare(Array(1_000_000).fill('x'), { theme: 'pledge-financing' }), 'TOO_LARGE'],
  ]);
  assert.equal((await pc.filter({ regions: ['北京市'], limit: 0 })).total, 47, 'still answering');
});

test("addPlan(): a reader's plan is filtered, searched, diffed, compared and in the matrix until removed", async () => {
  const snapshot = () => Promise.all([pc.filter({ limit: 1000 }), pc.search('专利质押融资'), pc.themeMatrix()]);
  const before = await snapshot();
  const id = (await pc.addPlan(planText, planMeta)).plans[0].id;
  try {
    assert.ok((await pc.filter({ plans: [id] })).total > 0);
    assert.ok((await pc.themeMatrix()).plans.includes(id));
    assert.ok((await pc.diff(id, 'beijing-2018')).planA === id);
    assert.equal((await pc.compare([id], { theme: 'pledge-financing' })).rows[0].plan, id);
  } finally {
    pc.removePlan(id);
  }
  assert.deepEqual(await snapshot(), before);
});

test("addPlan() on a seed's own text gives the measures the bundle holds for it", async (t) => {
  const plans = pc.plans();
  // One-plan seeds (the prose documents); the provincial compilation is covered by exportData().
  for (const plan of plans.filter((p) => plans.filter((q) => q.source === p.source).length === 1)) {
    const text = readFileSync(join(repo, plan.source), 'utf8');
    const meta = { region: plan.region, level: plan.level, kind: plan.kind, yearStart: plan.year_start, yearEnd: plan.year_end };
    const started = performance.now();
    const added = await pc.addPlan(text, meta);
    t.diagnostic(`addPlan(${plan.source}, ${text.length} chars): ${(performance.now() - started).toFixed(1)} ms`);
    const id = added.plans[0].id;
    const strip = (m) => ({ ...m, id: m.id.slice(m.plan.length), plan: undefined });
    assert.deepEqual((await pc.measures({ plan: id })).map(strip), (await pc.measures({ plan: plan.id })).map(strip), plan.id);
    pc.removePlan(id);
  }
});

test('at most 64 added plans, then TOO_LARGE', async () => {
  const ids = [];
  for (let i = 0; i < 64; i++) ids.push((await pc.addPlan(planText, planMeta)).plans[0].id);
  assert.equal(await codeOf(() => pc.addPlan(planText, planMeta)), 'TOO_LARGE');
  for (const id of ids) pc.removePlan(id);
});

test('exportData() equals the native `plan-compare export --format json`', async (t) => {
  if (!existsSync(bin)) return t.skip(`no native binary at ${bin}`);
  const native = JSON.parse(execFileSync(bin, ['export', '--format', 'json'], { maxBuffer: 1 << 28 }));
  assert.deepEqual(await pc.exportData(), native);
});

test('dataVersion() is the catalogue\'s 16-hex content hash, the same for every copy of a directory', async (t) => {
  await pc.init(); // the main instance answers as the whole directory does
  const version = pc.dataVersion();
  assert.match(version, /^[0-9a-f]{16}$/);
  assert.equal(manifest.catalog, `catalog.${version}.bin`);
  // Two more inits of the same content (the package's directory, and a copy elsewhere).
  const one = (await freshPackage(t)).pc;
  await one.init({ data: pkgData });
  const two = (await freshPackage(t)).pc;
  await two.init({ data: copyOfData(t) });
  assert.equal(one.dataVersion(), version);
  assert.equal(two.dataVersion(), version);
  assert.equal(codeOfSync(() => one.dataVersion()), 'NO ERROR');
});

test('dataFiles() names every file of the directory, fetched or not', async (t) => {
  await pc.init(); // the main instance answers as the whole directory does
  const { pc: fresh } = await freshPackage(t);
  const dir = copyOfData(t);
  await fresh.init({ data: dir });
  const expected = dataNames.map((name) => join(dir, name)).sort();
  assert.deepEqual((await fresh.dataFiles()).sort(), expected, 'before any call');
  await fresh.diff('beijing-2018', 'tianjin-2018');
  await fresh.search('专利质押');
  assert.deepEqual((await fresh.dataFiles()).sort(), expected, 'after some files were read');
  await fresh.loadAll();
  assert.deepEqual((await fresh.dataFiles()).sort(), expected, 'after every file was read');
  // The default directory: the package's own data/ (here, of the main instance).
  assert.deepEqual((await pc.dataFiles()).sort(), dataNames.map((name) => join(pkgData, name)));
});

/** A data directory built from some documents of seeds/catalog.toml (their entries copied as they are). */
function buildData(t, paths) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-compare-catalog-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const seeds = readFileSync(join(repo, 'seeds/catalog.toml'), 'utf8');
  const entries = seeds.split(/^(?=\[\[document\]\]$)/m).slice(1);
  const chosen = paths.map((path) => entries.find((e) => e.includes(`\npath = "${path}"\n`)));
  assert.ok(chosen.every(Boolean), `${paths} are not all in seeds/catalog.toml`);
  // An absolute root: the documents stay where they are, the catalogue lives elsewhere.
  writeFileSync(join(dir, 'catalog.toml'), `version = 1\nroot = ${JSON.stringify(repo)}\n\n${chosen.join('\n')}`);
  execFileSync(bin, ['build', '--catalog', join(dir, 'catalog.toml'), '--out', join(dir, 'data')], { stdio: 'pipe' });
  return join(dir, 'data');
}

test('init({ data }) opens another directory: exactly its plans, and every call answers from them', async (t) => {
  await pc.init(); // the main instance answers as the whole directory does
  if (!existsSync(bin)) return t.skip(`no native binary at ${bin}`);
  const sources = ['seeds/shanwei-chengqu-2018-work-points.txt', 'seeds/shantou-2016-2020-five-year-plan.txt',
    'seeds/guangdong-2016-work-points.txt'];
  const data = buildData(t, sources);
  const { pc: other } = await freshPackage(t);
  await other.init({ data });
  // The same plan records as the seeds' directory has for these documents, and no other.
  const expected = pc.plans().filter((p) => sources.includes(p.source));
  assert.equal(expected.length, 3);
  assert.deepEqual(other.plans(), expected);
  const ids = expected.map((p) => p.id);
  assert.notEqual(other.dataVersion(), pc.dataVersion());
  assert.equal((await other.dataFiles()).length, readdirSync(data).length);
  // Measures: each plan's as in the seeds' directory; none of another plan.
  let count = 0;
  for (const id of ids) {
    const mine = await other.measures({ plan: id });
    assert.deepEqual(mine, await pc.measures({ plan: id }), id);
    count += mine.length;
  }
  assert.equal((await other.measures()).length, count);
  assert.equal(JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')).measures, count);
  assert.equal(await codeOf(() => other.measures({ plan: 'beijing-2018' })), 'UNKNOWN_PLAN');
  // filter: the total is the three plans', facets count only them.
  const everything = await other.filter({ limit: 0 });
  assert.equal(everything.total, count);
  assert.equal(everything.facets.region.reduce((n, f) => n + f.count, 0), count);
  assert.deepEqual(everything.facets.region.map((f) => f.value).sort(), [...new Set(expected.map((p) => p.region))].sort());
  for (const id of ids) {
    assert.equal((await other.filter({ plans: [id], limit: 0 })).total, (await pc.filter({ plans: [id], limit: 0 })).total, id);
  }
  assert.equal(await codeOf(() => other.filter({ plans: ['beijing-2018'] })), 'UNKNOWN_PLAN');
  // search: hits only in these plans, and among them the seeds' directory's own hits for these plans.
  const found = await other.search('专利', { limit: 1000 });
  assert.ok(found.total > 0);
  assert.ok(found.hits.every((h) => ids.includes(h.plan)));
  const there = await pc.search('专利', { plans: ids, limit: 1000 });
  assert.deepEqual(new Set(found.hits.map((h) => h.id)), new Set(there.hits.map((h) => h.id)));
  // diff and the matrix.
  const d = await other.diff('shantou-2016-2020', 'guangdong-2016');
  assert.equal(d.planA, 'shantou-2016-2020');
  assert.equal(d.planB, 'guangdong-2016');
  assert.ok(d.pairs.length > 0);
  for (const p of d.pairs) {
    assert.equal((await other.measure(p.a)).plan, 'shantou-2016-2020');
    assert.equal((await other.measure(p.b)).plan, 'guangdong-2016');
  }
  // Aligned as the seeds' directory aligns them (the inline changes are split by the directory's own
  // vocabulary, so they may be cut differently).
  const seeds = await pc.diff('shantou-2016-2020', 'guangdong-2016');
  const alignment = (r) => ({ ...r, pairs: r.pairs.map((p) => ({ ...p, changes: undefined })) });
  assert.deepEqual(alignment(d), alignment(seeds));
  const text = (changes, op) => changes.filter((c) => c.op !== op).map((c) => c.text).join('');
  for (const [i, p] of d.pairs.entries()) {
    assert.equal(text(p.changes, 'insert'), text(seeds.pairs[i].changes, 'insert'), `A's text, pair ${i}`);
    assert.equal(text(p.changes, 'delete'), text(seeds.pairs[i].changes, 'delete'), `B's text, pair ${i}`);
  }
  assert.equal(await codeOf(() => other.diff('beijing-2018', 'tianjin-2018')), 'UNKNOWN_PLAN');
  assert.deepEqual((await other.themeMatrix()).plans, ids);
});

test('init() of a missing directory rejects DATA_UNAVAILABLE, and may then be retried', async (t) => {
  const { pc: fresh } = await freshPackage(t);
  const missing = join(tmpdir(), 'plan-compare-no-such-directory', 'data');
  const error = await rejectionOf(() => fresh.init({ data: missing }));
  assert.ok(fresh.isPlanCompareError(error), String(error));
  assert.equal(error.code, 'DATA_UNAVAILABLE');
  assert.match(error.message, /manifest\.json/);
  // Still not initialised …
  assert.equal(codeOfSync(() => fresh.plans()), 'NOT_INITIALISED');
  assert.equal(codeOfSync(() => fresh.dataVersion()), 'NOT_INITIALISED');
  assert.equal(await codeOf(() => fresh.filter()), 'NOT_INITIALISED');
  // … and a later init() tries again (with another directory, or the default).
  await fresh.init({ data: copyOfData(t) });
  assert.equal(fresh.plans().length, manifest.plans);
  assert.equal((await fresh.filter({ plans: ['beijing-2018'] })).total, 47);
  // Once it succeeded, init() keeps that directory: a later init({ data }) returns the same promise.
  const again = await rejectionOf(() => fresh.init({ data: missing }));
  assert.equal(again, undefined);
  assert.equal(fresh.plans().length, manifest.plans);
});

test('a manifest of another format or version is BUNDLE_INVALID; a missing catalogue DATA_UNAVAILABLE', async (t) => {
  const { pc: fresh } = await freshPackage(t);
  const broken = async (edit) => {
    const dir = copyOfData(t);
    edit(dir);
    return rejectionOf(() => fresh.init({ data: dir }));
  };
  const rewrite = (change) => (dir) =>
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, ...change }));
  for (const [what, edit, code] of [
    ['version 2', rewrite({ version: 2 }), 'BUNDLE_INVALID'],
    ['version 0', rewrite({ version: 0 }), 'BUNDLE_INVALID'],
    ['another format', rewrite({ format: 'pagefind' }), 'BUNDLE_INVALID'],
    ['not JSON', (dir) => writeFileSync(join(dir, 'manifest.json'), '<!doctype html>'), 'BUNDLE_INVALID'],
    ['no catalogue named', (dir) => writeFileSync(join(dir, 'manifest.json'), '{"format":"plan-compare-data","version":1}'), 'BUNDLE_INVALID'],
    ['catalogue missing', (dir) => rmSync(join(dir, manifest.catalog)), 'DATA_UNAVAILABLE'],
    ['catalogue truncated', (dir) => writeFileSync(join(dir, manifest.catalog), readFileSync(join(pkgData, manifest.catalog)).subarray(0, 100)), 'BUNDLE_INVALID'],
  ]) {
    const error = await broken(edit);
    assert.ok(fresh.isPlanCompareError(error), `${what}: ${error}`);
    assert.equal(error.code, code, `${what}: ${error.message}`);
    assert.equal(codeOfSync(() => fresh.plans()), 'NOT_INITIALISED', what);
  }
  await fresh.init({ data: pkgData });
  assert.equal(fresh.plans().length, manifest.plans);
});

test('init({ data }) in Node takes a file: URL too', async (t) => {
  const { pc: fresh } = await freshPackage(t);
  await fresh.init({ data: pathToFileURL(`${pkgData}/`) });
  assert.equal(fresh.plans().length, manifest.plans);
  assert.equal((await fresh.filter({ plans: ['beijing-2018'] })).total, 47);
});

test("the browser entry's catalogue guess: read beside the manifest when right, and only the manifest's catalogue counts", async (t) => {
  // js/index.js passes the package's own catalogue name as `catalogGuess` (saving a round trip);
  // a data directory rebuilt in place names another one in its manifest, which must win.
  const other = buildData(t, ['seeds/guangdong-2016-work-points.txt']);
  for (const [data, guess, plans] of [[pkgData, manifest.catalog, manifest.plans], [other, manifest.catalog, 1]]) {
    const { dir } = await freshPackage(t);
    const load = await import(join(dir, 'load.js'));
    const reads = [];
    await load.start({
      catalogGuess: guess,
      small: () => readFileSync(join(dir, 'plan_compare_bg.wasm')),
      locate: (name) => join(data, name),
      read: async (name) => {
        reads.push(name);
        return new Uint8Array(readFileSync(join(existsSync(join(data, name)) ? data : pkgData, name)));
      },
    });
    const api = await import(join(dir, 'api.js'));
    assert.equal(api.plans().length, plans, data);
    const named = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')).catalog;
    assert.equal(api.dataVersion(), named.replace(/^catalog\.|\.bin$/g, ''), 'the manifest\'s catalogue, not the guess');
    assert.deepEqual(reads.sort(), [...new Set(['manifest.json', guess, named])].sort());
  }
});

test('a call made while init() is still running waits for it', async (t) => {
  const { pc: fresh } = await freshPackage(t);
  const started = fresh.init({ data: pkgData });
  const total = fresh.filter({ plans: ['beijing-2018'] });
  assert.equal(codeOfSync(() => fresh.plans()), 'NOT_INITIALISED', 'the sync functions need init() to be done');
  await started;
  assert.equal((await total).total, 47);
});

test('over HTTP a diff fetches the manifest, the catalogue, its two plans\' chunks and the vocabulary, each once', async (t) => {
  await pc.init(); // the main instance answers as the whole directory does
  const server = await serve({ '/data/': pkgData });
  t.after(() => server.close());
  const { pc: fresh } = await freshPackage(t);
  const counts = () => countsUnder(server.requests, '/data/');
  await fresh.init({ data: `${server.url}/data/` });
  assert.deepEqual(counts(), { 'manifest.json': 1, [manifest.catalog]: 1 }, 'init() reads only these');
  assert.equal(server.requests.length, 2, 'and nothing outside the data directory');
  fresh.plans();
  fresh.themes();
  fresh.matchThemes('推进专利质押融资');
  assert.equal(server.requests.length, 2, 'the sync functions fetch nothing');

  // Two identical diffs at once: each chunk is fetched once.
  const [d, same] = await Promise.all([fresh.diff('beijing-2018', 'tianjin-2018'), fresh.diff('beijing-2018', 'tianjin-2018')]);
  assert.deepEqual(same, d);
  const chunks = Object.keys(counts()).filter((name) => name.startsWith('plan.'));
  assert.equal(chunks.length, 2, JSON.stringify(counts()));
  // The vocabulary file: inline changes segment the measures' texts (data format 4).
  const vocab = Object.keys(counts()).filter((name) => name.startsWith('vocab.'));
  assert.equal(vocab.length, 1, JSON.stringify(counts()));
  assert.deepEqual(counts(), { 'manifest.json': 1, [manifest.catalog]: 1, [chunks[0]]: 1, [chunks[1]]: 1, [vocab[0]]: 1 });
  assert.deepEqual(d, await pc.diff('beijing-2018', 'tianjin-2018'), 'the same answer as from the whole directory');
  // Again, and the measures of these plans: nothing more.
  const fetched = server.requests.length;
  assert.deepEqual(await fresh.diff('beijing-2018', 'tianjin-2018'), d);
  await fresh.measures({ plan: 'beijing-2018' });
  await fresh.measure(d.pairs[0].b);
  await fresh.compare(['tianjin-2018', 'beijing-2018'], { theme: 'pledge-financing' });
  assert.equal(server.requests.length, fetched, server.requests.slice(fetched).join(', '));
  // A third plan: one more chunk.
  await fresh.diff('beijing-2018', 'shanghai-2018');
  const third = server.requests.slice(fetched);
  assert.equal(third.length, 1, third.join(', '));
  assert.match(third[0], /^\/data\/plan\.[0-9a-f]{16}\.bin$/);
  // filter on plan fields of a loaded plan: the summary only (its facets), as docs/data-format.md says.
  const before = server.requests.length;
  assert.equal((await fresh.filter({ plans: ['beijing-2018'] })).total, 47);
  const forFilter = server.requests.slice(before);
  assert.equal(forFilter.length, 1, forFilter.join(', '));
  assert.match(forFilter[0], /^\/data\/summary\.[0-9a-f]{16}\.bin$/);
  // A search fetches index shards, the theme shard of the theme it names (专利质押: pledge financing)
  // and the fragments of its page's hits (records in small groups), never a plan chunk or the
  // extras; then nothing again.
  const beforeSearch = server.requests.length;
  const hits = await fresh.search('专利质押');
  assert.deepEqual(hits, await pc.search('专利质押'));
  const forSearch = server.requests.slice(beforeSearch);
  assert.ok(forSearch.some((p) => p.startsWith('/data/shard.')), forSearch.join(', '));
  assert.ok(forSearch.some((p) => p.startsWith('/data/frag.')), forSearch.join(', '));
  assert.equal(forSearch.filter((p) => p.startsWith('/data/theme.')).length, 1, forSearch.join(', '));
  assert.ok(forSearch.every((p) => /^\/data\/(shard|theme|frag)\.[0-9a-f]{16}\.bin$/.test(p)), forSearch.join(', '));
  assert.ok(Object.values(counts()).every((n) => n === 1), JSON.stringify(counts()));
  const afterSearch = server.requests.length;
  await fresh.search('专利质押');
  assert.equal(server.requests.length, afterSearch);
  assert.ok(server.requests.length < dataNames.length, 'not the whole directory');

  // The two chunks are all a diff of these plans needs: a directory without every other chunk answers.
  const trimmed = copyOfData(t);
  for (const name of dataNames.filter((n) => n.startsWith('plan.') && !chunks.includes(n))) rmSync(join(trimmed, name));
  const { pc: lean } = await freshPackage(t);
  await lean.init({ data: trimmed });
  assert.deepEqual(await lean.diff('beijing-2018', 'tianjin-2018'), d);
  // Another plan's chunk is missing: DATA_UNAVAILABLE, and the instance still answers what it has.
  const error = await rejectionOf(() => lean.diff('beijing-2018', 'shanghai-2018'));
  assert.equal(error?.code, 'DATA_UNAVAILABLE', String(error));
  assert.ok(lean.isPlanCompareError(error));
  assert.deepEqual(await lean.diff('beijing-2018', 'tianjin-2018'), d);
});

test('a file that cannot be fetched gives DATA_UNAVAILABLE, and the next call fetches it again', async (t) => {
  await pc.init(); // the main instance answers as the whole directory does
  const dir = copyOfData(t);
  const server = await serve({ '/data/': dir });
  t.after(() => server.close());
  const { pc: fresh } = await freshPackage(t);
  await fresh.init({ data: `${server.url}/data` }); // no trailing slash: the directory all the same
  // Hide every plan chunk (HTTP 404): the diff cannot be answered.
  const chunks = dataNames.filter((n) => n.startsWith('plan.'));
  const hidden = mkdtempSync(join(tmpdir(), 'plan-compare-hidden-'));
  t.after(() => rmSync(hidden, { recursive: true, force: true }));
  for (const name of chunks) {
    cpSync(join(dir, name), join(hidden, name));
    rmSync(join(dir, name));
  }
  const error = await rejectionOf(() => fresh.diff('beijing-2018', 'tianjin-2018'));
  assert.ok(fresh.isPlanCompareError(error), String(error));
  assert.equal(error.code, 'DATA_UNAVAILABLE');
  assert.match(error.message, /404/);
  // The call rejects at the first failure; let the other chunk's request (in flight) fail too.
  await new Promise((done) => setTimeout(done, 300));
  const failed = Object.keys(countsUnder(server.requests, '/data/')).filter((n) => n.startsWith('plan.'));
  assert.ok(failed.length >= 1 && failed.length <= 2, failed.join(', '));
  // Back in place: the same call fetches them again and answers.
  for (const name of chunks) cpSync(join(hidden, name), join(dir, name));
  assert.deepEqual(await fresh.diff('beijing-2018', 'tianjin-2018'), await pc.diff('beijing-2018', 'tianjin-2018'));
  const counts = countsUnder(server.requests, '/data/');
  const fetched = Object.keys(counts).filter((n) => n.startsWith('plan.'));
  assert.equal(fetched.length, 2, JSON.stringify(counts));
  for (const name of fetched) assert.equal(counts[name], failed.includes(name) ? 2 : 1, JSON.stringify(counts));
  // The server gone: a call that needs a new file is DATA_UNAVAILABLE; one that needs none still answers.
  await server.close();
  assert.equal(await codeOf(() => fresh.search('专利质押')), 'DATA_UNAVAILABLE');
  assert.equal((await fresh.diff('beijing-2018', 'tianjin-2018', { noChanges: true })).planA, 'beijing-2018');
});

test('loadAll() fetches every file once with progress; then every call answers with the server stopped', async (t) => {
  await pc.init(); // the main instance answers as the whole directory does
  const server = await serve({ '/data/': pkgData });
  t.after(() => server.close());
  const { pc: fresh } = await freshPackage(t);
  await fresh.init({ data: `${server.url}/data/` });
  const progress = [];
  assert.equal(await fresh.loadAll((p) => progress.push({ ...p })), undefined);
  const total = dataNames.length - 2; // all but the manifest and the catalogue, which init() read
  assert.equal(progress.length, total);
  assert.deepEqual(progress.map((p) => p.done), Array.from({ length: total }, (_, i) => i + 1));
  assert.ok(progress.every((p) => p.total === total));
  const counts = countsUnder(server.requests, '/data/');
  assert.deepEqual(Object.keys(counts).sort(), dataNames);
  assert.ok(Object.values(counts).every((n) => n === 1), JSON.stringify(counts));
  assert.equal(server.requests.length, dataNames.length);
  assert.deepEqual((await fresh.dataFiles()).sort(), dataNames.map((n) => `${server.url}/data/${n}`));

  await server.close();
  const after = server.requests.length;
  // Again: nothing to fetch, no progress to report.
  const again = [];
  await fresh.loadAll((p) => again.push(p));
  assert.deepEqual(again, []);
  // Every call, each answered as the whole directory answers it.
  assert.deepEqual(await fresh.exportData(), await pc.exportData());
  assert.deepEqual(await fresh.measures(), await pc.measures());
  assert.equal((await fresh.filter({ plans: ['beijing-2018'] })).total, 47);
  assert.deepEqual(await fresh.filter({ regions: ['北京市'], themes: ['pledge-financing'] }),
    await pc.filter({ regions: ['北京市'], themes: ['pledge-financing'] }));
  for (const query of ['专利质押', 'patent pledge financing', '知识产权保护中心', '海关']) {
    assert.deepEqual(await fresh.search(query), await pc.search(query), query);
  }
  assert.deepEqual(await fresh.themeMatrix(), await pc.themeMatrix());
  assert.deepEqual(await fresh.diff('guangdong-2016', 'shantou-2016-2020'), await pc.diff('guangdong-2016', 'shantou-2016-2020'));
  assert.deepEqual(await fresh.compare(['beijing-2018', 'shanghai-2018'], { theme: 'pledge-financing' }),
    await pc.compare(['beijing-2018', 'shanghai-2018'], { theme: 'pledge-financing' }));
  // The full module (read from the package, not the server) takes over with every file it had.
  assert.deepEqual(await fresh.similarity(), await pc.similarity());
  assert.deepEqual(await fresh.templateCoverage(), await pc.templateCoverage());
  assert.deepEqual(await fresh.indicators({ theme: 'pledge-financing' }), await pc.indicators({ theme: 'pledge-financing' }));
  assert.equal((await fresh.sharedPassages('beijing-2018')).planA, 'beijing-2018');
  const added = await fresh.addPlan(planText, planMeta);
  assert.equal(added.measureCount, 3);
  assert.equal((await fresh.search('质押融资', { plans: [added.plans[0].id] })).hits.length, 1);
  fresh.removePlan(added.plans[0].id);
  assert.equal(server.requests.length, after);
});

test('the full module parses only once handed its gazetteer (the package regions.tsv), and refuses a damaged one whole', async () => {
  // A module of its own (not the package's instance), given only the catalogue, as load.js does.
  const full = await import(`${pathToFileURL(join(pkg, 'plan_compare_full.js')).href}?bare`);
  await full.default({ module_or_path: readFileSync(join(pkg, 'plan_compare_full_bg.wasm')) });
  full.openData(manifest.catalog, readFileSync(join(pkgData, manifest.catalog)));
  assert.equal(codeOfSync(() => full.addPlan(planText, planMeta)), 'DATA_UNAVAILABLE');
  const tsv = readFileSync(join(pkg, 'regions.tsv'), 'utf8');
  assert.equal(codeOfSync(() => full.useGazetteer(42)), 'INVALID_ARGUMENT');
  assert.equal(codeOfSync(() => full.useGazetteer('# only a header\n')), 'BUNDLE_INVALID');
  let damaged;
  try {
    full.useGazetteer(`${tsv}<!doctype html>\n`);
  } catch (error) {
    damaged = error;
  }
  assert.equal(damaged?.code, 'BUNDLE_INVALID');
  assert.match(damaged.message, new RegExp(`line ${tsv.split('\n').length} `));
  assert.equal(codeOfSync(() => full.addPlan(planText, planMeta)), 'DATA_UNAVAILABLE', 'nothing of it was kept');
  assert.equal(full.useGazetteer(tsv), undefined);
  const [plan] = full.addPlan(planText, planMeta).plans;
  assert.deepEqual([plan.region_code, plan.region_en], ['440300', 'Shenzhen']);
});

test('100,000 mixed calls keep WebAssembly memory flat after warm-up', async (t) => {
  // Both modules: the small one answered until a call needed the full one, which answers since.
  const { default: initSmall } = await import(join(pkg, 'plan_compare.js'));
  const { default: initFull } = await import(join(pkg, 'plan_compare_full.js'));
  const small = (await initSmall({ module_or_path: readFileSync(join(pkg, 'plan_compare_bg.wasm')) })).memory;
  const full = (await initFull({ module_or_path: readFileSync(join(pkg, 'plan_compare_full_bg.wasm')) })).memory;
  const plan = pc.plans()[1].id;
  const one = (await pc.measures({ plan }))[0].id;
  const call = (i) => {
    switch (i % 20) {
      case 0: return pc.plans();
      case 1: return pc.measure(one);
      case 2: return pc.measures({ plan });
      case 3: return codeOf(() => pc.measure('nope'));
      case 4: return codeOf(() => pc.addPlan(planText, { ...planMeta, level: 'town' }));
      case 5: return codeOfSync(() => pc.removePlan(plan));
      case 6: return pc.themes();
      case 7: return codeOf(() => pc.measures({ plna: 1 }));
      case 8: return i % 1000 === 8 ? pc.addPlan(planText, planMeta).then((a) => pc.removePlan(a.plans[0].id)) : pc.plans();
      case 9: return codeOf(() => pc.measure(`x${'y'.repeat(i % 200)}`));
      case 10: return pc.filter({ plans: [plan], limit: 5 });
      case 11: return i % 100 === 11 ? pc.search('专利质押', { limit: 5 }) : codeOf(() => pc.search(''));
      case 12: return pc.matchThemes('推进专利质押融资');
      case 13: return i % 100 === 13 ? pc.themeMatrix({ plans: [plan] }) : codeOf(() => pc.themeMatrix({ plans: ['nope'] }));
      case 14: return i % 1000 === 14 ? pc.diff('beijing-2018', 'tianjin-2018', { noChanges: true }) : codeOf(() => pc.diff(plan, 'nope'));
      case 15: return pc.compare([plan], { theme: 'pledge-financing' });
      case 16: return codeOf(() => pc.filter({ limit: -1 }));
      case 17: return codeOf(() => pc.search('x'.repeat(3000)));
      case 18: return i % 10_000 === 18 ? pc.sharedPassages(plan, 'beijing-2018', { limit: 5 }) : codeOf(() => pc.compare([plan], { them: 1 }));
      case 19: return i % 10_000 === 19 ? pc.templateCoverage({ plans: ['beijing-2018'] }) : codeOf(() => pc.similarity({ by: { focus: 0 } }));
      default: return pc.filter({ limit: 0 });
    }
  };
  for (let i = 0; i < 10_000; i++) await call(i);
  const warm = [small.buffer.byteLength, full.buffer.byteLength];
  const started = performance.now();
  for (let i = 0; i < 100_000; i++) await call(i);
  t.diagnostic(`100,000 calls: ${(performance.now() - started).toFixed(0)} ms; memory ${warm} bytes`);
  assert.deepEqual([small.buffer.byteLength, full.buffer.byteLength], warm, `grew from ${warm} bytes`);
});
