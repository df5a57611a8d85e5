// Shared by the package tests: paths, a static file server on 127.0.0.1, and headless Chromium.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/** Serve `routes` ({ urlPrefix: directory }) on a free loopback port; resolves to { url, close }. */
export function serve(routes) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
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
      ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
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

/** Assert-friendly: run `fn` and return the thrown error's code (or 'NO ERROR'). */
export function codeOf(fn) {
  try {
    fn();
    return 'NO ERROR';
  } catch (error) {
    return error.code ?? `${error.name}: ${error.message}`;
  }
}
