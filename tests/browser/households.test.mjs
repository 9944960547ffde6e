// A grid worker's household register on a phone: registering a household with no
// network (it waits in the outbox and syncs itself when the network returns), then
// issuing the activation whose QR link puts the resident's phone in. A write the server
// refuses stops with its reason and can be retried or discarded.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, chunkCached, signIn } from "./lib.mjs";

const GRID = "990101001003001"; // 东岗村第一网格, worker-a's

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// Opens the register with every section chunk cached, so the phone can go offline.
async function openRegister(page) {
    await page.goto(`${BASE}/households?grid=${GRID}`);
    await mounted(page);
    await page.getByTestId("register-new").waitFor();
    await chunkCached(page, "households_page");
}

/// Fills the registration form: the head, then one more member.
async function fillForm(page, address, head, other) {
    await page.getByTestId("register-new").click();
    await page.getByTestId("household-form").waitFor();
    await page.locator("input[name=address]").fill(address);
    await page.getByTestId("member").nth(0).locator("input[name=name]").fill(head);
    await page.getByTestId("member").nth(0).locator("input[name=phone]").fill("139 0731 5566");
    await page.getByTestId("add-member").click();
    await page.getByTestId("member").nth(1).locator("input[name=name]").fill(other);
    await page.getByTestId("member").nth(1).locator("select[name=relation]").selectOption("spouse");
}

test("a worker registers a household offline; it syncs itself; the resident gets in from the QR link", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.40" } });
    const address = `东岗村一组${Date.now() % 100000}号`;
    try {
        await signIn(page.request, "worker-a");
        await openRegister(page);

        // The form checks the server's own rules before saving: no head, no save.
        await page.getByTestId("register-new").click();
        await page.getByTestId("save-household").click();
        await page.getByTestId("form-problems").waitFor();
        assert.match(await page.getByTestId("form-problems").textContent(), /请填写地址/);
        await page.goBack();

        await context.setOffline(true);
        await fillForm(page, address, "赵春梅", "孙立军");
        await page.getByTestId("save-household").click();
        // Back on the register, waiting to sync, and the badge counts it.
        await page.getByTestId("pending").getByText(address).waitFor();
        assert.match(await page.getByTestId("outbox-chip").textContent(), /待同步 1/);

        await context.setOffline(false);
        await page.getByTestId("households").getByText(address).waitFor({ timeout: 30000 });
        await page.getByTestId("pending").waitFor({ state: "detached" });
        assert.equal(await page.getByTestId("outbox-chip").count(), 0);

        // Exactly once on the server, whatever the retries.
        const list = await (await page.request.get(`${BASE}/api/v1/grids/${GRID}/households`)).json();
        assert.equal(list.items.filter((h) => h.address === address).length, 1);

        // The household's page: issue the activation (confirmed first).
        await page.getByTestId("households").getByText(address).click();
        await page.getByTestId("household").waitFor();
        assert.match(await page.getByTestId("household").textContent(), /13907315566/);
        await page.getByTestId("issue-activation").click();
        await page.getByTestId("confirm-activation").click();
        await page.getByTestId("activation-slip").waitFor();
        assert.match(await page.getByTestId("activation-code").textContent(), /^\d{4} \d{4} \d{2}$/);
        assert.equal(await page.locator("[data-testid=activation-slip] svg").count(), 1);
        const url = await page.getByTestId("activation-url").getAttribute("href");
        assert.match(url, /\/activate\/[0-9a-f]{64}$/);

        // The resident's phone opens the QR link and lands on their household.
        const resident = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.41" } });
        try {
            await resident.page.goto(url);
            await resident.page.waitForURL(`${BASE}/household`);
            await resident.page.getByTestId("household").waitFor();
            const text = await resident.page.getByTestId("household").textContent();
            assert.match(text, new RegExp(address));
            assert.match(text, /赵春梅/);
            assert.match(text, /孙立军/);

            // To use another phone, the resident picks a login and a password (none before).
            const login = `zhao${Date.now() % 1000000}`;
            await resident.page.locator("details", { has: resident.page.getByTestId("password-form") }).locator("summary").click();
            await resident.page.locator("input[name=new-login]").fill(login);
            assert.equal(await resident.page.locator("input[name=current-password]").count(), 0);
            await resident.page.locator("input[name=new-password]").fill("123456");
            await resident.page.locator("input[name=new-password-again]").fill("123456");
            await resident.page.getByTestId("save-password").click();
            await resident.page.getByTestId("password-form").getByText("至少 8 个字符").first().waitFor();
            await resident.page.locator("input[name=new-password]").fill("春梅家的密码2026");
            await resident.page.locator("input[name=new-password-again]").fill("春梅家的密码2026");
            await resident.page.getByTestId("save-password").click();
            await resident.page.getByTestId("password-saved").waitFor();

            // The other phone signs in at /account and lands on the same household.
            const second = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.43" } });
            try {
                await second.page.goto(`${BASE}/account`);
                await second.page.locator("input[name=login]").fill(login);
                await second.page.locator("input[name=password]").fill("春梅家的密码2026");
                await second.page.getByRole("button", { name: "登录" }).click();
                await second.page.getByTestId("profile").waitFor();
                await second.page.goto(`${BASE}/household`);
                await second.page.getByTestId("household").getByText("赵春梅").waitFor();
            } finally {
                await second.context.close();
            }
        } finally {
            await resident.context.close();
        }
        // The register now shows it activated.
        await page.goto(`${BASE}/households?grid=${GRID}`);
        await page.getByTestId("households").locator("li", { hasText: address }).getByText("已开通").waitFor();
    } finally {
        await context.close();
    }
});

test("a write the server refuses stops with its reason; retry after fixing it, or discard", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.42" } });
    const address = `东岗村二组${Date.now() % 100000}号`;
    try {
        await signIn(page.request, "worker-a");
        await openRegister(page);
        await context.setOffline(true);
        await fillForm(page, address, "钱玉兰", "周建国");
        await page.getByTestId("save-household").click();
        await page.getByTestId("pending").getByText(address).waitFor();

        // While the phone is offline its session ends (signed out everywhere elsewhere).
        await context.setOffline(false);
        await context.route("**/api/v1/grids/*/households", (route) => route.abort("internetdisconnected"));
        const out = await page.request.delete(`${BASE}/api/v1/sessions`, { headers: { Origin: BASE } });
        assert.equal(out.status(), 204);
        await context.unroute("**/api/v1/grids/*/households");
        await page.evaluate(() => window.dispatchEvent(new Event("online")));

        // The server says why; the entry stops and waits for the person.
        await page.getByTestId("outbox-chip").getByText("未保存 1").waitFor({ timeout: 30000 });
        await page.getByTestId("outbox-chip").click();
        await page.getByTestId("sync-entry").getByText("请先登录").waitFor();

        // Signed in again, a retry delivers it — once.
        await signIn(page.request, "worker-a");
        await page.getByRole("button", { name: "重试" }).click();
        await page.getByTestId("sync-empty").waitFor({ timeout: 30000 });
        const list = await (await page.request.get(`${BASE}/api/v1/grids/${GRID}/households`)).json();
        assert.equal(list.items.filter((h) => h.address === address).length, 1);

        // Another refused write can be discarded, after confirming.
        await page.request.delete(`${BASE}/api/v1/sessions`, { headers: { Origin: BASE } });
        await page.goto(`${BASE}/households/new?grid=${GRID}`);
        await page.getByTestId("household-form").waitFor();
        await page.locator("input[name=address]").fill(`${address}之一`);
        await page.getByTestId("member").nth(0).locator("input[name=name]").fill("吴桂芝");
        await page.getByTestId("save-household").click();
        await page.getByTestId("outbox-chip").getByText("未保存 1").waitFor({ timeout: 30000 });
        await page.getByTestId("outbox-chip").click();
        await page.getByTestId("discard").click();
        await page.getByTestId("confirm-discard").click();
        await page.getByTestId("sync-empty").waitFor();
        assert.equal(await page.getByTestId("outbox-chip").count(), 0);
    } finally {
        await context.close();
    }
});

test("a household that moves out leaves the register after the worker confirms", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.58" } });
    try {
        await signIn(page.request, "worker-a");
        const id = crypto.randomUUID();
        const address = `东岗村五组 ${Date.now() % 100000} 号`;
        const made = await page.request.post(`${BASE}/api/v1/grids/${GRID}/households`, {
            headers: { Origin: BASE },
            data: { id, address, members: [{ id: crypto.randomUUID(), name: "邓秀兰", relation: "head", phone: null }] },
        });
        assert.equal(made.status(), 201, await made.text());
        await page.goto(`${BASE}/households/${id}`);
        await mounted(page);
        await page.getByTestId("household").filter({ hasText: address }).waitFor();

        // Cancelled: nothing happens.
        page.once("dialog", (d) => d.dismiss());
        await page.getByTestId("move-out").click();
        assert.equal((await page.request.get(`${BASE}/api/v1/households/${id}`)).status(), 200);

        // Confirmed: back on the register, and the household is gone from it.
        let asked = "";
        page.once("dialog", (d) => {
            asked = d.message();
            d.accept();
        });
        await page.getByTestId("move-out").click();
        await page.waitForURL(`${BASE}/households?grid=${GRID}`);
        assert.match(asked, /迁出/);
        assert.equal((await page.request.get(`${BASE}/api/v1/households/${id}`)).status(), 404);
        await page.getByTestId("register-new").waitFor();
        await page.waitForFunction((a) => !document.body.textContent.includes(a), address);
    } finally {
        await context.close();
    }
});
