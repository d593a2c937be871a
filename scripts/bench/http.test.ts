import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLoadJs } from "./http";

const MODULE_JS = "console.log('app');".repeat(50);
const POLYFILL_JS = "var legacy = 1;".repeat(500);
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/page") {
      res.setHeader("content-type", "text/html");
      res.end(
        `<html><head><script src="/_next/static/chunks/polyfill.js" noModule="" nonce="n"></script>` +
          `<script src="/_next/static/chunks/app.js" async="" nonce="n"></script><script nonce="n">self.x=1</script></head></html>`,
      );
    } else if (req.url === "/_next/static/chunks/app.js") res.end(MODULE_JS);
    else if (req.url === "/_next/static/chunks/polyfill.js") res.end(POLYFILL_JS);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("first-load JavaScript", () => {
  it("counts the scripts a module-capable browser loads, gzipped, and not the nomodule polyfills", async () => {
    const r = await firstLoadJs(base, "/page", null);
    expect(r).toEqual({ status: 200, bytes: gzipSync(Buffer.from(MODULE_JS)).length, scripts: 1 });
  });
});
