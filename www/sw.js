// Service worker (scope: the site root): the page, the module and the data it fetched stay available
// offline after one visit. Files with a content hash in their name (data/*.<16 hex>.bin) never change:
// cache first. Everything else (manifest.json, HTML, JS, CSS, a wasm without a hash) may change with a
// deploy: network first, the cached copy only when the network fails.
const RUNTIME = 'plan-compare-v1'; // bump when what this worker stores changes shape
const KEPT = 'plan-compare-kept-v1'; // "keep all plans offline" (js/offline.js fills and deletes it)
const IMMUTABLE = /\.[0-9a-f]{16}\.(bin|wasm)$/;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const stale = (await caches.keys()).filter((n) => n.startsWith('plan-compare-') && n !== RUNTIME && n !== KEPT);
    await Promise.all(stale.map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only whole GETs of our own files; Range, POST and other origins go to the network untouched.
  if (request.method !== 'GET' || request.headers.has('range') || url.origin !== self.location.origin) return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(event) : networkFirst(event));
});

// The page lists what it loaded before this worker controlled it (js/offline.js): store it now, so that
// the first visit already works offline. Fetched here, not by the page, so leaving the page aborts nothing.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'store' || !Array.isArray(event.data.urls)) return;
  const urls = event.data.urls.filter((u) => typeof u === 'string' && u.startsWith(self.registration.scope));
  event.waitUntil(store(urls.slice(0, 500)).then(() => event.ports[0]?.postMessage('stored')));
});

async function store(urls) {
  const cache = await caches.open(RUNTIME);
  await Promise.all(urls.map(async (url) => {
    if (await caches.match(url)) return;
    const response = await fetch(url).catch(() => null);
    if (response?.status === 200 && response.type === 'basic') await cache.put(url, response);
  }));
}

async function cacheFirst(event) {
  return (await caches.match(event.request)) ?? fetchAndStore(event);
}

async function networkFirst(event) {
  try {
    return await fetchAndStore(event);
  } catch (error) {
    // Offline or the server is down. A page keeps its state in the query (embed.html?view=…), so a
    // navigation may be answered by the same page cached under another query.
    const options = { ignoreSearch: event.request.mode === 'navigate' };
    const cached = (await (await caches.open(RUNTIME)).match(event.request, options))
      ?? (await caches.match(event.request, options));
    if (cached) return cached;
    throw error;
  }
}

async function fetchAndStore(event) {
  const response = await fetch(event.request);
  // Never store an error, a partial or an opaque (cross-origin, redirect) response.
  if (response.status === 200 && response.type === 'basic') {
    const copy = response.clone();
    event.waitUntil(caches.open(RUNTIME).then((cache) => cache.put(event.request, copy)));
  }
  return response;
}
