/** One bounded load run with autocannon, with every response's latency kept for exact percentiles. */
import autocannon from "autocannon";
import { summarize, type LatencySummary } from "./stats";

export type LoadOptions = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  /** Per-request body (seq = 0, 1, 2...), for POST. */
  body?: (seq: number) => string;
  /** Per-request path and query (seq = 0, 1, 2...), in place of the URL's: a GET whose input differs each time. */
  path?: (seq: number) => string;
  connections: number;
  durationSec: number;
  /** Stop early after this many responses, whichever comes first. */
  maxRequests: number;
  /**
   * Send exactly this many requests and stop (autocannon's `amount`, which overrides the duration).
   * Stopping on `maxRequests` takes effect only after requests already sent, so a sequence that
   * must not repeat a request uses this.
   */
  exactly?: number;
  /** Hold the whole run to this many requests per second (autocannon's overallRate); default: as fast as answered. */
  rate?: number;
};

export type LoadResult = {
  latency: LatencySummary;
  requests: number;
  rps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  seconds: number;
};

/**
 * Runs autocannon at a fixed concurrency, bounded in time and in request count. autocannon's own
 * histogram has no p95, so latencies are collected from its `response` events (hrtime, in ms).
 */
export function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let seq = 0;
  const { body, path } = opts;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        ...(opts.exactly !== undefined ? { amount: opts.exactly } : { duration: opts.durationSec }),
        timeout: 10,
        ...(opts.rate ? { overallRate: opts.rate } : {}),
        requests: [
          {
            method: opts.method,
            headers: opts.headers,
            ...(body || path
              ? {
                  setupRequest: (req: autocannon.Request) => {
                    const n = seq++;
                    return { ...req, ...(body ? { body: body(n) } : {}), ...(path ? { path: path(n) } : {}) };
                  },
                }
              : {}),
          },
        ],
      },
      (err: unknown, result: autocannon.Result) => {
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({
          latency: summarize(latencies),
          requests: latencies.length,
          rps: latencies.length / seconds,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          seconds,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (latencies.length === opts.maxRequests) instance.stop();
    });
  });
}
