// Browser tests for the grid directory: real Chromium, phone viewport, against the
// Worker on local workerd + D1 started by `cargo xtask test`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, GRID, launch, phone, d1, waitUntil, deployWorker, workerVersion, precached } from "./lib.mjs";

let browser, context, page;

before(async () => {
    browser = await launch();
    ({ context, page } = await phone(browser));
});

after(async () => {
    await browser?.close();
});

test("the web manifest's icons are served", async () => {
    const manifest = await (await page.request.get(`${BASE}/manifest.webmanifest`)).json();
    assert.equal(manifest.lang, "zh-CN");
    const sizes = manifest.icons.map((i) => i.sizes);
    assert.ok(sizes.includes("192x192") && sizes.includes("512x512"), sizes.join());
    for (const icon of manifest.icons) {
        const resp = await page.request.get(`${BASE}${icon.src}`);
        assert.equal(resp.status(), 200, icon.src);
        assert.equal(resp.headers()["content-type"].split(";")[0], icon.type, icon.src);
        if (icon.type === "image/png") {
            const body = await resp.body();
            assert.equal(body.readUInt32BE(16), parseInt(icon.sizes), `${icon.src} width`);
        }
    }
});

test("the directory opens and filters as you type", async () => {
    await page.goto(`${BASE}/grids`);
    await page.locator(".tree-row").first().waitFor();
    assert.equal(await page.locator("h1").textContent(), "找网格");
    // Villages are folded: grids are not listed until opened or searched.
    assert.equal(await page.locator(`.tree-row[data-code="${GRID}"]`).count(), 0);
    await page.locator(".tree-row[data-code='990101001003'] button.fold").click();
    await page.locator(".tree-row[data-code='990101001003001']").waitFor();

    await page.fill("[data-testid=grid-filter]", "幸福路");
    await page.locator(`.tree-row[data-code="${GRID}"]`).waitFor();
    const codes = await page.locator(".tree-row").evaluateAll((rows) => rows.map((r) => r.dataset.code));
    assert.deepEqual(codes, ["990101", "990101001", "990101001001", GRID, "990101001001002"]);

    await page.fill("[data-testid=grid-filter]", "没有这个地方");
    await page.locator("[data-testid=no-match]").waitFor();
    assert.equal(await page.locator(".tree-row").count(), 0);
});

test("a grid card shows its people, masked phones and a QR code", async () => {
    await page.fill("[data-testid=grid-filter]", "柳塘社区 第一");
    await page.locator(`.tree-row[data-code="${GRID}"] a`).click();
    await page.waitForURL(`${BASE}/g/${GRID}`);
    await page.locator("[data-testid=grid-name]").waitFor();
    assert.equal(await page.locator("[data-testid=grid-name]").textContent(), "柳塘社区第一网格");
    const people = await page.locator(".person").count();
    assert.ok(people >= 5, `${people} people`);
    const phones = await page.locator("[data-testid=phone]").allTextContents();
    for (const p of phones) {
        const digits = (p.match(/\d/g) || []).length;
        const hidden = (p.match(/\*/g) || []).length;
        assert.ok(hidden >= 4 && digits <= 7, `unmasked phone ${p}`);
    }
    assert.ok(await page.locator(".person .role").first().textContent() === "网格长");
    // The QR is an inline SVG encoding this card's URL.
    const svg = page.locator("[data-testid=qr] svg");
    await svg.waitFor();
    const box = await svg.boundingBox();
    assert.ok(box.width > 100 && box.height > 100, JSON.stringify(box));
    assert.ok((await page.locator(".qr-url").textContent()).endsWith(`/g/${GRID}`));
    // Printing hides navigation and shows the poster slogan.
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".bottomnav").isVisible(), false);
    assert.equal(await page.locator(".poster-slogan").isVisible(), true);
    // The wall poster, QR included, fits one A4 page (page.pdf renders the emulated media).
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    await page.emulateMedia({ media: "screen" });
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) || [];
    assert.equal(pages.length, 1, `poster prints on ${pages.length} pages`);
});

test("a wrong grid address explains itself and points to the directory", async () => {
    for (const [code, text] of [["abc", /格式不对/], ["990101001001999", /没有找到这个网格/]]) {
        await page.goto(`${BASE}/g/${code}`);
        await page.locator(".error-box").waitFor();
        assert.match(await page.locator(".error-box").textContent(), text);
        await page.getByText("去网格目录找一找").click();
        await page.waitForURL(`${BASE}/grids`);
    }
    await page.goto(`${BASE}/no/such/page`);
    await page.getByText("页面不存在").waitFor();
    await page.goto(`${BASE}/g/${GRID}`);
    await page.locator("[data-testid=grid-name]").waitFor();
});

test("language switches to English and is remembered", async () => {
    await page.click("[data-testid=lang-toggle]");
    await page.getByText("Who serves this grid").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
    assert.equal(await page.locator(".person .role").first().textContent(), "Grid leader");
    await page.reload();
    await page.getByText("Who serves this grid").waitFor();
    await page.click("[data-testid=lang-toggle]");
    await page.getByText("网格服务人员").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
});

test("elderly mode enlarges text and touch targets", async () => {
    await page.click("[data-testid=elderly-toggle]");
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains("elderly")));
    const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".person-name")).fontSize));
    assert.ok(fontPx >= 18, `name font ${fontPx}px`);
    const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(bodyPx >= 18, `body font ${bodyPx}px`);
    const btn = await page.locator("[data-testid=print]").boundingBox();
    assert.ok(btn.height >= 60, `button ${btn.height}px`);
    // On the card and the directory, no visible text under 18px and no target under 60px.
    for (const path of [`/g/${GRID}`, "/grids"]) {
        await page.goto(`${BASE}${path}`);
        await page.locator("[data-testid=sync]").waitFor();
        await page.locator(".tree-row, [data-testid=grid-name]").first().waitFor();
        const problems = await page.evaluate(() => {
            const out = [];
            const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
            for (const el of document.querySelectorAll("body *")) {
                const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                if (ownText && visible(el) && parseFloat(getComputedStyle(el).fontSize) < 18) out.push(`text ${el.className || el.tagName}: ${getComputedStyle(el).fontSize}`);
            }
            for (const el of document.querySelectorAll("a, button, input")) {
                if (visible(el) && el.getBoundingClientRect().height < 60) out.push(`target ${el.className || el.tagName}: ${el.getBoundingClientRect().height}px`);
            }
            return out;
        });
        assert.deepEqual(problems, [], `${path}: ${problems.join("; ")}`);
    }
    await page.goto(`${BASE}/g/${GRID}`);
    await page.reload();
    await page.locator("[data-testid=grid-name]").waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains("elderly")), "remembered");
    await page.click("[data-testid=elderly-toggle]");
    assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains("elderly"))));
});

test("after one visit the card and directory render offline", async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Visit both pages under the service worker so both are cached.
    await page.goto(`${BASE}/grids`);
    await page.locator(".tree-row").first().waitFor();
    await page.goto(`${BASE}/g/${GRID}`);
    await page.locator("[data-testid=grid-name]").waitFor();
    await page.getByText("已是最新").waitFor();

    await context.setOffline(true);
    try {
        await page.reload();
        await page.locator("[data-testid=grid-name]").waitFor();
        assert.equal(await page.locator("[data-testid=grid-name]").textContent(), "柳塘社区第一网格");
        await page.getByText("离线中，显示的是上次保存的内容").waitFor();
        assert.ok((await page.locator(".person").count()) >= 5);
        await page.locator("[data-testid=qr] svg").waitFor();

        await page.goto(`${BASE}/grids`);
        await page.locator(".tree-row").first().waitFor();
        assert.ok((await page.locator(".tree-row").count()) >= 8);

        // A card never opened before says so plainly.
        await page.goto(`${BASE}/g/990101001006004`);
        await page.locator(".error-box").waitFor();
        assert.match(await page.locator(".error-box").textContent(), /网络不通/);
        // Back online, it loads by itself: no reload, no tap.
        await context.setOffline(false);
        await page.locator("[data-testid=grid-name]").waitFor();
        await page.getByText("已是最新").waitFor();
        assert.equal(await page.locator(".error-box").count(), 0);
    } finally {
        await context.setOffline(false);
    }
});

test("a repeat visit fetches nothing but revalidation requests", async () => {
    // Page requests the service worker did not answer, and the service worker's own
    // network fetches: both reach the network.
    const network = [];
    const onPage = (resp) => {
        if (!resp.fromServiceWorker()) network.push({ path: new URL(resp.url()).pathname, status: resp.status() });
    };
    const onContext = (req) => {
        if (req.serviceWorker()) network.push({ path: new URL(req.url()).pathname, fromWorker: true });
    };
    // The first visit's precaching (every chunk) has finished, as it would have by the
    // time a person comes back.
    await precached(page);
    page.on("response", onPage);
    context.on("request", onContext);
    await page.goto(`${BASE}/g/${GRID}`);
    await page.getByText("已是最新").waitFor();
    page.off("response", onPage);
    context.off("request", onContext);
    const shell = network.filter((r) => !r.path.startsWith("/api/") && r.path !== "/sw.js");
    assert.deepEqual(shell, [], "shell files came from the network");
    const api = network.filter((r) => r.path.startsWith("/api/"));
    assert.ok(api.length >= 1 && api.every((r) => r.status === 304), JSON.stringify(api));
});

test("server trouble keeps the saved copy; a 404 drops it", async () => {
    const card = `**/api/v1/grids/${GRID}`;
    await page.goto(`${BASE}/g/${GRID}`);
    await page.getByText("已是最新").waitFor();
    const problem = (code, status) => ({
        status,
        contentType: "application/json",
        body: JSON.stringify({ code, message_zh: "测试", message_en: "test" }),
    });
    try {
        // A 500, then a captive portal's HTML page: the card stays, marked as not updated.
        for (const answer of [problem("internal", 500), { status: 200, contentType: "text/html", body: "<html>portal</html>" }]) {
            await page.route(card, (route) => route.fulfill(answer));
            await page.reload();
            await page.getByText("暂时无法更新，显示的是上次保存的内容").waitFor();
            assert.equal(await page.locator("[data-testid=grid-name]").textContent(), "柳塘社区第一网格");
            await page.unroute(card);
        }
        // The server says the grid is gone: the saved copy goes too, even offline later.
        await page.route(card, (route) => route.fulfill(problem("grid_not_found", 404)));
        await page.reload();
        await page.locator(".error-box").waitFor();
        assert.equal(await page.locator("[data-testid=grid-name]").count(), 0);
        await page.unroute(card);
        await context.setOffline(true);
        await page.reload();
        await page.locator(".error-box").waitFor();
        assert.match(await page.locator(".error-box").textContent(), /网络不通/);
    } finally {
        await page.unrouteAll();
        await context.setOffline(false);
    }
    // Online again, the card comes back and is saved again.
    await page.reload();
    await page.getByText("已是最新").waitFor();
    assert.equal(await page.locator("[data-testid=grid-name]").textContent(), "柳塘社区第一网格");
});

test("a changed value shows after revalidation, which coming back online starts", async () => {
    const person = "(SELECT person_id FROM grid_assignments WHERE grid_code = '" + GRID + "' AND role = 'grid_worker' ORDER BY sort LIMIT 1)";
    const before = await page.locator(".person").nth(1).locator(".person-name").textContent();
    await context.setOffline(true);
    d1(`UPDATE people SET name = '改名测试' WHERE id = ${person}`);
    try {
        await page.reload();
        await page.getByText("离线中，显示的是上次保存的内容").waitFor();
        assert.equal(await page.locator(".person").nth(1).locator(".person-name").textContent(), before);
        // Back online, the saved copy is checked again by itself.
        await context.setOffline(false);
        await page.getByText("改名测试").waitFor();
        await page.getByText("已是最新").waitFor();
    } finally {
        await context.setOffline(false);
        d1(`UPDATE people SET name = '${before.replace(/'/g, "''")}' WHERE id = ${person}`);
    }
});

test("a new build's service worker replaces the old shell cache, keeping one build back", async () => {
    // What a deploy does: a new sw.js with a new version. The new worker installs its own
    // cache; on activation the previous build's cache stays (a page still running it may
    // need its chunks) and anything older is dropped.
    const version = workerVersion();
    await page.evaluate(() => navigator.serviceWorker.ready);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`wangge-shell-${version}`]);
    const restore = [];
    try {
        restore.push(await deployWorker(page, `${version}next`));
        await waitUntil(page, async (want) => JSON.stringify(await caches.keys()) === JSON.stringify(want),
            [`wangge-shell-${version}`, `wangge-shell-${version}next`]);
        restore.pop()();
        restore.push(await deployWorker(page, `${version}next2`));
        await waitUntil(page, async (want) => JSON.stringify(await caches.keys()) === JSON.stringify(want),
            [`wangge-shell-${version}next`, `wangge-shell-${version}next2`]);
        // The new cache holds the whole shell: the card still renders offline.
        await context.setOffline(true);
        await page.reload();
        await page.locator("[data-testid=grid-name]").waitFor();
    } finally {
        await context.setOffline(false);
        restore.forEach((f) => f());
    }
});
