import { expect, test } from "./fixtures";

/**
 * On call (issue #19). The rota is for Americas' conversational AI area only, so the other specs'
 * urgent tickets (other areas) page nobody new.
 */
test.describe("[ON CALL] duty rotas and pages", () => {
  test("a manager builds a rota, a customer's P0 pages the engineer on call, who acknowledges it on /on-call", async ({
    page,
    signIn,
  }) => {
    await signIn("manager@attain.test");
    await page.goto("/on-call/rotas/new");
    const form = page.getByRole("form", { name: "New rota" });
    await form.getByLabel("Name").fill("Americas conversational AI");
    await form.getByLabel("Time zone").fill("America/New_York");
    await form.getByLabel("Support region").selectOption("americas");
    await form.getByLabel("Product area").selectOption("conversational_ai");
    await form.getByLabel("First handover (date)").fill("2026-01-05");
    await form.getByLabel("Handover time (local)").fill("09:00");
    await form.getByLabel("Person").selectOption({ label: "Sam Rivera" });
    await form.getByRole("button", { name: "Add to rotation" }).click();
    await expect(form.getByText("Sam Rivera")).toBeVisible();
    await form.getByRole("button", { name: "Save rota" }).click();
    await expect(page).toHaveURL(/\/on-call\/rotas\/\d+$/);
    await expect(page.getByRole("heading", { name: "Americas conversational AI" })).toBeVisible();
    const coverage = page.getByRole("table", { name: /Coverage, next 4 weeks \(America\/New_York\)/ });
    await expect(coverage.getByRole("cell", { name: "Sam Rivera" }).first()).toBeVisible();

    // A skipped local time (the spring-forward hour) is refused with a sentence, and nothing is added.
    const entry = page.getByRole("form", { name: "Add" });
    await entry.getByLabel("Person").selectOption({ label: "Kenji Watanabe" });
    await entry.getByLabel("Starts (local)").fill("2027-03-14T02:30");
    await entry.getByLabel("Ends (local)").fill("2027-03-15T09:00");
    await entry.getByRole("button", { name: "Add" }).click();
    await expect(entry.getByRole("alert")).toContainText("local times that exist in the rota's zone");
    await expect(page.getByText("No shift or override ahead.")).toBeVisible();

    await signIn("dev@nimbus.example");
    const res = await page.request.post("/api/trpc/tickets.create", {
      data: {
        json: {
          subject: "Voice agent stopped answering every call",
          description: "Since a few minutes ago the AI agent never answers.",
          productArea: "conversational_ai",
          category: "functional_bug",
          priority: "P0",
        },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    const ticketId = ((await res.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;

    await signIn("agent@attain.test");
    await page.goto("/queue");
    await expect(page.getByRole("region", { name: "On call now" })).toContainText("Sam Rivera");
    await page.goto("/on-call");
    const waiting = page.getByRole("region", { name: "Pages waiting for you" });
    await expect(waiting.getByRole("link", { name: new RegExp(`#${ticketId} Voice agent stopped`) })).toBeVisible();
    await waiting.getByRole("button", { name: "Acknowledge" }).click();
    await expect(waiting.getByText("No page is waiting for you.")).toBeVisible();
    const log = page.getByRole("table", { name: "Paging log" });
    await expect(log.getByRole("row", { name: new RegExp(`#${ticketId}`) })).toContainText(
      "Sam Rivera · Acknowledged after",
    );
  });
});
