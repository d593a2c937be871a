/**
 * The limits of one tRPC request, shared by the HTTP handler and the browser's batch link (this
 * module imports nothing, so the client bundle may import it). docs/decisions/016-request-limits.md.
 */

/**
 * The most procedure calls one batched request may hold. The browser's link splits larger batches
 * (its `maxItems` is this value), so the UI is never refused; a hand-made batch over it gets 400
 * before any procedure runs.
 */
export const MAX_BATCH_SIZE = 10;

/**
 * The largest request body, in bytes. The largest legitimate input is an article (100,000
 * characters of body, plus title, summary and lists): at most ~300 kB of UTF-8 for Chinese text,
 * ~600 kB if every character had to be escaped in JSON. 1 MiB leaves room for a batch of a save
 * and a preview; a larger body is refused with 413 before it is parsed.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
