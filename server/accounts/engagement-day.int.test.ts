import { afterAll, describe, expect, it } from "vitest";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff } from "@/server/testing/factories";
import { entryDate } from "./engagement-day";

const db = createTestDb();
afterAll(() => db.$client.close());
const am = createStaff(db, "account_manager");
const org = createOrganization(db, { tier: "enterprise", region: "americas", accountManager: am });

describe("an engagement keeps the day the account manager picked (issue #22)", () => {
  it("logged for 8 March, it reads 8 March in Kiritimati (UTC+14) and in Pago Pago (UTC-11)", async () => {
    const api = callerFor(db, am, TEST_ANCHOR);
    await api.accounts.addEngagement({
      organizationId: org.id,
      kind: "meeting",
      at: new Date("2026-03-08T12:00:00Z"),
      day: "2026-03-08",
      title: "Launch review",
      notes: "",
    });
    const entry = (await api.accounts.timeline({ organizationId: org.id })).find((e) => e.title === "Launch review")!;
    expect(entry.day).toBe("2026-03-08");
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const { instant, options } = entryDate(entry, zone);
      expect(new Intl.DateTimeFormat("en-US", options).format(instant), zone).toBe("Mar 8, 2026");
    }
  });

  it("a day that does not exist is refused", async () => {
    await expect(
      callerFor(db, am, TEST_ANCHOR).accounts.addEngagement({
        organizationId: org.id,
        kind: "meeting",
        at: TEST_ANCHOR,
        day: "2026-02-30",
        title: "Impossible",
        notes: "",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
