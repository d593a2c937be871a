/** The page pass of `npm run bench`: each page of scripts/bench/pages.ts over HTTP, bounded in time and requests. */
import { runLoad } from "./load";
import { weigh, type PageLoadResult } from "./page-report";
import { PAGE_ENTRIES, previousQuarter, rscNavigation, trpcGetPath, type PageContext, type PageEntry } from "./pages";

export type PageRunOptions = {
  base: string;
  cookies: Map<string | null, string>;
  context: (as: string | null) => PageContext;
  connections: number;
  durationSec: number;
  warmupSec: number;
  log: (msg: string) => void;
  entries?: readonly PageEntry[];
};

const get = (url: string, cookie: string | undefined, extra: Record<string, string> = {}) =>
  ({ url, method: "GET" as const, headers: { ...(cookie ? { cookie } : {}), ...extra } }) as const;

/** Measures every page: weight, latency at one and at `connections`, the RSC navigation, and its tRPC calls. */
export async function measurePages(o: PageRunOptions): Promise<PageLoadResult[]> {
  const out: PageLoadResult[] = [];
  const callP50 = new Map<string, number>();
  for (const page of o.entries ?? PAGE_ENTRIES) {
    const ctx = o.context(page.as);
    const cookie = o.cookies.get(page.as) ?? o.cookies.get(null);
    const path = page.path(ctx);
    const result: PageLoadResult = {
      name: page.name,
      path,
      as: page.as,
      list: page.list ?? false,
      html: null,
      rsc: null,
      single: null,
      loaded: null,
      rscSingle: null,
      callsP50Ms: null,
      calls: page.calls.map((c) => c.name),
      error: null,
    };
    try {
      const res = await fetch(`${o.base}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      result.html = weigh(res.status, await res.text());
      const nav = await rscNavigation(path);
      const rscRes = await fetch(`${o.base}${nav.path}`, {
        headers: { ...(cookie ? { cookie } : {}), ...nav.headers },
        redirect: "manual",
      });
      result.rsc = weigh(rscRes.status, await rscRes.text());

      const html = get(`${o.base}${path}`, cookie);
      await runLoad({ ...html, connections: o.connections, durationSec: o.warmupSec, maxRequests: 500 });
      const single = await runLoad({
        ...html,
        connections: 1,
        durationSec: Math.min(3, o.durationSec),
        maxRequests: 300,
      });
      result.single = { p50: single.latency.p50, p95: single.latency.p95 };
      const loaded = await runLoad({
        ...html,
        connections: o.connections,
        durationSec: o.durationSec,
        maxRequests: 5000,
      });
      result.loaded = {
        p50: loaded.latency.p50,
        p95: loaded.latency.p95,
        rps: loaded.rps,
        non2xx: loaded.non2xx,
        errors: loaded.errors,
      };
      // Drain what the loaded run left in flight, then the client navigation without a queue.
      await runLoad({ ...html, connections: 1, durationSec: 60, maxRequests: 1, exactly: 1 });
      const rsc = await runLoad({
        ...get(`${o.base}${nav.path}`, cookie, nav.headers),
        connections: 1,
        durationSec: Math.min(3, o.durationSec),
        maxRequests: 300,
      });
      result.rscSingle = { p50: rsc.latency.p50, p95: rsc.latency.p95 };

      let sum = 0;
      for (const call of page.calls) {
        const callPath = trpcGetPath(call.name, call.input?.(ctx));
        const key = `${page.as ?? ""} ${callPath}`;
        if (!callP50.has(key)) {
          const r = await runLoad({
            ...get(`${o.base}${callPath}`, cookie),
            connections: 1,
            durationSec: Math.min(2, o.durationSec),
            maxRequests: 200,
          });
          if (r.non2xx > 0) o.log(`  ${page.name}: ${call.name} answered non-2xx (${JSON.stringify(r.statusCodes)})`);
          callP50.set(key, r.latency.p50);
        }
        sum += callP50.get(key)!;
      }
      result.callsP50Ms = page.calls.length > 0 ? sum : null;
      o.log(
        `page ${page.name} (${path}): HTTP ${result.html.status}, ${(result.html.bytes / 1024).toFixed(1)} KB (${(result.html.gzipBytes / 1024).toFixed(1)} KB gzip, inline RSC ${(result.html.inlineRscBytes / 1024).toFixed(1)} KB); p50/p95 1 conn. ${single.latency.p50.toFixed(1)}/${single.latency.p95.toFixed(1)} ms, ${o.connections} conn. ${loaded.latency.p50.toFixed(1)}/${loaded.latency.p95.toFixed(1)} ms; RSC ${rscRes.status} ${(result.rsc.bytes / 1024).toFixed(1)} KB p50 ${rsc.latency.p50.toFixed(1)} ms; calls ${result.callsP50Ms?.toFixed(1) ?? "n/a"} ms`,
      );
    } catch (err) {
      result.error = err instanceof Error ? err.message : String(err);
      o.log(`page ${page.name}: FAILED ${result.error}`);
    }
    out.push(result);
  }
  return out;
}

/**
 * The second pass: each page's HTML again at `connections`, against a server with one worker per
 * core, after a warm-up; the figures are added to the first pass's results (by page name).
 */
export async function measurePagesLoaded(
  o: Omit<PageRunOptions, "log"> & { workers: number; results: PageLoadResult[]; log: (msg: string) => void },
): Promise<void> {
  for (const page of o.entries ?? PAGE_ENTRIES) {
    const target = o.results.find((r) => r.name === page.name);
    if (!target || target.error) continue;
    const cookie = o.cookies.get(page.as) ?? o.cookies.get(null);
    const html = get(`${o.base}${page.path(o.context(page.as))}`, cookie);
    try {
      await runLoad({ ...html, connections: o.connections, durationSec: o.warmupSec, maxRequests: 500 });
      const r = await runLoad({ ...html, connections: o.connections, durationSec: o.durationSec, maxRequests: 5000 });
      target.cluster = { workers: o.workers, p50: r.latency.p50, p95: r.latency.p95, rps: r.rps, non2xx: r.non2xx };
      o.log(
        `page ${page.name} (${o.workers} workers, ${o.connections} conn.): p50/p95 ${r.latency.p50.toFixed(1)}/${r.latency.p95.toFixed(1)} ms, ${Math.round(r.rps)} req/s, non-2xx ${r.non2xx}`,
      );
      await runLoad({ ...html, connections: 1, durationSec: 60, maxRequests: 1, exactly: 1 });
    } catch (err) {
      o.log(`page ${page.name} (${o.workers} workers): FAILED ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/**
 * The review the review page opens: a dataset without one (the scale seed writes none; the
 * reviews.generate entry writes them) gets the last quarter's review of the organization, generated
 * over HTTP as the account manager, so the page is measured and not a 404.
 */
export async function ensureReview(o: { base: string; cookie: string; organizationId: number; now: number }) {
  const post = await fetch(`${o.base}/api/trpc/reviews.generate`, {
    method: "POST",
    headers: { cookie: o.cookie, "content-type": "application/json" },
    body: JSON.stringify({ json: { organizationId: o.organizationId, quarter: previousQuarter(o.now) } }),
  });
  // 409: the quarter's review exists already (the reviews.generate entry wrote it): list it as it is.
  if (!post.ok && post.status !== 409)
    throw new Error(`reviews.generate answered ${post.status}: ${(await post.text()).slice(0, 200)}`);
  const list = await fetch(`${o.base}${trpcGetPath("reviews.list", { organizationId: o.organizationId })}`, {
    headers: { cookie: o.cookie },
  });
  const body = (await list.json()) as { result?: { data?: { json?: { id: number }[] } } };
  return body.result?.data?.json?.[0]?.id ?? null;
}
