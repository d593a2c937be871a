import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import {
  ELF,
  LOG_TEXT,
  PCAP,
  PCAPNG,
  PDF,
  SEVEN_ZIP,
  WEBM,
  gzipOf,
  imageOf,
  isoMediaOf,
  tarOf,
  windowsExecutable,
  zipOf,
} from "@/server/testing/attachment-samples";
import {
  ACCEPTED_EXTENSIONS,
  FILE_NAME_MAX_LENGTH,
  acceptedExtension,
  decideFileType,
  fileNameProblem,
  isPcapng,
  isRefusal,
  looksLikeText,
} from "./file-types";

/** Decides a file's type exactly as an upload does: the sniffing library reads the real bytes first. */
async function decide(name: string, content: Buffer) {
  const detected = (await fileTypeFromBuffer(content))?.ext;
  return decideFileType(name, content.length, detected, content.subarray(0, 64 * 1024));
}

async function samples(): Promise<Record<string, Buffer>> {
  return {
    ".log": LOG_TEXT,
    ".txt": Buffer.from("Steps: join, leave, join again.\r\nResult: no audio.\r\n"),
    ".json": Buffer.from('{"sdk":"4.2.1","events":[{"t":"join","ok":true}]}'),
    ".zip": zipOf("agora.log", LOG_TEXT),
    ".tar.gz": gzipOf(tarOf("logs/agora.log", LOG_TEXT)),
    ".tgz": gzipOf(tarOf("logs/agora.log", LOG_TEXT)),
    ".gz": gzipOf(LOG_TEXT),
    ".7z": SEVEN_ZIP,
    ".png": await imageOf("png"),
    ".jpg": await imageOf("jpeg"),
    ".jpeg": await imageOf("jpeg"),
    ".gif": await imageOf("gif"),
    ".webp": await imageOf("webp"),
    ".mp4": isoMediaOf("isom"),
    ".mov": isoMediaOf("qt  "),
    ".webm": WEBM,
    ".pcap": PCAP,
    ".pcapng": PCAPNG,
    ".pdf": PDF,
  };
}

describe("accepted files: the name and the content agree", () => {
  it("every accepted extension is accepted with real content of its format, typed by our table and not the client", async () => {
    const all = await samples();
    expect(Object.keys(all).sort()).toEqual(Object.keys(ACCEPTED_EXTENSIONS).sort());
    for (const [ext, content] of Object.entries(all)) {
      const type = await decide(`capture-2026-12-04${ext}`, content);
      expect(isRefusal(type), `${ext}: ${JSON.stringify(type)}`).toBe(false);
      expect(type).toEqual({
        kind: ACCEPTED_EXTENSIONS[ext]!.kind,
        contentType: ACCEPTED_EXTENSIONS[ext]!.contentType,
      });
    }
  });

  it("a real .tar.gz (which the library reports as tar.gz) is an archive, and so is a tarball named .gz", async () => {
    const tarball = gzipOf(tarOf("logs/agora.log", LOG_TEXT));
    expect((await fileTypeFromBuffer(tarball))?.ext).toBe("tar.gz");
    expect(await decide("logs.tar.gz", tarball)).toMatchObject({ kind: "archive" });
    expect(await decide("logs.gz", tarball)).toMatchObject({ kind: "archive" });
    expect(await decide("logs.tar.gz", gzipOf(LOG_TEXT))).toMatchObject({ kind: "archive" });
  });

  it("an MP4 recorded by Android (mp42) and a QuickTime movie from an iPhone are videos", async () => {
    expect(await decide("screen.mp4", isoMediaOf("mp42"))).toMatchObject({ kind: "video", contentType: "video/mp4" });
    expect(await decide("screen.mov", isoMediaOf("qt  "))).toMatchObject({ kind: "video" });
  });

  it("upper-case extensions are the same extensions", async () => {
    expect(await decide("SCREEN.PNG", await imageOf("png"))).toMatchObject({ kind: "image" });
    expect(await decide("AGORA.LOG", LOG_TEXT)).toMatchObject({ kind: "text" });
  });

  it("a pcapng capture, which the library does not know, is recognised by its section header block in either byte order", async () => {
    expect(await fileTypeFromBuffer(PCAPNG)).toBeUndefined();
    expect(isPcapng(PCAPNG)).toBe(true);
    const bigEndian = Buffer.from(PCAPNG);
    bigEndian.set([0x1a, 0x2b, 0x3c, 0x4d], 8);
    expect(isPcapng(bigEndian)).toBe(true);
    expect(isPcapng(PCAPNG.subarray(0, 11))).toBe(false);
    expect(await decide("capture.pcapng", LOG_TEXT)).toMatchObject({ messageKey: "attachments.errors.disguised" });
  });

  it("a UTF-8 log whose sample ends in the middle of a character is still text", () => {
    const chinese = Buffer.from("连接超时");
    expect(looksLikeText(chinese.subarray(0, chinese.length - 1))).toBe(true);
    expect(looksLikeText(Buffer.from([0x61, 0xc3, 0x28]))).toBe(false);
    expect(looksLikeText(Buffer.from([0x61, 0x00, 0x62]))).toBe(false);
  });
});

describe("disguised files are refused: the content is not what the name says", () => {
  it("a Linux executable renamed .log is refused as not text", async () => {
    expect(await decide("agora.log", ELF)).toMatchObject({
      messageKey: "attachments.errors.notText",
      values: { ext: ".log" },
    });
  });

  it("a Windows executable renamed .log or .txt is refused", async () => {
    expect(await decide("agora.log", windowsExecutable())).toMatchObject({ messageKey: "attachments.errors.notText" });
    expect(await decide("readme.txt", windowsExecutable())).toMatchObject({ messageKey: "attachments.errors.notText" });
  });

  it("a PNG renamed .pdf and a zip renamed .png are disguised", async () => {
    expect(await decide("report.pdf", await imageOf("png"))).toMatchObject({
      messageKey: "attachments.errors.disguised",
      values: { ext: ".pdf" },
    });
    expect(await decide("screenshot.png", zipOf("a.log", LOG_TEXT))).toMatchObject({
      messageKey: "attachments.errors.disguised",
      values: { ext: ".png" },
    });
  });

  it("an executable renamed .zip, a text renamed .mp4 and binary junk renamed .json are refused", async () => {
    expect(await decide("logs.zip", ELF)).toMatchObject({ messageKey: "attachments.errors.disguised" });
    expect(await decide("screen.mp4", LOG_TEXT)).toMatchObject({ messageKey: "attachments.errors.disguised" });
    expect(await decide("config.json", Buffer.from([0x7b, 0x00, 0xff, 0xfe]))).toMatchObject({
      messageKey: "attachments.errors.notText",
    });
  });

  it("an empty file is refused, whatever its name", async () => {
    expect(decideFileType("agora.log", 0, undefined, Buffer.alloc(0))).toMatchObject({
      messageKey: "attachments.errors.empty",
    });
    expect(decideFileType("screen.png", 0, undefined, Buffer.alloc(0))).toMatchObject({
      messageKey: "attachments.errors.empty",
    });
  });
});

describe("file names", () => {
  const problem = (name: string) => fileNameProblem(name)?.messageKey ?? null;

  it("ordinary names, with spaces, accents and Chinese, are fine", () => {
    for (const name of ["agora sdk.log", "journal-2026-12-04.tar.gz", "résumé.pdf", "崩溃截图.png", "a.b.c.json"])
      expect(problem(name), name).toBeNull();
  });

  it("a name with a path is refused: slashes, backslashes and leading ..", () => {
    for (const name of ["logs/agora.log", "..\\..\\agora.log", "../agora.log", "C:\\temp\\agora.log"])
      expect(problem(name), name).toBe("attachments.errors.namePath");
  });

  it("control characters and bidirectional overrides are refused (exe\u202Egol.log would read as a .log)", () => {
    for (const name of [
      "agora\u0000.log",
      "agora\n.log",
      "agora\t.log",
      "agora\u007f.log",
      "agora\u0085.log",
      "invoice\u202Egol.exe.log",
      "photo\u2066.png",
      "line\u2028break.txt",
    ])
      expect(problem(name), JSON.stringify(name)).toBe("attachments.errors.nameControl");
  });

  it(`a name may be ${FILE_NAME_MAX_LENGTH} characters, not one more; an empty or blank name is refused`, () => {
    const ok = `${"a".repeat(FILE_NAME_MAX_LENGTH - 4)}.log`;
    expect(problem(ok)).toBeNull();
    expect(fileNameProblem(`a${ok}`)).toMatchObject({
      messageKey: "attachments.errors.nameTooLong",
      values: { max: FILE_NAME_MAX_LENGTH },
    });
    expect(problem("")).toBe("attachments.errors.nameEmpty");
    expect(problem("   ")).toBe("attachments.errors.nameEmpty");
  });

  it("types we do not accept are refused by name, and an extension alone is not a name", () => {
    for (const name of [
      "setup.exe",
      "libagora.so",
      "run.sh",
      "page.html",
      "image.svg",
      "agora.log.exe",
      ".log",
      "logs",
    ])
      expect(problem(name), name).toBe("attachments.errors.typeNotAccepted");
  });

  it(".tar.gz is recognised before .gz, and .tgz on its own", () => {
    expect(acceptedExtension("logs.tar.gz")).toBe(".tar.gz");
    expect(acceptedExtension("logs.TAR.GZ")).toBe(".tar.gz");
    expect(acceptedExtension("logs.gz")).toBe(".gz");
    expect(acceptedExtension("logs.tgz")).toBe(".tgz");
    expect(acceptedExtension("capture.pcapng")).toBe(".pcapng");
    expect(acceptedExtension("capture.pcap")).toBe(".pcap");
    expect(acceptedExtension(".tar.gz")).toBe(".gz");
  });
});
