import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "./migrate";

/**
 * Migration 0032 (decision 043) on a SQLite database written before it: the English texts the portal
 * stored become the representation each reader's page and mail translate.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attain-texts-migration-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const files = fs
  .readdirSync(MIGRATIONS_FOLDER)
  .filter((f) => f.endsWith(".sql"))
  .sort();
const run = (sqlite: Database.Database, file: string) => {
  for (const statement of fs.readFileSync(path.join(MIGRATIONS_FOLDER, file), "utf8").split("--> statement-breakpoint"))
    if (statement.trim()) sqlite.exec(statement);
};

/** A row of `table` with every required column given a value (foreign keys are off: only the texts matter here). */
function insert(sqlite: Database.Database, table: string, values: Record<string, string | number>) {
  const columns = sqlite.prepare(`PRAGMA table_info(${table})`).all() as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: string | null;
    pk: number;
  }[];
  const row: Record<string, string | number> = {};
  for (const c of columns)
    if (c.notnull && c.dflt_value === null && !c.pk) row[c.name] = c.type.startsWith("integer") ? 1 : "x";
  Object.assign(row, values);
  const names = Object.keys(row);
  sqlite
    .prepare(`INSERT INTO ${table} (${names.join(", ")}) VALUES (${names.map((n) => `@${n}`).join(", ")})`)
    .run(row);
}

describe("[I18N] texts the portal stored in English before 0032", () => {
  it("a shared review's entry names its review; placeholders of mail without subject or text become empty; an alert's ticket keeps what the alert says; what people wrote stays", () => {
    const sqlite = new Database(path.join(dir, "before.db"));
    sqlite.pragma("foreign_keys = OFF");
    const before = files.filter((f) => f < "0032");
    for (const f of before) run(sqlite, f);
    insert(sqlite, "reviews", { id: 5, organization_id: 1, quarter: "2026-Q3", snapshot: "{}" });
    insert(sqlite, "engagements", {
      id: 1,
      organization_id: 1,
      kind: "review",
      title: "Service review 2026-Q3 shared",
    });
    insert(sqlite, "engagements", {
      id: 2,
      organization_id: 1,
      kind: "review",
      title: "Quarterly review with the CTO",
    });
    insert(sqlite, "tickets", { id: 1, subject: "(no subject)", description: "(no text)", channel: "email" });
    insert(sqlite, "tickets", { id: 2, subject: "(no subject)", description: "(no text)", channel: "portal" });
    insert(sqlite, "tickets", {
      id: 3,
      subject: "Proactive alert: Join failures rose to 12 %",
      description:
        "Our monitoring detected an anomaly on your traffic before any report from you.\n\nJoin failures rose to 12 %.",
      channel: "monitoring",
    });
    insert(sqlite, "comments", { id: 1, ticket_id: 1, body: "(no text)" });
    insert(sqlite, "comments", { id: 2, ticket_id: 1, body: "(no text)" });
    insert(sqlite, "inbound_mail", { id: 1, ticket_id: 1, comment_id: 1 });
    insert(sqlite, "comments", {
      id: 3,
      ticket_id: 3,
      automatic: 1,
      body: "Monitoring detected the same problem again at 2026-12-07T10:00:00.000Z (alert 7, join_failure, P0).\n\nJoin failures at 15 %.",
    });
    insert(sqlite, "comments", {
      id: 4,
      ticket_id: 3,
      automatic: 1,
      body: "Monitoring detected the same problem again at 2026-12-07T10:05:00.000Z (alert 8, join_failure, P0).",
    });

    for (const f of files.filter((f) => f >= "0032")) run(sqlite, f);

    expect(sqlite.prepare("SELECT id, title, review_id FROM engagements ORDER BY id").all()).toEqual([
      { id: 1, title: "", review_id: 5 },
      { id: 2, title: "Quarterly review with the CTO", review_id: null },
    ]);
    expect(sqlite.prepare("SELECT id, subject, description FROM tickets ORDER BY id").all()).toEqual([
      { id: 1, subject: "", description: "" },
      { id: 2, subject: "(no subject)", description: "(no text)" },
      { id: 3, subject: "Join failures rose to 12 %", description: "Join failures rose to 12 %." },
    ]);
    expect(sqlite.prepare("SELECT id, body FROM comments ORDER BY id").all()).toEqual([
      { id: 1, body: "" },
      { id: 2, body: "(no text)" },
      { id: 3, body: "Join failures at 15 %." },
      { id: 4, body: "" },
    ]);
    sqlite.close();
  });
});

describe("[I18N] a monitoring alert's metric and App ID stored in English before 0033", () => {
  it("the Metric and App ID lines leave the alert's and its ticket's description, which keep what the monitor said; a ticket named by the metric line is named by what was said or the metric", () => {
    const sqlite = new Database(path.join(dir, "before-0033.db"));
    sqlite.pragma("foreign_keys = OFF");
    for (const f of files.filter((f) => f < "0033")) run(sqlite, f);
    const said = "Join failures rose to 12 %.\nSeen in Shanghai.";
    const alert = (id: number, ticketId: number, description: string, appId: string | null) =>
      insert(sqlite, "proactive_alerts", {
        id,
        ticket_id: ticketId,
        description,
        source: "monitoring",
        metric: "join_failure_rate",
        ...(appId ? { app_id: appId } : {}),
      });
    // What the monitor said, then the lines (since the ticket's subject is what was said) ...
    const after = `${said}\n\nMetric: join_failure_rate\nApp ID: app-7`;
    insert(sqlite, "tickets", {
      id: 1,
      subject: "Join failures rose to 12 %.",
      description: after,
      channel: "monitoring",
    });
    alert(1, 1, after, "app-7");
    // ... the lines first (the first endpoint), the subject their first line ...
    const first = `Metric: join_failure_rate\n\n${said}`;
    insert(sqlite, "tickets", {
      id: 2,
      subject: "Metric: join_failure_rate",
      description: first,
      channel: "monitoring",
    });
    alert(2, 2, first, null);
    // ... a monitor that said nothing ...
    insert(sqlite, "tickets", {
      id: 3,
      subject: "Metric: join_failure_rate",
      description: "Metric: join_failure_rate\nApp ID: app-7",
      channel: "monitoring",
    });
    alert(3, 3, "Metric: join_failure_rate\nApp ID: app-7", "app-7");
    // ... the same problem again on ticket 3, and what people wrote about a metric stays.
    alert(4, 3, `${said}\n\nMetric: join_failure_rate`, null);
    const written = "Metric: join_failure_rate is what we watch.\n\nMetric: join_failure_rate";
    insert(sqlite, "tickets", { id: 4, subject: "Metric: join_failure_rate", description: written, channel: "portal" });
    insert(sqlite, "proactive_alerts", { id: 5, ticket_id: 4, description: written, source: "staff" });

    for (const f of files.filter((f) => f >= "0033")) run(sqlite, f);

    expect(sqlite.prepare("SELECT id, subject, description FROM tickets ORDER BY id").all()).toEqual([
      { id: 1, subject: "Join failures rose to 12 %.", description: said },
      { id: 2, subject: "Join failures rose to 12 %.", description: said },
      { id: 3, subject: "join_failure_rate", description: "" },
      { id: 4, subject: "Metric: join_failure_rate", description: written },
    ]);
    expect(sqlite.prepare("SELECT id, description FROM proactive_alerts ORDER BY id").all()).toEqual([
      { id: 1, description: said },
      { id: 2, description: said },
      { id: 3, description: "" },
      { id: 4, description: said },
      { id: 5, description: written },
    ]);
    sqlite.close();
  });
});
