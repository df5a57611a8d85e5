// Shared by the page tests: serve www/ with scripts/serve.mjs, drive Debian's headless Chromium with
// a fresh profile (one launch per test file), and record console messages, page errors and every
// request that goes anywhere but the page's own host.
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { start } from '../../scripts/serve.mjs';

// playwright-core is a dependency of tests/js (one install for every browser test).
const playwright = createRequire(new URL('../js/package.json', import.meta.url)).resolve('playwright-core');

export const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const artifacts = join(repo, 'artifacts');

/** Launch the browser and the server; `open(path)` gives a page; `close()` ends both. */
export async function session({ width = 1280, height = 900 } = {}) {
  if (!existsSync(join(repo, 'www/pkg/index.js'))) throw new Error('www/pkg/ is missing: run scripts/build-package.sh, then scripts/page-files.sh');
  mkdirSync(artifacts, { recursive: true });
  const { chromium } = (await import(playwright)).default;
  let server = await start(0);
  const origin = new URL(server.url).origin;
  const profile = mkdtempSync(join(tmpdir(), 'plan-compare-www-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const console = [];
  const foreign = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  const watch = (page) => {
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
    // A request still in flight when the test reloads, leaves or closes the page is cut short by the
    // test (net::ERR_ABORTED), not by the page: for instance the other views' code and the footer's
    // offline.js, fetched just after the first answer. Any other failure, or an abort the page did
    // itself, is reported.
    let navigations = 0;
    const issuedAt = new WeakMap();
    // While the test loads another document or closes the page, whatever the page still fetches
    // (or starts fetching) is cut by the test.
    let leaving = 0;
    for (const verb of ['goto', 'reload', 'close']) {
      const original = page[verb].bind(page);
      page[verb] = async (...args) => {
        leaving++;
        try {
          return await original(...args);
        } finally {
          if (verb !== 'close') leaving--;
        }
      };
    }
    page.on('request', (r) => {
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations++;
      else issuedAt.set(r, navigations);
    });
    page.on('requestfailed', (r) => {
      const cutByTest = r.failure()?.errorText === 'net::ERR_ABORTED' && (leaving > 0 || (issuedAt.has(r) && issuedAt.get(r) < navigations));
      if (!cutByTest) console.push(`requestfailed: ${r.url()} (${r.failure()?.errorText})`);
    });
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  return {
    url: server.url,
    console,
    foreign,
    /** A page at `path` (relative to www/), once the app says it is ready. */
    async open(path = '', { ready = true } = {}) {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(new URL(path, server.url).href);
      if (ready) await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
      // A new hash on the same page is no reload: wait until the view for it is drawn (its data in).
      if (ready) await page.waitForFunction(() => !document.body.dataset.rendered || document.body.dataset.rendered === location.hash, null, { timeout: 20_000 });
      return page;
    },
    newPage: () => context.newPage(),
    context,
    /** Stop the server (the page must then live on what it cached); `startServer()` brings it back. */
    stopServer: () => server.close(),
    async startServer() {
      server = await start(Number(new URL(origin).port)); // the same origin: its worker and caches
    },
    route: (pattern, handler) => context.route(pattern, handler),
    unroute: (pattern) => context.unroute(pattern),
    shot: (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false }),
    async close() {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Texts of every element matching `selector`. */
export const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent));
