// Headless Debian Chromium (never a downloaded browser) and a loopback static server for the pages.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { bench, out, repo } from './corpus.mjs';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
const routes = { '/pkg/': join(repo, 'pkg'), '/nm/': join(bench, 'node_modules'), '/out/': out,
  '/lib/': join(bench, 'lib'), '/': join(bench, 'web') };

/** Serve the bench pages on 127.0.0.1; `extra` adds routes. Resolves to { url, close, bytes } where
 * bytes(path) tells how many bytes each path served (reset with bytes.clear()). */
export function serve(extra = {}) {
  const all = { ...routes, ...extra };
  const served = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(all).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    let file = normalize(join(all[prefix], path.slice(prefix.length)));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      served.set(path, { file, bytes: body.length });
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () =>
    ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close(), served })));
}

export async function launch() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'plan-compare-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const browser = context.browser();
  return {
    context,
    /** A fresh page with an empty cache: a new incognito-like context when the browser allows it. */
    async fresh() {
      const ctx = browser ? await browser.newContext() : context;
      const page = await ctx.newPage();
      return { page, close: async () => { await page.close(); if (ctx !== context) await ctx.close(); } };
    },
    async close() { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

export async function runPage(fresh, url, timeout = 60_000) {
  const { page, close } = await fresh();
  const messages = [];
  page.on('pageerror', (e) => messages.push(String(e)));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__done === true, null, { timeout });
    const r = await page.evaluate(() => ({ ms: window.__ms, t0: window.__t0, error: window.__error, what: window.__what, results: window.__results }));
    if (r.error || messages.length) throw new Error(`${url}: ${r.error ?? messages.join('; ')}`);
    return r;
  } finally {
    await close();
  }
}
