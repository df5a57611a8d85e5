// Bilingual interface: 中文 / English switch, region labels from region_en, the choice kept in the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session, texts } from './helpers.mjs';

let s;
let page;
before(async () => {
  s = await session();
  page = await s.open('index.html#explore?lang=zh');
});
after(async () => {
  await s?.close();
});

test('Chinese shows Chinese labels and regions as printed', async () => {
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual(await texts(page, 'nav a'), ['浏览', '主题', '比较两份规划', '规律', '我的规划']);
  const options = await texts(page, '#f-plan option');
  assert.ok(options.includes('北京市 2018'), options.slice(0, 6).join(' | '));
  assert.equal(await page.textContent('label[for="q"] span'), '搜索（中文或英文）');
});

test('the English button switches every label, keeps the view and goes into the URL', async () => {
  await page.selectOption('#f-plan', 'beijing-2018');
  await page.click('#langs button[lang="en"]');
  await page.waitForFunction(() => (location.hash.includes('lang=en')) && document.body.dataset.rendered === location.hash);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(await texts(page, 'nav a'), ['Explore', 'Themes', 'Diff', 'Patterns', 'Your own plan']);
  assert.equal(await page.getAttribute('#langs button[lang="en"]', 'aria-pressed'), 'true');
  const options = await texts(page, '#f-plan option');
  assert.ok(options.includes('Beijing 2018'));
  assert.ok(options.includes('Xinjiang Production and Construction Corps 2018'));
  assert.equal(await page.inputValue('#f-plan'), 'beijing-2018');
  assert.match(await page.textContent('.results .measure .measure-plan'), /^Beijing · /);
  // The navigation links carry the language along.
  await page.click('nav a:has-text("Themes")');
  await page.waitForFunction(() => (location.hash.startsWith('#themes')) && document.body.dataset.rendered === location.hash);
  assert.ok((await page.evaluate(() => location.hash)).includes('lang=en'));
  await s.shot(page, 'themes-en-desktop');
});

test('theme labels follow the language (zh / en from themes())', async () => {
  const themes = await page.evaluate(async () => (await import('./pkg/index.js')).themes());
  if (!themes.length) {
    assert.match(await page.textContent('main'), /no theme taxonomy/);
    return;
  }
  const options = await texts(page, '#t-theme option');
  assert.ok(options.includes(themes[0].en));
  await page.click('#langs button[lang="zh"]');
  await page.waitForFunction(() => (location.hash.includes('lang=zh')) && document.body.dataset.rendered === location.hash);
  assert.ok((await texts(page, '#t-theme option')).includes(themes[0].zh));
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
