// 报事 on phones: a resident files a report with a photo while offline, closes the page,
// reopens it online and the report reaches the server exactly once (the photo without
// EXIF); then the loop: the dispatcher dispatches from the board (bulk), the department's
// handler takes it on and resolves it with a photo, and the resident, told in the inbox,
// rates it and reads the whole timeline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, chunkCached, waitUntil, d1Rows, axeProblems, signIn, uuidv7 } from "./lib.mjs";

let browser;
/// The report the first test files offline; the second takes it round the loop.
let filedOffline = null;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// A 2000×1200 JPEG drawn in the page, with an EXIF segment (GPS text in it) spliced in
/// after the start marker: what a phone camera hands the form.
async function cameraJpeg(page) {
    const b64 = await page.evaluate(() => {
        const c = document.createElement("canvas");
        c.width = 2000;
        c.height = 1200;
        const x = c.getContext("2d");
        x.fillStyle = "#3a7";
        x.fillRect(0, 0, 2000, 1200);
        x.fillStyle = "#fff";
        x.fillRect(300, 300, 600, 400);
        return c.toDataURL("image/jpeg", 0.9).split(",")[1];
    });
    const jpeg = Buffer.from(b64, "base64");
    const payload = Buffer.concat([Buffer.from("Exif\0\0", "binary"), Buffer.from("GPSLatitude 28.1234 N GPSLongitude 112.9876 E")]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
    return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/// The width and height in a JPEG's first SOF segment.
function jpegSize(buf) {
    let i = 2;
    while (i < buf.length) {
        const marker = buf[i + 1];
        const len = buf.readUInt16BE(i + 2);
        if (marker >= 0xc0 && marker <= 0xc3) return { h: buf.readUInt16BE(i + 5), w: buf.readUInt16BE(i + 7) };
        i += 2 + len;
    }
    return null;
}

test("a resident files a report with a photo offline, closes the page, and it syncs exactly once on reopening", async () => {
    const { context, page } = await phone(browser);
    const text = `村口下水道堵了，污水漫到路上 ${Date.now() % 1000000}`;
    try {
        await signIn(page.request, "resident-a");
        await page.goto(`${BASE}/reports/new`);
        await mounted(page);
        await page.getByTestId("report-category").locator("option[value=muni-drain]").waitFor({ state: "attached" });
        // The form and the report page (its two parts) must be on the phone before going offline.
        await chunkCached(page, "report_desk");
        await chunkCached(page, "report_case");
        assert.deepEqual(await axeProblems(page, "report form"), []);
        const photo = await cameraJpeg(page);

        await context.setOffline(true);
        await page.getByTestId("report-category").selectOption("muni-drain");
        await page.getByTestId("report-text").fill(text);
        await page.getByTestId("report-address").fill("东岗村一组村口");
        await page.getByTestId("photo-input").setInputFiles({ name: "drain.jpg", mimeType: "image/jpeg", buffer: photo });
        await page.getByTestId("photo-thumb").waitFor();

        // The draft survives a reload (still offline: the shell and chunk come from the
        // service worker).
        await page.waitForTimeout(500);
        await page.reload();
        await mounted(page);
        await page.getByTestId("draft-restored").waitFor();
        assert.equal(await page.getByTestId("report-text").inputValue(), text);
        await page.getByTestId("photo-thumb").waitFor();

        await page.getByTestId("report-submit").click();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
        const id = page.url().split("/").pop();
        assert.match(await page.getByTestId("report-sync").textContent(), /待发送/);
        assert.match(await page.getByTestId("outbox-chip").textContent(), /待同步 2/);
        await page.close();

        // Reopened with the network back: the outbox sends the photo, then the report.
        await context.setOffline(false);
        const again = await context.newPage();
        await again.goto(`${BASE}/reports`);
        await mounted(again);
        await again.getByTestId("report-list").getByText(text).waitFor({ timeout: 60000 });
        await again.getByTestId("pending-report").waitFor({ state: "detached" });
        assert.equal(await again.getByTestId("outbox-chip").count(), 0);

        // Exactly once, with its photo; the photo re-encoded (≤ 1,600 px) and without EXIF.
        const rows = d1Rows(`SELECT id, photos FROM reports WHERE text = '${text}'`);
        assert.equal(rows.length, 1);
        assert.equal(rows[0].id, id);
        const keys = JSON.parse(rows[0].photos);
        assert.equal(keys.length, 1);
        const got = await again.request.get(`${BASE}/api/v1/photos/${keys[0]}`);
        assert.equal(got.status(), 200);
        const bytes = Buffer.from(await got.body());
        assert.equal(bytes.indexOf("Exif"), -1);
        assert.equal(bytes.indexOf("GPSLatitude"), -1);
        const size = jpegSize(bytes);
        assert.ok(size && Math.max(size.w, size.h) <= 1600, JSON.stringify(size));

        // The report page shows it with its photo and the first timeline step.
        await again.getByTestId("report-list").getByText(text).click();
        await again.getByTestId("report-photo").first().waitFor();
        assert.equal(await again.getByTestId("timeline-step").count(), 1);
        assert.deepEqual(await axeProblems(again, "report page"), []);
        filedOffline = { id, text };
    } finally {
        await context.close();
    }
});

/// Brings report `id` to the township (accepted by worker-a, escalated by worker-a and by
/// the village leader), through the API: the grid's part of the loop.
async function toTownship(request, id) {
    await signIn(request, "worker-a");
    const got = await request.get(`${BASE}/api/v1/reports/${id}`);
    assert.equal(got.status(), 200, await got.text());
    let report = await got.json();
    for (const [login, action] of [["worker-a", "accept"], ["worker-a", "escalate"], ["leader", "escalate"]]) {
        await signIn(request, login);
        const r = await request.post(`${BASE}/api/v1/reports/${id}/actions`, {
            headers: { Origin: BASE },
            data: { id: uuidv7(), action, version: report.version },
        });
        assert.equal(r.status(), 200, await r.text());
        report = await r.json();
    }
    assert.equal(report.level, "township");
}

test("the dispatcher dispatches from the board, the handler resolves with a photo, the resident rates it and reads the timeline", async () => {
    // The very report the resident filed offline in the first test.
    assert.ok(filedOffline, "the first test filed the report this one takes round the loop");
    const { id, text } = filedOffline;
    const setup = await browser.newContext();
    await toTownship(setup.request, id);
    await setup.close();
    const stateOf = () => d1Rows(`SELECT state FROM reports WHERE id = '${id}'`)[0].state;

    // The dispatcher: the board's "to dispatch" tab, pick it, bulk-dispatch to 水务站.
    const disp = await phone(browser);
    try {
        await signIn(disp.page.request, "dispatcher");
        await disp.page.goto(`${BASE}/reports?tab=todo`);
        await mounted(disp.page);
        const line = disp.page.getByTestId("report-line").filter({ hasText: text });
        await line.waitFor();
        assert.deepEqual(await axeProblems(disp.page, "dispatcher board"), []);
        // Nothing is wider than the phone (a long category name in a select once was).
        assert.equal(await disp.page.evaluate(() => document.documentElement.scrollWidth), 390);
        await line.getByTestId("report-pick").check();
        await disp.page.getByTestId("bulk-department").selectOption("water");
        disp.page.once("dialog", (d) => d.accept());
        await disp.page.getByTestId("bulk-send").click();
        await waitUntil(disp.page, async () => !document.querySelector("[data-testid=outbox-chip]"));
        assert.equal(stateOf(), "dispatched");
    } finally {
        await disp.context.close();
    }

    // The handler: the department's queue, take it on, resolve it with a photo.
    const hand = await phone(browser);
    try {
        await signIn(hand.page.request, "handler");
        await hand.page.goto(`${BASE}/reports`);
        await mounted(hand.page);
        await hand.page.getByTestId("report-list").getByText(text).click();
        await hand.page.getByTestId("action-department_accept").click();
        await hand.page.getByTestId("action-submit").click();
        await hand.page.getByTestId("action-resolve").waitFor({ timeout: 30000 });
        await hand.page.getByTestId("action-resolve").click();
        // Resolving needs a result: the form says so before anything is queued.
        await hand.page.getByTestId("action-submit").click();
        await hand.page.getByTestId("field-error-text").waitFor();
        await hand.page.getByTestId("action-text").fill("已疏通排水沟，清理淤泥两车。");
        await hand.page.getByTestId("action-internal").fill("班组：李师傅");
        await hand.page.getByTestId("photo-input").setInputFiles({ name: "done.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg(hand.page) });
        await hand.page.getByTestId("photo-thumb").waitFor();
        await hand.page.getByTestId("action-submit").click();
        await waitUntil(hand.page, async () => document.querySelector("[data-testid=report-state]")?.textContent.includes("已处理"));
        assert.equal(stateOf(), "resolved");
    } finally {
        await hand.context.close();
    }

    // The resident: the unread count, the notice, rate 4 stars, the whole timeline.
    const res = await phone(browser);
    try {
        await signIn(res.page.request, "resident-a");
        await res.page.goto(`${BASE}/`);
        await mounted(res.page);
        await res.page.getByTestId("unread-count").waitFor();
        await res.page.goto(`${BASE}/reports/inbox`);
        await res.page.getByTestId("notice").first().waitFor();
        assert.deepEqual(await axeProblems(res.page, "inbox"), []);
        await res.page.getByTestId("notice").filter({ hasText: "请评价" }).filter({ hasText: text.slice(0, 8) }).first().click();
        await res.page.waitForURL(new RegExp(`/reports/${id}$`));
        await res.page.getByTestId("action-confirm").click();
        await res.page.getByTestId("star-4").click();
        await res.page.getByTestId("action-text").fill("很及时，谢谢！");
        await res.page.getByTestId("action-submit").click();
        await waitUntil(res.page, async () => document.querySelector("[data-testid=report-rating]")?.textContent.includes("★★★★"));
        const steps = await res.page.getByTestId("timeline-step").evaluateAll((els) => els.map((e) => e.dataset.action));
        assert.deepEqual(steps.reverse(), ["submit", "accept", "escalate", "escalate", "dispatch", "department_accept", "resolve", "confirm"]);
        // The resident reads the public result and its photo, never the internal note.
        const page = await res.page.getByTestId("timeline").textContent();
        assert.match(page, /已疏通排水沟/);
        assert.doesNotMatch(page, /李师傅/);
        await res.page.locator("[data-testid=timeline-step][data-action=resolve] [data-testid=report-photo]").waitFor();
        assert.equal(stateOf(), "confirmed");
    } finally {
        await res.context.close();
    }
});

test("a photo the server refuses holds its report until dropped; the report then goes without it", async () => {
    const { context, page } = await phone(browser);
    const text = `垃圾桶坏了没人修 ${Date.now() % 1000000}`;
    try {
        await signIn(page.request, "resident-a");
        // The server refuses every photo (as it would a file it cannot read).
        await page.route("**/api/v1/photos", (route) => route.fulfill({
            status: 422,
            contentType: "application/problem+json",
            body: JSON.stringify({ code: "invalid", message_zh: "只能上传 JPEG 照片", message_en: "only JPEG photos are accepted" }),
        }));
        await page.goto(`${BASE}/reports/new`);
        await mounted(page);
        await page.getByTestId("report-category").locator("option[value=env-garbage]").waitFor({ state: "attached" });
        await page.getByTestId("report-category").selectOption("env-garbage");
        await page.getByTestId("report-text").fill(text);
        await page.getByTestId("report-address").fill("东岗村一组");
        await page.getByTestId("photo-input").setInputFiles({ name: "bin.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg(page) });
        await page.getByTestId("photo-thumb").waitFor();
        await page.getByTestId("report-submit").click();
        await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
        const id = page.url().split("/").pop();

        // The photo is refused with its reason; the report is not sent (it would be refused
        // for naming a photo the server does not have), it waits.
        await page.goto(`${BASE}/account/sync`);
        await mounted(page);
        const photo = page.getByTestId("sync-entry").filter({ hasText: "照片 1" });
        await photo.getByText("只能上传 JPEG 照片").waitFor();
        await photo.getByText("可以放弃这张照片").waitFor();
        const report = page.getByTestId("sync-entry").filter({ hasNotText: "照片 1" });
        await report.getByText("等待网络").waitFor();
        assert.equal(d1Rows(`SELECT id FROM reports WHERE id = '${id}'`).length, 0);

        // Dropping the photo (confirmed) lets the report go, without it, once.
        await photo.getByTestId("discard").click();
        await photo.getByTestId("confirm-discard").click();
        await page.getByTestId("sync-entry").first().waitFor({ state: "detached", timeout: 30000 });
        const rows = d1Rows(`SELECT photos FROM reports WHERE id = '${id}'`);
        assert.equal(rows.length, 1);
        assert.deepEqual(JSON.parse(rows[0].photos), []);
    } finally {
        await context.close();
    }
});
