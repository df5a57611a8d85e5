// Accessibility: axe-core (WCAG 2 A/AA and best practices) finds no violation on any view, on an
// embed's iframe page or on article.html (shadow roots included); new parts work by keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { session } from './helpers.mjs';

const axeSource = readFileSync(createRequire(new URL('../js/package.json', import.meta.url)).resolve('axe-core/axe.min.js'), 'utf8');

let s;
before(async () => {
  s = await session({ width: 1280, height: 900 });
});
after(async () => {
  await s?.close();
});

/** axe's violations on the page (or frame) as "rule: target" lines. */
async function violations(target) {
  const seen = s.console.length;
  await target.evaluate(axeSource);
  const r = await target.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'], resultTypes: ['violations'] }));
  // axe probes shadow roots with an inline style of its own, which the page's CSP (rightly) refuses:
  // that report is the test's doing, not the page's.
  const own = s.console.slice(seen).filter((m) => !/^error: Applying inline style violates/.test(m));
  s.console.splice(seen, Infinity, ...own);
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1] ?? ''}`));
}

const pages = [
  'index.html#explore?lang=en',
  'index.html#explore?plans=guangdong-2016&q=%E4%B8%93%E5%88%A9&lang=zh',
  'index.html#themes?lang=en',
  'index.html#themes?theme=pledge-financing&at=beijing-2018&lang=en',
  'index.html#themes?item=%E5%88%B6%E5%AE%9A%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83%E5%BC%BA%E7%9C%81%E5%BB%BA%E8%AE%BE%E6%96%B9%E6%A1%88&lang=en',
  'index.html#diff?plans=beijing-2018,shanghai-2018&lang=en',
  'index.html#diff?plans=guangdong-2016,guangdong-2018-2022&lang=zh',
  'index.html#own?lang=en',
  'index.html#patterns?lang=en',
  'index.html#patterns?plans=shanwei-chengqu-2018,guangdong-2018&at=guangdong-2018&theme=pledge-financing&unit=%E4%B8%87%E5%85%83&lang=zh',
  'index.html#explore?plans=guangdong-2016&m=guangdong-2016-120&lang=en',
  'embed.html?view=diff&plans=beijing-2018,shanghai-2018&lang=en',
  'embed.html?view=themes&lang=en&theme=dark',
  'embed.html?view=explore&q=%E4%B8%93%E5%88%A9%E8%B4%A8%E6%8A%BC&lang=zh&theme=dark',
  'embed.html?view=patterns&lang=zh&limit=3&height=240',
];

for (const path of pages) {
  test(`no axe violation: ${decodeURIComponent(path)}`, async () => {
    const page = await s.open(path);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(await violations(page), []);
  });
}

test('no axe violation with "Embed this view" open and its preview rendered', async () => {
  const page = await s.open('index.html#themes?theme=pledge-financing&lang=en');
  await page.click('details.embed-this summary');
  await page.waitForFunction(() => document.querySelector('.embed-preview plan-compare')?.dataset.ready === 'true');
  assert.deepEqual(await violations(page), []);
});

test('no axe violation on article.html, its custom element and its iframe, at 700 and 360 px', async () => {
  for (const width of [700, 360]) {
    const page = await s.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${s.url}article.html`);
    await page.waitForFunction(() => document.querySelector('plan-compare')?.dataset.ready === 'true');
    await page.locator('iframe').scrollIntoViewIfNeeded();
    const frame = page.frame({ url: /embed\.html/ });
    await frame.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(await violations(page), [], `article at ${width}px`);
    assert.deepEqual(await violations(frame), [], `iframe at ${width}px`);
    await page.close();
  }
});

test('keyboard only: the embed\'s show all, the diff filters, Embed this view and Cite are reachable and work', async () => {
  const page = await s.open('index.html#diff?plans=beijing-2018,tianjin-2018&lang=en');
  const reach = async (selector, max = 80) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return true;
    }
    return false;
  };
  assert.ok(await reach('details.embed-this > summary'), 'Embed this view by Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('details.embed-this').open);
  assert.ok(await reach('input[name="diff-filter"]', 200), 'the filters by Tab');
  await page.keyboard.press('ArrowRight'); // radio group: the next filter ("changed")
  await page.waitForFunction(() => document.querySelector('input[name="diff-filter"][value="changed"]').checked);
  await page.goto(`${s.url}embed.html?view=diff&plans=beijing-2018,tianjin-2018&lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok(await reach('.show-all'), 'show all by Tab');
  const before = await page.$$eval('.pair', (x) => x.length);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.pair').length > n, before);
  assert.ok(await page.evaluate(() => document.activeElement?.matches('.show-all')), 'focus stays on the toggle');
  await page.goto(`${s.url}index.html#explore?plans=guangdong-2016&lang=en`);
  await page.waitForSelector('.measure .cite-button');
  assert.ok(await reach('.measure .cite-button', 200), 'Cite by Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.measure .cite-out code');
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
