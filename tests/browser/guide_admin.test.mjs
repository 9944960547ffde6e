// A county administrator keeps the service guide on a phone: a new item (an empty form
// is refused field by field first), an edit that becomes version 2, the history naming
// what changed, a restore that becomes version 3, a stale save refused with a way to load
// the newest, and a withdrawal that hides the item from residents until it is brought back.
// A township's administrator cannot edit the county's guide.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, axeProblems, signIn } from "./lib.mjs";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// Accepts the next confirmation; resolves to its text.
function accept(page) {
    return new Promise((resolve) => {
        page.once("dialog", async (d) => {
            assert.equal(d.type(), "confirm");
            const message = d.message();
            await d.accept();
            resolve(message);
        });
    });
}

test("an administrator creates, edits, restores, withdraws and brings back a guide item", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.81" } });
    const n = String(Date.now() % 100000000).padStart(8, "0");
    const code = `ui-${n}`;
    const name = `界面测试事项${n}`;
    try {
        await signIn(page.request, "admin");
        await page.goto(`${BASE}/admin`);
        await mounted(page);
        await page.getByTestId("to-admin-guide").click();
        await page.getByTestId("guide-entries").locator("li").first().waitFor();
        await page.getByTestId("add-guide-item").click();
        const form = page.getByTestId("guide-form");
        await form.waitFor();

        // Nothing filled in: every problem at once, each under its field, nothing sent.
        await page.getByTestId("guide-save").click();
        await page.getByTestId("guide-form-problems").waitFor();
        for (const field of ["code", "name", "department", "events", "place"]) {
            await page.getByTestId(`field-error-${field}`).waitFor();
        }
        assert.equal((await page.request.get(`${BASE}/api/v1/guide/${code}`)).status(), 404);

        await form.locator('input[name="code"]').fill(code);
        await form.locator('input[name="name"]').fill(name);
        await form.locator('input[name="department"]').fill("柳塘镇便民服务中心");
        await form.getByLabel("养老").check();
        await page.getByTestId("row-steps").first().getByLabel(/步骤名称/).fill("受理");
        await form.locator('input[name="place"]').fill("柳塘镇便民服务中心 1 号窗口");
        await page.getByTestId("guide-save").click();
        await page.waitForURL(`${BASE}/admin/guide/${code}`);
        await page.getByTestId("guide-edit-status").filter({ hasText: "第 1 版" }).waitFor();
        let api = await (await page.request.get(`${BASE}/api/v1/guide/${code}`)).json();
        assert.equal(api.name, name);
        assert.deepEqual(api.events, ["elderly"]);
        assert.ok(api.keys.name.length > 0, "the Worker computed keys");

        // Edit: a new name and a material, saved as version 2.
        await form.locator('input[name="name"]').fill(`${name}改`);
        await page.getByTestId("add-materials").click();
        await page.getByTestId("row-materials").first().getByLabel("材料名称").fill("居民身份证");
        await page.getByTestId("row-materials").first().getByLabel("网格员可以上门代收").check();
        await page.getByTestId("guide-save").click();
        await page.getByTestId("guide-edit-status").filter({ hasText: "第 2 版" }).waitFor();
        await page.getByTestId("guide-versions").locator('[data-testid="guide-version"]').nth(1).waitFor();
        api = await (await page.request.get(`${BASE}/api/v1/guide/${code}`)).json();
        assert.equal(api.name, `${name}改`);
        assert.deepEqual(api.materials.map((m) => [m.name, m.collectable]), [["居民身份证", true]]);
        const older = page.getByTestId("guide-version").nth(1);
        assert.match(await older.getByTestId("version-changes").innerText(), /名称.*材料/);
        assert.deepEqual(await axeProblems(page, "guide editor"), []);

        // Restore version 1: a new version 3 with version 1's text.
        const asked = accept(page);
        await older.getByTestId("restore-version").click();
        assert.match(await asked, /第 1 版/);
        await page.getByTestId("guide-edit-status").filter({ hasText: "第 3 版" }).waitFor();
        assert.equal(await form.locator('input[name="name"]').inputValue(), name);
        api = await (await page.request.get(`${BASE}/api/v1/guide/${code}`)).json();
        assert.equal(api.version, 3);
        assert.deepEqual(api.materials, []);
        assert.equal((await page.getByTestId("guide-version").count()), 3);

        // Someone else saves meanwhile: this form's save is refused, then the newest loads.
        const elsewhere = await page.request.put(`${BASE}/api/v1/guide/${code}`, {
            headers: { Origin: BASE },
            data: { item: { ...api, hours: "工作日 9:00-17:00" }, withdrawn: false },
        });
        assert.equal(elsewhere.status(), 200, await elsewhere.text());
        await form.locator('input[name="fees"]').fill("不收费");
        await page.getByTestId("guide-save").click();
        await page.getByTestId("guide-stale").waitFor();
        api = await (await page.request.get(`${BASE}/api/v1/guide/${code}`)).json();
        assert.equal(api.version, 4, "the stale save changed nothing");
        assert.equal(api.fees, "");
        await page.getByTestId("guide-load-newest").click();
        await page.getByTestId("guide-edit-status").filter({ hasText: "第 4 版" }).waitFor();
        assert.equal(await form.locator('input[name="hours"]').inputValue(), "工作日 9:00-17:00");

        // This phone's catalogue holds the item now (as a resident's would)…
        await page.goto(`${BASE}/guide/${code}`);
        await page.getByTestId("guide-item").filter({ hasText: name }).waitFor();
        await page.goto(`${BASE}/admin/guide/${code}`);
        await page.getByTestId("guide-edit-status").filter({ hasText: "第 4 版" }).waitFor();

        // Withdraw: residents no longer get it; the list keeps it, marked.
        let question = accept(page);
        await page.getByTestId("guide-withdraw").click();
        assert.match(await question, /撤回/);
        await page.getByTestId("withdrawn-badge").waitFor();
        assert.equal((await page.request.get(`${BASE}/api/v1/guide/${code}`)).status(), 404);
        // …and drops it at its next sync: the page says there is no such item.
        await page.goto(`${BASE}/guide/${code}`);
        await page.getByTestId("guide-not-found").waitFor();
        await page.goto(`${BASE}/admin/guide`);
        await page.getByTestId("guide-admin-filter").fill(code);
        const entry = page.getByTestId("guide-entry").filter({ hasText: code });
        await entry.getByTestId("withdrawn-badge").waitFor();

        // And back.
        await entry.getByRole("link").click();
        question = accept(page);
        await page.getByTestId("guide-withdraw").click();
        assert.match(await question, /重新上线/);
        await page.getByTestId("guide-edit-status").filter({ hasText: "第 6 版" }).waitFor();
        assert.equal(await page.getByTestId("withdrawn-badge").count(), 0);
        assert.equal((await page.request.get(`${BASE}/api/v1/guide/${code}`)).status(), 200);
    } finally {
        await context.close();
    }
});

test("a township's administrator is told the guide is the county's", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.82" } });
    try {
        await signIn(page.request, "admin-b");
        await page.goto(`${BASE}/admin/guide`);
        await mounted(page);
        await page.getByTestId("guide-county-only").waitFor();
        assert.equal(await page.getByTestId("guide-form").count(), 0);
        await page.goto(`${BASE}/admin`);
        await page.getByTestId("to-admin-grids").waitFor();
        assert.equal(await page.getByTestId("to-admin-guide").count(), 0);
        assert.equal(await page.getByTestId("admin-guide").count(), 0);
    } finally {
        await context.close();
    }
});

test("the guide goes out as JSON and comes back in unchanged; a bad file is refused with its errors", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.83" } });
    try {
        await signIn(page.request, "admin");
        const exported = await page.request.get(`${BASE}/api/v1/admin/guide.json`);
        assert.equal(exported.status(), 200);
        const items = await exported.json();
        assert.ok(items.length >= 80);
        await page.goto(`${BASE}/admin`);
        await mounted(page);
        const panel = page.getByTestId("admin-guide");
        await panel.getByTestId("file-guide").setInputFiles({ name: "wangge-guide.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(items)) });
        await panel.getByTestId("import-guide").click();
        await panel.getByTestId("import-done").filter({ hasText: "0" }).waitFor();

        // One bad item (no name) among good ones: nothing saved, the item's place named.
        const bad = items.slice(0, 3).map((it) => ({ ...it }));
        bad[1].name = "";
        bad[0].hours = "此次不应保存";
        await panel.getByTestId("file-guide").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
        await panel.getByTestId("import-guide").click();
        const errors = panel.getByTestId("import-errors");
        await errors.waitFor();
        assert.match(await errors.innerText(), /2\s+name/);
        const first = await (await page.request.get(`${BASE}/api/v1/guide/${items[0].code}`)).json();
        assert.notEqual(first.hours, "此次不应保存");
    } finally {
        await context.close();
    }
});
