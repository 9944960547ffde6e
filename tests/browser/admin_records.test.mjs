// An administrator keeps records one at a time on a phone: a new base grid under a village
// (listed as its child, then deactivated after confirming — never deleted), a staff
// account with a role over that grid (a bad phone is refused beside its field, the fixed
// form saves; then the account is deactivated), and a department.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, axeProblems } from "./lib.mjs";

// The import tests' own township, not the demo's 990101001.
const TOWNSHIP = "990101002";
const VILLAGE = "990101002001";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

/// Creates a grid through the API unless it is there already.
async function ensureGrid(page, code, name) {
    const found = await page.request.get(`${BASE}/api/v1/admin/grids/${code}`);
    if (found.status() === 200) return;
    assert.equal(found.status(), 404, await found.text());
    const made = await page.request.put(`${BASE}/api/v1/admin/grids/${code}`, {
        headers: { Origin: BASE },
        data: { name, kind: "basic", scope: "", households: null, active: true },
    });
    assert.equal(made.status(), 200, await made.text());
}

/// A base-grid code under the village that no grid has yet (deactivated ones keep theirs).
async function freeGridCode(page) {
    for (let i = 0; i < 1000; i++) {
        const code = `${VILLAGE}${String((Date.now() + i) % 1000).padStart(3, "0")}`;
        if (code.endsWith("000")) continue;
        const r = await page.request.get(`${BASE}/api/v1/admin/grids/${code}`);
        if (r.status() === 404) return code;
    }
    throw new Error(`no free grid code under ${VILLAGE}`);
}

/// Accepts the next dialog; resolves to what it was and what it asked.
function acceptDialog(page) {
    return new Promise((resolve) => {
        page.once("dialog", async (d) => {
            const asked = { type: d.type(), message: d.message() };
            await d.accept();
            resolve(asked);
        });
    });
}

/// Clicks `button` and accepts the confirmation it opens, which must be about deactivating.
async function deactivate(page, button) {
    const dialog = acceptDialog(page);
    await button.click();
    const { type, message } = await dialog;
    assert.equal(type, "confirm");
    assert.match(message, /停用/);
}

test("an admin adds a grid, a staff account over it and a department, and deactivates them", async () => {
    const { context, page } = await phone(browser, { extraHTTPHeaders: { "CF-Connecting-IP": "192.0.2.74" } });
    // Fixed width: no login or id here is a prefix of another run's (filters match text).
    const n = String(Date.now() % 100000000).padStart(8, "0");
    const login = `ui-staff-${n}`;
    const gridName = `试点网格${n}`;
    const dept = `ui-dept-${n}`;
    try {
        const r = await page.request.post(`${BASE}/api/v1/session`, { headers: { Origin: BASE }, data: { login: "admin", password: "wangge-demo" } });
        assert.equal(r.status(), 200);
        await ensureGrid(page, TOWNSHIP, "试点镇");
        await ensureGrid(page, VILLAGE, "试点一村");
        const code = await freeGridCode(page);

        // From the admin page to the grids, then the village by its code.
        await page.goto(`${BASE}/admin`);
        await mounted(page);
        await page.getByTestId("to-admin-grids").click();
        await page.getByTestId("grid-roots").getByTestId("grid-root").first().waitFor();
        await page.getByTestId("open-grid").locator("input[name=open-code]").fill(VILLAGE);
        await page.getByTestId("open-grid").getByRole("button", { name: "打开" }).click();
        await page.waitForURL(`${BASE}/admin/grids/${VILLAGE}`);
        await page.getByTestId("grid-name").waitFor();
        assert.match(await page.getByTestId("grid-status").textContent(), /在用/);

        // A new base grid under it: the form proposes a free code; ours is typed over it.
        await page.getByTestId("add-child").click();
        const create = page.getByTestId("grid-create-form");
        await create.waitFor();
        assert.match(await create.locator("input[name=code]").inputValue(), new RegExp(`^${VILLAGE}\\d{3}$`));
        await create.locator("input[name=code]").fill(code);
        await create.locator("input[name=name]").fill(gridName);
        await create.locator("select[name=kind]").selectOption("basic");
        await create.locator("textarea[name=scope]").fill("试点一组、二组");
        await create.locator("input[name=households]").fill("12");
        await page.getByTestId("create-grid").click();
        await page.getByTestId("grid-notice").filter({ hasText: code }).waitFor();
        const child = page.getByTestId("grid-child").filter({ hasText: code });
        await child.waitFor();
        assert.match(await child.textContent(), new RegExp(gridName));
        assert.equal(await child.getByTestId("inactive-badge").count(), 0);
        const saved = await (await page.request.get(`${BASE}/api/v1/admin/grids/${code}`)).json();
        assert.equal(saved.name, gridName);
        assert.equal(saved.households, 12);
        assert.equal(saved.active, true);

        // The grid's own page: in use, with a way back up.
        await child.getByRole("link").click();
        await page.waitForURL(`${BASE}/admin/grids/${code}`);
        await page.getByTestId("grid-name").filter({ hasText: gridName }).waitFor();
        assert.match(await page.getByTestId("grid-status").textContent(), /在用/);
        assert.deepEqual(await axeProblems(page, "admin grid"), []);

        // A staff account holding grid_worker over the new grid.
        await page.goto(`${BASE}/admin`);
        await page.getByTestId("to-admin-people").click();
        await page.getByTestId("new-staff").click();
        const form = page.getByTestId("account-create-form");
        await form.waitFor();
        await form.locator("input[name=login]").fill(login);
        await form.locator("input[name=name]").fill("试点网格员");
        await form.locator("input[name=phone]").fill("139abc");
        await form.locator("textarea[name=commitment]").fill("有事随时找我");
        const role = form.getByTestId("role-row").first();
        await role.locator("select[name=role]").selectOption("grid_worker");
        await role.locator("input[name=scope]").fill(code);

        // The server refuses the phone; its reason shows under the phone field.
        await page.getByTestId("create-account").click();
        const phoneError = form.getByTestId("field-error-phone");
        await phoneError.waitFor();
        assert.match(await phoneError.textContent(), /电话/);
        assert.equal((await page.request.get(`${BASE}/api/v1/admin/accounts/${login}`)).status(), 404, "nothing saved");

        await form.locator("input[name=phone]").fill("139 0731 7788");
        await page.getByTestId("create-account").click();
        await page.waitForURL(`${BASE}/admin/people/${login}?created=1`);
        await page.getByTestId("account-notice").waitFor();
        assert.match(await page.getByTestId("account-status").textContent(), /在用/);
        const account = await (await page.request.get(`${BASE}/api/v1/admin/accounts/${login}`)).json();
        assert.equal(account.phone, "13907317788");
        assert.deepEqual(account.roles, [{ role: "grid_worker", scope: { kind: "grid", id: code } }]);
        assert.deepEqual(await axeProblems(page, "admin account"), []);

        // Offline, an edit is refused at once with a message, not queued.
        await context.setOffline(true);
        await page.getByTestId("save-account").click();
        await page.getByTestId("account-form").getByText(/保存需要网络/).waitFor();
        await context.setOffline(false);

        // Deactivated after confirming: marked here and in the list.
        await deactivate(page, page.getByTestId("account-deactivate"));
        await page.getByTestId("account-status").filter({ hasText: "已停用" }).waitFor();
        await page.getByTestId("account-activate").waitFor();
        assert.equal((await (await page.request.get(`${BASE}/api/v1/admin/accounts/${login}`)).json()).active, false);

        await page.getByRole("link", { name: "工作人员", exact: true }).first().click();
        await page.getByTestId("staff").waitFor();
        // The list was opened (and saved) before this account existed: wait for the server's copy.
        await page.getByTestId("sync").filter({ hasText: "已是最新" }).waitFor();
        const row = page.getByTestId("staff-row").filter({ hasText: login });
        // Keyset pages: load more until the account is among those loaded.
        for (let i = 0; i < 100 && (await row.count()) === 0; i++) {
            const more = page.getByTestId("staff-more");
            if ((await more.count()) === 0) break;
            await more.click();
            await page.waitForFunction(() => {
                const b = document.querySelector("[data-testid=staff-more]");
                return !b || !b.disabled;
            });
        }
        await page.getByTestId("staff-filter").fill(login);
        await row.waitFor();
        await row.getByTestId("inactive-badge").waitFor();

        // The grid is deactivated after confirming (history keeps it), and marked on its parent.
        await page.goto(`${BASE}/admin/grids/${code}`);
        await page.getByTestId("grid-name").filter({ hasText: gridName }).waitFor();
        await deactivate(page, page.getByTestId("grid-deactivate"));
        await page.getByTestId("grid-status").filter({ hasText: "已停用" }).waitFor();
        await page.getByTestId("grid-activate").waitFor();
        await page.getByTestId("grid-parent").click();
        await page.waitForURL(`${BASE}/admin/grids/${VILLAGE}`);
        await page.getByTestId("grid-child").filter({ hasText: code }).getByTestId("inactive-badge").waitFor();
        const gone = await (await page.request.get(`${BASE}/api/v1/admin/grids/${code}`)).json();
        assert.equal(gone.active, false);

        // A department serving the township, then deactivated after confirming.
        await page.goto(`${BASE}/admin`);
        await page.getByTestId("to-admin-departments").click();
        await page.getByTestId("add-department").click();
        const deptForm = page.getByTestId("department-create-form");
        await deptForm.locator("input[name=id]").fill(dept);
        await deptForm.locator("input[name=name]").fill(`试点水务站${n}`);
        await deptForm.locator("input[name=area]").fill(TOWNSHIP);
        await page.getByTestId("create-department").click();
        await page.getByTestId("department-added").waitFor();
        const deptRow = page.getByTestId("department-row").filter({ hasText: dept });
        await deptRow.waitFor();
        assert.equal(await deptRow.getByTestId("inactive-badge").count(), 0);

        await deactivate(page, deptRow.getByTestId("department-deactivate"));
        await page.getByTestId("department-row").filter({ hasText: dept }).getByTestId("inactive-badge").waitFor();
    } finally {
        await context.close();
    }
});
