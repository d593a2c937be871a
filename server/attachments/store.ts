/**
 * Where attachment content lives: behind a small interface so that an object store can replace the
 * disk. The disk store keeps each file once, named by the SHA-256 of its content, under
 * `ATTACHMENTS_DIR` (default `attachments` beside the database), owner-only.
 *
 * A file arrives in two steps. `stage` streams it into a temporary file (never holding it whole in
 * memory), hashing and counting as it goes and giving up as soon as it passes the size limit; a
 * stream that fails or is cut off leaves nothing. `commit` then moves it under its key; it is
 * synchronous so that it runs inside the write transaction that records the file, the same way
 * `remove` does, so a commit and a removal of the same content are serialized by the database lock.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/server/env";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "@/server/ops/private-file";

/** A file streamed into the store's temporary area, not yet stored under its key. */
export type StagedFile = { sha256: string; size: number; head: Buffer; tempPath: string };

/** The stream passed the size limit; nothing of it remains. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
    this.name = "FileTooLargeError";
  }
}

export interface AttachmentStore {
  stage(
    source: AsyncIterable<Uint8Array> | Readable,
    opts: { maxBytes: number; headBytes: number },
  ): Promise<StagedFile>;
  commit(staged: StagedFile): void;
  discard(staged: StagedFile): void;
  /** The stored size of a key, or null when the store does not hold it. */
  size(sha256: string): number | null;
  /** The content of a key, optionally a byte range (inclusive end). */
  read(sha256: string, range?: { start: number; end: number }): Readable;
  /** A path the thumbnail library can open (the disk store's own file). */
  localPath(sha256: string): string;
  remove(sha256: string): void;
  /** Deletes temporary files older than `maxAgeMs` (left by a process that died mid-upload); returns how many. */
  sweepTemporary(maxAgeMs: number, now: Date): number;
  /** The folder thumbnails are cached in. */
  cacheDir(): string;
}

const KEY = /^[0-9a-f]{64}$/;

function ensureDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

export class DiskAttachmentStore implements AttachmentStore {
  constructor(readonly root: string) {}

  private objectPath(sha256: string): string {
    if (!KEY.test(sha256)) throw new Error("Not an attachment key.");
    return path.join(this.root, "objects", sha256.slice(0, 2), sha256);
  }

  private tempDir(): string {
    return path.join(this.root, "tmp");
  }

  cacheDir(): string {
    return path.join(this.root, "cache");
  }

  async stage(
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Readable,
    opts: { maxBytes: number; headBytes: number },
  ): Promise<StagedFile> {
    ensureDir(this.tempDir());
    const tempPath = path.join(this.tempDir(), `${randomBytes(12).toString("hex")}.part`);
    const hash = createHash("sha256");
    const headParts: Buffer[] = [];
    let headSize = 0;
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.byteLength;
        if (size > opts.maxBytes) return done(new FileTooLargeError(opts.maxBytes));
        hash.update(chunk);
        if (headSize < opts.headBytes) {
          const part = chunk.subarray(0, opts.headBytes - headSize);
          headParts.push(Buffer.from(part));
          headSize += part.byteLength;
        }
        done(null, chunk);
      },
    });
    // Opened here, not lazily by the stream: a source that fails at once would otherwise reject the
    // pipeline before the stream's own open completes, and that open would create the file after the
    // cleanup below had run, leaving it behind.
    const out = fs.createWriteStream(tempPath, { fd: fs.openSync(tempPath, "wx", PRIVATE_FILE_MODE) });
    try {
      await pipeline(source, counter, out);
      const fd = fs.openSync(tempPath, "r");
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      out.destroy();
      fs.rmSync(tempPath, { force: true });
      throw e;
    }
    return { sha256: hash.digest("hex"), size, head: Buffer.concat(headParts), tempPath };
  }

  commit(staged: StagedFile): void {
    const target = this.objectPath(staged.sha256);
    if (fs.existsSync(target)) {
      fs.rmSync(staged.tempPath, { force: true });
      return;
    }
    ensureDir(path.dirname(target));
    fs.renameSync(staged.tempPath, target);
  }

  discard(staged: StagedFile): void {
    fs.rmSync(staged.tempPath, { force: true });
  }

  size(sha256: string): number | null {
    try {
      return fs.statSync(this.objectPath(sha256)).size;
    } catch {
      return null;
    }
  }

  read(sha256: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.objectPath(sha256), range ? { start: range.start, end: range.end } : {});
  }

  localPath(sha256: string): string {
    return this.objectPath(sha256);
  }

  remove(sha256: string): void {
    fs.rmSync(this.objectPath(sha256), { force: true });
    const cache = this.cacheDir();
    if (fs.existsSync(cache))
      for (const f of fs.readdirSync(cache)) if (f.startsWith(sha256)) fs.rmSync(path.join(cache, f), { force: true });
  }

  sweepTemporary(maxAgeMs: number, now: Date): number {
    const dir = this.tempDir();
    if (!fs.existsSync(dir)) return 0;
    let removed = 0;
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      const stat = fs.statSync(p, { throwIfNoEntry: false });
      if (stat && now.getTime() - stat.mtimeMs > maxAgeMs) {
        fs.rmSync(p, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

let shared: AttachmentStore | null = null;

/** The process's store, under `ATTACHMENTS_DIR`. */
export function getAttachmentStore(): AttachmentStore {
  shared ??= new DiskAttachmentStore(env.attachmentsDir);
  return shared;
}
