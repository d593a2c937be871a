import { afterAll, describe, expect, it } from "vitest";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";
import { faultStartRefusal } from "./rules";

const db = createTestDb();
afterAll(() => db.$client.close());
const staff = createStaffTeam(db);
const org = createOrganization(db, { tier: "advanced", region: "china" });
const customer = org.customers[0]!;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("[TICKETS] fault details on the new-ticket form", () => {
  it("a customer's fault details are kept with the ticket and shown to the agent as facts", async () => {
    const startedAt = new Date(TEST_ANCHOR.getTime() - 3 * 60 * MINUTE);
    const id = await createTicket(db, customer, {
      productArea: "video_calling",
      fault: {
        environment: "production",
        usersAffected: "all",
        startedAt,
        appId: "  a1b2c3d4e5  ",
        channelName: "live-room-7",
        userIds: "1001, 1002",
        reproSteps: "1. Join live-room-7 as host\n2. Switch camera\n3. Remote video freezes",
      },
    });
    const { ticket } = await callerFor(db, staff.agent).tickets.get({ id });
    expect(ticket.fault).toEqual({
      environment: "production",
      usersAffected: "all",
      startedAt,
      appId: "a1b2c3d4e5",
      channelName: "live-room-7",
      userIds: "1001, 1002",
      reproSteps: "1. Join live-room-7 as host\n2. Switch camera\n3. Remote video freezes",
    });
  });

  it("every fault detail is optional; blank ones are stored as none", async () => {
    const id = await createTicket(db, customer, { fault: { appId: "   ", channelName: "", environment: null } });
    const { ticket } = await callerFor(db, customer).tickets.get({ id });
    expect(Object.values(ticket.fault).every((v) => v === null)).toBe(true);
    const without = await createTicket(db, customer);
    expect(Object.values((await callerFor(db, customer).tickets.get({ id: without })).ticket.fault)).toEqual(
      Array(7).fill(null),
    );
  });

  it("a start in the future (beyond five minutes of clock skew) or over a year ago is refused, and no ticket is filed", async () => {
    const before = (db.$client.prepare("select count(*) n from tickets").get() as { n: number }).n;
    for (const [startedAt, key] of [
      [new Date(TEST_ANCHOR.getTime() + 6 * MINUTE), "tickets.errors.faultStartFuture"],
      [new Date(TEST_ANCHOR.getTime() - 367 * DAY), "tickets.errors.faultStartOld"],
    ] as const)
      await expect(createTicket(db, customer, { fault: { startedAt } })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { messageKey: key },
      });
    expect((db.$client.prepare("select count(*) n from tickets").get() as { n: number }).n).toBe(before);
    await createTicket(db, customer, { fault: { startedAt: new Date(TEST_ANCHOR.getTime() + 4 * MINUTE) } });
  });

  it("unknown environments and impact levels are refused as bad input", async () => {
    await expect(createTicket(db, customer, { fault: { environment: "prod" as never } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(createTicket(db, customer, { fault: { usersAffected: "many" as never } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("the start rule at its edges: exactly five minutes ahead and exactly 366 days back are accepted", () => {
    expect(faultStartRefusal(new Date(TEST_ANCHOR.getTime() + 5 * MINUTE), TEST_ANCHOR)).toBeNull();
    expect(faultStartRefusal(new Date(TEST_ANCHOR.getTime() + 5 * MINUTE + 1), TEST_ANCHOR)).not.toBeNull();
    expect(faultStartRefusal(new Date(TEST_ANCHOR.getTime() - 366 * DAY), TEST_ANCHOR)).toBeNull();
    expect(faultStartRefusal(new Date(TEST_ANCHOR.getTime() - 366 * DAY - 1), TEST_ANCHOR)).not.toBeNull();
    expect(faultStartRefusal(null, TEST_ANCHOR)).toBeNull();
  });
});
