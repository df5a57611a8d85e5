// Phone width (360 px): every view fits without sideways scrolling; screenshots for a human look.
// And how a page loads: its first answer waits for its own view's code only, and a first visit
// asks for every module, the package's module and manifest at once (index.html, embed.html, embed.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { session, artifacts, repo } from './helpers.mjs';

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
  ['patterns', 'patterns?plans=shanwei-chengqu-2018,guangdong-2018&at=guangdong-2018&theme=pledge-financing&unit=%E4%B8%87%E5%85%83&lang=en'],
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

test('on a phone the facets fold under one line: the first results show on the first screen', async () => {
  const page = await s.open('index.html#explore?q=%E4%B8%93%E5%88%A9%E8%B4%A8%E6%8A%BC&lang=en');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('article.measure');
  assert.equal(await page.isVisible('#f-region'), false);
  const top = await page.$eval('article.measure', (el) => el.getBoundingClientRect().top);
  assert.ok(top < 740, `the first result starts at ${top}px`);
  assert.equal(await page.textContent('.more-filters > summary'), 'Filters');
  await page.click('.more-filters > summary');
  assert.equal(await page.isVisible('#f-region'), true);
  // A facet chosen shows in the fold's line, and the fold stays open as the view is drawn again.
  await page.selectOption('#f-level', 'province');
  await page.waitForFunction(() => document.querySelector('.more-filters > summary')?.textContent === 'Filters (1)');
  assert.equal(await page.isVisible('#f-region'), true);
  // A fresh visit to a link with a facet set opens the fold: the reader sees what restricts the list.
  const again = await s.newPage();
  await again.goto(`${s.url}index.html#explore?level=province&lang=en`);
  await again.waitForSelector('body[data-ready="true"]');
  await again.waitForSelector('#f-level');
  assert.equal(await again.isVisible('#f-level'), true);
  await again.close();
});

test('on a phone the header takes two lines: the title with the language switch, then the views', async () => {
  // It took four (title, views wrapped over two, language switch) and 175 px of a 740 px screen.
  for (const lang of ['en', 'zh']) {
    const page = await s.open(`index.html#explore?lang=${lang}`);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const box = (sel) => page.$eval(sel, (el) => el.getBoundingClientRect().toJSON());
    const [header, title, langs, nav] = await Promise.all(['header.site', '#site-title', '#langs', '#nav'].map(box));
    assert.ok(header.height <= 100, `${lang}: the header is ${header.height}px tall`);
    assert.ok(Math.abs(langs.top + langs.height / 2 - (title.top + title.height / 2)) < 8, `${lang}: the switch is beside the title`);
    assert.ok(nav.top >= title.bottom - 1, `${lang}: the views are below the title`);
    // Every view is still a link the reader can reach (the line scrolls sideways if it must).
    const links = await page.$$eval('#nav a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(links.length, 5);
    await page.click('#nav a:last-child');
    await page.waitForFunction(() => location.hash.startsWith('#own'));
  }
});

test('on a wide screen the facets are open and their fold has no line of its own', async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${s.url}index.html#explore?lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#f-region');
  assert.equal(await page.isVisible('#f-region'), true);
  assert.equal(await page.isVisible('.more-filters > summary'), false);
  await page.close();
});

for (const [name, path] of [
  ['article', 'article.html'],
  ['item-compare', 'index.html#themes?item=%E5%88%B6%E5%AE%9A%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83%E5%BC%BA%E7%9C%81%E5%BB%BA%E8%AE%BE%E6%96%B9%E6%A1%88&lang=en'],
  ['diff-grain', 'index.html#diff?plans=guangdong-2016,guangdong-2018-2022&lang=en'],
  ['embed-this', 'index.html#diff?plans=beijing-2018,shanghai-2018&lang=en'],
]) {
  test(`the new parts fit a 360 px screen: ${name}`, async () => {
    const page = await s.newPage();
    await page.goto(`${s.url}${path}`);
    if (name === 'article') {
      await page.waitForFunction(() => document.querySelector('plan-compare')?.dataset.ready === 'true');
      await page.locator('iframe').scrollIntoViewIfNeeded();
      await page.frame({ url: /embed\.html/ }).waitForSelector('body[data-ready="true"]');
      const inner = await page.evaluate(() => {
        const root = document.querySelector('plan-compare').shadowRoot.querySelector('.pc-root');
        return [root.scrollWidth, root.clientWidth];
      });
      assert.ok(inner[0] <= inner[1], `the element's content is ${inner[0]}px in ${inner[1]}px`);
      const frameWidth = await page.frame({ url: /embed\.html/ }).evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      assert.ok(frameWidth[0] <= frameWidth[1], `the frame's content is ${frameWidth[0]}px in ${frameWidth[1]}px`);
    } else {
      await page.waitForSelector('body[data-ready="true"]');
      if (name === 'embed-this') await page.click('details.embed-this summary');
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${name} is ${width}px wide`);
    await page.screenshot({ path: `${artifacts}/${name}-phone.png`, fullPage: name === 'article' });
    await page.close();
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

test("a view's first answer waits for no other view's code, which follows after it", async () => {
  // Every other view's code (and the own-plan view's file reader) held back: the diff must still draw.
  let release;
  const held = new Promise((ok) => { release = ok; });
  const others = /\/js\/(views\/(explore|themes|own|patterns|summaries)|read-file)\.js$/;
  await s.route(others, async (route) => { await held; await route.continue(); });
  const page = await s.newPage();
  await page.goto(`${s.url}index.html#diff?plans=beijing-2018,shanghai-2018&lang=en`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok((await page.$$('.pair')).length > 10, 'the diff is drawn');
  release();
  // Then the rest arrives, for the reader's next view and for the service worker to keep offline.
  const code = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
    .filter((p) => /\/js\/(views\/[a-z]+|read-file)\.js$/.test(p));
  await page.waitForFunction((n) => performance.getEntriesByType('resource').filter((e) => /\/js\/(views\/[a-z]+|read-file)\.js$/.test(e.name)).length >= n, 7);
  assert.deepEqual((await page.evaluate(code)).map((p) => p.split('/').pop()).sort(),
    ['diff.js', 'explore.js', 'own.js', 'patterns.js', 'read-file.js', 'summaries.js', 'themes.js']);
  await s.unroute(others);
  await page.close();
});

/** The modules a page's entry script imports, itself and the whole static graph (paths in www/). */
function importGraph(entry) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(repo, 'www', file), 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      todo.push(normalize(join(dirname(file), m[1] ?? m[2])));
    }
  }
  return [...seen].sort();
}

/** Resolves once every file of `wanted` is in `asked` (while `held` is held back); fails after 20 s. */
async function askedFor(asked, wanted, held) {
  for (let waited = 0; !wanted.every((f) => asked.includes(f)); waited += 50) {
    const missing = wanted.filter((f) => !asked.includes(f));
    if (waited >= 20_000) assert.fail(`${missing.join(', ')} not asked for while ${held} was held back; asked: ${asked.join(' ')}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

test('each page preloads its whole module graph, the package\'s module and the manifest', () => {
  for (const [html, entry] of [['index.html', 'js/app.js'], ['embed.html', 'js/frame.js']]) {
    const head = readFileSync(join(repo, 'www', html), 'utf8');
    const hrefs = (rel) => [...head.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"([^>]*)>`, 'g'))].map((m) => [m[1], m[2].trim()]);
    assert.ok(head.includes(`<script type="module" src="${entry}"></script>`), html);
    // Every module of the graph (pkg/index.js is one bundled file), and nothing else: a module
    // renamed or added without its line here is caught.
    assert.deepEqual(hrefs('modulepreload').map(([href]) => href).sort(), importGraph(entry), html);
    // Fetched as wasm-bindgen's glue and js/load.js fetch them (mode cors, same-origin
    // credentials), or the browser would fetch them twice.
    assert.deepEqual(hrefs('preload'), [['pkg/plan_compare_bg.wasm', 'as="fetch" crossorigin'], ['pkg/data/manifest.json', 'as="fetch" crossorigin']], html);
  }
});

test('the page asks for its modules, the package\'s module and its manifest before its first script has arrived, and once', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const page = await s.newPage();
  // On the context, so that it holds the service worker's fetch too (the page's own goes through it).
  await s.route('**/js/app.js', async (route) => { await held; await route.continue(); });
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname.replace(/^.*?\/(js|pkg)\//, '$1/')));
  const wanted = [...importGraph('js/app.js'), 'pkg/plan_compare_bg.wasm', 'pkg/data/manifest.json'];
  await page.goto(`${s.url}index.html#diff?plans=beijing-2018,shanghai-2018&lang=en`, { waitUntil: 'commit' });
  // All of them asked for while js/app.js, the root of the module graph, is still on its way.
  await askedFor(asked, wanted.filter((f) => f !== 'js/app.js'), 'js/app.js');
  release();
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok((await page.$$('.pair')).length > 10, 'the diff is drawn');
  // A preload the page then fetched differently would be fetched again.
  for (const file of wanted) assert.equal(asked.filter((f) => f === file).length, 1, `${file} asked for ${asked.filter((f) => f === file).length} times`);
  await s.unroute('**/js/app.js');
  await page.close();
});

test('embed.js preloads its element\'s whole module graph', () => {
  const loader = readFileSync(join(repo, 'www/embed.js'), 'utf8');
  const listed = loader.match(/const MODULES = (\[[^\]]*\]);/)?.[1];
  assert.ok(listed, 'embed.js lists its modules in MODULES');
  assert.deepEqual(JSON.parse(listed.replaceAll("'", '"')).sort(), importGraph('js/embed-element.js'));
  assert.match(loader, /^await import\('\.\/js\/embed-element\.js'\);$/m);
});

test('an article asks for the element\'s modules, stylesheet, the package\'s module and manifest before the element\'s code has arrived, and once', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await s.route('**/js/embed-element.js', async (route) => { await held; await route.continue(); });
  const page = await s.newPage();
  const asked = []; // by the article itself, not its iframe (embed.html, which asks for its own)
  page.on('request', (r) => r.frame() === page.mainFrame() && asked.push(new URL(r.url()).pathname.replace(/^.*?\/(js|pkg)\//, '$1/')));
  const wanted = [...importGraph('js/embed-element.js').filter((f) => f !== 'js/embed-element.js'), '/style.css',
    'pkg/plan_compare_bg.wasm', 'pkg/data/manifest.json'];
  await page.goto(`${s.url}article.html`, { waitUntil: 'commit' });
  await askedFor(asked, wanted, 'js/embed-element.js');
  release();
  await page.waitForSelector('#embed-diff[data-ready="true"]');
  assert.ok(await page.$('#embed-diff >> .pair'), 'the diff is drawn');
  for (const file of [...wanted, 'js/embed-element.js']) {
    assert.equal(asked.filter((f) => f === file).length, 1, `${file} asked for ${asked.filter((f) => f === file).length} times`);
  }
  await s.unroute('**/js/embed-element.js');
  await page.close();
});

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
