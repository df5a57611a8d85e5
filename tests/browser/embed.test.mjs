// Embedding: <plan-compare> renders in a shadow DOM the host's CSS cannot reach; the iframe variant
// reports its height by postMessage and the example article resizes the frame to fit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';

let s;
let page;
before(async () => {
  s = await session();
  page = await s.open('article.html', { ready: false });
  await page.waitForFunction(() => document.querySelector('plan-compare')?.dataset.ready === 'true');
});
after(async () => {
  await s?.close();
});

const inShadow = (fn, arg) => page.evaluate(([src, arg]) => new Function('root', 'arg', src)(document.querySelector('#embed-diff').shadowRoot, arg), [fn, arg]);

test('the custom element renders the view its attributes name, in English', async () => {
  const values = await inShadow('return [...root.querySelectorAll("select")].map((s) => s.value)');
  assert.deepEqual(values, ['beijing-2018', 'shanghai-2018']);
  const text = await inShadow('return root.textContent');
  assert.ok(text.includes('Plan A') && text.includes('Beijing 2018'));
  const hasDiff = await page.evaluate(async () => typeof (await import('./pkg/index.js')).diff === 'function');
  if (hasDiff) assert.ok(await inShadow('return root.querySelectorAll(".pair").length') > 0);
  else assert.ok(text.includes('diff()'), 'says diff() is unavailable');
});

test('the host page CSS does not reach inside the element', async () => {
  const style = await inShadow('const b = root.querySelector("button, select"); const cs = getComputedStyle(b); return [cs.backgroundColor, cs.fontSize, getComputedStyle(root.querySelector(".pc-root")).letterSpacing]');
  assert.notEqual(style[0], 'rgb(0, 255, 0)');
  assert.notEqual(style[1], '30px');
  assert.equal(style[2], 'normal');
  // The host's own buttons do get its styles (the test page is really hostile).
  const hostButton = await page.evaluate(() => { const b = document.createElement('button'); document.body.append(b); const c = getComputedStyle(b).backgroundColor; b.remove(); return c; });
  assert.equal(hostButton, 'rgb(0, 255, 0)');
});

test('changing an attribute re-renders the element', async () => {
  await page.evaluate(() => document.querySelector('#embed-diff').setAttribute('lang', 'zh'));
  await page.waitForFunction(() => document.querySelector('#embed-diff').shadowRoot.textContent.includes('规划 A'));
});

test('the iframe reports its height and the article fits the frame to it', async () => {
  const frame = page.frame({ url: /embed\.html/ });
  await frame.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => parseFloat(document.querySelector('#frame-explore').style.height) > 300);
  const [frameHeight, content] = await Promise.all([
    page.evaluate(() => parseFloat(document.querySelector('#frame-explore').style.height)),
    frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
  ]);
  assert.ok(Math.abs(frameHeight - content) <= 2, `frame ${frameHeight}px, content ${content}px`);
  // Content grows → the frame follows.
  await frame.selectOption('#f-plan', 'guangdong-2016');
  await page.waitForFunction((h) => parseFloat(document.querySelector('#frame-explore').style.height) !== h, frameHeight);
  assert.ok(frame.url().includes('plans=guangdong-2016'), frame.url());
  await page.setViewportSize({ width: 1280, height: 900 });
  await s.shot(page, 'article-desktop');
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
