// Accessibility: axe-core on every page and state of the app, in normal and elderly mode.
// The bar is 0 serious or critical violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, GRID, launch, phone, axeProblems, mounted } from "./lib.mjs";

let browser, context, page;

before(async () => {
    browser = await launch();
    ({ context, page } = await phone(browser));
});

after(async () => {
    await browser?.close();
});

// Every route the SPA has, in the states a person meets: [label, path, what to wait for, set-up].
const PAGES = [
    ["home", "/", "h1"],
    ["directory", "/grids", ".tree-row"],
    ["directory, a village unfolded", "/grids", ".tree-row[data-code='990101001003001']",
        (p) => p.locator(".tree-row[data-code='990101001003'] button.fold").click()],
    ["directory, filtered to nothing", "/grids", "[data-testid=no-match]",
        (p) => p.fill("[data-testid=grid-filter]", "没有这个地方")],
    ["grid card", `/g/${GRID}`, "[data-testid=grid-name]"],
    ["village card with grids below", "/g/990101001003", ".children"],
    ["malformed grid code", "/g/abc", ".error-box"],
    ["unknown grid", "/g/990101001001999", ".error-box"],
    ["unknown page", "/no/such/page", ".empty h1"],
    ["staff sign-in", "/account", "[data-testid=sign-in]"],
    ["activation code form", "/activate", "[data-testid=activate]"],
    ["household, signed out", "/household", ".household .error-box"],
    ["service guide", "/guide", "[data-testid=guide-events]"],
    ["service guide item", "/guide/sb-ylbx-cb", "[data-testid=guide-item]"],
];

test("no serious or critical axe violations on any page, in normal and elderly mode", async () => {
    const problems = [];
    for (const lang of ["zh-CN", "en"]) {
        for (const [label, path, ready, setUp] of PAGES) {
            await page.goto(`${BASE}${path}`);
            await mounted(page);
            // The language is a remembered setting: switch it once per round.
            if (await page.evaluate(() => document.documentElement.lang) !== lang) {
                await page.click("[data-testid=lang-toggle]");
                await page.waitForFunction((l) => document.documentElement.lang === l, lang);
            }
            await page.locator(".tree-row, h1, .error-box").first().waitFor();
            if (setUp) await setUp(page);
            await page.locator(ready).first().waitFor();
            problems.push(...await axeProblems(page, `${label} [${lang}]`));
        }
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});

// Staff pages, signed in: [login, label, path, what to wait for, set-up].
const STAFF_PAGES = [
    ["worker-a", "household register", "/households", "[data-testid=households]"],
    ["worker-a", "registration form with its problems", "/households/new?grid=990101001003001", "[data-testid=form-problems]",
        (p) => p.click("[data-testid=save-household]")],
    ["worker-a", "household with the activation confirmation", "/households/hh-990101001003001-012", "[data-testid=confirm-activation]",
        // The household first: a click before it has loaded would land on a button that is
        // about to be redrawn.
        async (p) => {
            await p.getByTestId("household").waitFor();
            await p.click("[data-testid=issue-activation]");
        }],
    ["worker-a", "sync queue, empty", "/account/sync", "[data-testid=sync-empty]"],
    ["admin", "administration with an import's errors", "/admin", "[data-testid=import-errors]",
        async (p) => {
            await p.getByTestId("file-grids").setInputFiles({ name: "g.csv", mimeType: "text/csv", buffer: Buffer.from("编码,名称,类型,范围,户数\n123,x,,,\n") });
            await p.click("[data-testid=import-grids]");
        }],
];

test("no serious or critical axe violations on staff pages, in normal and elderly mode", async () => {
    const problems = [];
    for (const login of ["worker-a", "admin"]) {
        const staff = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.70" } });
        const r = await staff.page.request.post(`${BASE}/api/v1/session`, { headers: { Origin: BASE }, data: { login, password: "wangge-demo" } });
        assert.equal(r.status(), 200);
        for (const lang of ["zh-CN", "en"]) {
            for (const [who, label, path, ready, setUp] of STAFF_PAGES.filter((p) => p[0] === login)) {
                await staff.page.goto(`${BASE}${path}`);
                await mounted(staff.page);
                if (await staff.page.evaluate(() => document.documentElement.lang) !== lang) {
                    await staff.page.click("[data-testid=lang-toggle]");
                    await staff.page.waitForFunction((l) => document.documentElement.lang === l, lang);
                }
                await staff.page.locator("main h1").first().waitFor();
                if (setUp) await setUp(staff.page);
                await staff.page.locator(ready).first().waitFor();
                problems.push(...await axeProblems(staff.page, `${label} as ${who} [${lang}]`));
            }
        }
        await staff.context.close();
    }
    assert.deepEqual(problems, [], problems.join("\n"));
});

test("no serious or critical axe violations when a chunk cannot load", async () => {
    const { context: blocked, page: p } = await phone(browser, { serviceWorkers: "block" });
    try {
        await p.route(/\/(split|chunk)_[^/]*\.wasm$/, (route) => route.abort("internetdisconnected"));
        const problems = [];
        for (const lang of ["zh-CN", "en"]) {
            await p.goto(`${BASE}/grids`);
            await mounted(p);
            if (await p.evaluate(() => document.documentElement.lang) !== lang) await p.click("[data-testid=lang-toggle]");
            await p.waitForFunction((l) => document.documentElement.lang === l, lang);
            await p.locator("[data-testid=chunk-failed]").waitFor();
            problems.push(...await axeProblems(p, `chunk failed [${lang}]`));
        }
        assert.deepEqual(problems, [], problems.join("\n"));
    } finally {
        await blocked.close();
    }
});
