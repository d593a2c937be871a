import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

async function asUser(browser: Browser, email: string | null, locale = "en-US"): Promise<Page> {
  const ctx = await browser.newContext({ timezoneId: "America/Los_Angeles", locale });
  const page = await ctx.newPage();
  if (email) await signInAs(page, email);
  return page;
}

test.describe("[FEATURES] feature requests and the public roadmap", () => {
  test("a feature request gets votes from two organizations' customers and appears on the public roadmap once planned", async ({
    browser,
  }) => {
    const title = `Noise suppression presets ${Date.now()}`;
    const nimbus = await asUser(browser, "dev@nimbus.example");
    const res = await nimbus.request.post("/api/trpc/tickets.create", {
      data: {
        json: {
          subject: title,
          description: "Presets for music, speech and noisy rooms would save us a week of tuning.",
          productArea: "voice_calling",
          category: "feature_request",
          priority: "P3",
        },
      },
    });
    expect(res.ok()).toBe(true);
    const id = ((await res.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;

    // The requester sees its own acknowledgement target and no SLA clock.
    await nimbus.goto(`/tickets/${id}`);
    await expect(nimbus.getByText("Acknowledgement target")).toBeVisible();
    await expect(nimbus.getByText(/5 business days: by/)).toBeVisible();

    // A colleague at Nimbus Live and a customer of Orbit Chat (reading Chinese) vote in the list.
    const colleague = await asUser(browser, "cto@nimbus.example");
    await colleague.goto("/feature-requests");
    const item = colleague.getByRole("listitem", { name: title });
    await item.getByRole("button", { name: "Vote" }).click();
    await expect(item.getByText("You voted")).toBeVisible();
    await expect(item.getByText("1 vote · 1 organization")).toBeVisible();

    const orbit = await asUser(browser, "ops@orbit.example");
    await orbit.goto("/feature-requests");
    const orbitItem = orbit.getByRole("listitem", { name: title });
    await orbitItem.getByRole("button", { name: /^(Vote|投票)$/ }).click();
    await expect(orbitItem.getByText(/You voted|已投票/)).toBeVisible();
    // A second vote is refused with a translated message and counts nothing.
    const again = await orbit.request.post("/api/trpc/requests.vote", { data: { json: { ticketId: id } } });
    expect(again.status()).toBe(409);
    expect(JSON.stringify(await again.json())).toContain("requests.errors.votedTwice");

    // Under review until staff plan it.
    const visitor = await asUser(browser, null);
    await visitor.goto("/roadmap");
    const underReview = visitor.getByRole("region", { name: /Under review/ });
    await expect(underReview.getByText(title)).toBeVisible();
    await expect(
      underReview.getByRole("listitem").filter({ hasText: title }).getByText("2 votes · 2 organizations"),
    ).toBeVisible();

    const agent = await asUser(browser, "agent@attain.test");
    await agent.goto(`/tickets/${id}`);
    await agent.getByLabel("Roadmap status").selectOption("planned");
    await agent.getByLabel("Public note (shown on the roadmap)").fill("Planned for the 4.6 release.");
    await agent.getByRole("button", { name: "Save status" }).click();
    await expect(agent.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    // The voters are told.
    await colleague.goto("/notifications");
    await expect(colleague.getByText("A feature request you voted for changed status").first()).toBeVisible();

    // The requester's ticket page opens with the change on its timeline, in words.
    await nimbus.goto(`/tickets/${id}`);
    await expect(
      nimbus.getByRole("region", { name: "Timeline" }).getByText("Roadmap status changed Under review → Planned"),
    ).toBeVisible();

    // Public, signed out, in both languages: planned with its votes, no organization named.
    await visitor.goto("/roadmap");
    const planned = visitor.getByRole("region", { name: /Planned/ });
    await expect(planned.getByText(title)).toBeVisible();
    await expect(
      planned.getByRole("listitem").filter({ hasText: title }).getByText("Planned for the 4.6 release."),
    ).toBeVisible();
    await expect(
      planned.getByRole("listitem").filter({ hasText: title }).getByText("2 votes · 2 organizations"),
    ).toBeVisible();
    await expect(visitor.getByText(/Nimbus|Orbit/)).toHaveCount(0);
    await visitor.setViewportSize({ width: 1280, height: 900 });
    await visitor.screenshot({ path: test.info().outputPath("roadmap-desktop.png"), fullPage: true });

    const zh = await asUser(browser, null, "zh-CN");
    await zh.setViewportSize({ width: 390, height: 844 });
    await zh.goto("/roadmap");
    await expect(zh.getByRole("heading", { name: "产品路线图" }).first()).toBeVisible();
    await expect(zh.getByRole("region", { name: /已计划/ }).getByText(title)).toBeVisible();
    await zh.screenshot({ path: test.info().outputPath("roadmap-phone-zh.png"), fullPage: true });

    // The knowledge base links to the roadmap.
    await visitor.goto("/kb");
    await visitor.getByRole("link", { name: "Product roadmap" }).click();
    await expect(visitor).toHaveURL(/\/roadmap$/);
  });
});
