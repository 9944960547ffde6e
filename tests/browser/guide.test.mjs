// The service guide (办事指南) on a phone: after one visit the whole catalogue is saved on
// the phone, so the guide opens and searches (pinyin initials too) with no network; an
// item's materials checklist is remembered across reloads; read-aloud hands the item to
// the browser's speech in Chinese (a stand-in speechSynthesis: headless Chromium has no
// voices); an empty search suggests the life events; an unknown code says so. axe-core
// on each page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, chunkCached, axeProblems } from "./lib.mjs";

/// A seeded item: 城乡居民基本养老保险参保登记.
const ITEM = "sb-ylbx-cb";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// Opens /guide and waits until the catalogue is downloaded and saved on the phone (the
/// badge says 已是最新 only after the last delta page was written to IndexedDB).
async function openGuide(page) {
    await page.goto(`${BASE}/guide`);
    await mounted(page);
    await page.getByTestId("guide-count").waitFor();
    await page.getByTestId("sync").filter({ hasText: "已是最新" }).waitFor();
}

const cardNames = (page) => page.locator("[data-testid=guide-card] .guide-card-name").allTextContents();

/// A stand-in for the browser's speech: records what it is asked to say. `voices` are the
/// voices it has at first; `window.__setVoices(list)` changes them and fires voiceschanged,
/// as Chrome does when its voices arrive after the page.
async function fakeSpeech(context, voices) {
    await context.addInitScript((initial) => {
        let voices = initial;
        window.__spoken = [];
        window.__cancelled = 0;
        const fake = {
            speaking: false,
            pending: false,
            paused: false,
            onvoiceschanged: null,
            getVoices: () => voices,
            speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }),
            cancel: () => { window.__cancelled += 1; },
            pause: () => {},
            resume: () => {},
        };
        window.__setVoices = (list) => {
            voices = list;
            if (typeof fake.onvoiceschanged === "function") fake.onvoiceschanged(new Event("voiceschanged"));
        };
        Object.defineProperty(window, "speechSynthesis", { configurable: true, get: () => fake });
    }, voices);
}

test("after one visit the guide opens and searches offline", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.81" } });
    try {
        await openGuide(page);
        const count = Number((await page.getByTestId("guide-count").textContent()).match(/(\d+)/)[1]);
        assert.ok(count >= 80, `only ${count} items`);
        // Browsing: the twelve life events and the departments.
        assert.equal(await page.getByTestId("guide-events").locator("li").count(), 12);
        assert.ok(await page.getByTestId("guide-departments").locator("li").count() >= 3);
        await chunkCached(page, "guide_page");

        await context.setOffline(true);
        await page.reload();
        await mounted(page);
        await page.getByTestId("guide-count").waitFor();
        await page.getByTestId("sync").filter({ hasText: "离线中，显示的是上次保存的内容" }).waitFor();
        assert.match(await page.getByTestId("guide-count").textContent(), new RegExp(`共 ${count} 项`));

        // Search by pinyin initials, with no network.
        await page.getByTestId("guide-search").fill("ylbx");
        await page.getByTestId("guide-card").first().waitFor();
        await page.waitForURL(/\/guide\?q=ylbx$/);
        const names = await cardNames(page);
        assert.ok(names.some((n) => n.includes("养老保险")), names.join(" "));
        // Chinese too.
        await page.getByTestId("guide-search").fill("身份证");
        await page.getByTestId("guide-card").filter({ hasText: "居民身份证" }).first().waitFor();
        assert.equal(new URL(page.url()).searchParams.get("q"), "身份证");

        // An item opens offline from the catalogue on the phone; back returns to the search.
        await page.getByTestId("guide-search").fill("ylbx");
        await page.waitForURL(/\/guide\?q=ylbx$/);
        await page.getByTestId("guide-card").first().click();
        await page.getByTestId("guide-item-name").waitFor();
        assert.match(page.url(), /\/guide\/[a-z0-9-]+$/);
        await page.goBack();
        await page.getByTestId("guide-card").first().waitFor();
        assert.equal(await page.getByTestId("guide-search").inputValue(), "ylbx");
        assert.deepEqual(await cardNames(page), names);
    } finally {
        await context.close();
    }
});

test("search ylbx, open the item, tick two materials: still ticked after a reload", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.82" } });
    try {
        await openGuide(page);
        await page.getByTestId("guide-search").fill("ylbx");
        const cards = page.getByTestId("guide-card");
        await cards.first().waitFor();
        const names = await cardNames(page);
        assert.ok(names.filter((n) => n.includes("养老保险")).length >= 3, names.join(" "));
        await cards.filter({ hasText: /城乡居民基本养老保险/ }).first().click();
        await page.getByTestId("guide-item").waitFor();
        assert.match(await page.getByTestId("guide-item-name").textContent(), /^城乡居民基本养老保险/);
        const code = new URL(page.url()).pathname.split("/").pop();

        // Written for elderly readers: never under 18px on this page, in any mode.
        const size = await page.getByTestId("guide-item").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        assert.ok(size >= 18, `item text is ${size}px`);
        // A one-tap call to the office.
        assert.match(await page.getByTestId("guide-call").getAttribute("href"), /^tel:[0-9+]+$/);
        // 请网格员代办 shows on items a grid worker can run, and only there.
        const item = await (await page.request.get(`${BASE}/api/v1/guide/${code}`)).json();
        assert.equal(await page.getByTestId("guide-errand").count(), item.errand ? 1 : 0);

        const materials = page.getByTestId("material");
        const n = await materials.count();
        assert.ok(n >= 2, `${n} materials`);
        await materials.nth(0).locator("input[type=checkbox]").check();
        await materials.nth(1).locator("input[type=checkbox]").check();
        assert.match(await page.getByTestId("materials-ready").textContent(), new RegExp(`2 / ${n}`));

        await page.reload();
        await page.getByTestId("guide-item").waitFor();
        assert.equal(await materials.nth(0).locator("input").isChecked(), true);
        assert.equal(await materials.nth(1).locator("input").isChecked(), true);
        for (let i = 2; i < n; i++) assert.equal(await materials.nth(i).locator("input").isChecked(), false);
        // Remembered on the phone, by item code and material name.
        const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), `wangge.guide.checked.${code}`);
        assert.equal(saved.length, 2);
        assert.ok(saved.includes((await materials.nth(0).locator(".material-name").textContent()).trim()));

        const problems = await axeProblems(page, "guide item, two ticked");
        assert.deepEqual(problems, [], problems.join("\n"));
    } finally {
        await context.close();
    }
});

test("read-aloud hands the item to speechSynthesis in Chinese; a second tap stops", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.83" } });
    try {
        await fakeSpeech(context, [{ lang: "zh-CN", name: "普通话", voiceURI: "test-zh", localService: true, default: true }]);
        await page.goto(`${BASE}/guide/${ITEM}`);
        await mounted(page);
        await page.getByTestId("guide-item").waitFor();
        const name = (await page.getByTestId("guide-item-name").textContent()).trim();
        const material = (await page.getByTestId("material").first().locator(".material-name").textContent()).trim();

        const read = page.getByTestId("guide-read");
        await read.click();
        const spoken = await page.evaluate(() => window.__spoken);
        assert.ok(spoken.length > 0, "nothing was spoken");
        const text = spoken.map((s) => s.text).join("\n");
        assert.ok(text.includes(name), text);
        assert.ok(text.includes(material), text);
        assert.ok(text.includes("办理地点"), text);
        assert.ok(spoken.every((s) => s.lang === "zh-CN"), JSON.stringify(spoken));
        assert.match(await read.textContent(), /停止朗读/);

        // A second tap stops, and says nothing more.
        const cancelled = await page.evaluate(() => window.__cancelled);
        await read.click();
        assert.ok(await page.evaluate(() => window.__cancelled) > cancelled);
        assert.equal((await page.evaluate(() => window.__spoken)).length, spoken.length);
        assert.match(await read.textContent(), /朗读/);
        assert.doesNotMatch(await read.textContent(), /停止/);
    } finally {
        await context.close();
    }
});

test("read-aloud is hidden without a Chinese voice and appears when one arrives", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.84" } });
    try {
        await fakeSpeech(context, [{ lang: "en-US", name: "English", voiceURI: "test-en", localService: true, default: true }]);
        await page.goto(`${BASE}/guide/${ITEM}`);
        await mounted(page);
        await page.getByTestId("guide-item").waitFor();
        await page.getByTestId("guide-print").waitFor();
        assert.equal(await page.getByTestId("guide-read").count(), 0);
        // Voices often load after the page (voiceschanged).
        await page.evaluate(() => window.__setVoices([{ lang: "zh-CN", name: "普通话", voiceURI: "test-zh" }]));
        await page.getByTestId("guide-read").waitFor();
    } finally {
        await context.close();
    }
});

test("an empty search suggests the life events; an unknown item says so; axe on each", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.85" } });
    try {
        await openGuide(page);
        const problems = await axeProblems(page, "guide");

        await page.getByTestId("guide-search").fill("宇宙飞船驾驶执照");
        const none = page.getByTestId("guide-no-results");
        await none.waitFor();
        assert.match(await none.textContent(), /按人生大事找/);
        assert.equal(await none.locator(".event-chip").count(), 12);
        assert.equal(await page.getByTestId("guide-card").count(), 0);
        problems.push(...await axeProblems(page, "guide, nothing found"));

        // A suggested life event lists its items (and the search box empties).
        await none.locator(".event-chip", { hasText: "养老" }).click();
        await page.waitForURL(/\/guide\?event=elderly$/);
        await page.getByTestId("guide-card").first().waitFor();
        assert.equal(await page.getByTestId("guide-search").inputValue(), "");
        problems.push(...await axeProblems(page, "guide, one life event"));

        await page.goto(`${BASE}/guide/no-such-code`);
        await mounted(page);
        const missing = page.getByTestId("guide-not-found");
        await missing.waitFor();
        assert.match(await missing.textContent(), /没有找到这个办事事项/);
        assert.equal(await missing.locator("a[href='/guide']").count(), 1);
        problems.push(...await axeProblems(page, "guide item not found"));

        await page.goto(`${BASE}/guide/${ITEM}`);
        await page.getByTestId("guide-item").waitFor();
        problems.push(...await axeProblems(page, "guide item"));
        assert.deepEqual(problems, [], problems.join("\n"));
    } finally {
        await context.close();
    }
});

test("a first visit offline says plainly that the guide is not saved yet", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.86" } });
    try {
        // The app itself is cached (a visit to home), the guide's catalogue is not.
        await page.goto(`${BASE}/`);
        await mounted(page);
        await chunkCached(page, "guide_page");
        await context.setOffline(true);
        await page.locator("nav.bottomnav a[href='/guide']").click();
        const unavailable = page.getByTestId("guide-unavailable");
        await unavailable.waitFor();
        assert.match(await unavailable.textContent(), /还没有保存到这台手机上/);
        const problems = await axeProblems(page, "guide offline, nothing saved");
        assert.deepEqual(problems, [], problems.join("\n"));
    } finally {
        await context.close();
    }
});
