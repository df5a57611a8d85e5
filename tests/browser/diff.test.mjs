// Diff: two plans side by side — aligned measures with inline changes that rebuild each side's text,
// one-sided measures, departments, and matching targets drawn as bars.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';

let s;
let page;
before(async () => {
  s = await session();
  page = await s.open('index.html#diff?plans=beijing-2018,shanghai-2018&lang=zh');
});
after(async () => {
  await s?.close();
});

test('two 2018 tables align measure by measure; each side rebuilds its measure text exactly', async () => {
  await page.waitForSelector('.pair');
  const pairs = await page.$$eval('.pair[data-a][data-b]', (els) => els.map((e) => ({ a: e.dataset.a, b: e.dataset.b,
    ta: e.querySelector('.side.a p:last-child').textContent, tb: e.querySelector('.side.b p:last-child').textContent })));
  assert.ok(pairs.length > 10, `${pairs.length} pairs`);
  const texts = await page.evaluate(async (pairs) => {
    const pc = await import('./pkg/index.js');
    return Promise.all(pairs.map(async (p) => [(await pc.measure(p.a)).text ?? '', (await pc.measure(p.b)).text ?? '']));
  }, pairs.slice(0, 20));
  texts.forEach(([a, b], i) => {
    assert.equal(pairs[i].ta, a);
    assert.equal(pairs[i].tb, b);
  });
  await s.shot(page, 'diff-desktop');
});

/** Share of both texts in equal runs, as the page computes it. */
const SHARE = `(p) => { const len = (op) => p.changes.filter((c) => c.op === op).reduce((x, c) => x + [...c.text].length, 0);
  const e = len('equal'); return (2 * e) / (2 * e + len('delete') + len('insert') || 1); }`;

test('pairs that share little text read as two plain texts with the shared phrases marked; close ones inline', async () => {
  await page.goto(`${s.url}index.html#diff?plans=beijing-2018,tianjin-2018&lang=zh`);
  await page.waitForSelector('.pair');
  const r = await page.evaluate(async () => (await import('./pkg/index.js')).diff('beijing-2018', 'tianjin-2018'));
  const share = eval(SHARE);
  const changed = r.pairs.filter((p) => !p.changes.every((c) => c.op === 'equal'));
  const low = changed.filter((p) => share(p) < 0.35);
  const close = changed.filter((p) => share(p) >= 0.35);
  assert.ok(low.length > 0 && close.length > 0, `${low.length} loose and ${close.length} close pairs`);
  for (const p of low.slice(0, 10)) {
    const sel = `.pair[data-a="${p.a}"][data-b="${p.b}"]`;
    assert.equal(await page.$$eval(`${sel} del, ${sel} ins`, (x) => x.length), 0, `${p.a}: no whole-text strike-through`);
    const marked = await page.$$eval(`${sel} .side.a mark.shared`, (x) => x.map((m) => m.textContent));
    const shared = p.changes.filter((c) => c.op === 'equal' && [...c.text].length >= 4).map((c) => c.text);
    assert.deepEqual(marked, shared, `${p.a}: the shared phrases are marked`);
  }
  for (const p of close) {
    const sel = `.pair[data-a="${p.a}"][data-b="${p.b}"]`;
    assert.ok((await page.$$(`${sel} del, ${sel} ins`)).length > 0, `${p.a}: inline changes`);
  }
  await page.locator(`.pair[data-a="${close[0].a}"]`).scrollIntoViewIfNeeded();
  await s.shot(page, 'diff-readable');
  await page.goto(`${s.url}index.html#diff?plans=beijing-2018,shanghai-2018&lang=zh`);
  await page.waitForSelector('.pair');
});

test('a summary sits on top: headline numbers, the split chart, departments compared as a chart', async () => {
  const first = await page.$eval('main .diff-view', (v) => [...v.children].findIndex((c) => c.matches('.diff-summary')));
  assert.equal(first, 1, 'right under the plan pickers');
  assert.equal(await page.$$eval('.diff-summary .stat', (x) => x.length), 4);
  assert.ok(await page.$$eval('svg.split[role="img"]', (x) => x.length) >= 3, 'summary, agencies and departments charts');
});

test('filters show the changed, same, only-in-A or only-in-B rows; j / k move from pair to pair', async () => {
  const r = await page.evaluate(async () => (await import('./pkg/index.js')).diff('beijing-2018', 'shanghai-2018'));
  const same = r.pairs.filter((p) => p.changes.length && p.changes.every((c) => c.op === 'equal')).length;
  const count = async (value) => {
    await page.check(`input[name="diff-filter"][value="${value}"]`);
    return page.$$eval('#pair-list > .pair', (x) => x.length);
  };
  assert.equal(await count('onlyA'), r.onlyA.length);
  assert.equal(await count('onlyB'), r.onlyB.length);
  assert.equal(await count('changed'), r.pairs.length - same);
  assert.equal(await count('all'), r.pairs.length + r.onlyA.length + r.onlyB.length);
  await page.focus('#pair-list > .pair');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('#pair-list > .pair')].indexOf(document.activeElement)), 1);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('#pair-list > .pair')].indexOf(document.activeElement)), 1);
});

test('plans of different grain show each coarse measure with every finer measure it continues', async () => {
  await page.goto(`${s.url}index.html#diff?plans=guangdong-2016,guangdong-2018-2022&lang=en`);
  await page.waitForSelector('.pair');
  const r = await page.evaluate(async () => (await import('./pkg/index.js')).diff('guangdong-2016', 'guangdong-2018-2022', { noChanges: true }));
  const continued = r.pairs.filter((p) => p.by === 'continues');
  console.log(`guangdong-2016 vs guangdong-2018-2022: ${r.pairs.length} pairs (${continued.length} many-to-one), ${r.onlyA.length} only in A, ${r.onlyB.length} only in B`);
  assert.ok(continued.length > 0);
  const groups = new Map();
  for (const p of continued) groups.set(p.b, [...(groups.get(p.b) ?? []), p.a]);
  const shown = await page.$$eval('.pair.group', (els) => els.map((e) => [e.dataset.coarse, [...e.querySelectorAll('ol.continued li')].map((li) => li.dataset.a)]));
  assert.deepEqual(new Map(shown), groups);
  assert.match(await page.textContent('.pair.group .pair-meta'), /many-to-one/);
  await page.locator('.pair.group').first().scrollIntoViewIfNeeded();
  await s.shot(page, 'diff-many-to-one');
});

test('targets of two prose plans are compared in an inline SVG bar chart', async () => {
  await page.goto(`${s.url}index.html#diff?plans=shantou-2016-2020,guangdong-2018-2022&lang=en`);
  await page.waitForSelector('main .pickers');
  const r = await page.evaluate(async () => (await (await import('./pkg/index.js')).diff('shantou-2016-2020', 'guangdong-2018-2022')).targets);
  if (r.pairs.length) assert.equal(await page.$$eval('svg.targets rect', (x) => x.length), 2 * r.pairs.length);
  else assert.equal(await page.$$eval('svg.targets', (x) => x.length), 0);
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
