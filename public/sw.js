// Wangge service worker: precaches the app shell so the SPA starts with no network, then
// (asked by the page after its first render) every section's wasm chunk.
// `cargo xtask` fills in VERSION (a hash of the whole build), PRECACHE (the shell) and
// CHUNKS (the section chunks); a new build means a new cache name holding the new shell
// and chunks together. Activation keeps the previous build's cache (a page still running
// it can open its sections, whose files the server no longer has) and drops older ones.
"use strict";

const VERSION = "__WANGGE_VERSION__";
const PRECACHE = ["/"] /*__WANGGE_PRECACHE__*/;
const CHUNKS = [] /*__WANGGE_CHUNKS__*/;
const CACHE = "wangge-shell-" + VERSION;
// "/" and not "/index.html": the asset server redirects the latter, and a redirected
// response cannot answer a navigation.
const SHELL = "/";
// A build's wasm, glue and chunks live under /app/<content hash>/, and Trunk names the
// CSS and boot script by their hash: such a path never changes content, so the browser's
// HTTP copy may be used. Anything else (/, icons, manifest) is refetched.
const IMMUTABLE = /^\/app\/|-[0-9a-f]{16}\.(js|css)$/;

function request(url) {
    return new Request(url, { cache: IMMUTABLE.test(url) ? "default" : "reload" });
}

self.addEventListener("install", (event) => {
    event.waitUntil(
        caches.open(CACHE)
            .then((cache) => cache.addAll(PRECACHE.map(request)))
            .then(() => self.skipWaiting())
    );
});

self.addEventListener("activate", (event) => {
    event.waitUntil(
        caches.keys()
            .then((names) => {
                // keys() lists caches oldest first: keep ours and the newest other one.
                const others = names.filter((n) => n.startsWith("wangge-shell-") && n !== CACHE);
                return Promise.all(others.slice(0, -1).map((n) => caches.delete(n)));
            })
            .then(() => self.clients.claim())
    );
});

// Fetches the chunks not cached yet, one after another (a weak network is shared with the
// page), then tells the page how many are cached. One run at a time.
let precaching = null;
function precacheChunks() {
    if (!precaching) precaching = fetchChunks().finally(() => { precaching = null; });
    return precaching;
}

async function fetchChunks() {
    const cache = await caches.open(CACHE);
    let cached = 0;
    for (const url of CHUNKS) {
        try {
            if (!(await cache.match(url))) await cache.add(request(url));
            cached += 1;
        } catch (e) {
            // Offline or a newer deploy: the next page load asks again.
        }
    }
    const clients = await self.clients.matchAll();
    for (const c of clients) c.postMessage({ type: "chunks-cached", cached, total: CHUNKS.length, version: VERSION });
}

self.addEventListener("message", (event) => {
    if (event.data && event.data.type === "precache-chunks") event.waitUntil(precacheChunks());
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
    event.respondWith((async () => {
        // Ours first; then any build's cache, where a page still running the previous
        // build finds its own files.
        const hit = (await (await caches.open(CACHE)).match(req)) || (await caches.match(req));
        if (hit) return hit;
        const resp = await fetch(req);
        // A chunk opened before the background precache reached it is kept as well, without
        // holding up the response (the wasm compiles while it streams).
        if (resp.ok && CHUNKS.includes(url.pathname)) {
            const copy = resp.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)).catch(() => {}));
        }
        return resp;
    })());
});
