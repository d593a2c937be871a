/** The production server under test: started on 127.0.0.1, watched for memory, stopped by its own id. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** `pid` is the primary's (scripts/serve.mjs); its workers are its children. */
export type Server = { url: string; pid: number; workers: number; child: ChildProcess; log: string[] };

/** Parts of .next that `next start` does not read. */
const NOT_SERVED = new Set(["cache", "dev", "trace", "trace-build", "diagnostics", "types"]);

function buildId(dir: string, dist = ".next"): string | null {
  try {
    return fs.readFileSync(path.join(dir, dist, "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * Copies the production build into a private directory and serves it from there, because other
 * engineers rebuild `.next` (and run `next dev` beside it) while the bench runs. The copy keeps
 * .next's relative symlinks (externals such as better-sqlite3) working through a node_modules
 * link, and carries next.config.ts (with the project files it imports), which the server loads.
 * Reused while the BUILD_ID matches.
 */
export function snapshotBuild(projectDir: string, target: string, distDir = ".next"): string {
  const id = buildId(projectDir, distDir);
  if (!id) throw new Error(`no production build in ${path.join(projectDir, distDir)}`);
  if (buildId(target) === id) return id;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const dist = path.join(projectDir, distDir);
  fs.cpSync(dist, path.join(target, ".next"), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => !NOT_SERVED.has(path.relative(dist, src).split(path.sep)[0] ?? ""),
  });
  for (const f of ["package.json", ...configFiles(projectDir, "next.config.ts")]) {
    fs.mkdirSync(path.dirname(path.join(target, f)), { recursive: true });
    fs.copyFileSync(path.join(projectDir, f), path.join(target, f));
  }
  if (fs.existsSync(path.join(projectDir, "public")))
    fs.cpSync(path.join(projectDir, "public"), path.join(target, "public"), { recursive: true });
  fs.symlinkSync(path.join(projectDir, "node_modules"), path.join(target, "node_modules"));
  if (buildId(projectDir, distDir) !== id || buildId(target) !== id) {
    fs.rmSync(target, { recursive: true, force: true });
    throw new Error(
      "the production build changed while it was being copied (someone is rebuilding); run the bench again",
    );
  }
  return id;
}

/** A TypeScript file and the project files it imports with relative paths, transitively (relative paths). */
export function configFiles(projectDir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = fs.readFileSync(path.join(projectDir, file), "utf8");
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const base = path.join(path.dirname(file), m[1]!);
    const found = [base, `${base}.ts`, `${base}.mts`, `${base}.js`, `${base}.mjs`, path.join(base, "index.ts")].find(
      (f) => fs.statSync(path.join(projectDir, f), { throwIfNoEntry: false })?.isFile(),
    );
    if (found) configFiles(projectDir, found, seen);
  }
  return [...seen];
}

/** A free TCP port on 127.0.0.1, from the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts the production server as `npm start` runs it (scripts/serve.mjs, `workers` workers, 1 by
 * default) on 127.0.0.1 in its own process group (so stopping it stops exactly what was started
 * here) and waits until every worker serves and health.ping answers.
 */
export async function startServer(opts: {
  databasePath: string;
  dir: string;
  timeoutMs?: number;
  workers?: number;
  /** The build directory under `dir` (NEXT_DIST_DIR for the server); default: the caller's NEXT_DIST_DIR. */
  distDir?: string;
}): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const workers = opts.workers ?? 1;
  const serve = path.join(process.cwd(), "scripts", "serve.mjs");
  const args = [serve, "--hostname", "127.0.0.1", "--port", String(port), "--workers", String(workers)];
  const child = spawn(process.execPath, [...args, "--dir", opts.dir], {
    env: {
      ...process.env,
      DATABASE_URL: opts.databasePath,
      NEXTAUTH_SECRET: `bench-${process.pid}-${Date.now()}-secret-value`,
      NEXTAUTH_URL: url,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(opts.distDir ? { NEXT_DIST_DIR: opts.distDir } : {}),
    },
    cwd: opts.dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const keep = (b: Buffer) => {
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (child.pid === undefined) throw new Error("the server did not spawn");
  const server = { url, pid: child.pid, workers, child, log };
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000) * Math.max(1, workers / 2);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log.join("")}`);
    const serving = log.join("").match(/ serving on /g)?.length ?? 0;
    try {
      const res = await fetch(`${url}/api/trpc/health.ping`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && serving >= workers) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopServer(server);
      throw new Error(`the server did not answer within the timeout:\n${log.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}

/** SIGTERM to the server's process group, SIGKILL after 20 s if it is still there (serve.mjs allows 10 s). */
export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 20_000);
  await exited;
  clearTimeout(timer);
}

function statusField(pid: number, field: string): number | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The pid and all its descendants, from /proc (Linux). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Polls the resident memory of the server's process tree (sum of VmRSS) and keeps the peak;
 * `peakHwm` adds each process's own high-water mark (VmHWM), which also catches spikes between polls.
 */
export function watchMemory(pid: number, everyMs = 100) {
  let peak = 0;
  let tree = processTree(pid);
  let ticks = 0;
  const sample = () => {
    if (++ticks % 20 === 0) tree = processTree(pid);
    const rss = tree.reduce((s, p) => s + (statusField(p, "VmRSS") ?? 0), 0);
    peak = Math.max(peak, rss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    /** Peak of the polled tree RSS since the last reset, in bytes. */
    peak: () => peak,
    reset: () => {
      peak = 0;
      sample();
    },
    peakHwm: () => processTree(pid).reduce((s, p) => s + (statusField(p, "VmHWM") ?? 0), 0),
    /** Each worker's own high-water mark (VmHWM), in bytes: the processes of the tree but its root (the primary). */
    workerHwm: () =>
      processTree(pid)
        .filter((p) => p !== pid)
        .map((p) => statusField(p, "VmHWM") ?? 0),
    stop: () => clearInterval(timer),
  };
}
