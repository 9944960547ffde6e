// An administrator imports a spreadsheet on a phone: a file with one bad row changes
// nothing and shows that row's line and reason; the fixed file goes in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, signIn, axeProblems, waitUntil } from "./lib.mjs";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

test("an admin imports a CSV with one bad row, sees the row's error, then imports the fixed file", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.60" } });
    // A new base grid in the import tests' own township (not the demo's 990101001).
    const good = `990101002001${String(Date.now() % 1000).padStart(3, "0")}`;
    const parents = `990101002,试点镇,,,\r\n990101002001,试点一村,,,\r\n`;
    try {
        const r = await page.request.post(`${BASE}/api/v1/session`, { headers: { Origin: BASE }, data: { login: "admin", password: "wangge-demo" } });
        assert.equal(r.status(), 200);
        await page.goto(`${BASE}/account`);
        await mounted(page);
        await page.getByTestId("to-admin").click();
        await page.getByTestId("admin-grids").waitFor();

        // Excel's UTF-8 CSV: a BOM, CRLF; line 3 has a code of the wrong length.
        const bad = `\ufeff编码,名称,类型,范围,户数\r\n${good},东岗村新网格,基础网格,,30\r\n99010100100,错的一行,基础网格,,\r\n${parents}`;
        await page.getByTestId("file-grids").setInputFiles({ name: "网格.csv", mimeType: "text/csv", buffer: Buffer.from(bad, "utf8") });
        await page.getByTestId("import-grids").click();
        const errors = page.getByTestId("admin-grids").getByTestId("import-errors");
        await errors.waitFor();
        const text = await errors.textContent();
        assert.match(text, /没有导入任何内容/);
        const row = errors.locator("tbody tr");
        assert.equal(await row.count(), 1);
        assert.equal((await row.locator("td").nth(0).textContent()).trim(), "3");
        assert.match(await row.locator("td").nth(1).textContent(), /编码/);
        assert.equal((await page.request.get(`${BASE}/api/v1/grids/${good}`)).status(), 404, "nothing applied");

        // The fixed file goes in whole.
        const fixed = `\ufeff编码,名称,类型,范围,户数\r\n${good},东岗村新网格,基础网格,,30\r\n${parents}`;
        await page.getByTestId("file-grids").setInputFiles({ name: "网格.csv", mimeType: "text/csv", buffer: Buffer.from(fixed, "utf8") });
        await page.getByTestId("import-grids").click();
        await page.getByTestId("admin-grids").getByTestId("import-done").waitFor();
        assert.equal(await errors.count(), 0);
        assert.equal((await page.request.get(`${BASE}/api/v1/grids/${good}`)).status(), 200);

        // The export is a download Excel can open.
        const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.getByTestId("export-grids").click(),
        ]);
        const path = await download.path();
        const { readFileSync } = await import("node:fs");
        const bytes = readFileSync(path);
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "starts with a BOM");
        assert.match(bytes.toString("utf8"), /东岗村新网格/);
    } finally {
        await context.close();
    }
});

test("an admin makes a consenting worker's phone public; the card then offers a call button", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.61" } });
    const grid = "990101001005001";
    const number = `1390731${String(8000 + (Date.now() % 1000)).padStart(4, "0")}`;
    try {
        const r = await page.request.post(`${BASE}/api/v1/session`, { headers: { Origin: BASE }, data: { login: "admin", password: "wangge-demo" } });
        assert.equal(r.status(), 200);
        // A new worker on a seeded grid, imported like any other.
        const people = `登录名,姓名,电话,角色,范围,服务承诺\nphone-ui-${Date.now() % 100000},蒋春燕,${number},网格员,${grid},\n`;
        const imported = await page.request.post(`${BASE}/api/v1/admin/people.csv`, { headers: { Origin: BASE, "Content-Type": "text/csv" }, data: Buffer.from(people, "utf8") });
        assert.equal(imported.status(), 200, await imported.text());

        await page.goto(`${BASE}/admin`);
        await mounted(page);
        const section = page.getByTestId("work-phones");
        await section.locator("input[name=grid-code]").fill(grid);
        await section.getByRole("button", { name: "查看人员" }).click();
        const row = section.getByTestId("phone-row").filter({ hasText: "蒋春燕" });
        await row.getByTestId("make-public").click();
        await row.getByTestId("confirm-public").click();
        await section.getByTestId("phone-row").filter({ hasText: "蒋春燕" }).getByText("已公开").waitFor();

        await page.goto(`${BASE}/g/${grid}`);
        const person = page.locator(".person", { hasText: "蒋春燕" });
        await person.getByTestId("call").waitFor();
        assert.equal(await person.getByTestId("call").getAttribute("href"), `tel:${number}`);
        assert.match(await person.getByTestId("phone").textContent(), new RegExp(number));
        // Only numbers shown in full get a call button; masked ones get none.
        const shownInFull = await page.getByTestId("phone").evaluateAll((ps) => ps.filter((p) => !p.textContent.includes("*")).length);
        assert.equal(await page.getByTestId("call").count(), shownInFull);
    } finally {
        await context.close();
    }
});


test("a county administrator is warned of next year's missing holidays and imports them", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.61" } });
    try {
        await signIn(page.request, "admin");
        const before = await (await page.request.get(`${BASE}/api/v1/calendar`)).json();
        // The year the panel warns of (the next one, until its notice is entered).
        const year = before.missing ?? before.year + 1;
        if (!before.missing) {
            // Already entered here: unpublish it, as before its notice came out.
            const r = await page.request.put(`${BASE}/api/v1/admin/calendar/${year}`, { headers: { Origin: BASE }, data: { days: [] } });
            assert.equal(r.status(), 200, await r.text());
        }
        await page.goto(`${BASE}/admin`);
        await mounted(page);
        const panel = page.getByTestId("calendar-panel");
        await panel.getByTestId("calendar-missing").waitFor();
        assert.match(await panel.getByTestId("calendar-missing").textContent(), new RegExp(`${year}.*双休日`));
        assert.deepEqual(await axeProblems(page, "calendar panel"), []);

        // New Year's Day off, and the first Saturday of February worked (调休).
        const sat = [...Array(7).keys()].map((d) => new Date(Date.UTC(year, 1, 1 + d))).find((d) => d.getUTCDay() === 6);
        const csv = `date,kind,name\n${year}-01-01,holiday,元旦\n${sat.toISOString().slice(0, 10)},workday,春节\n`;
        // A make-up workday on a weekday is refused, with its line.
        await panel.getByTestId("calendar-year").fill(String(year));
        const wrong = csv + `${year}-03-03,workday,错\n`;
        await panel.getByTestId("calendar-file").setInputFiles({ name: "calendar.csv", mimeType: "text/csv", buffer: Buffer.from(wrong, "utf8") });
        await panel.getByTestId("import-errors").waitFor();
        await panel.getByTestId("calendar-file").setInputFiles({ name: "calendar.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
        await panel.getByTestId("calendar-done").waitFor();
        assert.match(await panel.getByTestId("calendar-done").textContent(), /已导入 2 个日期/);
        await panel.getByTestId("calendar-missing").waitFor({ state: "detached" });
        const after = await (await page.request.get(`${BASE}/api/v1/calendar?year=${year}`)).json();
        assert.ok(after.published.includes(year));
    } finally {
        // As the demo had it: that year not entered yet.
        await page.request.put(`${BASE}/api/v1/admin/calendar/${new Date().getUTCFullYear() + 1}`, { headers: { Origin: BASE }, data: { days: [] } }).catch(() => {});
        await context.close();
    }
});

test("a county administrator changes a category's deadline class; new reports follow it", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.62" } });
    try {
        await signIn(page.request, "admin");
        await page.goto(`${BASE}/admin`);
        await mounted(page);
        const panel = page.getByTestId("category-classes");
        const select = panel.getByTestId("class-muni-light");
        await select.waitFor();
        assert.equal(await select.inputValue(), "general");
        await select.selectOption("utilities");
        await panel.getByTestId("class-saved").waitFor();
        const cats = await (await page.request.get(`${BASE}/api/v1/report-categories`)).json();
        assert.equal(cats.find((c) => c.code === "muni-light").deadline_class, "utilities");
        // Reloaded, the panel shows what is stored.
        await page.reload();
        await mounted(page);
        // (The cached tree shows first; its revalidation brings the change.)
        await waitUntil(page, async () => document.querySelector("[data-testid=class-muni-light]")?.value === "utilities");
    } finally {
        await page.request.put(`${BASE}/api/v1/admin/report-categories/muni-light`, { headers: { Origin: BASE }, data: { deadline_class: "general" } }).catch(() => {});
        await context.close();
    }
});
