// Shared set-up for the browser tests: Debian's Chromium through playwright-core, a phone
// viewport, the Worker started by `cargo xtask test`, and an axe-core accessibility check.
import { execFileSync } from "node:child_process";
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

/// Waits until the app has mounted (the boot splash is gone), so settings are applied.
export async function mounted(page) {
    await page.waitForSelector("#boot", { state: "detached" });
    await page.locator("header.topbar").waitFor();
}

/// Runs SQL on the same local D1 the Worker serves (as an admin would change data).
export function d1(sql) {
    execFileSync(join(FUNCTIONS, "..", "node_modules", ".bin", "wrangler"),
        ["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--command", sql],
        { cwd: FUNCTIONS, env: { ...process.env, CI: "true" }, stdio: "pipe" });
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
