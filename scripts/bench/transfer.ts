/**
 * The attachment transfer entry (issue #17): a 20 MB log uploaded to POST /api/attachments and
 * downloaded back, over HTTP on loopback, each timed and watched for the server's memory, beside
 * the floor: a plain copy of the same file on the same disk. The server must stream: its RSS may
 * not grow by the file's size.
 */
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";

export type TransferResult = {
  bytes: number;
  runs: number;
  /** Median seconds of a plain file copy on the same disk (the floor), an upload and a download. */
  copySeconds: number;
  uploadSeconds: number;
  downloadSeconds: number;
  /** The server tree's peak RSS during the transfers above the RSS before them, in bytes. */
  uploadRssGrowthBytes: number;
  downloadRssGrowthBytes: number;
  /** The same for one upload five times as large: growth that does not follow the file's size is garbage, not buffering. */
  largeBytes: number;
  largeUploadRssGrowthBytes: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A text log of about `bytes` bytes. */
function writeLog(file: string, bytes: number) {
  const line = "2026-12-01 03:12:00.123 I [rtc] heartbeat ok seq=000000 rtt=42ms loss=0.0%\n";
  const fd = fs.openSync(file, "w");
  const chunk = Buffer.from(line.repeat(Math.ceil(65536 / line.length)));
  for (let written = 0; written < bytes; written += chunk.length)
    fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
  fs.closeSync(fd);
}

function request(
  url: string,
  opts: http.RequestOptions,
  body?: fs.ReadStream,
): Promise<{ status: number; body: Buffer | null; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, opts, (res) => {
      const keep = res.headers["content-type"]?.includes("json");
      const parts: Buffer[] = [];
      let bytes = 0;
      res.on("data", (c: Buffer) => {
        bytes += c.length;
        if (keep) parts.push(c);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: keep ? Buffer.concat(parts) : null, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

async function discardUpload(opts: { base: string; cookie: string }, id: number) {
  const discard = http.request(`${opts.base}/api/trpc/attachments.discard`, {
    method: "POST",
    headers: { cookie: opts.cookie, "content-type": "application/json" },
  });
  discard.end(JSON.stringify({ json: { uploadId: id } }));
  const [res] = (await once(discard, "response")) as [http.IncomingMessage];
  res.resume();
}

export async function measureTransfer(opts: {
  base: string;
  cookie: string;
  workDir: string;
  memory: { reset: () => void; peak: () => number };
  bytes?: number;
  runs?: number;
}): Promise<TransferResult> {
  const bytes = opts.bytes ?? 20 * 1024 * 1024;
  const runs = opts.runs ?? 3;
  fs.mkdirSync(opts.workDir, { recursive: true });
  const source = path.join(opts.workDir, "bench-transfer.log");
  const copy = path.join(opts.workDir, "bench-transfer-copy.log");
  writeLog(source, bytes);
  const copies: number[] = [];
  const uploads: number[] = [];
  const downloads: number[] = [];
  let upGrowth = 0;
  let downGrowth = 0;
  let largeGrowth = 0;
  try {
    // Warm-up: the first upload loads the endpoint's code (type sniffing, the store); not measured.
    const warm = path.join(opts.workDir, "bench-transfer-warmup.log");
    writeLog(warm, 1024 * 1024);
    fs.appendFileSync(warm, `warm-up ${Date.now()}\n`);
    const w = await request(
      `${opts.base}/api/attachments`,
      {
        method: "POST",
        headers: {
          cookie: opts.cookie,
          "content-type": "application/octet-stream",
          "content-length": String(fs.statSync(warm).size),
          "x-file-name": "bench-warmup.log",
        },
      },
      fs.createReadStream(warm),
    );
    fs.rmSync(warm, { force: true });
    if (w.status === 201) await discardUpload(opts, (JSON.parse(w.body!.toString()) as { id: number }).id);
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await pipeline(fs.createReadStream(source), fs.createWriteStream(copy));
      const fd = fs.openSync(copy, "r");
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      copies.push((performance.now() - t) / 1000);
      fs.rmSync(copy, { force: true });

      // Each run a different file (content-addressed: the same bytes twice would be a duplicate).
      fs.appendFileSync(source, `run ${i} ${Date.now()}\n`);
      const size = fs.statSync(source).size;
      opts.memory.reset();
      const before = opts.memory.peak();
      t = performance.now();
      const up = await request(
        `${opts.base}/api/attachments`,
        {
          method: "POST",
          headers: {
            cookie: opts.cookie,
            "content-type": "application/octet-stream",
            "content-length": String(size),
            "x-file-name": encodeURIComponent(`bench-${i}.log`),
          },
        },
        fs.createReadStream(source),
      );
      uploads.push((performance.now() - t) / 1000);
      upGrowth = Math.max(upGrowth, opts.memory.peak() - before);
      if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${up.body?.toString() ?? ""}`);
      const id = (JSON.parse(up.body!.toString()) as { id: number }).id;

      opts.memory.reset();
      const beforeDown = opts.memory.peak();
      t = performance.now();
      const down = await request(`${opts.base}/api/attachments/${id}?upload=1`, {
        method: "GET",
        headers: { cookie: opts.cookie },
      });
      downloads.push((performance.now() - t) / 1000);
      downGrowth = Math.max(downGrowth, opts.memory.peak() - beforeDown);
      if (down.status !== 200 || down.bytes !== size)
        throw new Error(`download answered ${down.status}, ${down.bytes} bytes`);

      await discardUpload(opts, id);
    }
    // One upload five times as large: the server's growth must not follow the file's size.
    writeLog(source, bytes * 5);
    fs.appendFileSync(source, `large ${Date.now()}\n`);
    opts.memory.reset();
    const beforeLarge = opts.memory.peak();
    const large = await request(
      `${opts.base}/api/attachments`,
      {
        method: "POST",
        headers: {
          cookie: opts.cookie,
          "content-type": "application/octet-stream",
          "content-length": String(fs.statSync(source).size),
          "x-file-name": "bench-large.log",
        },
      },
      fs.createReadStream(source),
    );
    largeGrowth = opts.memory.peak() - beforeLarge;
    if (large.status === 201) await discardUpload(opts, (JSON.parse(large.body!.toString()) as { id: number }).id);
  } finally {
    fs.rmSync(source, { force: true });
    fs.rmSync(copy, { force: true });
  }
  return {
    largeBytes: bytes * 5,
    largeUploadRssGrowthBytes: largeGrowth,
    bytes,
    runs,
    copySeconds: median(copies),
    uploadSeconds: median(uploads),
    downloadSeconds: median(downloads),
    uploadRssGrowthBytes: upGrowth,
    downloadRssGrowthBytes: downGrowth,
  };
}

/** The markdown lines of the result, for docs/BENCHMARKS.md. */
export function renderTransfer(r: TransferResult): string[] {
  const mb = r.bytes / 1024 / 1024;
  const rate = (s: number) => `${(mb / s).toFixed(0)} MB/s`;
  const growth = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  return [
    `Attachments: a ${mb.toFixed(0)} MB log uploaded to \`POST /api/attachments\` and downloaded back over loopback (median of ${r.runs}), beside a plain copy of the same file on the same disk (the floor):`,
    "",
    "| transfer | time | throughput | ÷ plain copy | server RSS growth (budget: under the file's size) |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| plain file copy (floor) | ${(r.copySeconds * 1000).toFixed(0)} ms | ${rate(r.copySeconds)} | 1.0× | — |`,
    `| upload | ${(r.uploadSeconds * 1000).toFixed(0)} ms | ${rate(r.uploadSeconds)} | ${(r.uploadSeconds / r.copySeconds).toFixed(1)}× | ${growth(r.uploadRssGrowthBytes)} ${r.uploadRssGrowthBytes < r.bytes ? "✓" : "✗"} |`,
    `| download | ${(r.downloadSeconds * 1000).toFixed(0)} ms | ${rate(r.downloadSeconds)} | ${(r.downloadSeconds / r.copySeconds).toFixed(1)}× | ${growth(r.downloadRssGrowthBytes)} ${r.downloadRssGrowthBytes < r.bytes ? "✓" : "✗"} |`,
    `| upload of ${(r.largeBytes / 1024 / 1024).toFixed(0)} MB (growth only) | — | — | — | ${growth(r.largeUploadRssGrowthBytes)} ${r.largeUploadRssGrowthBytes < r.bytes ? "✓" : "✗"} |`,
    "",
    "RSS growth is the server tree's polled peak during the transfer above its RSS just before; Node frees the chunks' buffers at its next collection, so a growth that does not rise with the file's size is garbage not yet collected, not the file held in memory.",
    "",
  ];
}
