import { expect, test } from "./fixtures";

test.use({ viewport: { width: 1280, height: 720 } });

test.describe("[QUEUE] the agent's queue and the manager's worklist", () => {
  test("[QUEUE] an agent takes the next ticket from the queue, finds it in their own view, and an imminent ticket outranks a long-breached one", async ({
    page,
    signIn,
  }) => {
    await signIn("agent@attain.test");
    await page.goto("/queue");
    await expect(page.getByRole("heading", { name: "Queue", level: 1 })).toBeVisible();
    // Breached tickets have their own section, below the tickets still due.
    const breached = page.getByRole("region", { name: /^Breached/ });
    await expect(breached).toBeVisible();
    await expect(page.getByRole("table", { name: /^Due/ })).toBeVisible();

    await page.getByRole("link", { name: "Next ticket" }).click();
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
    const taken = page.url().split("/").pop()!;

    // Taken means assigned to me: it is in my view of the queue, and the next one is another ticket.
    await page.goto("/queue?assignee=mine");
    await expect(page.getByRole("link", { name: new RegExp(`^#${taken} `) })).toBeVisible();
    await page.goto(`/queue/next?after=${taken}`);
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
    expect(page.url().split("/").pop()).not.toBe(taken);

    // Choosing columns and leaving fields empty leaves a clean address, and the view can be saved.
    await page.goto("/queue");
    // The filters stay folded until opened (or until one is set), so the rows fill the first screen.
    await expect(page.getByRole("form", { name: "Queue filters" })).toBeHidden();
    await page.locator("summary", { hasText: "Filters and columns" }).click();
    await page.locator("summary", { hasText: /^Columns$/ }).click();
    await page.getByRole("checkbox", { name: "Requester" }).check();
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(page).toHaveURL(/\/queue\?cols=requester%2Corganization%2Cassignee%2Cpriority%2Clevel%2Cdue$/);
    await expect(page.getByRole("columnheader", { name: "Requester" }).first()).toBeVisible();
    await page.locator("summary", { hasText: "Save this view" }).click();
    await page.getByLabel("View name").fill("With requester");
    await page.getByRole("button", { name: "Save as new view" }).click();
    await expect(
      page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "With requester" }),
    ).toHaveAttribute("aria-current", "page");

    // Bulk: add one internal note to two tickets at once.
    const due = page.getByRole("table", { name: /^Due/ });
    const boxes = due.getByRole("checkbox", { name: /^Select ticket #/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bulk = page.getByRole("form", { name: "Bulk action" });
    await bulk.getByLabel("Action").selectOption("note");
    await bulk.getByLabel("Internal note").fill("Linked to the EU media server incident.");
    await bulk.getByRole("button", { name: "Apply to selected" }).click();
    await expect(page.getByText("2 tickets changed.")).toBeVisible();
  });

  test("[QUEUE] tickets waiting on the customer read as paused, without a countdown", async ({ page, signIn }) => {
    await signIn("agent@attain.test");
    await page.goto("/queue?status=pending_customer");
    const rows = page.getByRole("table", { name: /^Due/ }).locator("tbody tr");
    // The demo's waiting tickets have their first response (which never pauses): the next target is paused.
    const paused = rows.filter({ hasText: "Paused" });
    await expect(paused.first()).toBeVisible();
    await expect(paused.filter({ hasText: /left|overdue/ })).toHaveCount(0);
  });

  test("[QUEUE] a view of the queue asks the server for the page alone: its links prefetch nothing, and a click still navigates in place", async ({
    page,
    signIn,
  }) => {
    await signIn("agent@attain.test");
    const prefetches: string[] = [];
    page.on("request", (r) => {
      if (r.headers()["next-router-prefetch"]) prefetches.push(r.url());
    });
    await page.goto("/queue");
    const row = page.getByRole("table", { name: /^Due/ }).getByRole("link").first();
    await row.hover();
    // Prefetches start once links are in view or hovered; the network goes quiet only after them.
    await page.waitForLoadState("networkidle");
    expect(prefetches).toEqual([]);
    // Without a prefetch the click is still a client-side navigation: the page is not loaded again.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await row.click();
    await expect(page).toHaveURL(/\/tickets\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(prefetches).toEqual([]);
  });

  test("[QUEUE] a manager clears the disputes worklist, deciding each dispute in place", async ({ page, signIn }) => {
    // A customer disputes a priority so the worklist holds at least one.
    await signIn("dev@nimbus.example");
    const filed = await page.request.post("/api/trpc/tickets.create", {
      data: {
        json: {
          subject: "Screen share is blurry for viewers",
          description: "Screen share is blurry at 720p for every viewer.",
          productArea: "video_calling",
          category: "functional_bug",
          priority: "P3",
        },
      },
    });
    expect(filed.status(), await filed.text()).toBe(200);
    const ticketId = ((await filed.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;
    const res = await page.request.post("/api/trpc/tickets.openDispute", {
      data: {
        json: {
          ticketId: Number(ticketId),
          kind: "priority",
          proposedPriority: "P2",
          reason: "Every viewer is affected.",
        },
      },
    });
    expect(res.status(), await res.text()).toBe(200);

    await signIn("manager@attain.test");
    await page.goto("/");
    await page.getByRole("navigation").getByRole("link", { name: "Disputes" }).first().click();
    await expect(page.getByRole("heading", { name: "Disputes", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(`^#${ticketId} `) })).toBeVisible();
    for (let i = 0; i < 30; i++) {
      const form = page.getByRole("form", { name: /^Decide the dispute on ticket #/ }).first();
      if ((await form.count()) === 0) break;
      const label = await form.getAttribute("aria-label");
      await form.getByLabel("Decision note").fill("Reviewed against the priority definitions.");
      await form.getByRole("button", { name: i % 2 === 0 ? "Uphold" : "Reject" }).click();
      await expect(page.getByRole("form", { name: label! })).toHaveCount(0);
    }
    await expect(page.getByText("No dispute is waiting for a decision.")).toBeVisible();
  });
});
