// 积分超市 on phones: a grid worker awards points to a new household, the village leader
// approves them after the notice, the resident sees them; the clerk scans the resident's
// pass (the decoded text goes into the field a handheld scanner types into) and redeems;
// the passbook shows every step with its running balance.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, axeProblems, signIn, waitUntil, d1, uuidv7 } from "./lib.mjs";

let browser;
const headers = { Origin: BASE };
// The household of this run, its head, and its resident's browser.
let household;
const head = `积分测试${Date.now() % 100000}`;
let resident;

before(async () => {
    browser = await launch();
    // A new household in worker-a's grid, and its resident's phone in through an activation.
    const worker = await browser.newContext({ extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.81" } });
    await signIn(worker.request, "worker-a");
    household = uuidv7();
    const made = await worker.request.post(`${BASE}/api/v1/grids/990101001003001/households`, {
        headers,
        data: { id: household, address: "东岗村一组 88 号", members: [{ id: uuidv7(), name: head, relation: "head" }] },
    });
    assert.equal(made.status(), 201, await made.text());
    const { code } = await (await worker.request.post(`${BASE}/api/v1/households/${household}/activations`, { headers })).json();
    await worker.close();
    resident = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.82" } });
    const r = await resident.page.request.post(`${BASE}/api/v1/activations`, { headers, data: { code } });
    assert.equal(r.status(), 200, await r.text());
});

after(async () => {
    await resident?.context.close();
    await browser?.close();
});

async function passbook() {
    return (await resident.page.request.get(`${BASE}/api/v1/households/${household}/passbook`)).json();
}

test("a worker awards points, the leader approves them after the notice, the resident sees them", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.83" } });
    try {
        await signIn(page.request, "worker-a");
        await page.goto(`${BASE}/points`);
        await mounted(page);
        await page.getByTestId("award-form").waitFor();
        await page.getByTestId("award-rule").selectOption("xl-02");
        await page.getByTestId("award-filter").fill(head);
        await page.locator(`[data-household="${household}"]`).check();
        await page.getByTestId("award-note").fill("照顾隔壁孤寡老人");
        assert.deepEqual(await axeProblems(page, "award"), []);
        await page.getByTestId("award-submit").click();
        await page.getByTestId("award-done").waitFor();
        // Through the outbox: it reaches the server by itself.
        let book;
        for (let k = 0; ; k++) {
            book = await passbook();
            if (book.pending === 5) break;
            assert.ok(k < 60, "the award reached the server");
            await page.waitForTimeout(500);
        }
        const entry = book.entries[0].id;
        // The notice ends (seven days, here at once), the leader approves.
        d1(`UPDATE point_awards SET notice_until = 0 WHERE id = '${entry.split(":")[0]}'`);
        await context.clearCookies();
        await signIn(page.request, "leader");
        await page.goto(`${BASE}/points/board`);
        const line = page.locator(`[data-entry="${entry}"]`);
        await line.waitFor();
        // Names on the board are masked.
        assert.match(await line.textContent(), /积\*+\d户/);
        assert.ok(!(await line.textContent()).includes(head));
        await line.getByTestId("board-pick").check();
        page.once("dialog", (d) => d.accept());
        await page.getByTestId("approve").click();
        await page.getByTestId("decided").waitFor();
        await page.locator(`[data-entry="${entry}"]`, { hasText: "已通过" }).waitFor();
        assert.deepEqual(await axeProblems(page, "board"), []);
        book = await passbook();
        assert.deepEqual([book.spendable, book.pending], [5, 0]);
        // The resident sees them on their phone.
        await resident.page.goto(`${BASE}/points`);
        await mounted(resident.page);
        await resident.page.getByTestId("points-spendable").waitFor();
        assert.equal(await resident.page.getByTestId("points-spendable").textContent(), "5");
        assert.equal(await resident.page.getByTestId("points-pending").textContent(), "0");
        assert.deepEqual(await axeProblems(resident.page, "my points"), []);
    } finally {
        await context.close();
    }
});

test("the clerk scans the resident's pass and redeems; the passbook shows every step", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.84" } });
    try {
        // The resident opens the pass.
        await resident.page.goto(`${BASE}/points/pass`);
        const shown = resident.page.getByTestId("pass");
        await shown.waitFor();
        const pass = await shown.getAttribute("data-pass");
        assert.match(pass, /^WGP1\./);
        assert.ok(await shown.locator("svg").count(), "a QR code");
        assert.deepEqual(await axeProblems(resident.page, "pass"), []);

        await signIn(page.request, "clerk");
        // The shelf's first load is lost, as on a phone whose network dropped just then.
        let cut = true;
        await page.route("**/api/v1/shops/*/goods", (r) => (cut ? r.abort("internetdisconnected") : r.continue()));
        await page.goto(`${BASE}/points`);
        await mounted(page);
        await page.getByTestId("pass-input").waitFor();
        await page.locator(".error-box").filter({ hasText: "还没有保存过" }).waitFor();
        assert.equal(await page.locator("[data-goods]").count(), 0);
        // Offline, the counter says redeeming needs the network.
        await context.setOffline(true);
        await page.getByTestId("shop-offline").waitFor();
        cut = false;
        await context.setOffline(false);
        await page.getByTestId("shop-offline").waitFor({ state: "detached" });
        // Back online, the shelf that could not load loads by itself.
        const tissue = page.locator('[data-goods="g-tissue"]');
        await tissue.waitFor();
        // A scanner (or the test) puts the decoded pass in the field.
        await page.getByTestId("pass-input").fill(pass);
        await page.getByTestId("pass-use").click();
        await page.getByTestId("shop-whose").waitFor();
        await tissue.getByTestId("goods-plus").click();
        await tissue.getByTestId("goods-plus").click();
        assert.equal(await page.getByTestId("shop-total").textContent(), "2");
        assert.deepEqual(await axeProblems(page, "counter"), []);
        page.once("dialog", (d) => d.accept());
        await page.getByTestId("shop-confirm").click();
        await page.getByTestId("redeemed").waitFor();
        assert.match(await page.getByTestId("redeemed").textContent(), /剩余 3/);
        // The same pass again: refused, in words.
        await page.getByTestId("pass-input").fill(pass);
        await page.getByTestId("pass-use").click();
        await tissue.getByTestId("goods-plus").click();
        page.once("dialog", (d) => d.accept());
        await page.getByTestId("shop-confirm").click();
        await page.locator(".error-box").filter({ hasText: "兑换码无效" }).waitFor();
        // Today's list has it.
        await page.getByTestId("points-tab-today").click();
        const line = page.getByTestId("today-line").filter({ hasText: head });
        await line.waitFor();
        // The goods come back: the return is listed under the day's returns, and the
        // reconciliation says how a return counts.
        page.once("dialog", (d) => d.accept());
        await line.getByTestId("give-back").click();
        await page.getByTestId("return-line").filter({ hasText: head }).waitFor();
        await line.getByText("已退货").waitFor();
        assert.deepEqual(await axeProblems(page, "today"), []);
        // An earlier day, picked in the date field: this household's lines are today's only.
        const yesterday = new Date(Date.now() + 8 * 3600e3 - 24 * 3600e3).toISOString().slice(0, 10);
        await page.getByTestId("day-date").fill(yesterday);
        await page.locator("h2").filter({ hasText: yesterday }).waitFor();
        assert.equal(await page.getByTestId("today-line").filter({ hasText: head }).count(), 0);
        assert.equal(await page.getByTestId("return-line").filter({ hasText: head }).count(), 0);

        // The passbook: the award in notice, its approval, the redemption, the return —
        // balances after each.
        await resident.page.goto(`${BASE}/points/mine`);
        await resident.page.getByTestId("passbook").waitFor();
        // Spendable was 5 before the redemption too: wait for the refreshed passbook itself.
        await waitUntil(resident.page, () => document.querySelectorAll("[data-testid=passbook-line]").length === 4);
        assert.equal(await resident.page.getByTestId("points-spendable").textContent(), "5");
        const lines = await resident.page.getByTestId("passbook-line").evaluateAll((rows) =>
            rows.map((r) => [r.dataset.kind, r.querySelector("[data-testid=passbook-balance]").textContent]));
        assert.deepEqual(lines, [["Reverse", "5"], ["Redeem", "3"], ["Approve", "5"], ["Award", "0"]]);
    } finally {
        await context.close();
    }
});

test("the clerk puts new goods with a photo on the shelf; the resident sees what they can afford", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.85" } });
    try {
        await signIn(page.request, "clerk");
        await page.goto(`${BASE}/points/goods`);
        await mounted(page);
        const form = page.getByTestId("goods-new");
        await form.locator("summary").click();
        const name = `测试香皂${Date.now() % 100000}`;
        await form.getByTestId("goods-name").fill(name);
        await form.getByTestId("goods-unit").fill("块");
        await form.getByTestId("goods-price").fill("2");
        await form.getByTestId("goods-stock").fill("30");
        const jpeg = Buffer.from(await page.evaluate(() => {
            const c = document.createElement("canvas");
            c.width = 400;
            c.height = 300;
            const x = c.getContext("2d");
            x.fillStyle = "#e94";
            x.fillRect(0, 0, 400, 300);
            return c.toDataURL("image/jpeg", 0.9).split(",")[1];
        }), "base64");
        await form.getByTestId("photo-input").setInputFiles({ name: "soap.jpg", mimeType: "image/jpeg", buffer: jpeg });
        await form.getByTestId("photo-thumb").waitFor();
        assert.deepEqual(await axeProblems(page, "shelf"), []);
        await form.getByTestId("goods-save").click();
        await form.getByTestId("goods-saved").waitFor();
        // On the counter, with its photo.
        await page.getByTestId("points-tab-shop").click();
        const line = page.getByTestId("goods-line").filter({ hasText: name });
        await line.locator("img").waitFor();
        // The resident (3 points left) can afford it, and sees its photo.
        await resident.page.goto(`${BASE}/points/mine`);
        const mine = resident.page.getByTestId("affordable").locator("li").filter({ hasText: name });
        await mine.waitFor();
        const shown = await mine.locator("img").evaluate((img) => img.decode().then(() => img.naturalWidth));
        assert.ok(shown > 0, "the goods photo loads for a resident");
    } finally {
        await context.close();
    }
});

test("the leader keeps the rule book, in the app and as a spreadsheet; the server's refusal is shown", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.86" } });
    const bookPath = `${BASE}/api/v1/villages/990101001003/points`;
    const code = `t-${Date.now() % 100000}`;
    let original;
    try {
        await signIn(page.request, "leader");
        original = await (await page.request.get(bookPath)).json();
        await page.goto(`${BASE}/points/rules`);
        await mounted(page);
        await page.getByTestId("rule-editor").waitFor();
        const rows = page.getByTestId("rules-row");
        await rows.first().waitFor();
        assert.equal(await rows.count(), original.rules.length);
        // A saved rule's code is fixed: its awards and limits refer to it.
        assert.equal(await rows.first().getByTestId("rules-code").getAttribute("readonly"), "");
        // A new rule, typed in.
        await page.getByTestId("rules-add").click();
        const row = rows.last();
        await row.getByTestId("rules-code").fill(code);
        await row.getByTestId("rules-category").fill("平安建设");
        await row.getByTestId("rules-name").fill("参加村里的消防演练");
        await row.getByTestId("rules-points").fill("3");
        await row.getByTestId("rules-limit").fill("1");
        await row.getByTestId("rules-period").selectOption("month");
        await row.getByTestId("rules-evidence").check();
        await page.getByTestId("rules-dirty").waitFor();
        assert.deepEqual(await axeProblems(page, "rules"), []);
        page.once("dialog", (d) => d.accept());
        await page.getByTestId("rules-save").click();
        await page.getByTestId("rules-saved").waitFor();
        let book = await (await page.request.get(bookPath)).json();
        const saved = book.rules.find((r) => r.code === code);
        assert.deepEqual(saved, { code, name: "参加村里的消防演练", category: "平安建设", points: 3, limit: 1, period: "month", evidence: true });
        // Opened again, the editor ends on the book as saved, not the phone's older copy.
        await page.reload();
        await mounted(page);
        await page.getByTestId("rule-editor").waitFor();
        await page.locator(`[data-testid="rules-row"][data-code="${code}"]`).waitFor();
        assert.equal(await rows.count(), book.rules.length);
        // Saved meanwhile from another phone (the same book, a newer version): this page's
        // save is refused and says so, and the leader can load the newer book instead.
        {
            const { notice_days, expire_months, stars, rules } = book;
            const r = await page.request.put(bookPath, { headers, data: { notice_days, expire_months, stars, rules } });
            assert.equal(r.status(), 200);
        }
        await rows.last().getByTestId("rules-name").fill("参加村里的消防演练和培训");
        page.once("dialog", (d) => d.accept());
        await page.getByTestId("rules-save").click();
        await page.getByTestId("rules-load-newer").waitFor();
        assert.match(await page.getByTestId("rule-editor").textContent(), /已被别人修改/);
        page.once("dialog", (d) => d.accept());
        await page.getByTestId("rules-load-newer").click();
        await page.getByTestId("rules-load-newer").waitFor({ state: "detached" });
        assert.equal(await rows.last().getByTestId("rules-name").inputValue(), "参加村里的消防演练");
        // Points 0: the server refuses the book and the row is named.
        const n = book.rules.length;
        await rows.last().getByTestId("rules-points").fill("0");
        page.once("dialog", (d) => d.accept());
        await page.getByTestId("rules-save").click();
        const problems = page.getByTestId("rules-problems");
        await problems.waitFor();
        assert.match(await problems.textContent(), new RegExp(`第 ${n} 条细则`));
        await rows.last().getByTestId("rules-points").fill("3");
        // The spreadsheet: exported as it stands, re-importable; a bad file is refused by line.
        const href = await page.getByTestId("rules-export").getAttribute("href");
        const csv = decodeURIComponent(href.slice(href.indexOf(",") + 1));
        assert.ok(csv.startsWith("\ufeff编号,类别,细则,分值,次数上限,周期,须附照片"), csv.slice(0, 60));
        assert.ok(csv.includes(`${code},平安建设,参加村里的消防演练,3,1,每月,是`), csv);
        const file = page.getByTestId("rules-file");
        await file.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("编号,类别,细则,分值\nx,卫生,扫地,很多\n") });
        const bad = page.getByTestId("rules-file-errors");
        await bad.waitFor();
        assert.match(await bad.textContent(), /第 2 行/);
        assert.equal(await rows.count(), n, "a refused file changes nothing");
        // Without the new rule: the book as it was.
        const kept = csv.split("\r\n").filter((l) => !l.startsWith(`${code},`)).join("\r\n");
        await file.setInputFiles({ name: "rules.csv", mimeType: "text/csv", buffer: Buffer.from(kept) });
        await page.getByTestId("rules-imported").waitFor();
        assert.equal(await rows.count(), n - 1);
        // What the file leaves out is withdrawn on saving, and both the page and the
        // confirmation say so.
        assert.match(await page.getByTestId("rules-withdrawn").textContent(), new RegExp(`1 条.*${code}`));
        let asked = "";
        page.once("dialog", (d) => { asked = d.message(); d.accept(); });
        await page.getByTestId("rules-save").click();
        await page.getByTestId("rules-saved").waitFor();
        assert.match(asked, new RegExp(`1 条细则将停用：${code}`));
        book = await (await page.request.get(bookPath)).json();
        assert.deepEqual(book.rules, original.rules);
    } finally {
        // Whatever happened, the village keeps its book for the other tests.
        if (original) {
            const { notice_days, expire_months, stars, rules } = original;
            await page.request.put(bookPath, { headers, data: { notice_days, expire_months, stars, rules } });
        }
        await context.close();
    }
});
