import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { ELF, LOG_TEXT, gzipOf, imageOf, isoMediaOf, tarOf, zipOf } from "@/server/testing/attachment-samples";
import { TEST_ANCHOR } from "@/server/testing/constants";
import { callerFor, createTestDb } from "@/server/testing/db";
import { createOrganization, createStaffTeam, createTicket } from "@/server/testing/factories";
import { handleDownload, handleUpload, type AttachmentHttpOptions } from "./http";
import { DEFAULT_LIMITS, UPLOAD_TTL_MS } from "./limits";
import {
  findReadableAttachment,
  getAttachmentLimits,
  listTicketAttachments,
  receiveUpload,
  setAttachmentLimits,
  sweepExpiredUploads,
} from "./service";
import { DiskAttachmentStore } from "./store";
// aliased: a "use" name reads as a React hook to the linter
import { useAttachmentStore as serveFilesFrom } from "./store-for";

const MB = 1024 * 1024;
const db = createTestDb();
const sqlite = db.$client;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "attain-attachments-"));
const store = new DiskAttachmentStore(root);
serveFilesFrom(db, store);
afterAll(() => {
  sqlite.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const staff = createStaffTeam(db);
const nimbus = createOrganization(db, { tier: "advanced", region: "china", customers: 2 });
const orbit = createOrganization(db, { tier: "basic", region: "emea" });
const [customer, colleague] = nimbus.customers as [SessionUser, SessionUser];
const stranger = orbit.customers[0]!;

let serial = 0;
/** A log no other test uploaded (content-addressed: equal content is one file). */
const freshLog = () => Buffer.concat([LOG_TEXT, Buffer.from(`marker ${++serial}\n`)]);

function upload(
  user: SessionUser,
  content: Buffer,
  name = "agora-sdk.log",
  declaredSize: number | null = content.length,
) {
  return receiveUpload(db, store, user, Readable.from([content]), { name, declaredSize }, TEST_ANCHOR);
}

/** Every file the store holds, temporary or stored, relative to its root. */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else out.push(path.relative(root, path.join(dir, e.name)));
  };
  walk(path.join(root, "tmp"));
  walk(path.join(root, "objects"));
  return out.sort();
}
const temporaryFiles = () => storedFiles().filter((f) => f.startsWith("tmp"));
const count = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).get(...params) as { n: number }).n;
const pending = (user: SessionUser) => count("select count(*) n from uploads where uploader_id = ?", user.id);
const attachmentRow = (id: number) =>
  sqlite.prepare("select * from attachments where id = ?").get(id) as Record<string, unknown> | undefined;
const shaOfUpload = (id: number) =>
  (sqlite.prepare("select sha256 from uploads where id = ?").get(id) as { sha256: string }).sha256;
const hasObject = (sha: string) => fs.existsSync(path.join(root, "objects", sha.slice(0, 2), sha));
const lastAttachmentIds = (ticketId: number) =>
  (sqlite.prepare("select id from attachments where ticket_id = ? order by id").all(ticketId) as { id: number }[]).map(
    (r) => r.id,
  );

/** Refused with this message key, by a service (DomainError) or through the API (a TRPCError caused by one). */
async function expectRefused(p: Promise<unknown>, messageKey: string) {
  const error = await p.then(
    () => null,
    (e: unknown) => e as { messageKey?: string; cause?: { messageKey?: string } },
  );
  expect(error, `expected a refusal with ${messageKey}`).not.toBeNull();
  expect(error!.messageKey ?? error!.cause?.messageKey).toBe(messageKey);
}

/** Nothing of a refused upload remains: no temporary file, no new stored file, no new row. */
async function expectNothingLeft(attempt: () => Promise<unknown>, user: SessionUser, messageKey: string) {
  const filesBefore = storedFiles();
  const rowsBefore = pending(user);
  await expectRefused(attempt(), messageKey);
  expect(storedFiles()).toEqual(filesBefore);
  expect(temporaryFiles()).toEqual([]);
  expect(pending(user)).toBe(rowsBefore);
}

beforeEach(() => {
  setAttachmentLimits(db, staff.admin, { ...DEFAULT_LIMITS }, TEST_ANCHOR);
});

describe("[ATTACHMENTS] filing, replying and noting with files", () => {
  it("a customer files a ticket with a log archive and a screenshot: both are its files, written with the ticket", async () => {
    const archive = await upload(customer, gzipOf(tarOf("logs/agora.log", freshLog())), "logs.tar.gz");
    const shot = await upload(customer, await imageOf("png", 320, 200), "screenshot.png");
    expect(archive).toMatchObject({ name: "logs.tar.gz", kind: "archive", contentType: "application/gzip" });
    expect(shot).toMatchObject({ kind: "image", contentType: "image/png" });
    expect(pending(customer)).toBe(2);

    const ticketId = await createTicket(db, customer, {
      attachmentIds: [archive.id, shot.id],
      fault: { environment: "production", usersAffected: "some", appId: "app-7f3e", channelName: "demo" },
    });
    expect(pending(customer)).toBe(0);
    const files = listTicketAttachments(db, ticketId, false);
    expect(files.map((f) => [f.name, f.kind, f.commentId, f.internal, f.removed])).toEqual([
      ["logs.tar.gz", "archive", null, false, null],
      ["screenshot.png", "image", null, false, null],
    ]);
    const row = attachmentRow(files[0]!.id)!;
    expect(row.organization_id).toBe(nimbus.id);
    expect(row.uploader_id).toBe(customer.id);
    expect(hasObject(row.sha256 as string)).toBe(true);

    const detail = await callerFor(db, colleague).tickets.get({ id: ticketId });
    expect(detail.attachments.map((a) => a.name)).toEqual(["logs.tar.gz", "screenshot.png"]);
    expect(detail.attachmentBytes).toBe(archive.size + shot.size);
    expect(detail.ticket.fault).toMatchObject({ environment: "production", appId: "app-7f3e" });
  });

  it("a refused filing leaves the uploads pending and writes neither a ticket nor an attachment", async () => {
    setAttachmentLimits(db, staff.admin, { maxFileBytes: 1 * MB, maxTicketBytes: 1 * MB }, TEST_ANCHOR);
    const a = await upload(customer, Buffer.alloc(600 * 1024, "a"), "first.txt");
    const b = await upload(customer, Buffer.alloc(600 * 1024, "b"), "second.txt");
    const tickets = count("select count(*) n from tickets");
    const attachments = count("select count(*) n from attachments");
    await expectRefused(
      createTicket(db, customer, { attachmentIds: [a.id, b.id] }),
      "attachments.errors.ticketTooLarge",
    );
    expect(count("select count(*) n from tickets")).toBe(tickets);
    expect(count("select count(*) n from attachments")).toBe(attachments);
    expect(pending(customer)).toBe(2);
    // the same uploads go through once the ticket can hold them
    const ticketId = await createTicket(db, customer, { attachmentIds: [a.id] });
    expect(lastAttachmentIds(ticketId)).toHaveLength(1);
    await callerFor(db, customer).attachments.discard({ uploadId: b.id });
    expect(pending(customer)).toBe(0);
  });

  it("a filer cannot attach somebody else's pending upload, even a colleague's", async () => {
    const theirs = await upload(colleague, freshLog());
    const tickets = count("select count(*) n from tickets");
    await expectRefused(createTicket(db, customer, { attachmentIds: [theirs.id] }), "attachments.errors.uploadMissing");
    expect(count("select count(*) n from tickets")).toBe(tickets);
    expect(pending(colleague)).toBe(1);
    await callerFor(db, colleague).attachments.discard({ uploadId: theirs.id });
  });

  it("a reply and an internal note carry files; a customer never sees the note's file, listed or downloaded", async () => {
    const ticketId = await createTicket(db, customer);
    const reply = await upload(customer, freshLog(), "client.log");
    await callerFor(db, customer).tickets.reply({ ticketId, body: "Here is the log.", attachmentIds: [reply.id] });
    const note = await upload(staff.agent, freshLog(), "server-side.log");
    await callerFor(db, staff.agent).tickets.reply({
      ticketId,
      body: "Server log, internal.",
      internal: true,
      attachmentIds: [note.id],
    });
    const [replyFile, noteFile] = lastAttachmentIds(ticketId) as [number, number];
    expect(attachmentRow(replyFile)).toMatchObject({ internal: 0, name: "client.log" });
    expect(attachmentRow(noteFile)).toMatchObject({ internal: 1, name: "server-side.log" });
    expect(attachmentRow(noteFile)!.comment_id).not.toBeNull();

    const seenByCustomer = await callerFor(db, customer).tickets.get({ id: ticketId });
    expect(seenByCustomer.attachments.map((a) => a.name)).toEqual(["client.log"]);
    const seenByAgent = await callerFor(db, staff.agent).tickets.get({ id: ticketId });
    expect(seenByAgent.attachments.map((a) => a.name)).toEqual(["client.log", "server-side.log"]);

    expect(() => findReadableAttachment(db, customer, noteFile)).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect((await download(customer, noteFile)).status).toBe(404);
    await expect(callerFor(db, customer).attachments.text({ id: noteFile })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await download(staff.expert, noteFile)).status).toBe(200);
    expect((await callerFor(db, staff.expert).attachments.text({ id: noteFile })).lines[0]!.text).toContain(
      "joinChannel",
    );
  });

  it("a customer cannot write an internal note to hide a file", async () => {
    const ticketId = await createTicket(db, customer);
    const file = await upload(customer, freshLog());
    await expect(
      callerFor(db, customer).tickets.reply({ ticketId, body: "x", internal: true, attachmentIds: [file.id] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(pending(customer)).toBe(1);
    await callerFor(db, customer).attachments.discard({ uploadId: file.id });
  });
});

describe("[SECURITY] a file is read exactly as its ticket is", () => {
  it("a customer of another organization gets NOT_FOUND for the file by id, from the service, the API and HTTP", async () => {
    const file = await upload(customer, freshLog());
    const ticketId = await createTicket(db, customer, { attachmentIds: [file.id] });
    const [id] = lastAttachmentIds(ticketId) as [number];
    expect(() => findReadableAttachment(db, stranger, id)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    await expect(callerFor(db, stranger).attachments.text({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const variant of ["download", "inline", "thumbnail"] as const) {
      const res = await download(stranger, id, { variant });
      expect(res.status, variant).toBe(404);
      expect(res.headers.get("content-disposition")).toBeNull();
    }
    // nor as somebody's pending upload
    expect((await download(stranger, id, { upload: true })).status).toBe(404);
    // a colleague in the same organization may read it
    expect((await download(colleague, id)).status).toBe(200);
  });

  it("a pending upload can be previewed by its uploader only", async () => {
    const file = await upload(customer, await imageOf("png"), "draft.png");
    expect((await download(customer, file.id, { upload: true, variant: "inline" })).status).toBe(200);
    expect((await download(colleague, file.id, { upload: true })).status).toBe(404);
    expect((await download(staff.agent, file.id, { upload: true })).status).toBe(404);
    await expect(callerFor(db, colleague).attachments.discard({ uploadId: file.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await callerFor(db, customer).attachments.discard({ uploadId: file.id });
  });
});

describe("[ATTACHMENTS] refused uploads leave nothing behind", () => {
  it("a file declared over the limit is refused before a byte is read", async () => {
    setAttachmentLimits(db, staff.admin, { maxFileBytes: 1 * MB, maxTicketBytes: 2 * MB }, TEST_ANCHOR);
    let read = 0;
    const source = (async function* () {
      read++;
      yield Buffer.alloc(1024, "x");
    })();
    await expectNothingLeft(
      () => receiveUpload(db, store, customer, source, { name: "big.log", declaredSize: 1 * MB + 1 }, TEST_ANCHOR),
      customer,
      "attachments.errors.fileTooLarge",
    );
    expect(read).toBe(0);
  });

  it("a file streamed without a length is cut off as soon as it passes the limit", async () => {
    setAttachmentLimits(db, staff.admin, { maxFileBytes: 1 * MB, maxTicketBytes: 2 * MB }, TEST_ANCHOR);
    let sent = 0;
    const source = (async function* () {
      for (let i = 0; i < 100; i++) {
        sent += 64 * 1024;
        yield Buffer.alloc(64 * 1024, "y");
      }
    })();
    await expectNothingLeft(
      () => receiveUpload(db, store, customer, source, { name: "endless.log", declaredSize: null }, TEST_ANCHOR),
      customer,
      "attachments.errors.fileTooLarge",
    );
    expect(sent).toBeLessThanOrEqual(1 * MB + 3 * 64 * 1024);
  });

  it("a disguised executable, an empty file and a name with a path are refused", async () => {
    await expectNothingLeft(() => upload(customer, ELF, "agora.log"), customer, "attachments.errors.notText");
    await expectNothingLeft(
      async () => upload(customer, zipOf("a.log", freshLog()), "screen.png"),
      customer,
      "attachments.errors.disguised",
    );
    await expectNothingLeft(() => upload(customer, Buffer.alloc(0), "empty.log"), customer, "attachments.errors.empty");
    await expectNothingLeft(
      () => upload(customer, Buffer.alloc(0), "empty.log", null),
      customer,
      "attachments.errors.empty",
    );
    await expectNothingLeft(
      () => upload(customer, freshLog(), "../../etc/passwd.log"),
      customer,
      "attachments.errors.namePath",
    );
    await expectNothingLeft(
      () => upload(customer, freshLog(), "bad\u0000name.log"),
      customer,
      "attachments.errors.nameControl",
    );
    await expectNothingLeft(
      () => upload(customer, freshLog(), "setup.exe"),
      customer,
      "attachments.errors.typeNotAccepted",
    );
  });

  it("an upload whose stream fails midway is refused as interrupted", async () => {
    const source = (async function* () {
      yield Buffer.from("2026-12-04 first half of the log\n".repeat(2000));
      throw new Error("connection reset by peer");
    })();
    await expectNothingLeft(
      () => receiveUpload(db, store, customer, source, { name: "cut.log", declaredSize: null }, TEST_ANCHOR),
      customer,
      "attachments.errors.interrupted",
    );
  });

  it("an upload that ends before its declared length is refused as interrupted", async () => {
    const content = freshLog();
    await expectNothingLeft(
      () => upload(customer, content, "short.log", content.length + 1000),
      customer,
      "attachments.errors.interrupted",
    );
  });

  it("a second upload of the same file is refused; another person may upload the same content, stored once", async () => {
    const content = freshLog();
    const first = await upload(customer, content, "one.log");
    await expectNothingLeft(
      () => upload(customer, content, "renamed.log"),
      customer,
      "attachments.errors.duplicateUpload",
    );
    const theirs = await upload(colleague, content, "one.log");
    expect(shaOfUpload(theirs.id)).toBe(shaOfUpload(first.id));
    expect(storedFiles().filter((f) => f.endsWith(shaOfUpload(first.id)))).toHaveLength(1);
    // discarding one keeps the content for the other
    const sha = shaOfUpload(first.id);
    await callerFor(db, customer).attachments.discard({ uploadId: first.id });
    expect(hasObject(sha)).toBe(true);
    await callerFor(db, colleague).attachments.discard({ uploadId: theirs.id });
    expect(hasObject(sha)).toBe(false);
  });

  it("a file already on the ticket is refused in a reply, and the reply is not written", async () => {
    const content = freshLog();
    const first = await upload(customer, content);
    const ticketId = await createTicket(db, customer, { attachmentIds: [first.id] });
    const again = await upload(customer, content, "again.log");
    const comments = count("select count(*) n from comments where ticket_id = ?", ticketId);
    await expect(
      callerFor(db, customer).tickets.reply({ ticketId, body: "Again.", attachmentIds: [again.id] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(count("select count(*) n from comments where ticket_id = ?", ticketId)).toBe(comments);
    expect(lastAttachmentIds(ticketId)).toHaveLength(1);
    expect(pending(customer)).toBe(1);
    await callerFor(db, customer).attachments.discard({ uploadId: again.id });
  });

  it("files that would take a ticket past its total are refused; up to the total they are accepted", async () => {
    setAttachmentLimits(db, staff.admin, { maxFileBytes: 1 * MB, maxTicketBytes: 2 * MB }, TEST_ANCHOR);
    const big = await upload(customer, Buffer.alloc(1 * MB, "c"), "big-1.txt");
    const ticketId = await createTicket(db, customer, { attachmentIds: [big.id] });
    const second = await upload(customer, Buffer.alloc(1 * MB, "d"), "big-2.txt");
    await callerFor(db, customer).tickets.reply({ ticketId, body: "Second.", attachmentIds: [second.id] });
    const third = await upload(customer, Buffer.from("one byte too many\n"), "small.txt");
    await expect(
      callerFor(db, customer).tickets.reply({ ticketId, body: "Third.", attachmentIds: [third.id] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(lastAttachmentIds(ticketId)).toHaveLength(2);
    // a removed file no longer counts
    await callerFor(db, staff.agent).attachments.remove({
      attachmentId: lastAttachmentIds(ticketId)[0]!,
      reason: "Sent by mistake",
    });
    await callerFor(db, customer).tickets.reply({ ticketId, body: "Third.", attachmentIds: [third.id] });
    expect(lastAttachmentIds(ticketId)).toHaveLength(3);
  });
});

describe("[ATTACHMENTS] limits are an administrator's", () => {
  it("an administrator sets the limits, audited with before and after; nobody else can", async () => {
    await callerFor(db, staff.admin).attachments.setLimits({ maxFileBytes: 50 * MB, maxTicketBytes: 200 * MB });
    expect(getAttachmentLimits(db)).toEqual({ maxFileBytes: 50 * MB, maxTicketBytes: 200 * MB });
    expect(await callerFor(db, customer).attachments.limits()).toEqual({
      maxFileBytes: 50 * MB,
      maxTicketBytes: 200 * MB,
      maxFiles: 20,
    });
    const audit = sqlite
      .prepare("select * from audit_log where action = 'attachments.limits' and actor_id = ? order by id desc limit 1")
      .get(staff.admin.id) as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({
      before: DEFAULT_LIMITS,
      after: { maxFileBytes: 50 * MB, maxTicketBytes: 200 * MB },
    });
    for (const who of [staff.manager, staff.agent, customer])
      await expect(
        callerFor(db, who).attachments.setLimits({ maxFileBytes: 2 * MB, maxTicketBytes: 2 * MB }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor(db, staff.admin).attachments.setLimits({ maxFileBytes: 100 * MB, maxTicketBytes: 10 * MB }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(getAttachmentLimits(db).maxFileBytes).toBe(50 * MB);
  });
});

describe("[ATTACHMENTS] staff remove (redact) a file", () => {
  it("the row stays with who and why, the timeline and the audit log say so, the content is deleted", async () => {
    const file = await upload(customer, freshLog(), "secrets.log");
    const sha = shaOfUpload(file.id);
    const ticketId = await createTicket(db, customer, { attachmentIds: [file.id] });
    const [id] = lastAttachmentIds(ticketId) as [number];
    await expect(
      callerFor(db, customer).attachments.remove({ attachmentId: id, reason: "I want it gone" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await callerFor(db, staff.agent).attachments.remove({ attachmentId: id, reason: "Contains an App Certificate" });
    expect(attachmentRow(id)).toMatchObject({
      removed_by_id: staff.agent.id,
      removal_reason: "Contains an App Certificate",
    });
    expect(hasObject(sha)).toBe(false);
    const seen = await callerFor(db, customer).tickets.get({ id: ticketId });
    expect(seen.attachments[0]!.removed).toMatchObject({ by: staff.agent.name, reason: "Contains an App Certificate" });
    expect(seen.timeline.filter((e) => e.type === "attachmentRemoved")).toEqual([
      expect.objectContaining({ fileName: "secrets.log", reason: "Contains an App Certificate" }),
    ]);
    const audit = sqlite
      .prepare("select * from audit_log where action = 'attachment.remove' and entity_id = ?")
      .get(String(ticketId)) as { actor_id: number; detail: string };
    expect(audit.actor_id).toBe(staff.agent.id);
    expect(JSON.parse(audit.detail)).toMatchObject({ attachmentId: id, name: "secrets.log" });

    expect((await download(staff.agent, id)).status).toBe(404);
    await expect(
      callerFor(db, staff.manager).attachments.remove({ attachmentId: id, reason: "Again" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the content stays on disk while another attachment holds the same bytes", async () => {
    const content = freshLog();
    const a = await upload(customer, content, "shared.log");
    const sha = shaOfUpload(a.id);
    const first = await createTicket(db, customer, { attachmentIds: [a.id] });
    const b = await upload(customer, content, "shared.log");
    const second = await createTicket(db, customer, { attachmentIds: [b.id] });
    await callerFor(db, staff.expert).attachments.remove({
      attachmentId: lastAttachmentIds(first)[0]!,
      reason: "Duplicate of the other ticket",
    });
    expect(hasObject(sha)).toBe(true);
    expect((await download(customer, lastAttachmentIds(second)[0]!)).status).toBe(200);
    await callerFor(db, staff.expert).attachments.remove({
      attachmentId: lastAttachmentIds(second)[0]!,
      reason: "Not needed any more",
    });
    expect(hasObject(sha)).toBe(false);
  });

  it("removing a file of an internal note is not on the customer's timeline", async () => {
    const ticketId = await createTicket(db, customer);
    const note = await upload(staff.agent, freshLog(), "internal.log");
    await callerFor(db, staff.agent).tickets.reply({
      ticketId,
      body: "Internal.",
      internal: true,
      attachmentIds: [note.id],
    });
    await callerFor(db, staff.agent).attachments.remove({
      attachmentId: lastAttachmentIds(ticketId)[0]!,
      reason: "Wrong file",
    });
    const customerView = await callerFor(db, customer).tickets.get({ id: ticketId });
    expect(customerView.timeline.some((e) => e.type === "attachmentRemoved")).toBe(false);
    const staffView = await callerFor(db, staff.agent).tickets.get({ id: ticketId });
    expect(staffView.timeline.some((e) => e.type === "attachmentRemoved")).toBe(true);
  });
});

describe("[ATTACHMENTS] unsent uploads expire", () => {
  it("an upload older than a day cannot be sent even before the sweep has deleted it", async () => {
    const file = await upload(customer, freshLog(), "stale.log");
    const later = new Date(TEST_ANCHOR.getTime() + UPLOAD_TTL_MS + 1);
    await expectRefused(
      createTicket(db, customer, { attachmentIds: [file.id] }, later),
      "attachments.errors.uploadMissing",
    );
    const ticketId = await createTicket(
      db,
      customer,
      { attachmentIds: [file.id] },
      new Date(TEST_ANCHOR.getTime() + UPLOAD_TTL_MS),
    );
    expect(lastAttachmentIds(ticketId)).toHaveLength(1);
  });

  it("an upload not sent within a day is deleted with its content; a younger one and its file stay", async () => {
    const old = await upload(colleague, freshLog(), "old.log");
    const oldSha = shaOfUpload(old.id);
    const young = await receiveUpload(
      db,
      store,
      colleague,
      Readable.from([freshLog()]),
      { name: "young.log", declaredSize: null },
      new Date(TEST_ANCHOR.getTime() + 2 * 3_600_000),
    );
    // a temporary file a dead process left two hours ago
    fs.mkdirSync(path.join(root, "tmp"), { recursive: true });
    const stale = path.join(root, "tmp", "dead.part");
    fs.writeFileSync(stale, "half");
    const sweepAt = new Date(TEST_ANCHOR.getTime() + UPLOAD_TTL_MS + 60_000);
    fs.utimesSync(stale, new Date(sweepAt.getTime() - 2 * 3_600_000), new Date(sweepAt.getTime() - 2 * 3_600_000));

    expect(sweepExpiredUploads(db, store, sweepAt)).toBeGreaterThanOrEqual(1);
    expect(count("select count(*) n from uploads where id = ?", old.id)).toBe(0);
    expect(hasObject(oldSha)).toBe(false);
    expect(count("select count(*) n from uploads where id = ?", young.id)).toBe(1);
    expect(hasObject(shaOfUpload(young.id))).toBe(true);
    expect(fs.existsSync(stale)).toBe(false);
    await callerFor(db, colleague).attachments.discard({ uploadId: young.id });
  });
});

// Over HTTP: the route handlers with plain Requests ---------------------------------------------

const options = (user: SessionUser | null): AttachmentHttpOptions => ({
  user,
  db,
  store,
  now: () => TEST_ANCHOR,
  locale: "en",
});

function post(
  user: SessionUser | null,
  body: Buffer | ReadableStream<Uint8Array>,
  name: string,
  headers: Record<string, string> = {},
) {
  const req = new Request("http://portal.test/api/attachments", {
    method: "POST",
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    headers: { "x-file-name": encodeURIComponent(name), ...headers },
    duplex: "half",
  } as RequestInit);
  return handleUpload(req, options(user));
}

function download(
  user: SessionUser | null,
  id: number | string,
  opts: { variant?: "download" | "inline" | "thumbnail"; upload?: boolean; headers?: Record<string, string> } = {},
) {
  const variant = opts.variant ?? "download";
  const query = [variant === "inline" ? "inline=1" : null, opts.upload ? "upload=1" : null].filter(Boolean).join("&");
  const url = `http://portal.test/api/attachments/${id}${variant === "thumbnail" ? "/thumbnail" : ""}${query ? `?${query}` : ""}`;
  return handleDownload(new Request(url, { headers: opts.headers }), options(user), String(id), variant);
}

async function attached(user: SessionUser, content: Buffer, name: string): Promise<number> {
  const file = await upload(user, content, name);
  const ticketId = await createTicket(db, customer, { attachmentIds: user.id === customer.id ? [file.id] : [] });
  return lastAttachmentIds(ticketId)[0]!;
}

describe("[ATTACHMENTS] POST /api/attachments", () => {
  it("stores a file and answers 201 with its id, name, size and kind", async () => {
    const content = await imageOf("png");
    const res = await post(customer, content, "崩溃 截图.png", { "content-length": String(content.length) });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = (await res.json()) as { id: number; name: string; size: number; kind: string };
    expect(body).toMatchObject({ name: "崩溃 截图.png", size: content.length, kind: "image" });
    expect(pending(customer)).toBe(1);
    await callerFor(db, customer).attachments.discard({ uploadId: body.id });
  });

  it("answers 413 with the translated limit for a file over the limit, before storing anything", async () => {
    setAttachmentLimits(db, staff.admin, { maxFileBytes: 1 * MB, maxTicketBytes: 1 * MB }, TEST_ANCHOR);
    const before = storedFiles();
    const declared = await post(customer, Buffer.alloc(10), "big.log", { "content-length": String(5 * MB) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toBe(
      "This file is larger than 1 MB, the limit for one file.",
    );
    const streamed = await post(customer, Buffer.alloc(1 * MB + 10, "z"), "big.log");
    expect(streamed.status).toBe(413);
    expect(storedFiles()).toEqual(before);
    expect(pending(customer)).toBe(0);
  });

  it("answers 400 with a translated message for a disguised, empty or badly named file", async () => {
    const cases: [Buffer, string, string][] = [
      [ELF, "agora.log", "This file is not plain text although its name ends in .log; attach the original file."],
      [isoMediaOf("isom"), "screen.png", "The content of this file is not a .png file; attach the original file."],
      [Buffer.from("x"), "..\\agora.log", "The file name cannot contain a path; rename the file."],
      [Buffer.alloc(0), "empty.log", "The file is empty."],
    ];
    for (const [content, name, message] of cases) {
      const res = await post(customer, content, name);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(message);
    }
    expect(temporaryFiles()).toEqual([]);
    expect(pending(customer)).toBe(0);
  });

  it("an upload whose body breaks off midway answers 400 and leaves nothing", async () => {
    const before = storedFiles();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("2026-12-04 INFO half a log\n".repeat(1000)));
        setTimeout(() => controller.error(new Error("socket hang up")), 5);
      },
    });
    const res = await post(customer, body, "cut.log");
    expect(res.status).toBe(400);
    expect(storedFiles()).toEqual(before);
    expect(pending(customer)).toBe(0);
  });

  it("refuses the anonymous (401), staff who do not work tickets (403) and another site's form (403)", async () => {
    expect((await post(null, freshLog(), "a.log")).status).toBe(401);
    expect((await post(staff.account_manager, freshLog(), "a.log")).status).toBe(403);
    expect((await post(staff.executive, freshLog(), "a.log")).status).toBe(403);
    expect((await post(customer, freshLog(), "a.log", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(pending(customer)).toBe(0);
  });
});

describe("[ATTACHMENTS] GET /api/attachments/:id", () => {
  it("downloads as an attachment with its exact name, never sniffed, sandboxed, private", async () => {
    const content = freshLog();
    const id = await attached(customer, content, "agora sdk (1).log");
    const res = await download(customer, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="agora sdk (1).log"; filename*=UTF-8''agora%20sdk%20%281%29.log`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(res.headers.get("cache-control")).toContain("private");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-length")).toBe(String(content.length));
    expect(Buffer.from(await res.arrayBuffer())).toEqual(content);
  });

  it("serves archives, captures and documents as octet-stream, and shows inline only images and videos", async () => {
    const zip = await attached(customer, zipOf("x.log", freshLog()), "logs.zip");
    const zipRes = await download(customer, zip, { variant: "inline" });
    expect(zipRes.headers.get("content-type")).toBe("application/octet-stream");
    expect(zipRes.headers.get("content-disposition")).toMatch(/^attachment;/);
    const log = await attached(customer, freshLog(), "inline.log");
    expect((await download(customer, log, { variant: "inline" })).headers.get("content-disposition")).toMatch(
      /^attachment;/,
    );

    const png = await attached(customer, await imageOf("png", 30, 20), "shot.png");
    const inline = await download(customer, png, { variant: "inline" });
    expect(inline.headers.get("content-type")).toBe("image/png");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);
    const asDownload = await download(customer, png);
    expect(asDownload.headers.get("content-type")).toBe("application/octet-stream");
    expect(asDownload.headers.get("content-disposition")).toMatch(/^attachment;/);

    const video = await attached(customer, isoMediaOf("isom"), "screen.mp4");
    const played = await download(customer, video, { variant: "inline" });
    expect(played.headers.get("content-type")).toBe("video/mp4");
    expect(played.headers.get("content-disposition")).toMatch(/^inline;/);
  });

  it("serves a byte range with 206 and refuses one past the end with 416", async () => {
    const content = freshLog();
    const id = await attached(customer, content, "ranged.log");
    const part = await download(customer, id, { headers: { range: "bytes=5-14" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 5-14/${content.length}`);
    expect(part.headers.get("content-length")).toBe("10");
    expect(Buffer.from(await part.arrayBuffer())).toEqual(content.subarray(5, 15));
    const tail = await download(customer, id, { headers: { range: "bytes=-4" } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(content.subarray(content.length - 4));
    const beyond = await download(customer, id, { headers: { range: `bytes=${content.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${content.length}`);
  });

  it("answers 304 to a matching If-None-Match, and the full file to a stale one", async () => {
    const id = await attached(customer, freshLog(), "cached.log");
    const first = await download(customer, id);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await download(customer, id, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await download(customer, id, { headers: { "if-none-match": '"stale"' } })).status).toBe(200);
  });

  it("makes a WebP thumbnail of a PNG no larger than 480 px, cached; none for a log", async () => {
    const id = await attached(customer, await imageOf("png", 1600, 900), "wide.png");
    const res = await download(customer, id, { variant: "thumbnail" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 480, height: 270 });
    expect(fs.readdirSync(store.cacheDir()).some((f) => f.endsWith(".webp"))).toBe(true);
    expect((await download(customer, id, { variant: "thumbnail" })).status).toBe(200);
    const log = await attached(customer, freshLog(), "thumb.log");
    expect((await download(customer, log, { variant: "thumbnail" })).status).toBe(404);
  });

  it("refuses the anonymous with 401 and an id that is not a number with 404", async () => {
    const id = await attached(customer, freshLog(), "anon.log");
    expect((await download(null, id)).status).toBe(401);
    for (const bad of ["abc", "0", "-1", "1e3", "99999999999999999999", "2000000000"])
      expect((await download(customer, bad)).status, bad).toBe(404);
  });
});
