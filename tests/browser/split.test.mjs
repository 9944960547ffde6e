// Route-level code splitting: the directory is its own wasm chunk, the service worker
// precaches every chunk after the first render, and a chunk that cannot load explains itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BASE, GRID, DIST, launch, phone, chunkCached, waitUntil, deployWorker, workerVersion } from "./lib.mjs";

const DIRECTORY_CHUNK = /\/app\/[0-9a-f]{16}\/split_grids_directory\.wasm$/;
const ANY_CHUNK = /\/(split|chunk)_[^/]*\.wasm$/;

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// Every URL the page itself requested (answered by the service worker or not).
function recordRequests(page) {
    const urls = [];
    page.on("request", (r) => urls.push(new URL(r.url()).pathname));
    return urls;
}

/// Waits until the service worker's cache holds the directory chunk.
const chunksCached = (page) => chunkCached(page, "grids_directory");

test("a first visit to home loads no chunk", async () => {
    const { context, page } = await phone(browser);
    try {
        const urls = recordRequests(page);
        await page.goto(`${BASE}/`);
        await page.locator(".home h1").waitFor();
        await page.waitForLoadState("networkidle");
        assert.deepEqual(urls.filter((u) => ANY_CHUNK.test(u)), [], "home fetched a chunk");
    } finally {
        await context.close();
    }
});

test("a first visit to a card shows its text without waiting for any chunk; only the QR drawing is one; the directory loads its own", async () => {
    const { context, page } = await phone(browser);
    try {
        const urls = recordRequests(page);
        // The QR encoder (the card's one chunk) held back: the card's text shows regardless.
        let release;
        const held = new Promise((r) => { release = r; });
        await page.route(/\/split_grid_qr\.wasm$/, async (route) => { await held; await route.continue(); });
        await page.goto(`${BASE}/g/${GRID}`);
        await page.locator("[data-testid=grid-name]").waitFor();
        await page.getByText("已是最新").waitFor();
        assert.ok((await page.locator(".person").count()) >= 5);
        assert.equal(await page.locator("[data-testid=qr] svg").count(), 0);
        release();
        await page.locator("[data-testid=qr] svg").waitFor();
        const sections = urls.filter((u) => /\/split_[^/]*\.wasm$/.test(u)).map((u) => u.split("/").pop());
        assert.deepEqual(sections, ["split_grid_qr.wasm"], "the card page fetched another section's chunk");
        // The main module and its glue come from this build's own directory.
        assert.ok(urls.some((u) => /^\/app\/[0-9a-f]{16}\/wangge-app_bg\.wasm$/.test(u)), urls.join(" "));

        await page.locator("nav.bottomnav a[href='/grids']").click();
        await page.waitForURL(`${BASE}/grids`);
        await page.locator(".tree-row").first().waitFor();
        assert.equal(urls.filter((u) => DIRECTORY_CHUNK.test(u)).length, 1, urls.join(" "));
    } finally {
        await context.close();
    }
});

test("offline after one visit: the card and the directory still open after a reload", async () => {
    const { context, page } = await phone(browser);
    try {
        // One visit to a card only; the service worker then fetches the chunks by itself.
        await page.goto(`${BASE}/g/${GRID}`);
        await page.getByText("已是最新").waitFor();
        await chunksCached(page);

        await context.setOffline(true);
        // Offline reaches the service worker's own fetches too (else this test proves nothing).
        const swFetch = await page.evaluate(() => fetch("/icon.svg?not-cached").then(() => "reached", () => "offline"));
        assert.equal(swFetch, "offline");
        await page.reload();
        await page.locator("[data-testid=grid-name]").waitFor();
        await page.getByText("离线中，显示的是上次保存的内容").waitFor();
        // The directory's code comes from the cache: its page renders and says that its
        // data was never saved, rather than failing to load.
        await page.locator("nav.bottomnav a[href='/grids']").click();
        await page.locator("h1", { hasText: "找网格" }).waitFor();
        await page.locator(".error-box", { hasText: "网络不通" }).waitFor();
        assert.equal(await page.locator("[data-testid=chunk-failed]").count(), 0);

        // Once opened online, the directory's data is saved too and shows offline.
        await context.setOffline(false);
        await page.reload();
        await page.locator(".tree-row").first().waitFor();
        await context.setOffline(true);
        await page.reload();
        await page.locator(".tree-row").first().waitFor();
        await page.getByText("离线中，显示的是上次保存的内容").waitFor();
        await page.goto(`${BASE}/g/${GRID}`);
        await page.locator("[data-testid=grid-name]").waitFor();
    } finally {
        await context.close();
    }
});

test("a chunk that cannot load says so and retries", async () => {
    // No service worker: the chunk can only come from the network, which is cut for it.
    const { context, page } = await phone(browser, { serviceWorkers: "block" });
    try {
        let refused = 0;
        await page.route(ANY_CHUNK, (route) => { refused += 1; return route.abort("internetdisconnected"); });
        // Navigating from the card…
        await page.goto(`${BASE}/g/${GRID}`);
        await page.locator("[data-testid=grid-name]").waitFor();
        await page.locator("nav.bottomnav a[href='/grids']").click();
        const failed = page.locator("[data-testid=chunk-failed]");
        await failed.waitFor();
        assert.match(await failed.textContent(), /没能加载出来/);
        // …and opening the directory directly: never a blank page.
        await page.goto(`${BASE}/grids`);
        await failed.waitFor();
        // Retry really asks the network again; still cut off, the message comes back.
        const before = refused;
        await page.getByTestId("chunk-retry").click();
        for (let i = 0; i < 100 && refused === before; i++) await page.waitForTimeout(100);
        assert.ok(refused > before, "retry did not request the chunk again");
        await failed.waitFor();
        assert.equal(await page.locator(".tree-row").count(), 0);

        await page.unroute(ANY_CHUNK);
        await page.getByTestId("chunk-retry").click();
        await page.locator(".tree-row").first().waitFor();
        assert.equal(await failed.count(), 0);
    } finally {
        await context.close();
    }
});

test("a page still running the previous build opens its sections after a deploy", async () => {
    const { context, page } = await phone(browser);
    const version = workerVersion();
    const chunk = readFileSync(join(DIST, "sw.js"), "utf8").match(/"(\/app\/[0-9a-f]{16}\/split_grids_directory\.wasm)"/)[1];
    let restore = () => {};
    try {
        await page.goto(`${BASE}/g/${GRID}`);
        await page.getByText("已是最新").waitFor();
        await chunksCached(page);
        // The deploy: the server no longer has this build's chunk, and a new worker takes over.
        await context.route(`**${chunk}`, (route) => route.fulfill({ status: 404, body: "gone" }));
        restore = await deployWorker(page, `${version}next`);
        await waitUntil(page, async (v) => (await caches.keys()).includes(`wangge-shell-${v}next`), version);
        await waitUntil(page, async (v) => {
            const reg = await navigator.serviceWorker.getRegistration();
            return reg?.active?.scriptURL.endsWith(`deploy=${v}next`) && !!navigator.serviceWorker.controller;
        }, version);
        // Let the new worker try to fetch the chunks (the page asks it when it takes over).
        await page.evaluate(() => navigator.serviceWorker.controller.postMessage({ type: "precache-chunks" }));
        // Chunks are fetched in order; once the last one is in, the directory's turn is over.
        const last = readFileSync(join(DIST, "sw.js"), "utf8").match(/const CHUNKS = \[.*"([^"]+)"\]/)[1];
        await waitUntil(page, async ([v, c]) => !!(await (await caches.open(`wangge-shell-${v}next`)).match(c)), [version, last]);
        // The new worker could not fetch the chunk (the route reaches it too)…
        const inNew = await page.evaluate(async ([v, c]) => !!(await (await caches.open(`wangge-shell-${v}next`)).match(c)), [version, chunk]);
        assert.equal(inNew, false, "the new build's cache got the chunk the server no longer has");
        // …yet the page, still on the old build, opens the directory from the old cache.
        await page.locator("nav.bottomnav a[href='/grids']").click();
        await page.locator(".tree-row").first().waitFor();
        assert.equal(await page.locator("[data-testid=chunk-failed]").count(), 0);
    } finally {
        restore();
        await context.close();
    }
});
