// Diff: two plans side by side — aligned measures with inline changes that rebuild each side's text,
// one-sided measures, departments, and matching targets drawn as bars; or a plain "unavailable".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';

let s;
let page;
let bound;
before(async () => {
  s = await session();
  page = await s.open('index.html#diff?plans=beijing-2018,shanghai-2018&lang=zh');
  bound = await page.evaluate(async () => typeof (await import('./pkg/index.js')).diff === 'function');
});
after(async () => {
  await s?.close();
});

test('two 2018 tables align measure by measure; each side rebuilds its measure text exactly', async () => {
  if (!bound) {
    assert.match(await page.textContent('main .notice.unavailable'), /diff\(\)/);
    return;
  }
  await page.waitForSelector('.pair');
  const pairs = await page.$$eval('.pair', (els) => els.map((e) => ({ a: e.dataset.a, b: e.dataset.b,
    ta: e.querySelector('.side.a p:last-child').textContent, tb: e.querySelector('.side.b p:last-child').textContent })));
  assert.ok(pairs.length > 10, `${pairs.length} pairs`);
  const texts = await page.evaluate(async (pairs) => {
    const pc = await import('./pkg/index.js');
    return pairs.map((p) => [pc.measure(p.a).text ?? '', pc.measure(p.b).text ?? '']);
  }, pairs.slice(0, 20));
  texts.forEach(([a, b], i) => {
    assert.equal(pairs[i].ta, a);
    assert.equal(pairs[i].tb, b);
  });
  assert.ok((await page.$$('.pair ins')).length > 0 && (await page.$$('.pair del')).length > 0);
  await s.shot(page, 'diff-desktop');
});

test('targets of two prose plans are compared in an inline SVG bar chart', async () => {
  await page.goto(`${s.url}index.html#diff?plans=shantou-2016-2020,guangdong-2018-2022&lang=en`);
  await page.waitForSelector('main .pickers');
  if (!bound) {
    assert.match(await page.textContent('main .notice.unavailable'), /diff\(\)/);
    return;
  }
  const r = await page.evaluate(async () => (await import('./pkg/index.js')).diff('shantou-2016-2020', 'guangdong-2018-2022').targets);
  if (r.pairs.length) assert.equal(await page.$$eval('svg.targets rect', (x) => x.length), 2 * r.pairs.length);
  else assert.equal(await page.$$eval('svg.targets', (x) => x.length), 0);
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
