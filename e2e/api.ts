import { expect, type Page } from "@playwright/test";

/** Files a ticket as the signed-in customer through the API (the filing form has its own tests). */
export async function fileTicket(
  page: Page,
  subject: string,
  fields: { category?: string; priority?: string } = {},
): Promise<number> {
  const res = await page.request.post("/api/trpc/tickets.create", {
    data: {
      json: {
        subject,
        description: "Calls drop for every user after two minutes on Android.",
        productArea: "voice_calling",
        category: "functional_bug",
        priority: "P2",
        ...fields,
      },
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: { json: { id: number } } } }).result.data.json.id;
}
