/**
 * Reads a request body without ever holding more than a limit: a declared Content-Length over the
 * limit is refused before reading, and a body sent without one (chunked) is counted as it streams
 * and abandoned as soon as it passes the limit.
 */
export async function readBodyWithin(
  req: Request,
  maxBytes: number,
): Promise<{ ok: true; body: Uint8Array } | { ok: false }> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) return { ok: false };
  if (!req.body) return { ok: true, body: new Uint8Array(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, body };
}
