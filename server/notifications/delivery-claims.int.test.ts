import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, outbox, rateCounters } from "@/db/schema";
import { openDb } from "@/server/db";
import { createTestDb } from "@/server/testing/db";
import { deliverOutbox, type MailTransport } from "./delivery";
import { DELIVERY_LEASE_MS, deliveryLeaseKey } from "./retry";

// Two server workers are two connections to one SQLite file; a second connection in this process
// takes the same file locks as one in another process, so it stands for the other worker here.
const db = createTestDb();
const other = openDb(db.$client.name);
afterAll(() => {
  other.$client.close();
  db.$client.close();
});

const T0 = new Date("2026-11-20T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const FROM = "Attain Support <support@attain.test>";

/** A mail server that takes a few milliseconds per message and records each one it accepts. */
function slowTransport(received: string[], worker: string): MailTransport {
  return {
    async sendMail(message) {
      await new Promise((r) => setTimeout(r, 3));
      received.push(`${message.subject}\u0000${worker}`);
    },
  };
}

function queue(subjects: string[], createdAt: Date): number[] {
  return db
    .insert(outbox)
    .values(subjects.map((subject) => ({ to: "dev@nimbus.example", subject, body: "Body", createdAt })))
    .returning({ id: outbox.id })
    .all()
    .map((r) => r.id);
}

describe("outbox delivery from several server workers", () => {
  it("two workers delivering at once send each message exactly once, and every message is marked sent", async () => {
    const subjects = Array.from({ length: 30 }, (_, i) => `Claim test ${i}`);
    const ids = queue(subjects, at(0));
    const received: string[] = [];
    const [a, b] = await Promise.all([
      deliverOutbox(db, slowTransport(received, "a"), { now: () => at(1), from: FROM }),
      deliverOutbox(other, slowTransport(received, "b"), { now: () => at(1), from: FROM }),
    ]);
    const bySubject = new Map<string, number>();
    for (const r of received) {
      const subject = r.split("\u0000")[0]!;
      if (subjects.includes(subject)) bySubject.set(subject, (bySubject.get(subject) ?? 0) + 1);
    }
    expect([...bySubject.values()].every((n) => n === 1)).toBe(true);
    expect(bySubject.size).toBe(subjects.length);
    // Both workers did part of the work: the claims interleaved rather than one pass taking all.
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const rows = db.select().from(outbox).where(inArray(outbox.id, ids)).all();
    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
    const sentEntries = db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, "outbox"),
          inArray(
            auditLog.entityId,
            ids.map((id) => String(id)),
          ),
        ),
      )
      .all();
    expect(sentEntries.map((e) => e.action).sort()).toEqual(ids.map(() => "email.sent"));
    // No claim is left behind.
    const leases = db
      .select()
      .from(rateCounters)
      .where(
        inArray(
          rateCounters.key,
          ids.map((id) => deliveryLeaseKey(id)),
        ),
      )
      .all();
    expect(leases).toEqual([]);
  });

  it("a message claimed by a worker that died is left alone until the claim runs out, then sent by another", async () => {
    const [id] = queue(["Claimed by a dead worker"], at(10));
    // The worker claimed it at minute 11 and died before sending.
    db.insert(rateCounters)
      .values({
        key: deliveryLeaseKey(id!),
        windowStart: at(11),
        count: 1,
        blockedUntil: new Date(at(11).getTime() + DELIVERY_LEASE_MS),
      })
      .run();
    const received: string[] = [];
    const early = await deliverOutbox(other, slowTransport(received, "b"), { now: () => at(12), from: FROM });
    expect(received.filter((r) => r.startsWith("Claimed by a dead worker"))).toEqual([]);
    expect(early.retryAt).toEqual(new Date(at(11).getTime() + DELIVERY_LEASE_MS));
    expect(
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.id, id!), isNull(outbox.sentAt)))
        .all(),
    ).toHaveLength(1);

    const later = new Date(at(11).getTime() + DELIVERY_LEASE_MS);
    await deliverOutbox(other, slowTransport(received, "b"), { now: () => later, from: FROM });
    expect(received.filter((r) => r.startsWith("Claimed by a dead worker"))).toEqual([
      "Claimed by a dead worker\u0000b",
    ]);
    expect(db.select().from(outbox).where(eq(outbox.id, id!)).get()!.sentAt).toEqual(later);
    expect(
      db
        .select()
        .from(rateCounters)
        .where(eq(rateCounters.key, deliveryLeaseKey(id!)))
        .all(),
    ).toEqual([]);
  });
});
