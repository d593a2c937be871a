/**
 * Which files a ticket accepts, decided from the name and the content together (pure: the content
 * sniffing itself is the `file-type` library's, called from service.ts). A name must end in an accepted
 * extension, and the content must be what that extension says: an executable renamed `.log` is
 * refused, and so is a PNG renamed `.pdf`.
 */
import type { AttachmentKind } from "@/db/schema/enums";

type Accepted = {
  kind: AttachmentKind;
  /** The content type we serve it with (never the client's claim). */
  contentType: string;
  /** `file-type` extensions its content may be detected as; "text" means none detected and plain text. */
  detected: readonly string[];
};

const TEXT = ["text"] as const;
/** Text formats the library recognises that a log may still be (an XML log); served as plain text. */
const TEXT_FORMATS = new Set(["xml"]);
const ISO_VIDEO = ["mp4", "m4v", "mov"] as const;
/** The library looks inside a gzip stream and reports a tarball as "tar.gz"; both are gzip. */
const GZIP = ["gz", "tar.gz"] as const;

/** Accepted extensions, longest first where one ends another (`.tar.gz` before `.gz`). */
export const ACCEPTED_EXTENSIONS: Readonly<Record<string, Accepted>> = {
  ".log": { kind: "text", contentType: "text/plain; charset=utf-8", detected: TEXT },
  ".txt": { kind: "text", contentType: "text/plain; charset=utf-8", detected: TEXT },
  ".json": { kind: "text", contentType: "application/json; charset=utf-8", detected: TEXT },
  ".zip": { kind: "archive", contentType: "application/zip", detected: ["zip"] },
  ".tar.gz": { kind: "archive", contentType: "application/gzip", detected: GZIP },
  ".tgz": { kind: "archive", contentType: "application/gzip", detected: GZIP },
  ".gz": { kind: "archive", contentType: "application/gzip", detected: GZIP },
  ".7z": { kind: "archive", contentType: "application/x-7z-compressed", detected: ["7z"] },
  ".png": { kind: "image", contentType: "image/png", detected: ["png"] },
  ".jpg": { kind: "image", contentType: "image/jpeg", detected: ["jpg"] },
  ".jpeg": { kind: "image", contentType: "image/jpeg", detected: ["jpg"] },
  ".gif": { kind: "image", contentType: "image/gif", detected: ["gif"] },
  ".webp": { kind: "image", contentType: "image/webp", detected: ["webp"] },
  ".mp4": { kind: "video", contentType: "video/mp4", detected: ISO_VIDEO },
  ".mov": { kind: "video", contentType: "video/quicktime", detected: ISO_VIDEO },
  ".webm": { kind: "video", contentType: "video/webm", detected: ["webm", "mkv"] },
  ".pcap": { kind: "capture", contentType: "application/vnd.tcpdump.pcap", detected: ["pcap"] },
  ".pcapng": { kind: "capture", contentType: "application/x-pcapng", detected: ["pcapng"] },
  ".pdf": { kind: "document", contentType: "application/pdf", detected: ["pdf"] },
};

/** The accept attribute of the file picker: every accepted extension. */
export const ACCEPT_ATTRIBUTE = Object.keys(ACCEPTED_EXTENSIONS).join(",");

/** The longest a file name may be, in characters. */
export const FILE_NAME_MAX_LENGTH = 200;

export type FileRefusal = {
  message: string;
  messageKey: string;
  values?: Record<string, string | number>;
};

const refusal = (message: string, key: string, values?: FileRefusal["values"]): FileRefusal => ({
  message,
  messageKey: `attachments.errors.${key}`,
  values,
});

/** The accepted extension a name ends with, lower case, or null. */
export function acceptedExtension(name: string): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  for (const ext of Object.keys(ACCEPTED_EXTENSIONS))
    if (lower.endsWith(ext) && lower.length > ext.length && (!best || ext.length > best.length)) best = ext;
  return best;
}

/**
 * What is wrong with a file's name, or null: empty, too long, a path (separators, `..`), control
 * characters, or an extension we do not accept.
 */
export function fileNameProblem(name: string): FileRefusal | null {
  if (name.trim().length === 0) return refusal("The file needs a name.", "nameEmpty");
  if (name.length > FILE_NAME_MAX_LENGTH)
    return refusal(`File names may be at most ${FILE_NAME_MAX_LENGTH} characters.`, "nameTooLong", {
      max: FILE_NAME_MAX_LENGTH,
    });
  if (/[\u0000-\u001f\u007f\u0080-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(name))
    return refusal("The file name contains control characters; rename the file.", "nameControl");
  if (/[/\\]/.test(name) || name === "." || name === ".." || name.startsWith(".."))
    return refusal("The file name cannot contain a path; rename the file.", "namePath");
  if (!acceptedExtension(name))
    return refusal(
      "This type of file is not accepted. Attach logs, archives, images, videos, captures or PDF documents.",
      "typeNotAccepted",
    );
  return null;
}

/** Whether a sample of content reads as text: no NUL bytes and valid UTF-8 (a sequence cut at the end is fine). */
export function looksLikeText(sample: Uint8Array): boolean {
  if (sample.includes(0)) return false;
  let i = 0;
  while (i < sample.length) {
    const b = sample[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= sample.length) return true;
      if ((sample[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/** pcapng, which the sniffing library does not know: a section header block with its byte-order magic. */
export function isPcapng(head: Uint8Array): boolean {
  if (head.length < 12) return false;
  const blockType = head[0] === 0x0a && head[1] === 0x0d && head[2] === 0x0d && head[3] === 0x0a;
  const le = head[8] === 0x4d && head[9] === 0x3c && head[10] === 0x2b && head[11] === 0x1a;
  const be = head[8] === 0x1a && head[9] === 0x2b && head[10] === 0x3c && head[11] === 0x4d;
  return blockType && (le || be);
}

export type FileType = { kind: AttachmentKind; contentType: string };

/**
 * Decides a file's type from its name and its content: `detected` is the extension the sniffing
 * library recognised in the content (undefined when it recognised nothing), `head` the first bytes.
 * Returns the type, or the refusal a user reads: empty, not accepted, or content that is not what the
 * name says (a disguised file).
 */
export function decideFileType(
  name: string,
  size: number,
  detected: string | undefined,
  head: Uint8Array,
): FileType | FileRefusal {
  const bad = fileNameProblem(name);
  if (bad) return bad;
  if (size === 0) return refusal("The file is empty.", "empty");
  const ext = acceptedExtension(name)!;
  const accepted = ACCEPTED_EXTENSIONS[ext]!;
  const found = detected ?? (isPcapng(head) ? "pcapng" : undefined);
  const matches = accepted.detected.includes("text")
    ? (found === undefined || TEXT_FORMATS.has(found)) && looksLikeText(head)
    : found !== undefined && accepted.detected.includes(found);
  if (!matches)
    return refusal(
      `The content of this file is not a ${ext} file; attach the original file.`,
      accepted.kind === "text" ? "notText" : "disguised",
      { ext },
    );
  return { kind: accepted.kind, contentType: accepted.contentType };
}

export const isRefusal = (r: FileType | FileRefusal): r is FileRefusal => "messageKey" in r;
