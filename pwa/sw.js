// Homeward service worker: keeps the app shell so it opens with no signal.
// Personal data must not sit in a cache on a shared or seized phone, so /api/ and
// /health always go to the network and are never stored.

// Bump when the shell changes: activate then deletes the old cache.
const VERSION = "v1";
const CACHE = `homeward-shell-${VERSION}`;
const CACHE_PREFIX = "homeward-shell-";

const SHELL = [
  "/",
  "/manifest.webmanifest",
  "/css/app.css",
  "/js/account.js",
  "/js/api.js",
  "/js/app.js",
  "/js/install.js",
  "/js/quick-exit.js",
  "/js/state.js",
  "/js/ui.js",
  "/js/screens/change-secret.js",
  "/js/screens/home-admin.js",
  "/js/screens/home-carer.js",
  "/js/screens/home-manager.js",
  "/js/screens/home-social-worker.js",
  "/js/screens/home-young-person.js",
  "/js/screens/home.js",
  "/js/screens/join.js",
  "/js/screens/my-info.js",
  "/js/screens/phones.js",
  "/js/screens/signin.js",
  "/js/screens/welcome.js",
  "/js/screens/who.js",
  "/js/screens/young-people-list.js",
  "/js/screens/young-person.js",
  "/icons/icon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/maskable-192.png",
  "/icons/maskable-512.png",
];

const SHELL_PATHS = new Set(SHELL);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // cache: "reload" skips the HTTP cache so a new version never precaches stale files.
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

function neverCached(url) {
  return url.pathname.startsWith("/api/") || url.pathname === "/health";
}

/** Answer from the cache at once, and refresh the cached copy from the network. */
async function cacheFirst(event, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  const refresh = fetch(event.request)
    .then(async (response) => {
      if (response.ok && response.type === "basic") await cache.put(key, response.clone());
      return response;
    })
    .catch(() => null);
  if (cached) {
    event.waitUntil(refresh);
    return cached;
  }
  const fresh = await refresh;
  return fresh ?? Response.error();
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || neverCached(url)) return; // network only

  // Every page of the app is index.html: routes live in the hash.
  if (request.mode === "navigate" && (url.pathname === "/" || url.pathname === "/index.html")) {
    event.respondWith(cacheFirst(event, "/"));
    return;
  }
  if (SHELL_PATHS.has(url.pathname)) {
    event.respondWith(cacheFirst(event, url.pathname));
  }
});
