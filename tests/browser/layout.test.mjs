// Phone width (360 px): every view fits without sideways scrolling; screenshots for a human look.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';

let s;
before(async () => {
  s = await session({ width: 360, height: 740 });
});
after(async () => {
  await s?.close();
});

for (const [name, hash] of [
  ['explore', 'explore?plans=beijing-2018&lang=zh'],
  ['themes', 'themes?lang=en'],
  ['diff', 'diff?plans=beijing-2018,shanghai-2018&lang=en'],
  ['own', 'own?lang=zh'],
]) {
  test(`${name} fits a 360 px screen`, async () => {
    const page = await s.open(`index.html#${hash}`);
    await page.reload(); // a fresh start at this hash
    await page.waitForSelector('body[data-ready="true"]');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${name} is ${width}px wide`);
    await s.shot(page, `${name}-phone`);
  });
}

test('the loading indicator is shown until the module is ready, then hidden', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await s.route('**/plan_compare_bg.wasm', async (route) => { await held; await route.continue(); });
  const page = await s.newPage(); // a fresh document, not a hash change on the open one
  await page.goto(`${s.url}index.html#explore?lang=en`);
  await page.waitForSelector('#loading:not([hidden])');
  assert.match(await page.textContent('#loading'), /Loading/);
  assert.equal(await page.$$eval('main > *', (els) => els.length), 0);
  release();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.isHidden('#loading'), true);
  await s.unroute('**/plan_compare_bg.wasm');
  await page.close();
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
