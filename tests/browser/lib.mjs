// Shared set-up for the browser tests: Debian's Chromium through playwright-core, a phone
// viewport, the Worker started by `cargo xtask test`, and an axe-core accessibility check.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";

export const BASE = process.env.WANGGE_BASE_URL;
export const PERSIST = process.env.WANGGE_PERSIST_DIR;
export const FUNCTIONS = process.env.WANGGE_FUNCTIONS_DIR;
if (!BASE || !PERSIST || !FUNCTIONS) {
    throw new Error("run these with `cargo xtask test` (needs WANGGE_BASE_URL, WANGGE_PERSIST_DIR, WANGGE_FUNCTIONS_DIR)");
}
export const GRID = "990101001001001"; // 柳塘社区第一网格
export const DIST = join(FUNCTIONS, "..", "dist");

export async function launch() {
    return chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-dev-shm-usage"],
    });
}

/// A phone: 390×844, touch, Chinese. `extra` adds context options (e.g. serviceWorkers).
export async function phone(browser, extra = {}) {
    const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: "zh-CN",
        ...extra,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    return { context, page };
}

/// Signs `request` (a page's or a context's `request`) in as a demo account; the session
/// cookie lands in its browser context.
export async function signIn(request, login) {
    const r = await request.post(`${BASE}/api/v1/session`, { headers: { Origin: BASE }, data: { login, password: "wangge-demo" } });
    if (r.status() !== 200) throw new Error(`signing in as ${login}: ${r.status()} ${await r.text()}`);
}

/// Waits until the app has mounted (the boot splash is gone), so settings are applied.
export async function mounted(page) {
    await page.waitForSelector("#boot", { state: "detached" });
    await page.locator("header.topbar").waitFor();
}

/// Polls `fn(arg)` in the page until it is truthy. (`page.waitForFunction` does not wait
/// for an async predicate: its promise is truthy at once.)
export async function waitUntil(page, fn, arg, timeout = 30000) {
    const deadline = Date.now() + timeout;
    for (;;) {
        if (await page.evaluate(fn, arg)) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn}`);
        await page.waitForTimeout(250);
    }
}

/// Waits until the service worker's cache holds the chunk `split_<name>.wasm` and every
/// shared chunk (`chunk_*.wasm`) the worker was asked to fetch.
export async function chunkCached(page, name) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitUntil(page, async (file) => {
        for (const cache of await caches.keys()) {
            const urls = (await (await caches.open(cache)).keys()).map((r) => r.url);
            if (urls.some((u) => u.endsWith(file))) return true;
        }
        return false;
    }, `/split_${name}.wasm`);
}

/// Waits until the service worker has every file of its precache list (the shell and every
/// chunk): after that, a visit needs the network only for the API.
export async function precached(page) {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitUntil(page, async () => {
        const sw = await (await fetch("/sw.js")).text();
        const wanted = [...sw.matchAll(/"([^"]+\.wasm)"/g)].map((m) => m[1].split("/").pop());
        const have = new Set();
        for (const cache of await caches.keys()) {
            for (const r of await (await caches.open(cache)).keys()) have.add(r.url.split("/").pop());
        }
        const done = wanted.length > 0 && wanted.every((f) => have.has(f));
        // Ask again while some are missing, as the next page load (or the network coming
        // back) would: a run that met an offline spell skipped what it could not fetch.
        // The worker runs one precache at a time, so asking is cheap.
        if (!done) (await navigator.serviceWorker.ready).active.postMessage({ type: "precache-chunks" });
        return done;
    // Some 270 chunk files on a busy 2-core machine: give the precache time.
    }, undefined, 120000);
}

/// What a deploy does to a running page: a new sw.js (here: this build's, with `version`)
/// and the browser's update check. The local asset server keeps the ETags it computed at
/// start, so a plain `update()` would get a 304 for the changed file; a new script URL
/// makes the browser fetch it afresh. Returns a function that restores the original.
export async function deployWorker(page, version) {
    const swPath = join(DIST, "sw.js");
    const original = readFileSync(swPath, "utf8");
    writeFileSync(swPath, original.replace(/const VERSION = "[0-9a-z]+"/, `const VERSION = "${version}"`));
    await page.evaluate((url) => navigator.serviceWorker.register(url), `/sw.js?deploy=${version}`);
    return () => writeFileSync(swPath, original);
}

/// The running build's service-worker version.
export function workerVersion() {
    return readFileSync(join(DIST, "sw.js"), "utf8").match(/const VERSION = "([0-9a-z]+)"/)[1];
}

/// Runs SQL on the same local D1 the Worker serves (as an admin would change data).
export function d1(sql) {
    execFileSync(join(FUNCTIONS, "..", "node_modules", ".bin", "wrangler"),
        ["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--command", sql],
        { cwd: FUNCTIONS, env: { ...process.env, CI: "true" }, stdio: "pipe" });
}

/// Rows of a SQL query on the local D1 the Worker serves (to check what is stored).
export function d1Rows(sql) {
    const out = execFileSync(join(FUNCTIONS, "..", "node_modules", ".bin", "wrangler"),
        ["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--json", "--command", sql],
        { cwd: FUNCTIONS, env: { ...process.env, CI: "true" }, stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(out.toString("utf8"))[0].results;
}

/// Serious or critical axe-core violations on the page as it is now, in normal and in
/// elderly mode (the mode is a class on <html>; the page's own setting is restored).
export async function axeProblems(page, label) {
    const problems = [];
    const wasElderly = await page.evaluate(() => document.documentElement.classList.contains("elderly"));
    for (const elderly of [false, true]) {
        await page.evaluate((on) => document.documentElement.classList.toggle("elderly", on), elderly);
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations) {
            if (v.impact === "serious" || v.impact === "critical") {
                const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ");
                problems.push(`${label}${elderly ? " (elderly)" : ""}: ${v.id} [${v.impact}] ${v.help} — ${where}`);
            }
        }
    }
    await page.evaluate((on) => document.documentElement.classList.toggle("elderly", on), wasElderly);
    return problems;
}

/// A UUIDv7 as a phone makes one (lowercase, hyphenated).
export function uuidv7() {
    const hex = Date.now().toString(16).padStart(12, "0") + randomBytes(10).toString("hex");
    const v = `${hex.slice(0, 12)}7${hex.slice(13, 16)}${"89ab"[parseInt(hex[16], 16) % 4]}${hex.slice(17, 32)}`;
    return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}
