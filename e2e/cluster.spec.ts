import fs from "node:fs";
import http from "node:http";
import { expect, PASSWORD, test } from "./fixtures";

// The e2e server is `scripts/serve.mjs` with two workers (playwright.config.ts): its primary keeps
// the workers' pids in SERVE_STATE_FILE, and each response names its worker in x-attain-worker.
const STATE_FILE = process.env.E2E_SERVE_STATE!;
const PORT = Number(process.env.E2E_PORT ?? 3100);

type ServeState = { primary: number; workers: { id: number; pid: number; listening: boolean }[] };
type Answer = { status: number; worker: number; body: string; cookies: string[] };

const readState = (): ServeState => JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) as ServeState;
const listening = () =>
  readState()
    .workers.filter((w) => w.listening)
    .map((w) => w.pid);

/**
 * One request on a connection of its own (so the primary hands each to the next worker in turn),
 * closed after the answer; rejects when the connection fails.
 */
function call(method: "GET" | "POST", url: string, opts: { cookie?: string; form?: string; json?: unknown } = {}) {
  const body = opts.form ?? (opts.json === undefined ? undefined : JSON.stringify({ json: opts.json }));
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: url,
        method,
        agent: false,
        timeout: 20_000,
        headers: {
          connection: "close",
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(body === undefined
            ? {}
            : { "content-type": opts.form ? "application/x-www-form-urlencoded" : "application/json" }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            worker: Number(res.headers["x-attain-worker"]),
            body: text,
            cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

async function signIn(email: string): Promise<string> {
  const csrf = await call("GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email, password: PASSWORD, csrfToken, json: "true" }).toString();
  const res = await call("POST", "/api/auth/callback/credentials", { cookie: csrf.cookies.join("; "), form });
  expect(res.status).toBe(200);
  return [...csrf.cookies, ...res.cookies].join("; ");
}

/** Sends a read until a worker accepted by `want` answers it (each try is a new connection). */
async function readThrough(want: (pid: number) => boolean, url: string, cookie: string): Promise<Answer> {
  for (let i = 0; i < 40; i++) {
    const res = await call("GET", url, { cookie });
    if (want(res.worker)) return res;
  }
  throw new Error(`no answer from the wanted worker in 40 tries of ${url}`);
}

const queueUrl = `/api/trpc/tickets.queue?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`;
const queueTotal = (a: Answer) => {
  expect(a.status, a.body).toBe(200);
  return (JSON.parse(a.body) as { result: { data: { json: { total: number } } } }).result.data.json.total;
};

test.describe("[RELIABILITY] the portal serves on every core and restarts itself", () => {
  test("a ticket filed through one worker is in the agent's queue on the next read through the other", async () => {
    const [one, two] = listening();
    expect(one).toBeTruthy();
    expect(two).toBeTruthy();
    const agent = await signIn("agent@attain.test");
    const customer = await signIn("dev@nimbus.example");
    // Both workers hold the queue in their read cache (the same read twice in each).
    const before = queueTotal(await readThrough((p) => p === one, queueUrl, agent));
    expect(queueTotal(await readThrough((p) => p === one, queueUrl, agent))).toBe(before);
    expect(queueTotal(await readThrough((p) => p === two, queueUrl, agent))).toBe(before);
    expect(queueTotal(await readThrough((p) => p === two, queueUrl, agent))).toBe(before);

    const filed = await call("POST", "/api/trpc/tickets.create", {
      cookie: customer,
      json: {
        subject: "Cluster check: audio drops after reconnect",
        description: "Filed through one worker, read through the other.",
        productArea: "voice_calling",
        category: "functional_bug",
        priority: "P2",
      },
    });
    expect(filed.status, filed.body).toBe(200);
    const writer = filed.worker;
    expect([one, two]).toContain(writer);
    const after = await readThrough((p) => p !== writer, queueUrl, agent);
    expect(after.worker).not.toBe(writer);
    expect(queueTotal(after)).toBe(before + 1);
    expect(queueTotal(await readThrough((p) => p === writer, queueUrl, agent))).toBe(before + 1);
  });

  test("an operator kills a worker while clients keep asking: only requests in flight on it fail, and a new worker takes its place", async () => {
    test.setTimeout(120_000);
    const [victim, survivor] = listening();
    expect(victim).toBeTruthy();
    expect(survivor).toBeTruthy();
    const CLIENTS = 6;
    let killedAt = 0;
    let stop = false;
    const answers: { at: number; worker: number; status: number }[] = [];
    const failures: { at: number; error: string }[] = [];
    const client = async () => {
      while (!stop) {
        try {
          const res = await call("GET", "/api/trpc/health.ping");
          answers.push({ at: Date.now(), worker: res.worker, status: res.status });
        } catch (err) {
          failures.push({ at: Date.now(), error: err instanceof Error ? err.message : String(err) });
        }
      }
    };
    const running = Array.from({ length: CLIENTS }, client);
    // Both workers answer before the kill.
    await expect.poll(() => new Set(answers.map((a) => a.worker)).size, { timeout: 20_000 }).toBe(2);
    killedAt = Date.now();
    process.kill(victim!, "SIGKILL");
    // The survivor keeps answering, and the primary starts a replacement that answers too.
    await expect
      .poll(
        () => {
          const pids = listening();
          const fresh = pids.find((p) => p !== survivor && p !== victim);
          return fresh !== undefined && answers.some((a) => a.worker === fresh && a.at > killedAt);
        },
        { timeout: 90_000, intervals: [250] },
      )
      .toBe(true);
    stop = true;
    await Promise.all(running);

    const afterKill = answers.filter((a) => a.at > killedAt);
    expect(afterKill.filter((a) => a.worker === survivor).length).toBeGreaterThan(10);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.some((a) => a.worker === victim && a.at > killedAt + 1000)).toBe(false);
    // Each client had one request open at a time: at most one per client was in flight on the victim.
    expect(failures.length).toBeLessThanOrEqual(CLIENTS);
    expect(failures.every((f) => f.at >= killedAt)).toBe(true);
    const state = readState();
    expect(state.workers.map((w) => w.pid)).not.toContain(victim);
    expect(state.workers.filter((w) => w.listening)).toHaveLength(2);
  });
});
