// A resident gets onto their phone without a password: the grid worker issues an
// activation; the resident opens the QR link (or types the short code) and lands on the
// household page, which stays readable offline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, chunkCached } from "./lib.mjs";

const HOUSEHOLD = "hh-990101001003001-012"; // 张德明家, 东岗村一组12号, worker-a's grid

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// What worker-a's phone does: sign in, issue an activation for the household.
async function issueActivation() {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.20" } });
    try {
        const headers = { Origin: BASE };
        const signIn = await page.request.post(`${BASE}/api/v1/session`, { headers, data: { login: "worker-a", password: "wangge-demo" } });
        assert.equal(signIn.status(), 200);
        const issued = await page.request.post(`${BASE}/api/v1/households/${HOUSEHOLD}/activations`, { headers });
        assert.equal(issued.status(), 201, await issued.text());
        return await issued.json();
    } finally {
        await context.close();
    }
}

test("a resident activates from the QR link and lands on their household page", async () => {
    const { url } = await issueActivation();
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.21" } });
    try {
        await page.goto(url);
        await page.waitForURL(`${BASE}/household`);
        await page.getByTestId("household").waitFor();
        const text = await page.getByTestId("household").textContent();
        assert.match(text, /东岗村一组12号/);
        assert.match(text, /户主/);
        assert.match(text, /张德明/);
        assert.match(text, /13907310012/, "a household sees its own phones in full");
        // The same link again (another phone, or a forward): refused plainly.
        const { context: second, page: other } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.22" } });
        try {
            await other.goto(url);
            await other.locator(".error-box", { hasText: "已经用过了" }).waitFor();
        } finally {
            await second.close();
        }
        // Offline, the household page still shows what was saved.
        await chunkCached(page, "household_page");
        await context.setOffline(true);
        await page.reload();
        await page.getByTestId("household").waitFor();
        assert.match(await page.getByTestId("household").textContent(), /张德明/);

        // Signing out on a shared phone leaves nothing of the household readable.
        await context.setOffline(false);
        await page.goto(`${BASE}/account`);
        await page.getByTestId("sign-out").click();
        await page.locator("[data-testid=sign-in]").waitFor();
        await context.setOffline(true);
        await page.goto(`${BASE}/household`);
        await page.locator(".household .error-box").waitFor();
        assert.equal(await page.getByTestId("household").count(), 0);
        assert.doesNotMatch(await page.locator("main").textContent(), /13907310012/);
    } finally {
        await context.close();
    }
});

test("a resident can type the short code instead", async () => {
    const { code } = await issueActivation();
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.23" } });
    try {
        await page.goto(`${BASE}/activate`);
        await mounted(page);
        await page.fill("input[name=code]", `${code.slice(0, 4)} ${code.slice(4)}`);
        await page.click("[data-testid=activate] button[type=submit]");
        await page.waitForURL(`${BASE}/household`);
        await page.getByTestId("household").waitFor();
    } finally {
        await context.close();
    }
});
