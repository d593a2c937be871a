import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { runDueJobs } from "@/server/scheduler/service";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaff, TICKET_DEFAULTS } from "@/server/testing/factories";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { digestJob, sendDigests } from "./jobs";

const db = createTestDb();
afterAll(() => db.$client.close());
const at = (minutes: number) => new Date(TEST_ANCHOR.getTime() + minutes * 60_000);
const mailsTo = (email: string) => db.select().from(outbox).where(eq(outbox.to, email)).all();

describe("[EMAIL] notification preferences and the daily digest", () => {
  it("a customer who chose the digest for replies gets no mail per reply, then one digest listing them; a second pass for the same day sends nothing", async () => {
    const org = createOrganization(db, { tier: "enterprise", region: "americas" });
    const customer = org.customers[0]!;
    const agent = createStaff(db, "agent");
    const me = callerFor(db, customer, at(0));
    expect((await me.email.preferences()).find((p) => p.topic === "reply")).toEqual({
      topic: "reply",
      delivery: "email",
      isDefault: true,
    });
    await me.email.setPreferences({ choices: [{ topic: "reply", delivery: "digest" }] });
    const { id } = await me.tickets.create({ ...TICKET_DEFAULTS, subject: "Audio drops in rooms" });
    await callerFor(db, agent, at(5)).tickets.reply({ ticketId: id, body: "Which region are your users in?" });
    await callerFor(db, agent, at(6)).tickets.reply({ ticketId: id, body: "And which SDK version?" });
    expect(mailsTo(customer.email)).toEqual([]);

    expect(sendDigests(db, at(24 * 60), at(-1))).toBeGreaterThanOrEqual(1);
    const digest = mailsTo(customer.email);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toBe("Your Attain digest: 2 notifications");
    expect(digest[0]!.body).toContain(`#${id} Audio drops in rooms`);
    expect(digest[0]!.html).toContain(`/tickets/${id}`);
    expect(sendDigests(db, at(24 * 60), at(-1))).toBe(0);
    expect(mailsTo(customer.email)).toHaveLength(1);
  });

  it("the digest runs as a scheduled job", async () => {
    const outcomes = await runDueJobs(db, at(3 * 24 * 60), { jobs: [digestJob] });
    expect(outcomes).toEqual([{ name: "email.digest", outcome: "ran" }]);
  });
});
