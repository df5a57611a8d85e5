// Safety: untrusted text (a pasted plan, URL parameters, embed attributes) is shown as characters and
// never run; the pages carry a CSP that forbids inline script, and work under it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { session, repo } from './helpers.mjs';

const payload = '<img src=x onerror=window.pwned=1>';
let s;
let page;
before(async () => {
  s = await session();
  page = await s.open('index.html#own?lang=en');
});
after(async () => {
  await s?.close();
});

test('every page declares the CSP and has no inline script or handler', () => {
  for (const file of ['index.html', 'embed.html', 'article.html']) {
    const html = readFileSync(join(repo, 'www', file), 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'/, file);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${file} has an inline script`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, `${file} has an inline event handler`);
  }
});

test('a pasted plan with markup shows the characters and runs nothing', async () => {
  const text = `${payload}工作要点\n一、强化保护\n（一）加大执法力度${payload}。开展专利执法专项行动。（市市场监管局负责）\n`;
  await page.fill('#own-text', text);
  await page.fill('#own-region', payload);
  await page.click('#own-parse');
  await page.waitForSelector('.own-result, .own-view .notice');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$$eval('main img', (els) => els.length), 0);
  assert.ok((await page.textContent('main')).includes('<img src=x onerror=window.pwned=1>'));
});

test('markup in URL parameters is rejected or shown as text', async () => {
  await page.goto(`${s.url}index.html#explore?lang=en&q=${encodeURIComponent(payload)}&level=${encodeURIComponent(payload)}`);
  await page.waitForFunction(() => (location.hash.startsWith('#explore')) && document.body.dataset.rendered === location.hash);
  await page.waitForSelector('main .notice.error');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$$eval('main img', (els) => els.length), 0);
  assert.equal(await page.inputValue('#q'), payload); // a search for those characters, nothing more
  assert.match(await page.textContent('main .notice.error'), /level/);
  assert.ok(!(await page.evaluate(() => location.hash)).includes('level='), 'the rejected value is dropped from the permalink');
});

test('markup in embed attributes is rejected, and the CSP blocks an injected inline handler', async () => {
  await page.goto(`${s.url}article.html`);
  await page.waitForFunction(() => document.querySelector('plan-compare')?.dataset.ready === 'true');
  await page.evaluate((p) => {
    const el = document.createElement('plan-compare');
    el.setAttribute('view', 'explore');
    el.setAttribute('plans', p);
    el.setAttribute('lang', 'en');
    el.id = 'hostile';
    document.body.append(el);
  }, payload);
  await page.waitForFunction(() => document.querySelector('#hostile')?.dataset.ready === 'true');
  const shadowText = await page.evaluate(() => document.querySelector('#hostile').shadowRoot.textContent);
  assert.match(shadowText, /Ignored invalid link parameters: plans/);
  assert.equal(await page.evaluate(() => document.querySelector('#hostile').shadowRoot.querySelectorAll('img').length), 0);
  const before = s.console.length;
  // Even markup that did get in could not run: the page's CSP forbids inline handlers.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onload="window.pwned=2">'));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const csp = s.console.slice(before);
  assert.ok(csp.length >= 1 && csp.every((m) => /Content Security Policy/.test(m)), csp.join('\n'));
  s.console.splice(before); // the expected CSP report, checked above
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
