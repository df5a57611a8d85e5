// Embedding: <plan-compare> renders in a shadow DOM the host's CSS cannot reach and opens on a summary
// sized for an article column; the iframe variant reports its height (namespaced, origin-checked) and
// the host script fits the frame to it, growing and shrinking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { session, artifacts } from './helpers.mjs';

/** The most an embed may take in an article column, at 700 px and at 360 px. */
const MAX = 800;

let s;
let page;
const requests = [];
before(async () => {
  s = await session({ width: 700, height: 900 });
  page = await s.newPage();
  page.on('request', (r) => requests.push({ url: r.url(), main: r.frame() === page.mainFrame() }));
  await page.goto(`${s.url}article.html`);
  await page.waitForFunction(() => document.querySelector('plan-compare')?.dataset.ready === 'true');
});
after(async () => {
  await s?.close();
});

const inShadow = (fn, arg) => page.evaluate(([src, arg]) => new Function('root', 'arg', src)(document.querySelector('#embed-diff').shadowRoot, arg), [fn, arg]);

/** The tallest a frame is made (www/embed.js): a longer document scrolls inside it. */
const FRAME_MAX = 20000;

/** Wait until the iframe is loaded and sized, then give both embeds' heights. */
async function heights() {
  await page.locator('#frame-theme').scrollIntoViewIfNeeded();
  const frame = page.frame({ url: /embed\.html/ });
  await frame.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction((max) => {
    const f = document.querySelector('#frame-theme');
    const doc = f.contentDocument?.documentElement;
    return doc && Math.abs(parseFloat(f.style.height) - Math.min(max, Math.ceil(doc.getBoundingClientRect().height))) <= 1;
  }, FRAME_MAX);
  return page.evaluate(() => ({
    element: document.querySelector('#embed-diff').getBoundingClientRect().height,
    frame: document.querySelector('#frame-theme').getBoundingClientRect().height,
    frameStyle: parseFloat(document.querySelector('#frame-theme').style.height),
  }));
}

test('the diff embed opens on its summary: headline numbers, a chart, the first pairs, show all, open full', async () => {
  const stats = await inShadow('return [...root.querySelectorAll(".stat")].map((s) => [s.querySelector("dt").textContent, s.querySelector("dd").textContent])');
  assert.equal(stats.length, 4);
  assert.match(stats[0][0], /Shared/);
  assert.match(stats[1][0], /Only in Beijing 2018/);
  assert.match(stats[2][0], /Only in Shanghai 2018/);
  assert.match(stats[3][1], /^\d{1,3}%$/);
  const r = await page.evaluate(async () => (await import('./pkg/index.js')).diff('beijing-2018', 'shanghai-2018', { noChanges: true }));
  assert.equal(stats[0][1], String(r.pairs.length));
  assert.equal(stats[1][1], String(r.onlyA.length));
  assert.equal(stats[2][1], String(r.onlyB.length));
  assert.equal(await inShadow('return root.querySelectorAll("svg.split[role=img][aria-label]").length'), 1);
  assert.equal(await inShadow('return root.querySelectorAll(".pair").length'), 3, 'limit="3" pairs');
  assert.deepEqual(await inShadow('return [...root.querySelectorAll(".pair")].map((p) => p.dataset.a)'), r.pairs.slice(0, 3).map((p) => p.a));
  const href = await inShadow('return root.querySelector("a.open-full").href');
  assert.ok(href.endsWith('index.html#diff?lang=en&plans=beijing-2018%2Cshanghai-2018'), href);
  assert.match(await inShadow('return root.querySelector(".show-all").textContent'), /Show all/);
  assert.match(await page.getAttribute('#embed-diff', 'aria-label'), /Beijing 2018 ↔ Shanghai 2018/);
});

for (const width of [700, 360]) {
  test(`at ${width} px both embeds in article.html stay within ${MAX} px`, async () => {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300); // the iframe reflows, then reports
    const h = await heights();
    console.log(`article.html at ${width}px: custom element ${h.element.toFixed(0)}px, iframe ${h.frame.toFixed(0)}px`);
    assert.ok(h.element > 200 && h.element <= MAX, `custom element ${h.element}px`);
    assert.ok(h.frame > 200 && h.frame <= MAX, `iframe ${h.frame}px`);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, `article-${width}.png`), fullPage: true });
  });
}

test('the host page CSS does not reach inside the element; its --plan-compare-* properties do', async () => {
  const style = await inShadow('const b = root.querySelector("button, select"); const cs = getComputedStyle(b); return [cs.backgroundColor, cs.fontSize, getComputedStyle(root.querySelector(".pc-root")).letterSpacing]');
  assert.notEqual(style[0], 'rgb(0, 255, 0)');
  assert.notEqual(style[1], '30px');
  assert.equal(style[2], 'normal');
  const hostButton = await page.evaluate(() => { const b = document.createElement('button'); document.body.append(b); const c = getComputedStyle(b).backgroundColor; b.remove(); return c; });
  assert.equal(hostButton, 'rgb(0, 255, 0)');
  await page.evaluate(() => document.querySelector('#embed-diff').style.setProperty('--plan-compare-font', 'Georgia, serif'));
  assert.match(await inShadow('return getComputedStyle(root.querySelector(".pc-root")).fontFamily'), /Georgia/);
  await page.evaluate(() => document.querySelector('#embed-diff').style.removeProperty('--plan-compare-font'));
});

test('the iframe grows on "show all" and shrinks back on "show the summary", measured on the document', async () => {
  await page.setViewportSize({ width: 700, height: 900 });
  const before = (await heights()).frameStyle;
  const frame = page.frame({ url: /embed\.html/ });
  await frame.click('.show-all');
  await page.waitForFunction((h) => parseFloat(document.querySelector('#frame-theme').style.height) > h + 100, before);
  const grown = (await heights()).frameStyle;
  await frame.click('.show-all');
  await page.waitForFunction((h) => parseFloat(document.querySelector('#frame-theme').style.height) < h - 100, grown);
  const shrunk = (await heights()).frameStyle;
  console.log(`iframe: summary ${before}px → show all ${grown}px → summary ${shrunk}px`);
  assert.ok(Math.abs(shrunk - before) <= 2, `${before} → ${grown} → ${shrunk}`);
  // The full view scrolled inside its box: the frame grew to a screen's height, not the view's.
  assert.ok(grown <= 900, `show all ${grown}px`);
  // The parent script sets style.height (a host stylesheet's height rule is overridden).
  assert.equal(await page.evaluate(() => document.querySelector('#frame-theme').style.height), `${shrunk}px`);
});

test('"show all" on the element: the full view scrolls inside a box within the window, then back', async () => {
  await page.setViewportSize({ width: 700, height: 900 });
  const before = await page.evaluate(() => document.querySelector('#embed-diff').getBoundingClientRect().height);
  await inShadow('root.querySelector(".show-all").click()');
  await page.waitForFunction(() => document.querySelector('#embed-diff').shadowRoot.querySelector('.expanded-box .pair'));
  const box = await inShadow(`const b = root.querySelector(".expanded-box");
    return { role: b.getAttribute("role"), label: b.getAttribute("aria-label"), tab: b.tabIndex, scroll: b.scrollHeight, client: b.clientHeight,
      pairs: b.querySelectorAll(".pair").length, element: root.host.getBoundingClientRect().height }`);
  console.log(`element: summary ${before.toFixed(0)}px → show all ${box.element.toFixed(0)}px (the view is ${box.scroll}px)`);
  assert.deepEqual([box.role, box.label, box.tab], ['region', 'Full view', 0]);
  assert.ok(box.pairs > 3, `the whole diff: ${box.pairs} pairs`);
  assert.ok(box.scroll > 2 * box.client, `the view (${box.scroll}px) scrolls in its box (${box.client}px)`);
  assert.ok(box.element <= 900, `show all ${box.element}px in a 900px window`);
  await inShadow('root.querySelector(".show-all").click()');
  await page.waitForFunction(() => !document.querySelector('#embed-diff').shadowRoot.querySelector('.expanded-box'));
  const after = await page.evaluate(() => document.querySelector('#embed-diff').getBoundingClientRect().height);
  assert.ok(Math.abs(after - before) <= 2, `${before} → ${after}`);
});

test('a work item\'s summary lists each plan\'s first measure and stays within the column at 360 px', async () => {
  await page.setViewportSize({ width: 360, height: 900 });
  await page.evaluate(() => {
    const el = document.createElement('plan-compare');
    el.id = 'embed-item';
    for (const [k, v] of [['view', 'themes'], ['item', '知识产权质押融资'], ['lang', 'en']]) el.setAttribute(k, v);
    document.querySelector('article').prepend(el);
  });
  await page.waitForFunction(() => document.querySelector('#embed-item')?.dataset.ready === 'true');
  const got = await page.evaluate(() => {
    const root = document.querySelector('#embed-item').shadowRoot;
    const rows = [...root.querySelectorAll('.item-table tbody tr')];
    return { height: root.host.getBoundingClientRect().height, rows: rows.length,
      links: rows.map((tr) => tr.querySelectorAll('.item-measures a').length),
      counts: rows.map((tr) => parseInt(tr.querySelector('.item-measures').textContent, 10)),
      more: rows.map((tr) => tr.querySelector('.item-measures .hint')?.textContent ?? null) };
  });
  console.log(`work item summary at 360px: ${got.height.toFixed(0)}px, ${got.rows} rows`);
  assert.equal(got.rows, 6, 'six plans by default');
  assert.ok(got.links.every((n) => n === 1), got.links.join());
  got.counts.forEach((n, i) => assert.equal(got.more[i], n > 1 ? `${n - 1} more measures` : null));
  assert.ok(got.height <= 900, `${got.height}px`);
  await page.evaluate(() => document.querySelector('#embed-item').remove());
  await page.setViewportSize({ width: 700, height: 900 });
});

test('the iframe is lazy, titled, has its height reserved, and embed.html has a <noscript> link', async () => {
  const attrs = await page.evaluate(() => { const f = document.querySelector('#frame-theme'); return [f.loading, f.title, f.getAttribute('height')]; });
  assert.equal(attrs[0], 'lazy');
  assert.match(attrs[1], /plan-compare/);
  assert.ok(+attrs[2] >= 200);
  const html = await (await fetch(`${s.url}embed.html`)).text();
  assert.match(html, /<noscript>.*<a href="index\.html"/s);
  // The element's light-DOM link is what a reader without JavaScript sees.
  assert.match(await page.evaluate(() => document.querySelector('#embed-diff > a').getAttribute('href')), /^index\.html#diff/);
});

test('height messages are namespaced and count only from the frame itself', async () => {
  const h0 = await page.evaluate(() => document.querySelector('#frame-theme').style.height);
  // The same message posted by the page (not by the frame) and a message without our type are ignored.
  await page.evaluate(() => {
    postMessage({ type: 'plan-compare:height', height: 5 }, location.origin);
    document.querySelector('#frame-theme').contentWindow.parent.postMessage({ type: 'height', height: 7 }, location.origin);
  });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.querySelector('#frame-theme').style.height), h0);
  const src = await (await fetch(`${s.url}js/frame.js`)).text();
  assert.ok(!/postMessage\([^)]*'\*'\)/.test(src), 'the frame never posts to "*"');
});

test('two elements and a second copy of the loader share one module and one data load', async () => {
  await page.evaluate(() => {
    const el = document.createElement('plan-compare');
    el.id = 'second';
    el.setAttribute('view', 'explore');
    el.setAttribute('q', '专利质押');
    el.setAttribute('lang', 'en');
    document.querySelector('article').append(el);
    const again = document.createElement('script');
    again.type = 'module';
    again.src = 'embed.js?copy=2';
    document.head.append(again);
  });
  await page.waitForFunction(() => document.querySelector('#second')?.dataset.ready === 'true');
  await page.waitForTimeout(300);
  const main = requests.filter((r) => r.main).map((r) => new URL(r.url).pathname);
  assert.equal(main.filter((p) => p.endsWith('plan_compare_bg.wasm')).length, 1, main.join(' '));
  assert.equal(main.filter((p) => p.endsWith('/js/api.js')).length, 1);
  const n = await page.evaluate(() => document.querySelector('#second').shadowRoot.querySelectorAll('.measure').length);
  assert.ok(n >= 1 && n <= 3, `${n} top results`);
  const h = await page.evaluate(() => document.querySelector('#second').getBoundingClientRect().height);
  assert.ok(h <= MAX, `search embed ${h}px`);
});

test('loading="lazy" on the element waits for the reader to come near, with its height kept free', async () => {
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    const el = document.createElement('plan-compare');
    el.id = 'lazy';
    for (const [k, v] of [['view', 'themes'], ['theme', 'pledge-financing'], ['lang', 'en'], ['loading', 'lazy'], ['height', '500']]) el.setAttribute(k, v);
    document.querySelector('article').append(spacer, el);
  });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => document.querySelector('#lazy').dataset.ready), undefined);
  const kept = await page.evaluate(() => { const el = document.querySelector('#lazy'); return el.getBoundingClientRect().height - el.clientTop * 2; });
  assert.equal(kept, 500, 'the height kept free (inside the host page\'s border)');
  await page.locator('#lazy').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#lazy').dataset.ready === 'true');
  // height="500" bounds the summary: it scrolls inside, reachable by keyboard.
  const box = await page.evaluate(() => { const b = document.querySelector('#lazy').shadowRoot.querySelector('.summary-box'); return [b.style.maxHeight, b.tabIndex]; });
  assert.deepEqual(box, ['500px', 0]);
});

test('dark: follows prefers-color-scheme; theme="light" wins over it, theme="dark" over a light reader', async () => {
  const bg = (sel) => page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('.pc-root')).backgroundColor, sel);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.equal(await bg('#embed-diff'), 'rgb(23, 24, 27)');
  await page.evaluate(() => document.querySelector('#embed-diff').setAttribute('theme', 'light'));
  await page.waitForFunction(() => document.querySelector('#embed-diff').shadowRoot.querySelector('.pc-root').dataset.scheme === 'light');
  assert.equal(await bg('#embed-diff'), 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.evaluate(() => document.querySelector('#embed-diff').setAttribute('theme', 'dark'));
  await page.waitForFunction(() => document.querySelector('#embed-diff').shadowRoot.querySelector('.pc-root').dataset.scheme === 'dark');
  assert.equal(await bg('#embed-diff'), 'rgb(23, 24, 27)');
  // theme="dark" is a colour scheme, not a data theme: nothing is reported invalid.
  assert.equal(await inShadow('return root.querySelectorAll(".notice.error").length'), 0);
  await page.locator('#embed-diff').screenshot({ path: join(artifacts, 'embed-dark.png') });
  await page.evaluate(() => document.querySelector('#embed-diff').removeAttribute('theme'));
});

test('the print stylesheet prints the summary without its buttons', async () => {
  await page.emulateMedia({ media: 'print' });
  const shown = await inShadow('return [getComputedStyle(root.querySelector(".embed-actions")).display, root.querySelectorAll(".stat").length]');
  assert.equal(shown[0], 'none');
  assert.equal(shown[1], 4);
  await page.emulateMedia({ media: 'screen' });
});

test('on a news site of another origin: the frame answers that origin only, the parent trusts only ours', async () => {
  const news = 'http://news.example';
  const ours = new URL(s.url).origin;
  // Our server sends no CORS header; a real host (GitHub Pages) does, which a module script needs.
  await s.route(`${ours}/**`, async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, headers: { ...r.headers(), 'access-control-allow-origin': '*' } });
  });
  await s.route(`${news}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: route.request().url().endsWith('/forger.html')
    ? '<!doctype html><title>forger</title><p>x</p>'
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body><main><h1>News</h1>
<iframe data-plan-compare id="f" title="plan-compare: diff" height="300" style="width:100%;border:0"
  src="${s.url}embed.html?view=diff&amp;plans=beijing-2018,shanghai-2018&amp;lang=en"></iframe>
<iframe data-plan-compare id="forger" title="not ours" src="${news}/forger.html"></iframe>
<script type="module" src="${s.url}embed.js"></script></main></body></html>` }));
  const p = await s.newPage();
  const sent = [];
  await p.goto(`${news}/story.html`);
  const frame = p.frame({ url: /embed\.html/ });
  await frame.waitForSelector('body[data-ready="true"]');
  await p.waitForFunction(() => parseFloat(document.querySelector('#f').style.height) > 300);
  const fitted = await p.evaluate(() => document.querySelector('#f').style.height);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(fitted, `${inner}px`);
  // The frame learned the host's origin (ancestorOrigins / hello) and posts to it, not to "*".
  assert.equal(await frame.evaluate(() => location.ancestorOrigins[0]), news);
  // A frame marked like ours, but of the host's origin, posting our message type is not trusted.
  await p.frame({ url: /forger/ }).evaluate(() => parent.postMessage({ type: 'plan-compare:height', height: 40 }, '*'));
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => document.querySelector('#f').style.height), fitted);
  assert.equal(await p.evaluate(() => document.querySelector('#forger').style.height), '');
  await p.close();
  await s.unroute(`${ours}/**`);
  await s.unroute(`${news}/**`);
  const i = s.foreign.findIndex((u) => !u.startsWith(news));
  assert.equal(i, -1, s.foreign.join(' '));
  s.foreign.length = 0; // the news site is the test's own host page
});

test('the patterns embed opens on its summary: the top pairs by shared text, show all, open full', async () => {
  await page.setViewportSize({ width: 700, height: 900 });
  await page.evaluate((url) => {
    const el = document.createElement('plan-compare');
    el.id = 'embed-patterns';
    for (const [k, v] of [['view', 'patterns'], ['lang', 'en'], ['limit', '4']]) el.setAttribute(k, v);
    const f = document.createElement('iframe');
    Object.assign(f, { id: 'frame-patterns', title: 'plan-compare: patterns', src: `${url}embed.html?view=patterns&lang=zh&id=frame-patterns` });
    f.dataset.planCompare = '';
    f.style.cssText = 'width:100%;border:0';
    document.querySelector('article').prepend(el, f);
  }, s.url);
  await page.waitForFunction(() => document.querySelector('#embed-patterns')?.dataset.ready === 'true');
  const got = await page.evaluate(() => {
    const root = document.querySelector('#embed-patterns').shadowRoot;
    return { pairs: [...root.querySelectorAll('.sim-pair')].map((li) => [li.dataset.a, li.dataset.b, li.textContent]),
      heatmap: root.querySelectorAll('table.similarity').length, showAll: root.querySelector('.show-all')?.textContent,
      href: root.querySelector('a.open-full')?.href, title: root.querySelector('.summary-title').textContent };
  });
  const r = await page.evaluate(async () => (await import('./pkg/index.js')).similarity({}));
  assert.deepEqual(got.pairs.map(([a, b]) => [a, b]), r.pairs.slice(0, 4).map((p) => [p.a, p.b]), 'limit="4": the top pairs, in order');
  assert.match(got.pairs[0][2], / ↔ .*found in \d+% · reverse \d+%/);
  assert.equal(got.heatmap, 0, 'the summary, not the full view');
  assert.equal(got.showAll, 'Show all');
  assert.match(got.title, /Most similar pairs/);
  assert.ok(got.href.endsWith('index.html#patterns?lang=en'), got.href);
  const frame = page.frame({ url: /view=patterns/ });
  await frame.waitForSelector('body[data-ready="true"]');
  assert.equal(await frame.evaluate(() => document.querySelectorAll('.sim-pair').length), 5, 'five pairs by default');
  assert.match(await frame.evaluate(() => document.querySelector('.summary-title').textContent), /文字最相近的规划/);
  // "show all" opens the full view in place.
  await page.evaluate(() => document.querySelector('#embed-patterns').shadowRoot.querySelector('.show-all').click());
  await page.waitForFunction(() => document.querySelector('#embed-patterns').shadowRoot.querySelectorAll('table.similarity').length === 1);
  await page.evaluate(() => document.querySelector('#embed-patterns').shadowRoot.querySelector('.show-all').click());
  await page.waitForFunction(() => document.querySelector('#embed-patterns').shadowRoot.querySelectorAll('.sim-pair').length === 4);
});

for (const width of [700, 360]) {
  test(`at ${width} px both patterns embeds stay within ${MAX} px`, async () => {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.waitForFunction(() => {
      const f = document.querySelector('#frame-patterns');
      const doc = f.contentDocument?.documentElement;
      return doc && f.contentDocument.body.dataset.ready === 'true' && Math.abs(parseFloat(f.style.height) - Math.ceil(doc.getBoundingClientRect().height)) <= 1;
    });
    const h = await page.evaluate(() => ({
      element: document.querySelector('#embed-patterns').getBoundingClientRect().height,
      frame: document.querySelector('#frame-patterns').getBoundingClientRect().height,
    }));
    console.log(`patterns at ${width}px: custom element ${h.element.toFixed(0)}px, iframe ${h.frame.toFixed(0)}px`);
    assert.ok(h.element > 150 && h.element <= MAX, `custom element ${h.element}px`);
    assert.ok(h.frame > 150 && h.frame <= MAX, `iframe ${h.frame}px`);
  });
}

test('the console stayed empty and nothing went to another host', () => {
  assert.deepEqual(s.console, []);
  assert.deepEqual(s.foreign, []);
});
