// Headless Debian Chromium (never a downloaded browser) and a loopback static server for the pages.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { bench, out, repo } from './corpus.mjs';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const routes = { '/pkg/': join(repo, 'pkg'), '/nm/': join(bench, 'node_modules'), '/out/': out,
  '/lib/': join(bench, 'lib'), '/': join(bench, 'web') };

/** raw, gzip -9 and brotli (quality 11) sizes of one response body, each compressed alone. */
export function sizes(buf) {
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length };
}
const sized = new Map(); // file → sizes (files are content-hashed or rebuilt between runs, not during one)
export function sizesOf(file, { brotli = true } = {}) {
  const key = `${file}\0${brotli}`;
  if (!sized.has(key)) {
    const buf = readFileSync(file);
    sized.set(key, brotli ? sizes(buf) : { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: NaN });
  }
  return sized.get(key);
}

// Cross-origin isolated pages (every resource here is same-origin): Chromium's clock then steps by
// 5 µs, not 100 µs, which a warm search of half a millisecond needs.
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** Serve the bench pages on 127.0.0.1 (bodies sent uncompressed, `no-store`); `extra` adds routes.
 * Resolves to { url, close, requests } where requests is the list of every path served, in order, with
 * its file ({ path, file, bytes }); empty it with requests.length = 0 before a page load. */
export function serve(extra = {}) {
  const all = { ...routes, ...extra };
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(all).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    let file = normalize(join(all[prefix], path.slice(prefix.length)));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      requests.push({ path, file, bytes: body.length });
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store',
        ...ISOLATED }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () =>
    ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close(), requests })));
}

/** One headless Chromium; `fresh()` opens a page in a new browser context (its own empty profile:
 * no HTTP cache, no compiled-wasm cache, no service worker), closed with the page. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    async fresh() {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      return { page, close: async () => { await page.close(); await ctx.close(); } };
    },
    async close() { await browser.close(); },
  };
}

export async function runPage(fresh, url, timeout = 120_000) {
  const { page, close } = await fresh();
  const messages = [];
  page.on('pageerror', (e) => messages.push(String(e)));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__done === true, null, { timeout, polling: 5 });
    const r = await page.evaluate(() => ({ ms: window.__ms, t0: window.__t0, error: window.__error, what: window.__what, results: window.__results }));
    if (r.error || messages.length) throw new Error(`${url}: ${r.error ?? messages.join('; ')}`);
    return r;
  } finally {
    await close();
  }
}

/** What a page load fetched, except the bench's own page and helpers: per request and in total. */
export function fetched(requests, page, opts = {}) {
  const list = requests.filter((r) => !r.path.startsWith('/lib/') && !/^\/[\w-]+\.html$/.test(r.path) && r.path !== page)
    .map((r) => ({ path: r.path, ...sizesOf(r.file, opts) }));
  const total = list.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { requests: list.length, total, files: list };
}

/** Cold starts of several pages, interleaved so that machine noise hits every page alike: `starts` fresh
 * contexts each. Per page: import → answer and navigation → answer (summaries), and what its first
 * start fetched (requests, bytes per request). `pages`: { key: url path }. A page that fails on its first
 * start is recorded with its error and, when `opts.fallback(path)` gives another path, measured there
 * instead (marked `fallback`); otherwise it is left out of the later starts. A page whose first answer
 * took over `opts.slowMs` is started only `opts.slowStarts` times in all. */
export async function coldStarts(browser, server, pages, starts, summary, opts = {}) {
  const todo = { ...pages };
  const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, { nav: [], imp: [] }]));
  const result = {};
  for (let i = 0; i < starts; i++) {
    for (const [key, path] of Object.entries(todo)) {
      if (opts.slowMs && samples[key].nav.length >= opts.slowStarts && samples[key].imp[0] > opts.slowMs) continue;
      server.requests.length = 0;
      let r;
      try {
        r = await runPage(browser.fresh, `${server.url}${path}`);
      } catch (e) {
        if (i > 0) throw e;
        const failed = { url: path, error: String(e.message).slice(0, 400), requestsBeforeError: server.requests.length };
        const next = opts.fallback?.(path);
        if (!next) { result[key] = failed; delete todo[key]; continue; }
        server.requests.length = 0;
        r = await runPage(browser.fresh, `${server.url}${next}`);
        todo[key] = next;
        result[key] = { failed };
      }
      samples[key].nav.push(r.ms);
      samples[key].imp.push(r.ms - r.t0);
      if (i === 0) {
        result[key] = { ...result[key], url: todo[key], what: r.what ?? null, answer: r.results ?? null,
          payload: fetched(server.requests, todo[key].split('?')[0], opts) };
      }
    }
  }
  for (const [key, s] of Object.entries(samples)) {
    if (!s.nav.length) continue;
    result[key].page = summary(s.nav);
    result[key].fromImport = summary(s.imp);
  }
  return result;
}
