// Wangge service worker: precaches the app shell so the SPA starts with no network.
// `cargo xtask` fills in VERSION (a hash of the shell) and PRECACHE (the built files);
// a new build means a new cache name, and activation drops the old caches.
"use strict";

const VERSION = "__WANGGE_VERSION__";
const PRECACHE = ["/"] /*__WANGGE_PRECACHE__*/;
const CACHE = "wangge-shell-" + VERSION;
// "/" and not "/index.html": the asset server redirects the latter, and a redirected
// response cannot answer a navigation.
const SHELL = "/";

self.addEventListener("install", (event) => {
    event.waitUntil(
        caches.open(CACHE)
            // "reload": fetch past the HTTP cache so a new version never stores stale files.
            .then((cache) => cache.addAll(PRECACHE.map((u) => new Request(u, { cache: "reload" }))))
            .then(() => self.skipWaiting())
    );
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        caches.keys()
            .then((names) => Promise.all(names
                .filter((n) => n.startsWith("wangge-shell-") && n !== CACHE)
                .map((n) => caches.delete(n))))
            .then(() => self.clients.claim())
    );
});

self.addEventListener("fetch", (event) => {
    const req = event.request;
    if (req.method !== "GET") return;
    const url = new URL(req.url);
    // The API is the app's business: it keeps its own copy in IndexedDB.
    if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
    if (req.mode === "navigate") {
        // Every SPA route is the same shell; serve it from the cache, fall back to the network.
        event.respondWith(
            caches.open(CACHE)
                .then((cache) => cache.match(SHELL))
                .then((hit) => hit || fetch(req))
        );
        return;
    }
    event.respondWith(
        caches.open(CACHE)
            .then((cache) => cache.match(req))
            .then((hit) => hit || fetch(req))
    );
});
