/**
 * Real files for the attachment tests: each starts with the bytes its format really starts with,
 * so the content sniffing sees what it would see in an upload (no mocked detection).
 */
import { crc32, gzipSync } from "node:zlib";
import sharp from "sharp";

const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A zip archive holding one stored (uncompressed) file. */
export function zipOf(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const local = bytes(
    [0x50, 0x4b, 0x03, 0x04],
    u16(20),
    u16(0),
    u16(0),
    u16(0),
    u16(0),
    u32(crc),
    u32(content.length),
    u32(content.length),
    u16(fileName.length),
    u16(0),
    fileName,
    content,
  );
  const central = bytes(
    [0x50, 0x4b, 0x01, 0x02],
    u16(20),
    u16(20),
    u16(0),
    u16(0),
    u16(0),
    u16(0),
    u32(crc),
    u32(content.length),
    u32(content.length),
    u16(fileName.length),
    u16(0),
    u16(0),
    u16(0),
    u16(0),
    u32(0),
    u32(0),
    fileName,
  );
  const end = bytes(
    [0x50, 0x4b, 0x05, 0x06],
    u16(0),
    u16(0),
    u16(1),
    u16(1),
    u32(central.length),
    u32(local.length),
    u16(0),
  );
  return Buffer.concat([local, central, end]);
}

/** A ustar archive holding one file. */
export function tarOf(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, "latin1");
  header.write("0000644\0", 100, "latin1");
  header.write("0000000\0", 108, "latin1");
  header.write("0000000\0", 116, "latin1");
  header.write(`${content.length.toString(8).padStart(11, "0")}\0`, 124, "latin1");
  header.write("15100000000\0", 136, "latin1");
  header.write("        ", 148, "latin1");
  header.write("0", 156, "latin1");
  header.write("ustar\0", 257, "latin1");
  header.write("00", 263, "latin1");
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "latin1");
  const padded = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  content.copy(padded);
  return Buffer.concat([header, padded, Buffer.alloc(1024)]);
}

export const LOG_TEXT = Buffer.from(
  "2026-12-04 09:00:01.123 INFO  [rtc] joinChannel demo uid=42\n" +
    "2026-12-04 09:00:31.456 WARN  [rtc] connection lost, reason=timeout\n" +
    "2026-12-04 09:00:32.001 INFO  [rtc] 重新连接 reconnecting\n",
);

/** A tiny image of the given format, made by sharp (the thumbnail library). */
export function imageOf(format: "png" | "jpeg" | "gif" | "webp", width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .toFormat(format)
    .toBuffer();
}

/** An ISO base media file (MP4 or QuickTime) with the given major brand, its `ftyp` box and an empty `mdat`. */
export function isoMediaOf(brand: "isom" | "mp42" | "qt  "): Buffer {
  const ftyp = bytes(u32be(24), "ftyp", brand, u32be(0x200), brand, brand === "qt  " ? "qt  " : "mp41");
  return Buffer.concat([ftyp, bytes(u32be(16), "mdat", Buffer.alloc(8))]);
}

function u32be(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** The EBML header of a WebM file followed by an empty Segment. */
export const WEBM = bytes(
  [0x1a, 0x45, 0xdf, 0xa3, 0x9f],
  [0x42, 0x86, 0x81, 0x01],
  [0x42, 0xf7, 0x81, 0x01],
  [0x42, 0xf2, 0x81, 0x04],
  [0x42, 0xf3, 0x81, 0x08],
  [0x42, 0x82, 0x84],
  "webm",
  [0x42, 0x87, 0x81, 0x04],
  [0x42, 0x85, 0x81, 0x02],
  [0x18, 0x53, 0x80, 0x67, 0x80],
  Buffer.alloc(16),
);

/** A classic libpcap capture: the global header (little-endian, Ethernet) and no packets. */
export const PCAP = bytes([0xd4, 0xc3, 0xb2, 0xa1], u16(2), u16(4), u32(0), u32(0), u32(65535), u32(1));

/** A pcapng capture: one section header block, little-endian. */
export const PCAPNG = bytes(
  [0x0a, 0x0d, 0x0d, 0x0a],
  u32(28),
  [0x4d, 0x3c, 0x2b, 0x1a],
  u16(1),
  u16(0),
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  u32(28),
);

/** A 7-Zip archive's signature header. */
export const SEVEN_ZIP = bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04], Buffer.alloc(24));

export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);

/** The start of a Linux x86-64 executable. */
export const ELF = bytes(
  [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00],
  Buffer.alloc(8),
  [0x02, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00],
  Buffer.alloc(40),
);

/** The start of a Windows executable: the DOS header pointing at a PE header. */
export function windowsExecutable(): Buffer {
  const b = Buffer.alloc(256);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.writeUInt16LE(0x8664, 0x84);
  return b;
}

export const gzipOf = (content: Buffer) => gzipSync(content);
