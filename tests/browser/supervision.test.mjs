// 督办 on a phone: a report the scheduled job found overdue is on the dispatcher's
// supervision list, with who holds it, how late it is and the notices sent; the ledger
// downloads as a CSV Excel opens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, launch, phone, mounted, axeProblems, signIn, waitUntil, uuidv7 } from "./lib.mjs";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

test("an overdue report is on the dispatcher's supervision list, and the ledger downloads", async () => {
    const { context, page } = await phone(browser, { acceptDownloads: true, extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.71" } });
    try {
        // Filed by a resident; nobody works on it; the job runs an hour past its deadline.
        const res = await browser.newContext();
        await signIn(res.request, "resident-a");
        const text = `督办测试 ${Date.now() % 1000000}`;
        const filed = await res.request.post(`${BASE}/api/v1/reports`, { headers: { Origin: BASE }, data: { id: uuidv7(), category: "env-garbage", text } });
        assert.equal(filed.status(), 201, await filed.text());
        const report = await filed.json();
        // A run records at most 500 reports per clock, oldest deadline first: run until
        // this one's turn has come.
        for (let k = 0; ; k++) {
            const run = await page.request.get(`${BASE}/cdn-cgi/local/scheduled?cron=*/5+*+*+*+*&time=${report.resolve_by + 3600000 + k * 60000}`);
            assert.equal(run.status(), 200);
            const seen = await (await res.request.get(`${BASE}/api/v1/reports/${report.id}`)).json();
            if (seen.timeline.some((a) => a.action === "overdue")) break;
            assert.ok(k < 20, "the job reached the report");
        }
        await res.close();

        await signIn(page.request, "dispatcher");
        await page.goto(`${BASE}/reports`);
        await mounted(page);
        await page.getByTestId("to-supervision").click();
        await page.waitForURL(/\/reports\/supervision/);
        const line = page.getByTestId("supervision-line").filter({ hasText: text.slice(0, 10) });
        await page.getByTestId("supervision-list").waitFor();
        // Deeper lines come with "load more".
        while (!(await line.count())) {
            await page.getByTestId("supervision-more").click();
            await page.waitForTimeout(300);
        }
        // How late, counted from the server's clock (the job ran at a time set ahead, so
        // here the deadline is still to come: "还剩 …"; on a real run it reads "超时 …").
        assert.match(await line.getByTestId("supervision-late").textContent(), /(超时|还剩) \d+ (天|小时|分钟)/);
        assert.match(await line.getByTestId("supervision-holder").textContent(), /网格/);
        assert.match(await line.getByTestId("supervision-records").textContent(), /督办提醒 1 次/);
        assert.deepEqual(await axeProblems(page, "supervision"), []);
        // The due-soon list is the other tab.
        await page.getByTestId("tab-due_soon").click();
        await waitUntil(page, async () => location.search.includes("due_soon"));

        // The ledger: this month, every grid the dispatcher works.
        await page.getByTestId("ledger-export").locator("summary").click();
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ledger-download").click()]);
        const csv = readFileSync(await download.path(), "utf8");
        assert.ok(csv.startsWith("\ufeff分组,报事编号,提交时间"), csv.slice(0, 40));
        assert.ok(csv.includes(report.id), "the new report is in this month's ledger");
        assert.match(csv.split("\r\n").find((l) => l.includes(report.id)), /^难解决,/);
    } finally {
        await context.close();
    }
});
