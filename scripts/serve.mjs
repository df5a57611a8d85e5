#!/usr/bin/env node
// Serve www/ (with the built package in www/pkg/) on 127.0.0.1 and print its URL.
// Usage: node scripts/serve.mjs [port]   (0 or no argument: a free port)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../www', import.meta.url)));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

// Content-hashed names (`plan.0123456789abcdef.bin`) never change content: cache them for a year.
// Everything else — manifest.json, HTML, JS, CSS, sw.js, and a wasm whose name carries no hash — is
// revalidated on every use, so a new build is picked up at once (docs/data-format.md, "Caching").
const IMMUTABLE = /\.[0-9a-f]{16}\.(bin|wasm)$/;
const cacheControl = (file) => (IMMUTABLE.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');

/** Start the server; resolves to { url, close }. */
export function start(port = 0, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      let info = await stat(file);
      if (info.isDirectory()) info = await stat((file = join(file, 'index.html')));
      // A validator, so that a revalidation (no-cache, the service worker's network-first) costs a 304.
      const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        'cache-control': cacheControl(file),
        // An article on another site loads embed.js, the package and its data from here: public
        // files, readable from any origin (module scripts and fetch need CORS).
        'access-control-allow-origin': '*',
        etag,
      };
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
      const body = await readFile(file);
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok({
      url: `http://${host}:${server.address().port}/`,
      close: () => {
        server.close();
        server.closeAllConnections(); // keep-alive sockets too: a test that stops the server means it
      },
    }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await start(Number(process.argv[2] ?? process.env.PORT ?? 8080));
  console.log(`plan-compare is served at ${url}  (Ctrl-C to stop)`);
}
