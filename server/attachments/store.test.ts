import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { DiskAttachmentStore, FileTooLargeError } from "./store";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "attain-store-"));
const store = new DiskAttachmentStore(root);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const temporary = () => (fs.existsSync(path.join(root, "tmp")) ? fs.readdirSync(path.join(root, "tmp")) : []);
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("the disk store", () => {
  it("streams a file in, keyed by its SHA-256, owner-only, and reads it back whole or by range", async () => {
    const content = Buffer.from("0123456789".repeat(1000));
    const staged = await store.stage(Readable.from([content.subarray(0, 4000), content.subarray(4000)]), {
      maxBytes: 1 << 20,
      headBytes: 16,
    });
    expect(staged.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    expect(staged.size).toBe(content.length);
    expect(staged.head.toString()).toBe("0123456789012345");
    store.commit(staged);
    expect(temporary()).toEqual([]);
    expect(store.size(staged.sha256)).toBe(content.length);
    expect(fs.statSync(store.localPath(staged.sha256)).mode & 0o077).toBe(0);
    const chunks: Buffer[] = [];
    for await (const c of store.read(staged.sha256, { start: 10, end: 19 })) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("0123456789");
    store.remove(staged.sha256);
    expect(store.size(staged.sha256)).toBeNull();
  });

  it("a source that fails at once leaves no temporary file, even a moment later (twenty times over)", async () => {
    for (let i = 0; i < 20; i++) {
      const failing = (async function* () {
        yield* [];
        throw new Error("connection reset");
      })();
      await expect(store.stage(failing, { maxBytes: 1 << 20, headBytes: 16 })).rejects.toThrow("connection reset");
    }
    await settle();
    expect(temporary()).toEqual([]);
  });

  it("a source past the limit is cut off with FileTooLargeError and leaves nothing", async () => {
    await expect(
      store.stage(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000, headBytes: 16 }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    await settle();
    expect(temporary()).toEqual([]);
  });

  it("keys that are not SHA-256 hex never become paths", () => {
    expect(() => store.localPath("../../etc/passwd")).toThrow();
    expect(() => store.read("A".repeat(64))).toThrow();
  });
});
