// Personal data on a phone: a resident downloads everything stored about their household
// (with which staff read or changed it) and asks for deletion; an administrator carries it
// out as anonymisation, after which the resident's phone is signed out and the names are gone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE, launch, phone, mounted, d1Rows } from "./lib.mjs";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

const uuid = () => crypto.randomUUID();

test("a resident downloads their data and asks for deletion; an admin anonymises it", async () => {
    const worker = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.80" } });
    const resident = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.81" } });
    const admin = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.82" } });
    const headers = { Origin: BASE };
    const address = `东岗村五组${Date.now() % 100000}号`;
    try {
        // The worker registers the household and issues its activation.
        assert.equal((await worker.page.request.post(`${BASE}/api/v1/session`, { headers, data: { login: "worker-a", password: "wangge-demo" } })).status(), 200);
        const id = uuid();
        const made = await worker.page.request.post(`${BASE}/api/v1/grids/990101001003001/households`, {
            headers, data: { id, address, members: [{ id: uuid(), name: "韩淑珍", relation: "head", phone: "13907319901" }] },
        });
        assert.equal(made.status(), 201, await made.text());
        const { url } = await (await worker.page.request.post(`${BASE}/api/v1/households/${id}/activations`, { headers })).json();

        await resident.page.goto(url);
        await resident.page.waitForURL(`${BASE}/household`);
        await resident.page.getByTestId("household").getByText("韩淑珍").waitFor();
        await resident.page.getByTestId("my-data").locator("summary").click();
        const [download] = await Promise.all([
            resident.page.waitForEvent("download"),
            resident.page.getByTestId("download-my-data").click(),
        ]);
        const data = JSON.parse(readFileSync(await download.path(), "utf8"));
        assert.equal(data.household.address, address);
        assert.equal(data.household.members[0].phone, "13907319901");
        assert.equal(data.activations.length, 1);
        assert.ok(data.access.some((e) => e.login === "worker-a" && e.action === "change"), JSON.stringify(data.access));

        await resident.page.getByTestId("ask-deletion").click();
        await resident.page.getByTestId("confirm-deletion").click();
        await resident.page.getByTestId("deletion-asked").waitFor();

        // The administrator's queue has it; carried out after confirming.
        assert.equal((await admin.page.request.post(`${BASE}/api/v1/session`, { headers, data: { login: "admin", password: "wangge-demo" } })).status(), 200);
        await admin.page.goto(`${BASE}/admin`);
        await mounted(admin.page);
        const row = admin.page.getByTestId("deletion-row").filter({ hasText: address });
        await row.getByTestId("anonymise").click();
        await row.getByTestId("confirm-anonymise").click();
        await row.waitFor({ state: "detached" });
        // The access log shows who did what.
        await admin.page.reload();
        await admin.page.getByTestId("access-log").getByText("匿名化").first().waitFor();

        // The household is gone for everyone; the resident's phone is signed out.
        assert.equal((await worker.page.request.get(`${BASE}/api/v1/households/${id}`)).status(), 404);
        assert.equal((await resident.page.request.get(`${BASE}/api/v1/me`)).status(), 401);
        const list = await (await worker.page.request.get(`${BASE}/api/v1/grids/990101001003001/households`)).json();
        assert.ok(!list.items.some((h) => h.id === id));

        // What D1 keeps: the rows (history keeps its shape), without the names, address or phones.
        const [home] = d1Rows(`SELECT address, active FROM households WHERE id = '${id}'`);
        assert.deepEqual(home, { address: "（已注销）", active: 0 });
        const members = d1Rows(`SELECT name, phone FROM household_members WHERE household_id = '${id}'`);
        assert.ok(members.length > 0 && members.every((m) => m.name === "已注销" && m.phone === null), JSON.stringify(members));
        const [write] = d1Rows(`SELECT response FROM client_writes WHERE id = '${id}'`);
        assert.equal(write.response, "{}");
        const accounts = d1Rows(`SELECT name, active, password_hash FROM accounts WHERE household_id = '${id}'`);
        assert.ok(accounts.every((a) => a.name === "已注销" && a.active === 0 && a.password_hash === null), JSON.stringify(accounts));
    } finally {
        await worker.context.close();
        await resident.context.close();
        await admin.context.close();
    }
});
