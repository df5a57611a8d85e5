// "Embed this view": every view of the page offers copy-paste code for its current state (custom
// element and iframe) with a live preview, and the code works pasted into a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';

let s;
let page;
before(async () => {
  s = await session({ width: 1000, height: 900 });
  page = await s.open('index.html#diff?plans=beijing-2018,shanghai-2018&lang=en');
});
after(async () => {
  await s?.close();
});

for (const hash of ['explore?plans=beijing-2018&lang=en', 'themes?theme=pledge-financing&lang=en', 'diff?plans=beijing-2018,shanghai-2018&lang=en']) {
  test(`#${hash.split('?')[0]} offers the code for its state`, async () => {
    await page.goto(`${s.url}index.html#${hash}`);
    // A new hash on the same document: the previous view's code is still there until this one renders.
    const view = hash.split('?')[0];
    await page.waitForFunction((v) => location.hash.startsWith(`#${v}`) && document.body.dataset.rendered === location.hash, view, { timeout: 20_000 });
    await page.waitForSelector('details.embed-this summary');
    assert.equal(await page.textContent('details.embed-this summary'), 'Embed this view');
    const [element, iframe] = await Promise.all([page.inputValue('#embed-element'), page.inputValue('#embed-iframe')]);
    assert.match(element, new RegExp(`<plan-compare view="${view}"`));
    assert.match(element, /<script type="module" src="http:\/\/[^"]+\/embed\.js"><\/script>/);
    assert.match(iframe, new RegExp(`<iframe data-plan-compare src="http://[^"]+/embed\\.html\\?view=${view}&amp;`));
    assert.match(iframe, /title="plan-compare: [^"]+"/);
    assert.match(iframe, /loading="lazy"/);
  });
}

test('the live preview renders the embed as an article would show it', async () => {
  await page.goto(`${s.url}index.html#diff?plans=beijing-2018,shanghai-2018&lang=en`);
  await page.click('details.embed-this summary');
  await page.waitForFunction(() => document.querySelector('.embed-preview plan-compare')?.dataset.ready === 'true');
  const stats = await page.evaluate(() => document.querySelector('.embed-preview plan-compare').shadowRoot.querySelectorAll('.stat').length);
  assert.equal(stats, 4);
  await s.shot(page, 'embed-this');
});

test('the code works pasted into a blank page (both variants, frame sized to its content)', async () => {
  const [element, iframe] = await Promise.all([page.inputValue('#embed-element'), page.inputValue('#embed-iframe')]);
  const blank = `${s.url}pasted-blank.html`;
  await s.route(blank, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A blank page</title></head><body><main>\n${element}\n<p>Between the embeds.</p>\n${iframe}\n</main></body></html>` }));
  const p = await s.newPage();
  await p.goto(blank);
  await p.waitForFunction(() => document.querySelector('plan-compare')?.dataset.ready === 'true');
  await p.locator('iframe').scrollIntoViewIfNeeded();
  await p.waitForFunction(() => {
    const f = document.querySelector('iframe');
    const doc = f.contentDocument?.documentElement;
    return f.contentDocument?.body?.dataset.ready === 'true' && Math.abs(parseFloat(f.style.height) - Math.ceil(doc.getBoundingClientRect().height)) <= 1;
  });
  const r = await p.evaluate(() => ({
    el: document.querySelector('plan-compare').shadowRoot.querySelector('.summary-title')?.textContent,
    fr: document.querySelector('iframe').contentDocument.querySelector('.summary-title')?.textContent,
    h: parseFloat(document.querySelector('iframe').style.height),
  }));
  assert.equal(r.el, 'Beijing 2018 ↔ Shanghai 2018');
  assert.equal(r.fr, r.el);
  assert.ok(r.h > 200 && r.h <= 800, `iframe ${r.h}px`);
  await s.shot(p, 'embed-pasted');
  await p.close();
  await s.unroute(blank);
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
