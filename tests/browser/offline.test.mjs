// Offline: after one visit the service worker (www/sw.js) answers a reload with the network cut or
// the server down, showing the same search and diff; "keep all plans offline" stores every data file,
// so that views never visited work offline too, survives a reload, and can be undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { session } from './helpers.mjs';

let s;
let page;
const SEARCH = 'index.html#explore?lang=en&q=%E8%B4%A8%E6%8A%BC%E8%9E%8D%E8%B5%84'; // 质押融资
const DIFF = 'index.html#diff?plans=beijing-2018,shanghai-2018&lang=en';

before(async () => {
  s = await session();
  page = await s.open('index.html#explore?lang=en');
});
after(async () => {
  await s?.context.setOffline(false);
  await s?.close();
});

/** The search's results and the diff's pairs as a reader sees them. */
async function shown(path) {
  await page.goto(new URL(path, s.url).href);
  await page.reload(); // a fresh load of the page, module and data, not a hash change
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  if (path.includes('#diff')) {
    await page.waitForSelector('.pair');
    return page.$$eval('.pair', (els) => els.map((e) => `${e.dataset.a}|${e.dataset.b}|${e.textContent}`));
  }
  await page.waitForSelector('.results .measure');
  return page.$$eval('.results .count, .results .measure', (els) => els.map((e) => e.textContent));
}

const fetchable = (path) => page.evaluate((p) => fetch(p).then((r) => r.status, () => 'failed'), path);

/** Whether a file never fetched can be fetched, once the cut has reached the service worker: Chromium
 * applies offline emulation to the worker a little later than to the page, and on a loaded machine a
 * first fetch could still go out (and the worker would then keep it). Each try asks for a URL of its
 * own, so the file itself stays never fetched. */
async function stillFetchable(path) {
  let status;
  for (let i = 0; i < 20 && status !== 'failed'; i++) {
    if (i > 0) await page.waitForTimeout(100);
    status = await fetchable(`${path}?cut=${Date.now()}-${i}`);
  }
  return status;
}

let online = {};

test('the worker takes the page over and stores what it loaded', async () => {
  assert.equal(await page.evaluate(async () => (await import('./js/offline.js')).cached), true);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
  const stored = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('plan-compare-')));
  assert.deepEqual(stored, ['plan-compare-v1']);
  online = { search: await shown(SEARCH), diff: await shown(DIFF) };
  assert.ok(online.search.length > 1, `search shows ${online.search.length - 1} measures`);
  assert.ok(online.diff.length > 10, `diff shows ${online.diff.length} pairs`);
});

test('with the network cut, a reload shows the same search and diff', async () => {
  await s.context.setOffline(true);
  try {
    assert.equal(await stillFetchable('article.css'), 'failed', 'the network is really cut (a file never fetched fails)');
    assert.deepEqual(await shown(SEARCH), online.search);
    assert.deepEqual(await shown(DIFF), online.diff);
    assert.equal(await page.$$eval('main .notice.error, #loading.error', (els) => els.length), 0);
  } finally {
    await s.context.setOffline(false);
  }
});

test('with the server down, a reload shows the same search and diff', async () => {
  s.stopServer();
  try {
    assert.equal(await stillFetchable('article.css'), 'failed', 'the server is really down');
    assert.deepEqual(await shown(DIFF), online.diff);
    assert.deepEqual(await shown(SEARCH), online.search);
  } finally {
    await s.startServer();
  }
  assert.equal(await fetchable('article.css'), 200);
});

test('a new deploy is picked up online (network first), and its copy is what offline gets', async () => {
  const marker = '/* deploy 2 */';
  await s.route('**/style.css', async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: `${marker}\n${await r.text()}` });
  });
  const css = () => page.evaluate(() => fetch('style.css').then((r) => r.text()));
  try {
    assert.ok((await css()).startsWith(marker));
  } finally {
    await s.unroute('**/style.css');
  }
  await s.context.setOffline(true);
  try {
    await page.waitForFunction(async (m) => (await fetch('style.css').then((r) => r.text(), () => '')).startsWith(m), marker, { polling: 50 });
  } finally {
    await s.context.setOffline(false);
  }
  assert.ok(!(await css()).startsWith(marker), 'online again, the server’s own file');
});

test('"keep all plans offline" stores every data file with progress, survives a reload, works offline and can be undone', async () => {
  const files = await page.evaluate(async () => (await (await import('./js/api.js')).dataFiles()).map((u) => new URL(u, document.baseURI).href));
  assert.ok(files.length > 3, `${files.length} data files`);
  assert.ok(files.some((u) => u.endsWith('/pkg/plan_compare_full_bg.wasm')), 'the full module is kept too');

  // A data file of an earlier build, stored while browsing, goes on the next load; current ones stay.
  const stale = new URL('data/plan.0123456789abcdef.bin', s.url).href;
  const inRuntime = (url) => page.evaluate(async (u) => Boolean(await (await caches.open('plan-compare-v1')).match(u)), url);
  const current = files.find((u) => u.endsWith('.bin'));
  await page.evaluate(async (u) => (await caches.open('plan-compare-v1')).put(u, new Response('old')), stale);
  await page.evaluate((u) => fetch(u), current); // through the worker, which stores it
  await page.waitForFunction(async (u) => Boolean(await (await caches.open('plan-compare-v1')).match(u)), current, { polling: 50 });
  await page.reload();
  await page.waitForSelector('#offline[data-offline="off"] button.keep-offline');
  assert.equal(await inRuntime(stale), false);
  assert.equal(await inRuntime(current), true);
  assert.equal(await page.textContent('#offline button.keep-offline'), 'Keep all plans offline');

  // With the server down, keeping fails, says so, and offers to try again.
  s.stopServer();
  try {
    await page.click('#offline button.keep-offline');
    await page.waitForSelector('#offline[data-offline="error"] button.keep-offline');
    assert.match(await page.textContent('#offline [role="status"]'), /^Could not keep the plans offline: ./);
  } finally {
    await s.startServer();
  }
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const p = document.querySelector('#offline .offline-progress')?.textContent;
      if (p && p !== window.progressSeen.at(-1)) window.progressSeen.push(p);
    }).observe(document.getElementById('offline'), { subtree: true, childList: true, characterData: true });
  });
  await page.click('#offline button.keep-offline');
  await page.waitForSelector('#offline[data-offline="kept"]', { timeout: 60_000 });
  const progress = await page.evaluate(() => window.progressSeen);
  assert.ok(progress.includes(`${files.length} of ${files.length} files`), `progress: ${progress.slice(-3)}`);
  const status = await page.textContent('#offline [role="status"]');
  const [, n, size] = status.match(/^All plans are kept offline \((\d+) files, ([\d.]+) [kM]B\)\.$/) ?? [];
  assert.equal(Number(n), files.length, status);
  assert.ok(Number(size) > 0, status);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'clear-offline', 'focus moves to the undo');
  const kept = await page.evaluate(async () => (await (await caches.open('plan-compare-kept-v1')).keys()).map((r) => r.url));
  assert.deepEqual(kept.sort(), [...files].sort());

  await page.reload();
  await page.waitForSelector('#offline[data-offline="kept"]');
  assert.equal(await page.textContent('#offline [role="status"]'), status, 'the kept state survives a reload');

  // A kept copy that misses a file (the data changed since) fills itself up again on the next load.
  await page.evaluate(async (url) => (await caches.open('plan-compare-kept-v1')).delete(url), files.at(-1));
  await page.reload();
  await page.waitForSelector('#offline[data-offline="kept"]');
  assert.equal(await page.textContent('#offline [role="status"]'), status, 'topped up');
  assert.ok(await page.evaluate(async (url) => Boolean(await (await caches.open('plan-compare-kept-v1')).match(url)), files.at(-1)));

  // Two provinces this session never opened: their plan chunks can only come from the kept copy.
  const other = await page.evaluate(async () => (await import('./js/api.js')).plans()
    .filter((p) => p.level === 'province' && !/^(beijing|shanghai)-/.test(p.id)).map((p) => p.id).slice(-2));
  assert.equal(other.length, 2, `${other}`);
  await s.context.setOffline(true);
  try {
    const pairs = await shown(`index.html#diff?plans=${other.join(',')}&lang=en`);
    assert.ok(pairs.length > 0, `${other}: ${pairs.length} pairs offline`);
    assert.equal(await page.$$eval('main .notice.error, #loading.error', (els) => els.length), 0);
    await page.waitForSelector('#offline[data-offline="kept"]');
  } finally {
    await s.context.setOffline(false);
  }

  await page.click('#offline button.clear-offline');
  await page.waitForSelector('#offline[data-offline="cleared"]');
  assert.equal(await page.textContent('#offline [role="status"]'), 'The offline copy is removed.');
  assert.equal(await page.evaluate(() => caches.has('plan-compare-kept-v1')), false);
  await page.reload();
  await page.waitForSelector('#offline[data-offline="off"] button.keep-offline');
});

test('on an article of another origin, the <plan-compare> element registers no worker there; the iframe may, on ours', async () => {
  const ours = new URL(s.url).origin;
  const news = ours.replace('127.0.0.1', 'localhost'); // another origin, and a secure context like ours
  await s.route(`${ours}/**`, async (route) => { // a module script of another origin needs CORS
    const r = await route.fetch();
    await route.fulfill({ response: r, headers: { ...r.headers(), 'access-control-allow-origin': '*' } });
  });
  await s.route(`${news}/story.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body><main>
<plan-compare view="diff" plans="beijing-2018,shanghai-2018" lang="en"></plan-compare>
<iframe data-plan-compare title="plan-compare: diff" src="${s.url}embed.html?view=diff&amp;plans=beijing-2018,shanghai-2018&amp;lang=en"></iframe>
<script type="module" src="${s.url}embed.js"></script></main></body></html>` }));
  const p = await s.newPage();
  try {
    await p.goto(`${news}/story.html`);
    await p.waitForSelector('plan-compare[data-ready="true"]', { timeout: 20_000 });
    const frame = p.frame({ url: /embed\.html/ });
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    // The frame may register (its worker is partitioned under the article's site), or be refused as a
    // third party, as this Chromium does ("the user denied permission"): either way it works on.
    assert.equal(typeof (await frame.evaluate(async () => (await import('./js/offline.js')).cached)), 'boolean');
    assert.equal(await p.evaluate(() => isSecureContext && 'serviceWorker' in navigator), true, 'the host could have had one');
    assert.deepEqual(await p.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope)), []);
  } finally {
    await p.close();
    await s.unroute(`${ours}/**`);
    await s.unroute(`${news}/story.html`);
  }
});

test('no page error, nothing requested from another host', async () => {
  assert.deepEqual(s.console.filter((m) => m.startsWith('pageerror')), []);
  assert.deepEqual(s.foreign.filter((u) => !u.startsWith('http://localhost:')), []); // the article host above
});
