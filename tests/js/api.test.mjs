// Every function of the built package in Node: results, bad input with its error code, and memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pkg, codeOf, repo } from './helpers.mjs';
import { planText, planMeta } from './plan-text.mjs';

const pc = await import(join(pkg, 'node.js'));

test('calls before init() throw NOT_INITIALISED', () => {
  for (const name of ['plans', 'themes', 'measures', 'measure', 'addPlan', 'removePlan', 'exportData',
    'filter', 'search', 'matchThemes', 'themeMatrix', 'diff', 'compare', 'similarity', 'sharedPassages',
    'templateCoverage', 'indicators']) {
    assert.equal(codeOf(() => pc[name]('x')), 'NOT_INITIALISED', name);
  }
});

test('init() decodes the bundle quickly and only once', async (t) => {
  const started = performance.now();
  await Promise.all([pc.init(), pc.init()]);
  const ms = performance.now() - started;
  t.diagnostic(`init() in Node: ${ms.toFixed(1)} ms`);
  assert.ok(ms < 2000, `init took ${ms} ms`);
  assert.equal(await pc.init(), undefined);
});

test('the package exports every function src/wasm.rs binds, and types for each', () => {
  const generated = readFileSync(join(pkg, 'plan_compare.d.ts'), 'utf8');
  const bound = [...generated.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  const internal = new Set(['initEngine', 'initSync']);
  const ours = readFileSync(join(pkg, 'index.d.ts'), 'utf8');
  for (const name of bound.filter((n) => !internal.has(n))) {
    assert.equal(typeof pc[name], 'function', `${name} missing from js/api.js`);
    assert.match(ours, new RegExp(`\\b${name}\\b`), `${name} missing from js/index.d.ts`);
  }
  const expected = [...bound.filter((n) => !internal.has(n)), 'init', 'isPlanCompareError'].sort();
  assert.deepEqual(Object.keys(pc).sort(), expected, 'node.js exports exactly the API');
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

test('measures() and measure(id)', () => {
  const all = pc.measures();
  assert.deepEqual(pc.measures(undefined), all);
  assert.deepEqual(pc.measures(null), all);
  assert.deepEqual(pc.measures({}), all);
  const planIds = new Set(pc.plans().map((p) => p.id));
  assert.ok(all.every((m) => planIds.has(m.plan)));
  const plan = pc.plans()[1].id;
  const some = pc.measures({ plan });
  assert.ok(some.length > 0 && some.every((m) => m.plan === plan));
  assert.deepEqual(pc.measure(some[0].id), some[0]);
  assert.equal(codeOf(() => pc.measures({ plan: 'nowhere-2018' })), 'UNKNOWN_PLAN');
  assert.equal(codeOf(() => pc.measure('nowhere-2018-001')), 'UNKNOWN_MEASURE');
});

test('addPlan() parses a reader plan under a fresh id; removePlan() forgets it', () => {
  const before = pc.plans().length;
  const added = pc.addPlan(planText, planMeta);
  assert.deepEqual(Object.keys(added), ['plans', 'measureCount', 'targetCount', 'unassigned', 'diagnostics']);
  assert.equal(added.plans.length, 1);
  const [plan] = added.plans;
  assert.match(plan.id, /^user-\d+$/);
  assert.equal(plan.region, '深圳市');
  assert.equal(plan.year_start, 2019);
  assert.equal(added.measureCount, 3);
  assert.equal(pc.plans().length, before + 1);
  const measures = pc.measures({ plan: plan.id });
  assert.equal(measures.length, 3);
  assert.equal(measures[2].departments[0].name, '市金融局');
  assert.ok(pc.exportData().plans.some((p) => p.id === plan.id));
  assert.equal(pc.removePlan(plan.id), undefined);
  assert.equal(pc.plans().length, before);
  assert.equal(codeOf(() => pc.measures({ plan: plan.id })), 'UNKNOWN_PLAN');
  assert.notEqual(pc.addPlan(planText, planMeta).plans[0].id, plan.id, 'ids are not reused');
  pc.removePlan(pc.plans().at(-1).id);
});

test('bad input gives INVALID_ARGUMENT, TOO_LARGE, PARSE_FAILED … and never a crash', () => {
  const bundled = pc.plans()[0].id;
  const cases = [
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
    ['addPlan: no region', () => pc.addPlan(planText, { level: 'city' }), 'INVALID_ARGUMENT'],
    ['addPlan: empty region', () => pc.addPlan(planText, { ...planMeta, region: ' ' }), 'INVALID_ARGUMENT'],
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
  ];
  for (const [what, call, code] of cases) {
    let error;
    try {
      call();
    } catch (e) {
      error = e;
    }
    assert.ok(error, `${what}: no error`);
    assert.ok(pc.isPlanCompareError(error), `${what}: ${error}`);
    assert.equal(error.code, code, `${what}: ${error.message}`);
    assert.ok(error instanceof Error && error.message.length > 10, what);
  }
  // Surrogate pairs (valid UTF-16) are fine; a 2 MiB text just under the limit is read, not refused.
  assert.equal(codeOf(() => pc.measure('😀')), 'UNKNOWN_MEASURE');
  assert.equal(codeOf(() => pc.addPlan('一'.repeat(699_050), planMeta)), 'PARSE_FAILED');
  // Nothing was added by refused calls, and the module still answers.
  assert.ok(pc.plans().every((p) => !p.id.startsWith('user-')));
});

test('filter(): known totals, facets that add up, pages', () => {
  const beijing = pc.filter({ plans: ['beijing-2018'] });
  assert.equal(beijing.total, 47);
  assert.equal(beijing.items.length, 20);
  assert.ok(beijing.items.every((id) => pc.measure(id).plan === 'beijing-2018'));
  const all = pc.filter({ limit: 0 });
  assert.equal(all.total, pc.measures().length);
  assert.deepEqual(all.items, []);
  for (const facet of ['region', 'level', 'year', 'focus']) {
    assert.equal(all.facets[facet].reduce((n, f) => n + f.count, 0), all.total, facet);
  }
  for (const facet of ['agency', 'theme']) {
    assert.ok(all.facets[facet].reduce((n, f) => n + f.count, 0) >= all.total, facet);
  }
  const pledge = pc.filter({ regions: ['北京市'], themes: ['pledge-financing'], limit: 1000 });
  assert.ok(pledge.total > 0 && pledge.total < 47);
  assert.ok(pledge.items.every((id) => pc.measure(id).themes.includes('pledge-financing')));
  assert.deepEqual(pc.filter({ plans: ['beijing-2018'], offset: 1e9 }).items, [], 'offset past the end: empty page');
  assert.equal(pc.filter({ plans: ['beijing-2018'], offset: 1e9 }).total, 47);
  assert.deepEqual(pc.filter(), pc.filter({}));
});

test('search(): Chinese and English find the same measures, with UTF-16 highlights', () => {
  const zh = pc.search('专利质押');
  assert.ok(zh.total > 0);
  for (const hit of zh.hits.slice(0, 5)) {
    const m = pc.measure(hit.id);
    const text = [m.title, m.work_item, m.text].join(' ');
    assert.match(text, /质押/, hit.id);
    for (const [start, end] of hit.highlights) assert.ok(m.text.slice(start, end).length > 0);
  }
  assert.ok(zh.plans.length > 0 && zh.plans[0].score >= zh.plans.at(-1).score);
  const en = pc.search('patent pledge financing');
  const zhTop = new Set(pc.search('专利质押融资', { limit: 20 }).hits.map((h) => h.id));
  assert.ok(en.hits.slice(0, 20).some((h) => zhTop.has(h.id)), 'the English query overlaps its Chinese twin');
  assert.ok(pc.search('专利质押', { plans: ['beijing-2018'] }).hits.every((h) => h.plan === 'beijing-2018'));
  assert.deepEqual(pc.search('专利质押', { offset: 1e9 }).hits, []);
  // A non-BMP character (U+20000) before the match: spans count it as two UTF-16 units.
  const added = pc.addPlan('深圳市2019年知识产权工作要点\n一、促进知识产权运用\n（一）𠀀😀推进专利质押融资。（市金融局负责）\n',
    { region: '深圳市', level: 'city', yearStart: 2019 });
  try {
    const id = added.plans[0].id;
    const hit = pc.search('质押融资', { plans: [id] }).hits[0];
    const text = pc.measure(hit.id).text;
    assert.ok(text.includes('😀'), text);
    assert.ok(hit.highlights.length > 0);
    for (const [start, end] of hit.highlights) assert.match(text.slice(start, end), /质押|融资/, JSON.stringify(hit.highlights));
  } finally {
    pc.removePlan(added.plans[0].id);
  }
});

test('matchThemes(), themeMatrix(), compare()', () => {
  const themes = pc.matchThemes('推进专利质押融资，加强海关执法');
  assert.ok(themes.some((t) => t.id === 'pledge-financing'));
  assert.ok(themes.every((t, i) => i === 0 || themes[i - 1].score >= t.score));
  const matrix = pc.themeMatrix();
  assert.equal(matrix.plans.length, 35);
  assert.equal(matrix.cells.length, 35);
  assert.equal(matrix.themes.length, pc.themes().length);
  assert.ok(matrix.cells.every((row) => row.length === matrix.themes.length));
  const small = pc.themeMatrix({ plans: ['beijing-2018'], themes: ['pledge-financing'] });
  assert.equal(small.cells[0][0].count, pc.filter({ plans: ['beijing-2018'], themes: ['pledge-financing'] }).total);
  const byTheme = pc.compare(['beijing-2018', 'shanghai-2018'], { theme: 'pledge-financing' });
  assert.deepEqual(byTheme.rows.map((r) => r.plan), ['beijing-2018', 'shanghai-2018']);
  assert.ok(byTheme.rows.every((r) => r.measures.every((id) => pc.measure(id).plan === r.plan)));
  const item = pc.measure(pc.filter({ plans: ['beijing-2018'] }).items[0]).work_item;
  const byItem = pc.compare(['beijing-2018', 'tianjin-2018'], { workItem: item });
  assert.equal(byItem.rows.length, 2);
  assert.ok(byItem.rows[0].measures.length > 0);
});

test('similarity(), sharedPassages(), templateCoverage(), indicators()', (t) => {
  let started = performance.now();
  const sim = pc.similarity();
  t.diagnostic(`similarity() over ${sim.plans.length} plans in wasm: ${(performance.now() - started).toFixed(1)} ms`);
  assert.equal(sim.plans.length, 35);
  assert.ok(sim.cells.every((row, i) => row.length === 35 && row.every((c) => c === null || c <= row[i])));
  assert.equal(sim.merges.length, 34);
  const [top] = sim.pairs;
  started = performance.now();
  const ev = pc.sharedPassages(top.a, top.b);
  t.diagnostic(`sharedPassages() in wasm: ${(performance.now() - started).toFixed(1)} ms`);
  assert.ok(ev.passages.length > 0);
  for (const p of ev.passages) {
    // Spans are UTF-16 units into the measure's field, and show the passage as printed.
    const m = pc.measure(p.a.measure);
    assert.equal((p.a.field === 'title' ? m.title : m.text).slice(p.a.span[0], p.a.span[1]), p.a.text);
    assert.equal(pc.measure(p.b.measure).plan, top.b);
  }
  const one = pc.sharedPassages('beijing-2018');
  assert.equal(one.planB, null);
  assert.ok(one.ownShare > 0 && one.ownShare <= 1 && one.nearest.length > 0);
  const byTheme = pc.similarity({ plans: ['beijing-2018', 'tianjin-2018'], by: { theme: 'pledge-financing' } });
  assert.equal(byTheme.plans.length, 2);
  const cov = pc.templateCoverage({ plans: ['beijing-2018'] });
  assert.equal(cov.plans[0].cells.length, cov.items.length);
  assert.equal(cov.plans[0].kept + cov.plans[0].dropped, cov.items.length);
  assert.ok(cov.plans[0].addedItems.every((a) => a.other));
  assert.equal(pc.templateCoverage().plans.length, 31);
  const ind = pc.indicators({ theme: 'pledge-financing' });
  assert.ok(ind.indicators.length > 0 && ind.units.some((u) => u.unit === '万元'));
  for (const i of ind.indicators) {
    const m = pc.measure(i.measure);
    assert.equal((i.field === 'title' ? m.title : m.text).slice(i.span[0], i.span[1]), i.phrase);
  }
});

test('pattern functions refuse bad input with a code', () => {
  for (const [what, call, code] of [
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
  ]) {
    assert.equal(codeOf(call), code, what);
  }
});

test('diff(): Beijing and Tianjin 2018 align by work item', () => {
  const d = pc.diff('beijing-2018', 'tianjin-2018');
  assert.equal(d.planA, 'beijing-2018');
  assert.ok(d.pairs.length > 10);
  assert.ok(d.pairs.some((p) => p.by === 'workItem'));
  for (const p of d.pairs.filter((p) => p.by === 'workItem')) {
    assert.equal(pc.measure(p.a).plan, 'beijing-2018');
    assert.equal(pc.measure(p.b).plan, 'tianjin-2018');
  }
  assert.ok(d.pairs.some((p) => p.changes.length > 0));
  assert.ok(Array.isArray(d.departments.shared) && Array.isArray(d.targets.pairs));
  assert.ok(pc.diff('beijing-2018', 'tianjin-2018', { noChanges: true }).pairs.every((p) => p.changes.length === 0));
});

test('query functions refuse bad input with stable codes', () => {
  const deep = {};
  let at = deep;
  for (let i = 0; i < 10_000; i++) at = at.plans = {};
  const cases = [
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
    ['compare: 10,000 ids', () => pc.compare(Array(10_000).fill('beijing-2018'), { theme: 'pledge-financing' }), 'TOO_LARGE'],
  ];
  for (const [what, call, code] of cases) {
    let error;
    try {
      call();
    } catch (e) {
      error = e;
    }
    assert.ok(error, `${what}: no error`);
    assert.ok(pc.isPlanCompareError(error), `${what}: ${error}`);
    assert.equal(error.code, code, `${what}: ${error.message}`);
  }
  assert.equal(pc.filter({ plans: ['beijing-2018'] }).total, 47, 'still answering');
});

test("addPlan(): a reader's plan is filtered, searched, diffed, compared and in the matrix until removed", () => {
  const before = [pc.filter({ limit: 1000 }), pc.search('专利质押融资'), pc.themeMatrix()];
  const id = pc.addPlan(planText, planMeta).plans[0].id;
  try {
    assert.ok(pc.filter({ plans: [id] }).total > 0);
    assert.ok(pc.themeMatrix().plans.includes(id));
    assert.ok(pc.diff(id, 'beijing-2018').planA === id);
    assert.equal(pc.compare([id], { theme: 'pledge-financing' }).rows[0].plan, id);
  } finally {
    pc.removePlan(id);
  }
  assert.deepEqual([pc.filter({ limit: 1000 }), pc.search('专利质押融资'), pc.themeMatrix()], before);
});

test("addPlan() on a seed's own text gives the measures the bundle holds for it", (t) => {
  const plans = pc.plans();
  // One-plan seeds (the prose documents); the provincial compilation is covered by exportData().
  for (const plan of plans.filter((p) => plans.filter((q) => q.source === p.source).length === 1)) {
    const text = readFileSync(join(repo, plan.source), 'utf8');
    const meta = { region: plan.region, level: plan.level, kind: plan.kind, yearStart: plan.year_start, yearEnd: plan.year_end };
    const started = performance.now();
    const added = pc.addPlan(text, meta);
    t.diagnostic(`addPlan(${plan.source}, ${text.length} chars): ${(performance.now() - started).toFixed(1)} ms`);
    const id = added.plans[0].id;
    const strip = (m) => ({ ...m, id: m.id.slice(m.plan.length), plan: undefined });
    assert.deepEqual(pc.measures({ plan: id }).map(strip), pc.measures({ plan: plan.id }).map(strip), plan.id);
    pc.removePlan(id);
  }
});

test('at most 64 added plans, then TOO_LARGE', () => {
  const ids = [];
  for (let i = 0; i < 64; i++) ids.push(pc.addPlan(planText, planMeta).plans[0].id);
  assert.equal(codeOf(() => pc.addPlan(planText, planMeta)), 'TOO_LARGE');
  for (const id of ids) pc.removePlan(id);
});

test('exportData() equals the native `plan-compare export --format json`', (t) => {
  const bin = process.env.PLAN_COMPARE_BIN ?? join(repo, 'target/debug/plan-compare');
  if (!existsSync(bin)) return t.skip(`no native binary at ${bin}`);
  const native = JSON.parse(execFileSync(bin, ['export', '--format', 'json'], { maxBuffer: 1 << 28 }));
  assert.deepEqual(pc.exportData(), native);
});

test('100,000 mixed calls keep WebAssembly memory flat after warm-up', async (t) => {
  const { default: initWasm } = await import(join(pkg, 'plan_compare.js'));
  const { memory } = await initWasm({ module_or_path: readFileSync(join(pkg, 'plan_compare_bg.wasm')) });
  const plan = pc.plans()[1].id;
  const one = pc.measures({ plan })[0].id;
  const call = (i) => {
    switch (i % 20) {
      case 0: return pc.plans();
      case 1: return pc.measure(one);
      case 2: return pc.measures({ plan });
      case 3: return codeOf(() => pc.measure('nope'));
      case 4: return codeOf(() => pc.addPlan(planText, { ...planMeta, level: 'town' }));
      case 5: return codeOf(() => pc.removePlan(plan));
      case 6: return pc.themes();
      case 7: return codeOf(() => pc.measures({ plna: 1 }));
      case 8: return i % 1000 === 8 ? pc.removePlan(pc.addPlan(planText, planMeta).plans[0].id) : pc.plans();
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
  for (let i = 0; i < 10_000; i++) call(i);
  const warm = memory.buffer.byteLength;
  const started = performance.now();
  for (let i = 0; i < 100_000; i++) call(i);
  t.diagnostic(`100,000 calls: ${(performance.now() - started).toFixed(0)} ms; memory ${warm} bytes`);
  assert.equal(memory.buffer.byteLength, warm, `grew from ${warm} to ${memory.buffer.byteLength} bytes`);
});
