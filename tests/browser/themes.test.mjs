// Themes: plans × themes heatmap (sortable, a cell lists its measures) and the per-theme comparison;
// while the package lacks themeMatrix()/compare() or a taxonomy, the view says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session, texts } from './helpers.mjs';

let s;
let page;
let themeCount;
before(async () => {
  s = await session();
  page = await s.open('index.html#themes?lang=en');
  themeCount = await page.evaluate(async () => (await import('./pkg/index.js')).themes().length);
});
after(async () => {
  await s?.close();
});

test('the heatmap has a row per plan and a column per theme', async () => {
  const plans = await page.evaluate(async () => (await import('./pkg/index.js')).plans().length);
  assert.equal(await page.$$eval('table.heatmap tbody tr', (r) => r.length), plans);
  assert.equal(await page.$$eval('table.heatmap thead th', (r) => r.length), themeCount + 1);
  await s.shot(page, 'themes-heatmap-desktop');
});

test('sorting by a theme orders the rows by their share, and the sort is in the URL', async () => {
  assert.ok(themeCount > 0, 'the taxonomy has themes');
  await page.click('table.heatmap thead th:nth-child(2) button');
  await page.waitForFunction(() => (location.hash.includes('sort=')) && document.body.dataset.rendered === location.hash);
  const shares = await page.$$eval('table.heatmap tbody tr td:nth-of-type(1) button', (bs) => bs.map((b) => b.title));
  const ratio = shares.map((t) => { const [c, n] = t.split(' ')[0].split('/').map(Number); return c / n; });
  for (let i = 1; i < ratio.length; i++) assert.ok(ratio[i - 1] >= ratio[i] - 1e-9, `row ${i} out of order`);
});

test('a cell lists exactly the measures of that plan tagged with that theme', async () => {
  assert.ok(themeCount > 0, 'the taxonomy has themes');
  const cell = await page.$('table.heatmap td button:not(:text-is("0"))');
  const [plan, theme, count] = await cell.evaluate((b) => [b.dataset.plan, b.dataset.theme, Number(b.textContent)]);
  await cell.click();
  await page.waitForSelector('.cell-list .measure');
  const listed = await page.$$eval('.cell-list .measure', (els) => els.map((e) => e.dataset.plan));
  assert.equal(listed.length, count);
  assert.deepEqual([...new Set(listed)], [plan]);
  assert.ok((await page.evaluate(() => location.hash)).includes(`theme=${theme}`));
});

test('the per-theme view lists what each plan does on the theme', async () => {
  const theme = await page.evaluate(async () => (await import('./pkg/index.js')).themes()[0].id);
  await page.selectOption('#t-theme', theme);
  await page.waitForSelector('.compare-row');
  const plans = await page.evaluate(async () => (await import('./pkg/index.js')).plans().length);
  assert.equal((await texts(page, '.compare-row summary')).length, plans);
});

test("a table row's work item can be compared across every plan from Explore", async () => {
  await page.goto(`${s.url}index.html#explore?plans=beijing-2018&lang=en`);
  await page.waitForSelector('.results .measure .item-link');
  const item = await page.evaluate(async () => (await (await import('./pkg/index.js')).measures({ plan: 'beijing-2018' }))[0].work_item);
  await page.click('.results .measure .item-link');
  await page.waitForFunction(() => (location.hash.startsWith('#themes') && location.hash.includes('item=')) && document.body.dataset.rendered === location.hash);
  // It lands on the comparison itself: a table (plan · measures · departments · numbers) at the top.
  await page.waitForSelector('table.item-table');
  const rows = await page.$$eval('.item-table tbody tr', (els) => els.map((e) => e.dataset.plan));
  const r = await page.evaluate(async (item) => {
    const pc = await import('./pkg/index.js');
    return (await pc.compare(pc.plans().map((p) => p.id), { workItem: item })).rows.filter((row) => row.measures.length).map((row) => row.plan);
  }, item);
  assert.deepEqual(rows, r);
  assert.ok(rows.length >= 10, `${rows.length} plans share the work item ${item}`);
  assert.deepEqual(await page.$$eval('.item-table thead th', (ths) => ths.map((x) => x.textContent)), ['Plan', 'Measures', 'Departments', 'Numbers promised']);
  assert.ok((await page.$$eval('main h2', (hs) => hs.map((x) => x.textContent))).some((x) => x.includes(item)));
  const top = await page.evaluate(() => document.querySelector('#item-compare').getBoundingClientRect().top);
  assert.ok(top >= -2 && top < 200, `the comparison starts ${top}px from the top`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'item-compare');
  // Counted nouns agree in English ("1 measure", "2 measures").
  const counts = await texts(page, '.item-table td.item-measures');
  for (const c of counts) assert.match(c, /^(1 measure(?!s)|([02-9]|\d\d+) measures)/, c);
  await s.shot(page, 'item-compare');
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
