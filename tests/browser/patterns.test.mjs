// Patterns: the three questions the view answers, each with its evidence one click away, in both
// languages — which provinces copied most from each other, what 广东 does that the template does not,
// and who promises the most 专利质押融资 in numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session, texts } from './helpers.mjs';

let s;
let page;
before(async () => {
  s = await session();
});
after(async () => {
  await s?.close();
});

const fold = (x) => [...x].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');

test('which provinces copied most from each other: the top pair opens its shared passages', async () => {
  page = await s.open('index.html#patterns?lang=en');
  const plans = await page.evaluate(async () => (await import('./pkg/index.js')).plans().length);
  assert.equal(await page.$$eval('table.similarity tbody tr', (r) => r.length), plans);
  // The patterns parse nothing: the full module came, the parser's gazetteer did not.
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(fetched.some((p) => p.endsWith('/plan_compare_full_bg.wasm')), fetched.join(', '));
  assert.ok(!fetched.some((p) => p.endsWith('/regions.tsv')), fetched.join(', '));
  const [a, b] = await page.$eval('.top-pairs button.pair', (el) => [el.dataset.a, el.dataset.b]);
  await page.click('.top-pairs button.pair');
  await page.waitForSelector('.evidence .passage');
  assert.ok(decodeURIComponent(await page.evaluate(() => location.hash)).includes(`plans=${a},${b}`));
  // Each passage is printed the same in both plans (punctuation aside), with both plans' lines.
  const pairs = await page.$$eval('.evidence .passage', (els) => els.map((e) => [...e.querySelectorAll('.passage-text')].map((p) => p.textContent)));
  assert.ok(pairs.length > 0);
  for (const [x, y] of pairs) {
    assert.equal(fold(x), fold(y));
    assert.ok(fold(x).length >= 15);
  }
  assert.ok((await texts(page, '.evidence .lines')).every((l) => /lines \d+–\d+/.test(l)));
  // A heatmap cell opens the same evidence for its pair.
  const cell = await page.$('table.similarity td button.sim-cell:not(:text-is("·"))');
  const [ca, cb] = await cell.evaluate((el) => [el.dataset.a, el.dataset.b]);
  await cell.click();
  await page.waitForFunction(([x, y]) => decodeURIComponent(location.hash).includes(`plans=${x},${y}`), [ca, cb]);
  await page.waitForSelector('.evidence h3');
  await page.$eval('.evidence', (el) => el.scrollIntoView());
  await s.shot(page, 'patterns-similarity');
});

test('what does 广东 do that the template does not: its own items, with their measures', async () => {
  page = await s.open('index.html#patterns?at=guangdong-2018&lang=zh');
  await page.waitForSelector('.own-items .added .measure');
  const heading = await page.textContent('.own-items h3');
  assert.match(heading, /广东省 2018 在模板之外做的 \d+ 项工作/);
  const cards = await page.$$eval('.own-items .measure', (els) => els.map((e) => e.dataset.plan));
  assert.ok(cards.length > 0);
  assert.deepEqual([...new Set(cards)], ['guangdong-2018']);
  const n = await page.evaluate(async () => (await (await import('./pkg/index.js')).templateCoverage({ plans: ['guangdong-2018'] })).plans[0].added);
  assert.equal(await page.$$eval('.own-items .added', (els) => els.length), n);
  // Filtering by focus area keeps the matrix to that area's template items.
  await page.selectOption('#p-focus', '2');
  await page.waitForFunction(() => (location.hash.includes('focus=2')) && document.body.dataset.rendered === location.hash);
  const rows = await texts(page, 'table.template tbody tr:not(.totals) th');
  assert.ok(rows.length > 0 && rows.every((r) => r.startsWith('2 · ')));
});

test('who promises the most 专利质押融资 in numbers: bars by total, each commitment with its lines', async () => {
  page = await s.open('index.html#patterns?theme=pledge-financing&unit=万元&lang=en');
  await page.waitForSelector('.bars .bar-row');
  const values = await texts(page, '.bars .bar-value');
  const totals = values.map((v) => Number(v.split(' ')[0].replace(/,/g, '')));
  for (let i = 1; i < totals.length; i++) assert.ok(totals[i - 1] >= totals[i], `bar ${i} out of order`);
  const expected = await page.evaluate(async () => {
    const r = await (await import('./pkg/index.js')).indicators({ theme: 'pledge-financing' });
    const rows = r.plans.map((p) => [p.plan, p.units.find((u) => u.unit === '万元')?.total ?? 0]).sort((x, y) => y[1] - x[1]);
    return rows[0];
  });
  assert.equal(totals[0], expected[1]);
  const items = await page.$$eval('.indicator-list .indicator', (els) => els.map((e) => e.dataset.plan));
  assert.ok(items.includes(expected[0]));
  assert.ok((await texts(page, '.indicator-list .lines')).every((l) => /lines \d+–\d+/.test(l)));
  await page.$eval('.bars', (el) => el.scrollIntoView());
  await s.shot(page, 'patterns-indicators');
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
