// Shared by the package tests: paths, a static file server on 127.0.0.1 that can log its requests,
// fresh copies of the package (its module holds one data directory per instance), headless Chromium.
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const pkg = join(repo, 'pkg');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
};

/**
 * Serve `routes` ({ urlPrefix: directory }) on a free loopback port; resolves to { url, close, requests }.
 * `requests` lists the path of every request in order; `GET /__requests` answers it as JSON (for a page
 * that checks what it has fetched so far) and is not itself listed. `close()` resolves once the server
 * has stopped, idle keep-alive connections included, so that a later request fails.
 */
export function serve(routes) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/__requests') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(requests));
    }
    requests.push(path);
    const prefix = Object.keys(routes).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    if (prefix === undefined) return void res.writeHead(404).end();
    const root = routes[prefix];
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

/** The files of a data directory served at `url`, by name: how often each was requested. */
export function countsUnder(requests, prefix) {
  const counts = {};
  for (const path of requests.filter((p) => p.startsWith(prefix))) {
    const name = path.slice(prefix.length);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/**
 * A fresh instance of the package's Node entry: the package (without its data directory, unless
 * `withData`) copied to a temporary folder and imported from there, so that its module state — one
 * data directory per instance, once init() succeeded — is its own. Resolves to { pc, dir }.
 */
export async function freshPackage(t, { withData = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-compare-pkg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(pkg, dir, { recursive: true, filter: (src) => withData || !src.startsWith(join(pkg, 'data')) });
  return { pc: await import(join(dir, 'node.js')), dir };
}

/** A temporary copy of the package's data directory (to break or trim). */
export function copyOfData(t) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-compare-data-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(pkg, 'data'), dir, { recursive: true });
  return dir;
}

/**
 * Open `url` in headless Debian Chromium with a fresh profile, wait for `window.__done`, and return
 * { results, console } where console lists every console message and page error.
 */
export async function runPage(url) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'plan-compare-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const messages = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => messages.push(`requestfailed: ${r.url()}`));
    await page.goto(url);
    await page.waitForFunction(() => window.__done === true, null, { timeout: 30_000 });
    const results = await page.evaluate(() => window.__results);
    return { results, console: messages };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const describe = (error) => error.code ?? `${error.name}: ${error.message}`;

/**
 * Assert-friendly, for the synchronous functions: run `fn` and return the thrown error's code (or
 * 'NO ERROR'); a function that answers with a promise instead is reported as such.
 */
export function codeOfSync(fn) {
  try {
    const result = fn();
    return typeof result?.then === 'function' ? 'RETURNED A PROMISE' : 'NO ERROR';
  } catch (error) {
    return describe(error);
  }
}

/**
 * Assert-friendly, for the async functions: call `fn`, await its promise and return the rejection's
 * code (or 'NO ERROR'). An async function must report errors by rejecting: one that throws before it
 * returns a promise, or returns no promise at all, is reported as such.
 */
export async function codeOf(fn) {
  let promise;
  try {
    promise = fn();
  } catch (error) {
    return `THREW SYNCHRONOUSLY ${describe(error)}`;
  }
  if (typeof promise?.then !== 'function') return 'RETURNED NO PROMISE';
  try {
    await promise;
    return 'NO ERROR';
  } catch (error) {
    return describe(error);
  }
}

/** The error an async call rejects with (undefined when it resolves). */
export async function rejectionOf(fn) {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return error;
  }
}
