// 代办 on phones: a resident asks the grid worker to run a guide item's errand (with the
// materials ticked at home); the worker records the steps on their phone; the resident sees
// each one on the errand's page and rates it once it is delivered.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE, launch, phone, mounted, waitUntil, d1Rows, axeProblems, signIn } from "./lib.mjs";

/// 生育登记: seeded as 可代办.
const ITEM = "ws-sydj";

let browser;

before(async () => {
    browser = await launch();
});

after(async () => {
    await browser?.close();
});

const doneSteps = (page) => page.locator("[data-testid=errand-step][data-done=true]").count();

test("an errand from a guide item runs through its steps, the resident sees each one and rates it", async () => {
    const res = await phone(browser);
    const work = await phone(browser);
    try {
        // Not signed in: the item says how to ask, no button.
        await res.page.goto(`${BASE}/guide/${ITEM}`);
        await mounted(res.page);
        await res.page.getByTestId("guide-errand").getByText("户内成员登录后").waitFor();
        assert.equal(await res.page.getByTestId("errand-ask").count(), 0);

        await signIn(res.page.request, "resident-a");
        await res.page.reload();
        await mounted(res.page);
        const first = res.page.getByTestId("material").first();
        const firstName = (await first.locator(".material-name").textContent()).trim();
        await first.locator("input[type=checkbox]").check();
        // Asked once more before it goes (the browser's own dialog); a "no" sends nothing.
        res.page.once("dialog", (d) => d.dismiss());
        await res.page.getByTestId("errand-ask").click();
        assert.match(res.page.url(), /\/guide\//);
        res.page.once("dialog", (d) => { assert.match(d.message(), /代办/); d.accept(); });
        await res.page.getByTestId("errand-ask").click();
        await res.page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
        const id = res.page.url().split("/").pop();
        await res.page.getByTestId("errand").waitFor();
        await waitUntil(res.page, async () => !document.querySelector("[data-testid=outbox-chip]"));
        const rows = d1Rows(`SELECT category, state, errand, errand_step FROM reports WHERE id = '${id}'`);
        assert.equal(rows.length, 1, "exactly one report");
        assert.equal(rows[0].category, "errand-guide");
        const errand = JSON.parse(rows[0].errand);
        assert.equal(errand.guide, ITEM);
        assert.deepEqual(errand.materials.filter((m) => m.ready).map((m) => m.name), [firstName]);
        assert.equal(await doneSteps(res.page), 0);
        assert.deepEqual(await axeProblems(res.page, "errand page"), []);

        // The grid worker: the step buttons, in order.
        await signIn(work.page.request, "worker-a");
        await work.page.goto(`${BASE}/reports/${id}`);
        await mounted(work.page);
        // The checklist the resident sent, with what they had ready.
        await work.page.getByTestId("errand").locator("summary").click();
        const ready = work.page.getByTestId("errand").locator("li", { hasText: firstName });
        await ready.waitFor();
        assert.match(await ready.textContent(), /居民已备好/);
        await work.page.getByTestId("action-collect").waitFor();
        assert.equal(await work.page.getByTestId("action-escalate").count(), 0, "an errand is never sent up");
        const step = async (action, text) => {
            await work.page.getByTestId(`action-${action}`).click();
            if (text) await work.page.getByTestId("action-text").fill(text);
            await work.page.getByTestId("action-submit").click();
            await waitUntil(work.page, async (a) => [...document.querySelectorAll("[data-testid=timeline-step]")].some((e) => e.dataset.action === a), action);
        };
        await step("collect", "身份证和户口本已上门收齐。");
        // The resident sees the first step.
        await res.page.reload();
        await mounted(res.page);
        await waitUntil(res.page, async () => document.querySelectorAll("[data-testid=errand-step][data-done=true]").length === 1);
        assert.match(await res.page.getByTestId("timeline").textContent(), /上门收齐/);
        // Steps only go forward: collected is no longer offered.
        assert.equal(await work.page.getByTestId("action-collect").count(), 0);
        await step("submit_to_office");
        await step("receive_result");
        await step("deliver", "登记已办好，回执送到家。");
        await waitUntil(work.page, async () => document.querySelector("[data-testid=report-state]")?.textContent.includes("已就地办结"));

        // The resident: every step ticked, then 5 stars.
        await res.page.reload();
        await mounted(res.page);
        await waitUntil(res.page, async () => document.querySelectorAll("[data-testid=errand-step][data-done=true]").length === 4);
        const steps = await res.page.getByTestId("timeline-step").evaluateAll((els) => els.map((e) => e.dataset.action));
        assert.deepEqual(steps.reverse(), ["submit", "collect", "submit_to_office", "receive_result", "deliver"]);
        await res.page.getByTestId("action-confirm").click();
        await res.page.getByTestId("star-5").click();
        await res.page.getByTestId("action-submit").click();
        await waitUntil(res.page, async () => document.querySelector("[data-testid=report-rating]")?.textContent.includes("★★★★★"));
        assert.equal(d1Rows(`SELECT state FROM reports WHERE id = '${id}'`)[0].state, "confirmed");
    } finally {
        await res.context.close();
        await work.context.close();
    }
});
