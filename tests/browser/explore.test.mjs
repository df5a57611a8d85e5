// Explore: plan and facet filters, search with highlights, cite, CSV export, keyboard and labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

test('choosing a plan lists exactly its measures, each citing its source lines', async () => {
  await page.selectOption('#f-plan', 'beijing-2018');
  await page.waitForFunction(() => (location.hash.includes('plans=beijing-2018')) && document.body.dataset.rendered === location.hash);
  const expected = await page.evaluate(async () => (await (await import('./pkg/index.js')).measures({ plan: 'beijing-2018' })).length);
  assert.ok(expected > 20, `beijing-2018 has ${expected} measures`);
  const plans = await page.$$eval('.results .measure', (els) => els.map((e) => e.dataset.plan));
  assert.ok(plans.length > 0);
  assert.deepEqual([...new Set(plans)], ['beijing-2018']);
  assert.match(await page.textContent('.results .count'), new RegExp(`^${expected} `));
  await s.shot(page, 'explore-beijing-desktop');
});

test('the filter panel filters by region with facet counts that add up', async () => {
  await page.goto(`${s.url}index.html#explore?lang=zh`);
  await page.waitForSelector('#f-region');
  await page.selectOption('#f-region', '北京市');
  await page.waitForFunction(() => (location.hash.includes('region=')) && document.body.dataset.rendered === location.hash);
  const plans = await page.$$eval('.results .measure', (els) => [...new Set(els.map((e) => e.dataset.plan))]);
  assert.deepEqual(plans, ['beijing-2018']);
  const total = Number((await page.textContent('.results .count')).match(/\d+/)[0]);
  for (const facet of ['level', 'year', 'focus']) {
    const counts = await page.$$eval(`#f-${facet} option`, (os) => os.map((o) => Number(o.textContent.match(/\((\d+)\)$/)?.[1] ?? 0)));
    // 'none' is not offered as a choice, so the counts add up to at most the total (exactly, for level and year).
    const sum = counts.reduce((a, b) => a + b, 0);
    if (facet === 'focus') assert.ok(sum <= total);
    else assert.equal(sum, total, `${facet} counts add up to ${total}`);
  }
});

test('search highlights its matches in the text', async () => {
  await page.goto(`${s.url}index.html#explore?lang=zh`);
  await page.waitForSelector('#q');
  await page.focus('#q');
  await page.keyboard.type('质押融资');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (decodeURIComponent(location.hash).includes('q=质押融资')) && document.body.dataset.rendered === location.hash);
  const marks = await texts(page, '.results mark');
  assert.ok(marks.length > 0, 'some matches are highlighted');
  assert.ok(marks.some((m) => m.includes('质押')), `marks: ${marks.slice(0, 5)}`);
  // Every highlight starts with a phrase or term the query was turned into: offsets are not shifted.
  const needles = await page.evaluate(async () => {
    const r = await (await import('./pkg/index.js')).search('质押融资', { limit: 1 });
    return [...r.phrases.map((p) => p.text), ...r.terms.map((t) => t[0])];
  });
  for (const m of marks) assert.ok(needles.some((n) => m.toLowerCase().startsWith(n)), `mark ${m} matches no needle`);
  // The best plans are named, at most eight, and the number of plans with a match is said.
  const planTotal = await page.evaluate(async () => (await (await import('./pkg/index.js')).search('质押融资', { limit: 0 })).planTotal);
  const scores = await page.evaluate(() => ({ text: document.querySelector('.plan-scores').textContent, named: document.querySelectorAll('.plan-scores span').length }));
  assert.equal(scores.named, Math.min(8, planTotal));
  assert.ok(planTotal > 8, `${planTotal} plans`);
  assert.ok(scores.text.startsWith(`按规划 (${planTotal} 份规划): `), scores.text);
});

test('a search says what it looked for: the Chinese of English words, with their source', async () => {
  await page.goto(`${s.url}index.html#explore?lang=en&q=${encodeURIComponent('revitalization')}`);
  await page.waitForFunction(() => location.hash.includes('revitalization') && document.body.dataset.rendered === location.hash);
  const expected = await page.evaluate(async () => (await (await import('./pkg/index.js')).search('revitalization', { limit: 1 })).phrases);
  const shown = await page.$$eval('.results .understood span', (els) => els.map((e) => ({ text: e.textContent, title: e.title, lang: e.lang })));
  // Every term the search read, in its order, each with where it came from; CC-CEDICT's 振兴
  // stands for "revitalization" (its /to revitalize/; "rural revitalization" is the glossary's 乡村振兴).
  assert.deepEqual(shown.map((x) => x.text), expected.filter((p) => !p.from.startsWith('theme:')).map((p) => p.text));
  const revive = shown.find((x) => x.text === '振兴');
  assert.ok(revive && revive.title.startsWith('CC-CEDICT') && revive.lang === 'zh', JSON.stringify(shown));
  assert.match(await page.textContent('.results .understood'), /^Searched for: /);
  // Every source is named in words, never by its bare key.
  assert.ok(shown.every((x) => x.title && !x.title.startsWith('from-')), JSON.stringify(shown));
  // Two words translated one by one and said together: "patent" 专利 + "information" 信息.
  await page.goto(`${s.url}index.html#explore?lang=en&q=${encodeURIComponent('patent information')}`);
  await page.waitForFunction(() => location.hash.includes('information') && document.body.dataset.rendered === location.hash);
  const joined = await page.$$eval('.results .understood span', (els) => els.map((e) => ({ text: e.textContent, title: e.title })));
  assert.ok(joined.some((x) => x.text === '专利信息' && x.title.startsWith('two English words')), JSON.stringify(joined));
  assert.ok(joined.every((x) => x.title && !x.title.startsWith('from-')), JSON.stringify(joined));
  // Typed in Traditional script: searched, counted and highlighted as the Simplified measures write it.
  const counts = {};
  for (const q of ['專利質押融資', '专利质押融资']) {
    await page.goto(`${s.url}index.html#explore?lang=zh&q=${encodeURIComponent(q)}`);
    await page.waitForFunction((q) => decodeURIComponent(location.hash).includes(q) && document.body.dataset.rendered === location.hash, q);
    counts[q] = { count: await page.textContent('.results .count'), marks: (await texts(page, '.results mark')).slice(0, 10) };
    assert.ok(await page.$$eval('.results .understood span', (els) => els.some((e) => e.textContent === '专利质押融资')), q);
  }
  assert.ok(counts['專利質押融資'].marks.length > 0, JSON.stringify(counts));
  assert.deepEqual(counts['專利質押融資'], counts['专利质押融资']);
  // A filter without words says nothing of the kind.
  await page.goto(`${s.url}index.html#explore?lang=en&plans=beijing-2018`);
  await page.waitForFunction(() => location.hash.includes('plans=') && document.body.dataset.rendered === location.hash);
  assert.equal(await page.$('.results .understood'), null);
});

test('cite shows the exact source: plan title, seed file and line span', async () => {
  await page.goto(`${s.url}index.html#explore?lang=zh&plans=guangdong-2016`);
  await page.waitForSelector('.results .measure');
  const m = await page.evaluate(async () => (await (await import('./pkg/index.js')).measures({ plan: 'guangdong-2016' }))[0]);
  await page.click('.results .measure .cite-button');
  await page.waitForSelector('.results .measure .cite-out code');
  const cite = await page.textContent('.results .measure .cite-out code');
  assert.ok(cite.includes('2016年实施广东省知识产权战略纲要工作要点'), cite);
  assert.ok(cite.includes('粤府知办〔2016〕17号'), cite);
  assert.ok(cite.includes('seeds/guangdong-2016-work-points.txt'), cite);
  assert.ok(cite.includes(`${m.lines[0]}–${m.lines[1]}`) || cite.includes(`line ${m.lines[0]}`), cite);
});

test('export CSV is UTF-8 with a byte-order mark, one row per listed measure', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.results .export-csv')]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  const total = Number((await page.textContent('.results .count')).match(/\d+/)[0]);
  const records = text.slice(1).split('\r\n').filter((l) => l.startsWith('guangdong-2016-'));
  assert.equal(records.length, total);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('.results .export-json')]);
  assert.equal(JSON.parse(readFileSync(await json.path(), 'utf8')).length, total);
});

test('the page works from the keyboard: tab order reaches the controls, focus survives a re-render', async () => {
  await page.goto(`${s.url}index.html#explore?lang=en`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  for (const want of ['Explore', 'Diff', 'English', 'q', 'f-plan']) assert.ok(seen.includes(want), `${want} not reached: ${seen}`);
  await page.focus('#f-plan');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => (location.hash.includes('plans=')) && document.body.dataset.rendered === location.hash);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-plan');
  await page.focus('.results .measure .cite-button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.results .measure .cite-out code');
});

test('every control has a label, the console stays empty and nothing is requested from another host', async () => {
  const unlabelled = await page.$$eval('select, input, textarea', (els) => els.filter((e) => e.labels.length === 0).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
