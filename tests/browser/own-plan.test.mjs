// Your own plan: a pasted text is parsed in the page (addPlan), its measures, unassigned lines and
// diagnostics are shown, and it can be compared with a bundled plan; no request carries the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';
import { planText } from '../js/plan-text.mjs';

let s;
let page;
const posts = [];
before(async () => {
  s = await session();
  page = await s.open('index.html#own?lang=zh');
  page.on('request', (r) => r.method() !== 'GET' && posts.push(r.url()));
});
after(async () => {
  await s?.close();
});

test('a pasted plan is parsed into measures with departments, and unassigned lines are listed', async () => {
  const text = `${planText}这一行不属于任何措施（一个未归入的说明）\n`;
  await page.fill('#own-text', text);
  await page.fill('#own-region', '深圳市');
  await page.selectOption('#own-level', 'city');
  await page.fill('#own-year', '2019');
  await page.click('#own-parse');
  await page.waitForSelector('.own-result');
  const measures = await page.$$eval('.own-result .measure', (els) => els.map((e) => e.textContent));
  assert.equal(measures.length, 3);
  assert.ok(measures[0].includes('开展专利执法专项行动'));
  assert.ok(measures[1].includes('市司法局'));
  assert.match(await page.textContent('.own-result h2'), /深圳市/);
  const headings = await page.$$eval('.own-view h3', (els) => els.map((e) => e.textContent));
  assert.ok(headings.some((h) => /^未归入的行: \d+$/.test(h)), headings.join(' | '));
  assert.ok(headings.some((h) => /^诊断信息: \d+$/.test(h)), headings.join(' | '));
  await s.shot(page, 'own-plan-desktop');
});

test('the parsed plan can be compared with a bundled plan (the diff view opens on both)', async () => {
  const id = await page.getAttribute('.own-result', 'data-plan');
  assert.match(id, /^user-\d+$/);
  await page.selectOption(`#own-compare-${id}`, 'guangdong-2016');
  await page.waitForFunction((id) => location.hash.startsWith(`#diff?`) && location.hash.includes(`plans=${id}%2Cguangdong-2016`), id);
  assert.equal(await page.inputValue('#d-a'), id);
  assert.equal(await page.inputValue('#d-b'), 'guangdong-2016');
});

test('text that holds no measure gives a clear error, not a crash', async () => {
  await page.goto(`${s.url}index.html#own?lang=en`);
  await page.fill('#own-text', 'hello');
  await page.click('#own-parse');
  await page.waitForSelector('.own-view .notice.error');
  assert.match(await page.textContent('.own-view .notice.error'), /PARSE_FAILED|INVALID_ARGUMENT/);
});

test('nothing was sent anywhere and the console stayed empty', async () => {
  assert.deepEqual(posts, []);
  assert.deepEqual(s.foreign, []);
  assert.deepEqual(s.console, []);
});
