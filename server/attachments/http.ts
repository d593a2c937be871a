/**
 * The attachment endpoints over HTTP, apart from Next.js so tests call them with plain Requests:
 * POST /api/attachments (one file per request, its bytes as the body, its name in `x-file-name`)
 * and GET /api/attachments/:id (download), ?inline=1 (an image or video shown in the page) and
 * /api/attachments/:id/thumbnail. Every answer is private and never sniffed by the browser.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import sharp from "sharp";
import type { Locale } from "@/db/schema/enums";
import { can } from "@/server/auth/permissions";
import type { SessionUser } from "@/server/auth/session";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { domainRefusal, translatedRefusal } from "@/server/i18n/refusals";
import { isCrossSiteMutation } from "@/server/security/cross-site";
import { findOwnUpload, findReadableAttachment, receiveUpload } from "./service";
import type { AttachmentStore } from "./store";

export type AttachmentHttpOptions = {
  user: SessionUser | null;
  db: Db;
  store: AttachmentStore;
  now: () => Date;
  /** The caller's language, for the refusals' sentences. */
  locale: Locale;
};

const PRIVATE = { "cache-control": "private, no-cache", "x-content-type-options": "nosniff" };
/** A downloaded file can never run as a page of ours, whatever it holds. */
const SANDBOX = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
const THUMBNAIL_SIZE = 480;
/** Images larger than this many pixels get no thumbnail (bounded work; the file still downloads). */
const THUMBNAIL_MAX_PIXELS = 50_000_000;

const STATUS: Record<DomainError["code"], number> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

function errorResponse(e: unknown, locale: Locale): Response {
  if (e instanceof DomainError) {
    const status = e.messageKey === "attachments.errors.fileTooLarge" ? 413 : STATUS[e.code];
    const message = domainRefusal(e, locale) ?? e.message;
    return Response.json({ error: { code: e.code, message } }, { status, headers: PRIVATE });
  }
  console.error("attachments: request failed:", e);
  return Response.json(
    { error: { code: "INTERNAL", message: translatedRefusal(locale, "errors.unexpected") } },
    { status: 500, headers: PRIVATE },
  );
}

function refuse(status: number, code: DomainError["code"], key: string, locale: Locale): Response {
  const message = translatedRefusal(locale, key) ?? translatedRefusal(locale, "errors.unexpected");
  return Response.json({ error: { code, message } }, { status, headers: PRIVATE });
}

/** POST /api/attachments: stores one file as the user's pending upload. */
export async function handleUpload(req: Request, o: AttachmentHttpOptions): Promise<Response> {
  if (isCrossSiteMutation(req.method, req.headers)) return refuse(403, "FORBIDDEN", "errors.forbidden", o.locale);
  if (!o.user) return refuse(401, "UNAUTHORIZED", "errors.unauthorized", o.locale);
  if (!can(o.user, "tickets.work")) return refuse(403, "FORBIDDEN", "errors.forbidden", o.locale);
  let name: string;
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "");
  } catch {
    return refuse(400, "INVALID", "attachments.errors.nameEmpty", o.locale);
  }
  const length = req.headers.get("content-length");
  const declaredSize = length !== null && /^\d+$/.test(length) ? Number(length) : null;
  if (!req.body) return refuse(400, "INVALID", "attachments.errors.empty", o.locale);
  const body = req.body;
  try {
    const upload = await receiveUpload(
      o.db,
      o.store,
      o.user,
      Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>),
      { name, declaredSize },
      o.now(),
    );
    return Response.json(upload, { status: 201, headers: PRIVATE });
  } catch (e) {
    // Stop reading whatever the client still sends of a refused file.
    body.cancel().catch(() => undefined);
    return errorResponse(e, o.locale);
  }
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within a file of `size` bytes; null for anything else. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === "" && m[2] === "") || size === 0) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

/** `attachment; filename="..."; filename*=UTF-8''...`: an ASCII fallback and the exact name. */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * as they are, which RFC 5987 does not allow in the value
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

type Variant = "download" | "inline" | "thumbnail";

/** GET /api/attachments/:id[?inline=1] and /api/attachments/:id/thumbnail, or an upload's (?upload=1). */
export async function handleDownload(
  req: Request,
  o: AttachmentHttpOptions,
  rawId: string,
  variant: Variant,
): Promise<Response> {
  if (!o.user) return refuse(401, "UNAUTHORIZED", "errors.unauthorized", o.locale);
  const id = /^\d{1,15}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) return refuse(404, "NOT_FOUND", "errors.notFound", o.locale);
  let file: { name: string; size: number; kind: string; contentType: string; sha256: string };
  try {
    file =
      new URL(req.url).searchParams.get("upload") === "1"
        ? findOwnUpload(o.db, o.user, id)
        : findReadableAttachment(o.db, o.user, id);
  } catch (e) {
    return errorResponse(e, o.locale);
  }
  const etag = `"${file.sha256.slice(0, 32)}${variant === "thumbnail" ? "-t" : ""}"`;
  const common = { ...PRIVATE, etag, "content-security-policy": SANDBOX };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: common });

  if (variant === "thumbnail") {
    if (file.kind !== "image") return refuse(404, "NOT_FOUND", "errors.notFound", o.locale);
    const thumb = await thumbnail(o.store, file.sha256);
    if (!thumb) return refuse(404, "NOT_FOUND", "errors.notFound", o.locale);
    return new Response(new Uint8Array(thumb), {
      headers: { ...common, "content-type": "image/webp", "content-length": String(thumb.byteLength) },
    });
  }

  const size = o.store.size(file.sha256);
  if (size === null) return refuse(404, "NOT_FOUND", "errors.notFound", o.locale);
  const inline = variant === "inline" && (file.kind === "image" || file.kind === "video");
  const headers: Record<string, string> = {
    ...common,
    "content-type": inline ? file.contentType : file.kind === "text" ? file.contentType : "application/octet-stream",
    "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
    "accept-ranges": "bytes",
  };
  const range = req.headers.get("range") ? parseRange(req.headers.get("range"), size) : null;
  if (req.headers.get("range") && !range)
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  const stream = o.store.read(file.sha256, range ?? undefined);
  const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
  if (range)
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        "content-range": `bytes ${range.start}-${range.end}/${size}`,
        "content-length": String(range.end - range.start + 1),
      },
    });
  return new Response(body, { headers: { ...headers, "content-length": String(size) } });
}

/** A WebP thumbnail of a stored image, made once with sharp and kept in the store's cache folder. */
async function thumbnail(store: AttachmentStore, sha256: string): Promise<Buffer | null> {
  const cached = path.join(store.cacheDir(), `${sha256}-${THUMBNAIL_SIZE}.webp`);
  try {
    return await fs.promises.readFile(cached);
  } catch {
    // not made yet
  }
  try {
    const out = await sharp(store.localPath(sha256), { limitInputPixels: THUMBNAIL_MAX_PIXELS, animated: false })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    await fs.promises.mkdir(store.cacheDir(), { recursive: true, mode: 0o700 });
    const tmp = `${cached}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, out, { mode: 0o600 });
    await fs.promises.rename(tmp, cached);
    return out;
  } catch {
    return null;
  }
}
