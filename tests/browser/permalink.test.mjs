// Permalinks: the state of every view is in the URL hash, restored on load, validated (bad values
// dropped, reported and removed from the URL), and kept through reloads and history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';

let s;
let page;
before(async () => {
  s = await session();
  page = await s.open('index.html#diff?plans=beijing-2018,shanghai-2018&lang=en');
});
after(async () => {
  await s?.close();
});

test('a diff permalink opens the diff view on both plans, in the language it names', async () => {
  assert.equal(await page.inputValue('#d-a'), 'beijing-2018');
  assert.equal(await page.inputValue('#d-b'), 'shanghai-2018');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('nav a[aria-current="page"]'), 'Diff');
});

test('changing a control updates the URL, and a reload restores the same view', async () => {
  await page.selectOption('#d-b', 'tianjin-2018');
  await page.waitForFunction(() => location.hash.includes('tianjin-2018'));
  const hash = await page.evaluate(() => location.hash);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.equal(await page.inputValue('#d-b'), 'tianjin-2018');
  await page.goBack();
  await page.waitForFunction(() => location.hash.includes('shanghai-2018'));
  assert.equal(await page.inputValue('#d-b'), 'shanghai-2018');
});

test('explore filters round-trip through the URL', async () => {
  await page.goto(`${s.url}index.html#explore?plans=guangdong-2016&q=${encodeURIComponent('专利')}&lang=zh`);
  await page.waitForSelector('#f-plan');
  assert.equal(await page.inputValue('#f-plan'), 'guangdong-2016');
  assert.equal(await page.inputValue('#q'), '专利');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
});

test('invalid values are dropped, reported and removed from the URL; the view still works', async () => {
  await page.goto(`${s.url}index.html#nope?plans=beijing-2018,not-a-plan&year=abcd&focus=9&lang=xx&sort=..%2F`);
  await page.waitForSelector('main .notice.error');
  const notice = await page.textContent('main .notice.error');
  for (const key of ['view', 'plans', 'year', 'focus', 'lang', 'sort']) assert.ok(notice.includes(key), `${key} in ${notice}`);
  const hash = await page.evaluate(() => location.hash);
  assert.equal(hash, '#explore?plans=beijing-2018');
  assert.equal(await page.inputValue('#f-plan'), 'beijing-2018');
  await s.shot(page, 'permalink-invalid');
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
