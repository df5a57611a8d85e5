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
  await page.waitForFunction(() => (location.hash.includes('tianjin-2018')) && document.body.dataset.rendered === location.hash);
  const hash = await page.evaluate(() => location.hash);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.equal(await page.inputValue('#d-b'), 'tianjin-2018');
  await page.goBack();
  await page.waitForFunction(() => (location.hash.includes('shanghai-2018')) && document.body.dataset.rendered === location.hash);
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

async function measureOf(id) {
  return page.evaluate(async (id) => {
    const m = await (await import('./pkg/index.js')).measure(id);
    return { ...m, fp: (await import('./js/permalink.js')).fingerprint(m) };
  }, id);
}

test('a measure permalink opens the measure highlighted, focused and in view', async () => {
  const m = await measureOf('guangdong-2016-120');
  await page.goto(`${s.url}index.html#explore?plans=guangdong-2016&m=${m.id}&v=${m.fp}&lang=en`);
  await page.reload();
  await page.waitForSelector('.measure.target');
  assert.equal(await page.getAttribute('.measure.target', 'data-id'), m.id);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), m.id);
  const box = await page.evaluate(() => { const r = document.querySelector('.measure.target').getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; });
  assert.ok(box[0] >= 0 && box[0] < box[2], `in view: ${box}`);
  assert.equal(await page.$$eval('.cited .notice', (x) => x.length), 0, 'the text is the one cited: no notice');
  await s.shot(page, 'permalink-measure');
  // The reader's next step (a filter) leaves the cited measure behind.
  await page.selectOption('#f-level', { index: 1 });
  await page.waitForFunction(() => (!location.hash.includes('m=')) && document.body.dataset.rendered === location.hash);
});

test('a permalink whose text changed since, or whose measure is gone, says so', async () => {
  const m = await measureOf('guangdong-2016-003');
  await page.goto(`${s.url}index.html#explore?plans=guangdong-2016&m=${m.id}&v=00000000&lang=en`);
  await page.waitForSelector('.cited .notice.error');
  assert.match(await page.textContent('.cited .notice.error'), /data changed since this link was made/);
  assert.equal(await page.getAttribute('.measure.target', 'data-id'), m.id);
  await page.goto(`${s.url}index.html#explore?m=guangdong-2016-999&v=00000000&lang=zh`);
  await page.waitForFunction(() => document.body.dataset.rendered === location.hash);
  await page.waitForSelector('.cited .notice.error');
  assert.match(await page.textContent('.cited .notice.error'), /guangdong-2016-999.*数据已更新/);
});

test('"Cite" gives a citation in the reader\'s language with the permalink and data version', async () => {
  const m = await measureOf('guangdong-2016-120');
  const plan = await page.evaluate(async () => (await import('./pkg/index.js')).plans().find((p) => p.id === 'guangdong-2016'));
  for (const lang of ['en', 'zh']) {
    await page.goto(`${s.url}index.html#explore?plans=guangdong-2016&m=${m.id}&lang=${lang}`);
    await page.waitForSelector('.measure.target');
    await page.click('.measure.target .cite-button');
    await page.waitForSelector('.measure.target .cite-out code');
    const cite = await page.textContent('.measure.target .cite-out code');
    const one = m.lines[0] === m.lines[1];
    const lines = lang === 'en' ? (one ? `line ${m.lines[0]}` : `lines ${m.lines[0]}–${m.lines[1]}`) : (one ? `第${m.lines[0]}行` : `第${m.lines[0]}–${m.lines[1]}行`);
    for (const part of [plan.title, plan.doc_number, plan.source, String(plan.year_start), lines, m.id]) {
      assert.ok(cite.includes(part), `${lang}: ${part} in ${cite}`);
    }
    assert.match(cite, lang === 'en' ? /^Guangdong \(广东省\), “/ : /^广东省《/);
    assert.match(cite, lang === 'en' ? /Data version [0-9a-f]{16}\./ : /数据版本 [0-9a-f]{16}。/);
    const url = cite.match(/https?:\S+/)?.[0];
    assert.ok(url, cite);
    assert.ok(url.includes(`m=${m.id}`) && url.includes(`v=${m.fp}`), url);
    if (m.no != null) assert.ok(cite.includes(lang === 'en' ? `item ${m.no}` : `第${m.no}项`), cite);
    // The citation's link opens the same measure.
    await page.goto(url);
    await page.waitForSelector('.measure.target');
    assert.equal(await page.getAttribute('.measure.target', 'data-id'), m.id);
  }
});

test("the embed's pair links open the full diff with that measure highlighted", async () => {
  await page.goto(`${s.url}embed.html?view=diff&plans=beijing-2018,tianjin-2018&lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  const href = await page.getAttribute('.pair .side.a .pair-head a', 'href');
  const id = await page.getAttribute('.pair', 'data-a');
  assert.ok(href.startsWith('index.html#diff?') && href.includes(`m=${id}`), href);
  await page.goto(new URL(href, page.url()).href);
  await page.waitForSelector('.pair.target');
  assert.equal(await page.getAttribute('.pair.target', 'data-a'), id);
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
