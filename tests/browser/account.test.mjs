// Staff sign-in on a phone: sign in, stay signed in across a reload, sign out; and the
// Chinese message for too many attempts (a real 429 from the Worker).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, GRID, launch, phone, mounted, d1 } from "./lib.mjs";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// Submits the sign-in form and waits for the Worker's answer.
async function signIn(page, login, password) {
    await page.fill("input[name=login]", login);
    await page.fill("input[name=password]", password);
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/session") && r.request().method() === "POST");
    await page.click("[data-testid=sign-in] button[type=submit]");
    return (await answer).status();
}

test("a staff member signs in, stays signed in, and signs out", async () => {
    // A client address of its own, so other tests' failures never throttle this one.
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.10" } });
    try {
        await page.goto(`${BASE}/g/${GRID}`);
        await mounted(page);
        await page.getByTestId("account-link").click();
        await page.waitForURL(`${BASE}/account`);
        await page.locator("[data-testid=sign-in]").waitFor();
        assert.equal(await page.locator("h1").textContent(), "工作人员登录");

        assert.equal(await signIn(page, "worker-a", "wangge-demo"), 200);
        await page.getByTestId("me-name").waitFor();
        assert.equal(await page.getByTestId("me-name").textContent(), "李秀梅");
        assert.match(await page.getByTestId("profile").textContent(), /网格员/);
        // The session is an HttpOnly cookie: scripts cannot read it.
        assert.equal(await page.evaluate(() => document.cookie.includes("wangge_session")), false);

        await page.reload();
        await page.getByTestId("me-name").waitFor();

        await page.getByTestId("sign-out").click();
        await page.locator("[data-testid=sign-in]").waitFor();
        assert.equal((await page.request.get(`${BASE}/api/v1/me`)).status(), 401);
    } finally {
        await context.close();
    }
});

test("a wrong password says so, and too many say how long to wait, in Chinese", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.11" } });
    try {
        await page.goto(`${BASE}/account`);
        await page.locator("[data-testid=sign-in]").waitFor();
        const login = `ghost-${Date.now()}`;
        for (let i = 0; i < 5; i++) {
            assert.equal(await signIn(page, login, "not-the-password"), 401, `attempt ${i}`);
            await page.locator(".error-box", { hasText: "账号或密码不对" }).waitFor();
        }
        assert.equal(await signIn(page, login, "not-the-password"), 429);
        const box = page.locator(".error-box", { hasText: "尝试次数太多" });
        await box.waitFor();
        assert.match(await box.textContent(), /请1[0-5]分钟后再试|请[1-9]分钟后再试/);
    } finally {
        await context.close();
    }
});

test("an expired session is a signed-out phone", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.33" } });
    try {
        const r = await page.request.post(`${BASE}/api/v1/session`, { headers: { Origin: BASE }, data: { login: "handler", password: "wangge-demo" } });
        assert.equal(r.status(), 200);
        await page.goto(`${BASE}/account`);
        await page.getByTestId("profile").waitFor();
        // 30 days pass without use: the session's end is now behind us (as D1 keeps it).
        d1("UPDATE sessions SET expires_at = created_at + 1 WHERE account_id = 'acc-handler'");
        assert.equal((await page.request.get(`${BASE}/api/v1/me`)).status(), 401);
        await page.reload();
        await page.getByTestId("sign-in").waitFor();
        assert.equal(await page.getByTestId("profile").count(), 0);
    } finally {
        await context.close();
    }
});
