/**
 * The scale seed of issue 4: a realistic dataset for benchmarks, written into its own database file.
 * About 5,000 organizations across tiers and regions with their users, support staff, any number of
 * tickets spread over three years (the same planTicket / createTicketWriter factories as the demo,
 * so event logs and stored SLA state come from the SLA engine at `anchor`), knowledge base articles
 * varied from the demo articles with their full-text rows, incidents and engagements.
 *
 * Speed: tickets are written in large transactions with prepared statements, with the rollback
 * journal and fsync off and the heavy secondary indexes of the bulk tables dropped during the load
 * and rebuilt afterwards (sorting once is cheaper than keeping five B-trees in random order). The
 * caller gets a file in WAL mode back; a crash mid-load leaves a corrupt file, which is why the
 * script builds into a temporary file and renames it when done.
 *
 * Passwords: every user shares ONE scrypt hash of the demo password, computed once. This is
 * benchmark data, never a real tenant: hashing 25,000 passwords would cost minutes for nothing,
 * and the demo sign-ins (staff, dev@nimbus.example, ops@orbit.example) must keep working.
 */
import type Database from "better-sqlite3";
import { hashPassword } from "@/server/auth/password";
import { rebuildRollups } from "@/server/dashboards/rollup-service";
import type { Db } from "@/server/db";
import { ftsRow } from "@/server/kb/article-input";
import { INCIDENT_SEVERITIES, PRODUCT_AREAS, REGIONS, type Region, type Role, type TierCode } from "../schema/enums";
import { DEMO_ARTICLES } from "./articles";
import { ORG_NAMES, PERSON_NAMES } from "./content";
import { DEMO_PASSWORD, STAFF } from "./demo";
import { createTicketWriter, insertReferenceData, planTicket } from "./factories";
import { createRng, type Rng } from "./random";

const DAY = 24 * 60 * 60 * 1000;
const MIN = 60_000;

export type ScaleOptions = {
  tickets: number;
  articles: number;
  organizations: number;
  incidents: number;
  /** The dataset's "now": stored SLA state is evaluated at it and nothing happens after it. */
  anchor: Date;
  seed: number;
  /** Tickets per transaction. */
  batchSize: number;
  onProgress?: (p: ScaleProgress) => void;
};

export type ScalePhase = "reference" | "organizations" | "tickets" | "indexes" | "articles" | "incidents";
export type ScaleProgress = { phase: ScalePhase; done: number; total: number; elapsedMs: number };
export type ScaleSummary = {
  organizations: number;
  users: number;
  tickets: number;
  events: number;
  articles: number;
  incidents: number;
  seconds: Record<ScalePhase, number>;
};

export const SCALE_DEFAULTS = {
  tickets: 1_000_000,
  articles: 10_000,
  organizations: 5_000,
  incidents: 300,
  seed: 4_2026,
  batchSize: 20_000,
} as const;

/** Tables whose secondary indexes are dropped during the bulk load and rebuilt after it. */
const BULK_TABLES = ["tickets", "ticket_events", "comments", "satisfaction_ratings", "disputes"];

const REGION_ZONES: Record<Region, string> = {
  china: "Asia/Shanghai",
  americas: "America/Los_Angeles",
  emea: "Europe/London",
};
const TIER_MIX: readonly (readonly [TierCode, number])[] = [
  ["basic", 50],
  ["advanced", 35],
  ["enterprise", 15],
];
/** Relative ticket volume of one organization per tier (as in the demo). */
const TICKET_WEIGHT: Record<TierCode, number> = { basic: 35, advanced: 60, enterprise: 90 };
/**
 * Share of all tickets filed by the first organization (Nimbus Live, the demo's key account): about
 * 100,000 of 1,000,000, i.e. ~8,000 a quarter, so the ticket list is measured on an organization of
 * that size and a service review on one with more than 5,000 tickets in its quarter.
 */
const KEY_ACCOUNT_SHARE = 0.1;
const USERS_PER_ORG: Record<TierCode, number> = { basic: 3, advanced: 4, enterprise: 6 };
const LOCALS = ["dev", "ops", "pm", "qa", "lead", "cto", "support", "eng"];
const SPAN_DAYS = 3 * 365;

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Sets the connection up for a bulk load: no rollback journal, no fsync, no foreign key checks
 * (every id written comes from this seed), a large page cache. Only for a file nobody else has open.
 */
export function beginBulkLoad(sqlite: Database.Database): void {
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("locking_mode = EXCLUSIVE");
  sqlite.pragma("cache_size = -262144");
  sqlite.pragma("temp_store = MEMORY");
}

/** Back to the product's settings (openDb): WAL, foreign keys, synchronous NORMAL. */
export function endBulkLoad(sqlite: Database.Database): void {
  sqlite.pragma("locking_mode = NORMAL");
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
}

/** Drops the secondary indexes of the bulk tables and returns the SQL that recreates them. */
function dropBulkIndexes(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map(() => "?").join(",")})`,
    )
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const r of rows) sqlite.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

type OrgInfo = { id: number; tier: TierCode; region: Region; requesterIds: number[] };

/**
 * Writes the scale dataset into an empty, migrated database. Deterministic for a given seed and
 * anchor, except for the password hash's salt.
 */
export async function seedScale(db: Db, opts: ScaleOptions): Promise<ScaleSummary> {
  const sqlite = db.$client;
  const anchor = opts.anchor;
  const rng = createRng(opts.seed);
  const seconds = {
    reference: 0,
    organizations: 0,
    tickets: 0,
    indexes: 0,
    articles: 0,
    incidents: 0,
  } satisfies Record<ScalePhase, number>;
  const started = Date.now();
  let phaseStart = started;
  const endPhase = (phase: ScalePhase) => {
    const now = Date.now();
    seconds[phase] = (now - phaseStart) / 1000;
    phaseStart = now;
  };
  const progress = (phase: ScalePhase, done: number, total: number) =>
    opts.onProgress?.({ phase, done, total, elapsedMs: Date.now() - started });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  beginBulkLoad(sqlite);
  const ref = insertReferenceData(db, new Date(anchor.getTime() - (SPAN_DAYS + 60) * DAY));
  endPhase("reference");

  const people = writePeople(sqlite, rng, { anchor, passwordHash, organizations: opts.organizations });
  const { orgs, staff } = people;
  progress("organizations", orgs.length, orgs.length);
  endPhase("organizations");

  const indexSql = dropBulkIndexes(sqlite);
  progress("tickets", 0, opts.tickets);
  const events = writeTickets(sqlite, rng, {
    ...opts,
    orgs,
    ref,
    staff,
    onBatch: (done) => progress("tickets", done, opts.tickets),
  });
  endPhase("tickets");

  indexSql.forEach((sql, i) => {
    sqlite.exec(sql);
    progress("indexes", i + 1, indexSql.length);
  });
  // Planner statistics, as a long-running database would have them (bounded sampling).
  sqlite.pragma("analysis_limit = 1000");
  sqlite.exec("ANALYZE");
  endPhase("indexes");

  const articles = writeArticles(sqlite, rng, { anchor, count: opts.articles, ownerIds: staff.kbOwners });
  progress("articles", articles, opts.articles);
  endPhase("articles");

  const incidents = writeIncidents(sqlite, rng, {
    anchor,
    count: opts.incidents,
    orgIds: orgs.map((o) => o.id),
    createdById: staff.managerId,
  });
  progress("incidents", incidents, opts.incidents);
  endPhase("incidents");

  // Tickets were written in bulk, past refreshTicketSla: build the dashboards' rollups from them.
  rebuildRollups(sqlite);
  endBulkLoad(sqlite);
  return {
    organizations: orgs.length,
    users: people.users,
    tickets: opts.tickets,
    events,
    articles,
    incidents,
    seconds,
  };
}

type Staff = {
  agentIds: number[];
  managerId: number;
  amIds: number[];
  tamId: number;
  demoAm: number;
  kbOwners: number[];
};

function writePeople(
  sqlite: Database.Database,
  rng: Rng,
  opts: { anchor: Date; passwordHash: string; organizations: number },
) {
  const created = opts.anchor.getTime() - (SPAN_DAYS + 60) * DAY;
  const insertUser = sqlite.prepare(
    `INSERT INTO users (email, name, password_hash, role, organization_id, locale, time_zone, title, phone, chat_handle, working_hours, active, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?)`,
  );
  const insertOrg = sqlite.prepare(
    `INSERT INTO organizations (name, slug, tier_id, region, calendar_id, time_zone, contract_start, contract_end, monthly_fee_cents, account_manager_id, technical_account_manager_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const tierIds = Object.fromEntries(
    (sqlite.prepare(`SELECT code, id FROM tiers`).all() as { code: TierCode; id: number }[]).map((r) => [r.code, r.id]),
  ) as Record<TierCode, number>;
  const calendarIds = Object.fromEntries(
    (sqlite.prepare(`SELECT region, id FROM calendars`).all() as { region: Region; id: number }[]).map((r) => [
      r.region,
      r.id,
    ]),
  ) as Record<Region, number>;
  const user = (
    email: string,
    name: string,
    role: Role,
    orgId: number | null,
    tz: string,
    extra: {
      title?: string | null;
      phone?: string | null;
      chatHandle?: string | null;
      workingHours?: string | null;
      locale?: string | null;
    } = {},
  ) =>
    Number(
      insertUser.run(
        email,
        name,
        opts.passwordHash,
        role,
        orgId,
        extra.locale ?? null,
        tz,
        extra.title ?? null,
        extra.phone ?? null,
        extra.chatHandle ?? null,
        extra.workingHours ?? null,
        created,
      ).lastInsertRowid,
    );

  let users = 0;
  return sqlite.transaction(() => {
    const ids: Record<string, number> = {};
    for (const s of STAFF) {
      ids[s.email] = user(s.email, s.name, s.role, null, s.timeZone, s);
      users++;
    }
    const zones = Object.values(REGION_ZONES);
    const agentIds = ["agent@attain.test", "agent2@attain.test", "agent3@attain.test", "expert@attain.test"].map(
      (e) => ids[e]!,
    );
    for (let i = 1; i <= 96; i++) {
      const role: Role = i % 5 === 0 ? "expert" : "agent";
      agentIds.push(
        user(`${role}${i}@scale.attain.test`, PERSON_NAMES[i % PERSON_NAMES.length]!, role, null, zones[i % 3]!, {
          title: role === "expert" ? "Technical Expert (L2)" : "Support Engineer (L1)",
        }),
      );
      users++;
    }
    const amIds = [ids["am@attain.test"]!, ids["am2@attain.test"]!];
    for (let i = 1; i <= 40; i++) {
      amIds.push(
        user(
          `am${i}@scale.attain.test`,
          PERSON_NAMES[(i + 5) % PERSON_NAMES.length]!,
          "account_manager",
          null,
          zones[i % 3]!,
          { title: "Customer Success Manager", workingHours: "09:00-17:30" },
        ),
      );
      users++;
    }
    const staff: Staff = {
      agentIds,
      managerId: ids["manager@attain.test"]!,
      amIds,
      tamId: ids["tam@attain.test"]!,
      demoAm: ids["am@attain.test"]!,
      kbOwners: [ids["expert@attain.test"]!, ids["agent@attain.test"]!, ids["manager@attain.test"]!],
    };

    const orgs: OrgInfo[] = [];
    for (let i = 0; i < opts.organizations; i++) {
      const demo =
        i === 0
          ? { tier: "enterprise" as const, region: "americas" as const }
          : i === 1
            ? { tier: "basic" as const, region: "china" as const }
            : null;
      const tier = demo?.tier ?? rng.weighted(TIER_MIX);
      const region = demo?.region ?? REGIONS[i % 3]!;
      const base = ORG_NAMES[i % ORG_NAMES.length]!;
      const name = i < ORG_NAMES.length ? base : `${base} ${Math.floor(i / ORG_NAMES.length) + 1}`;
      const slug = slugify(name);
      const contractStart = opts.anchor.getTime() - rng.int(60, SPAN_DAYS + 30) * DAY;
      const contractEnd = opts.anchor.getTime() + (i === 0 ? 75 : rng.int(10, 365)) * DAY;
      const am = i === 0 ? staff.demoAm : rng.pick(amIds);
      const orgId = Number(
        insertOrg.run(
          name,
          slug,
          tierIds[tier],
          region,
          calendarIds[region],
          REGION_ZONES[region],
          isoDate(contractStart),
          isoDate(contractEnd),
          tier === "enterprise" ? 4_000_000 : tier === "advanced" ? 1_200_000 : 300_000,
          tier === "basic" ? null : am,
          tier === "enterprise" ? staff.tamId : null,
          contractStart,
        ).lastInsertRowid,
      );
      const domain = i === 0 ? "nimbus.example" : i === 1 ? "orbit.example" : `${slug}.example`;
      const locals =
        i === 0 ? ["dev", "cto", "qa"] : i === 1 ? ["ops", "lead", "dev"] : LOCALS.slice(0, USERS_PER_ORG[tier]);
      const requesterIds = locals.map((local, k) => {
        users++;
        return user(
          `${local}@${domain}`,
          PERSON_NAMES[(i * 3 + k) % PERSON_NAMES.length]!,
          "customer",
          orgId,
          REGION_ZONES[region],
          {
            locale: region === "china" ? "zh" : "en",
            title: k === 0 ? "Senior Engineer" : k === 1 ? "Engineering Lead" : "QA Engineer",
          },
        );
      });
      orgs.push({ id: orgId, tier, region, requesterIds });
    }
    writeEngagements(sqlite, rng, { anchor: opts.anchor, orgs, amIds });
    return { orgs, staff, users };
  })();
}

function writeEngagements(
  sqlite: Database.Database,
  rng: Rng,
  opts: { anchor: Date; orgs: OrgInfo[]; amIds: number[] },
) {
  const insert = sqlite.prepare(
    `INSERT INTO engagements (organization_id, kind, at, title, notes, created_by_id) VALUES (?,?,?,?,?,?)`,
  );
  for (const org of opts.orgs) {
    if (org.tier === "basic") continue;
    for (let q = 1; q <= 4; q++) {
      const kind = q % 3 === 0 ? "review" : q % 2 === 0 ? "training" : "check_in";
      const title =
        kind === "review"
          ? "Quarterly service review"
          : kind === "training"
            ? "SDK best practices training"
            : "Monthly check-in";
      insert.run(
        org.id,
        kind,
        opts.anchor.getTime() - (q * 45 + rng.int(0, 10)) * DAY,
        title,
        "Discussed open tickets, upcoming SDK upgrade and usage growth.",
        rng.pick(opts.amIds),
      );
    }
  }
}

/** Picks an index with probability proportional to its weight, from cumulative weights. */
function pickWeighted(cumulative: Float64Array, r: number): number {
  const target = r * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function writeTickets(
  sqlite: Database.Database,
  rng: Rng,
  opts: ScaleOptions & {
    orgs: OrgInfo[];
    ref: ReturnType<typeof insertReferenceData>;
    staff: Staff;
    onBatch: (done: number) => void;
  },
): number {
  const writer = createTicketWriter(sqlite);
  const cumulative = new Float64Array(opts.orgs.length);
  let sum = 0;
  const others = opts.orgs.slice(1).reduce((n, o) => n + TICKET_WEIGHT[o.tier], 0);
  opts.orgs.forEach((o, i) => {
    sum +=
      i === 0 && opts.orgs.length > 1 ? (others * KEY_ACCOUNT_SHARE) / (1 - KEY_ACCOUNT_SHARE) : TICKET_WEIGHT[o.tier];
    cumulative[i] = sum;
  });
  const anchorMs = opts.anchor.getTime();
  const startMs = anchorMs - SPAN_DAYS * DAY;
  const step = (SPAN_DAYS * DAY) / Math.max(1, opts.tickets);
  let events = 0;
  let done = 0;
  const batch = sqlite.transaction((count: number) => {
    for (let k = 0; k < count; k++, done++) {
      const org = opts.orgs[pickWeighted(cumulative, rng.next())]!;
      // Filing times rise with the ticket id, as they do in a real database, with fewer at weekends.
      let created = Math.min(anchorMs - MIN, Math.floor(startMs + (done + rng.next()) * step));
      const dow = new Date(created).getUTCDay();
      if ((dow === 0 || dow === 6) && rng.chance(0.7)) created -= 2 * DAY;
      const slaTargets = opts.ref.slaTargets[org.tier][org.region];
      const plan = planTicket(rng, {
        organizationId: org.id,
        requesterIds: org.requesterIds,
        agentIds: opts.staff.agentIds,
        managerId: opts.staff.managerId,
        targetVersionId: opts.ref.versionIds[org.tier],
        slaTargets,
        createdAt: new Date(created),
        anchor: opts.anchor,
      });
      writer.write(plan, slaTargets, opts.anchor, opts.staff.managerId);
      events += plan.events.length;
    }
  });
  while (done < opts.tickets) {
    batch(Math.min(opts.batchSize, opts.tickets - done));
    opts.onBatch(done);
  }
  return events;
}

type Platform = { name: string; slug: string; en: string; zh: string };

/** Platforms a variant applies to, each with the advice that differs on it. */
const PLATFORMS: Platform[] = [
  {
    name: "Android",
    slug: "android",
    en: "On Android, collect logs with `adb logcat -s AttainRTC` and check the app holds RECORD_AUDIO and CAMERA at run time.",
    zh: "在 Android 上，用 `adb logcat -s AttainRTC` 收集日志，并确认应用在运行时已获得 RECORD_AUDIO 和 CAMERA 权限。",
  },
  {
    name: "iOS",
    slug: "ios",
    en: "On iOS, set the audio session category before joining and keep NSMicrophoneUsageDescription in Info.plist.",
    zh: "在 iOS 上，请在加入频道前设置音频会话类别，并在 Info.plist 中保留 NSMicrophoneUsageDescription。",
  },
  {
    name: "Web",
    slug: "web",
    en: "On the Web SDK, serve the page over HTTPS and check the browser console for ERR_ codes before the SDK logs upload.",
    zh: "在 Web SDK 中，页面必须通过 HTTPS 提供，并在日志上传前查看浏览器控制台中的 ERR_ 错误码。",
  },
  {
    name: "Windows",
    slug: "windows",
    en: "On Windows, logs are under %APPDATA%\\AttainRTC; exclusive-mode audio drivers can block device capture.",
    zh: "在 Windows 上，日志位于 %APPDATA%\\AttainRTC；独占模式的音频驱动可能阻止设备采集。",
  },
  {
    name: "macOS",
    slug: "macos",
    en: "On macOS, grant camera, microphone and screen recording in System Settings > Privacy & Security.",
    zh: "在 macOS 上，请在“系统设置 > 隐私与安全性”中授予摄像头、麦克风和屏幕录制权限。",
  },
  {
    name: "Flutter",
    slug: "flutter",
    en: "With Flutter, call the engine's release() in dispose() so a hot restart does not leave a second engine running.",
    zh: "使用 Flutter 时，请在 dispose() 中调用引擎的 release()，避免热重启后残留第二个引擎实例。",
  },
  {
    name: "React Native",
    slug: "react-native",
    en: "With React Native, rebuild the native app after upgrading the package; Metro reloads do not reload the native SDK.",
    zh: "使用 React Native 时，升级包后请重新构建原生应用；Metro 热加载不会重新加载原生 SDK。",
  },
  {
    name: "Unity",
    slug: "unity",
    en: "With Unity, initialise the engine on the main thread and leave the channel in OnApplicationQuit.",
    zh: "使用 Unity 时，请在主线程初始化引擎，并在 OnApplicationQuit 中离开频道。",
  },
  {
    name: "Electron",
    slug: "electron",
    en: "With Electron, load the SDK in the renderer process only and match the native module to the Electron version.",
    zh: "使用 Electron 时，仅在渲染进程中加载 SDK，并确保原生模块与 Electron 版本匹配。",
  },
  {
    name: "Linux server",
    slug: "linux-server",
    en: "On the Linux server SDK, raise the open-file limit (ulimit -n) for large numbers of channels.",
    zh: "在 Linux 服务端 SDK 上，频道数量较多时请调高打开文件数上限（ulimit -n）。",
  },
];
const SDK_VERSIONS = [
  "4.0.1",
  "4.1.0",
  "4.1.2",
  "4.2.0",
  "4.2.3",
  "4.3.0",
  "4.3.1",
  "4.3.2",
  "4.4.0",
  "4.4.1",
  "4.5.0",
  "4.5.1",
];
/** Codes a troubleshooting variant also answers, so code searches return different sets of articles. */
const RELATED_CODES = [
  "17",
  "101",
  "102",
  "109",
  "110",
  "1001",
  "1003",
  "1005",
  "1018",
  "1501",
  "1502",
  "ERR_TOKEN_EXPIRED",
  "ERR_NOT_READABLE",
  "ERR_PERMISSION_DENIED",
  "ERR_NETWORK_ERROR",
  "ERR_WS_ABORT",
];

/**
 * Knowledge base articles: the demo articles first, then variants of them until `count`. A variant
 * is the article for one platform and SDK version: its title, address, tags and linked version name
 * them, its body starts with platform-specific advice, and troubleshooting variants answer one more
 * related error code. Each has its error-code rows and its full-text row (`ftsRow`, as the editor).
 */
function writeArticles(
  sqlite: Database.Database,
  rng: Rng,
  opts: { anchor: Date; count: number; ownerIds: number[] },
): number {
  const insert = sqlite.prepare(
    `INSERT INTO articles (slug, locale, translation_group, title, summary, body, product_area, type, status, internal, owner_id, tags, error_codes, sdk_versions, reviewed_at, views, helpful_count, not_helpful_count, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const code = sqlite.prepare(`INSERT OR IGNORE INTO article_error_codes (article_id, code) VALUES (?, ?)`);
  const fts = sqlite.prepare(`INSERT INTO articles_fts (rowid, title, body, codes) VALUES (?, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const a = DEMO_ARTICLES[i % DEMO_ARTICLES.length]!;
      const k = Math.floor(i / DEMO_ARTICLES.length);
      const zh = a.locale === "zh";
      // k → (platform, version) is one-to-one for k < 120, so a variant's address never repeats.
      const platform = PLATFORMS[(k - 1 + PLATFORMS.length) % PLATFORMS.length]!;
      const version = SDK_VERSIONS[Math.floor((k - 1) / PLATFORMS.length) % SDK_VERSIONS.length]!;
      const label = `${platform.name} SDK ${version}`;
      const title = k === 0 ? a.title : zh ? `${a.title}（${label}）` : `${a.title} (${label})`;
      const lead = k === 0 ? "" : zh ? `适用于 ${label}。${platform.zh}` : `Applies to ${label}. ${platform.en}`;
      const body = lead ? `${lead}\n\n${a.body}` : a.body;
      const extra = k > 0 && a.errorCodes.length > 0 ? rng.pick(RELATED_CODES) : null;
      const errorCodes = extra && !a.errorCodes.includes(extra) ? [...a.errorCodes, extra] : a.errorCodes;
      const tags = k === 0 ? a.tags : [...a.tags, platform.slug];
      const sdkVersions = k === 0 ? a.sdkVersions : [version];
      const reviewedAt = opts.anchor.getTime() - (k === 0 ? a.reviewedDaysAgo : rng.int(1, 400)) * DAY;
      const views = k === 0 ? a.views : Math.floor(a.views * (0.05 + rng.next()));
      const slug = k === 0 ? a.slug : `${a.slug}-${platform.slug}-${version.replace(/\./g, "-")}`;
      const id = Number(
        insert.run(
          slug,
          a.locale,
          k === 0 ? a.translationGroup : `${a.translationGroup}-${k}`,
          title,
          a.summary,
          body,
          a.productArea,
          a.type,
          a.status,
          a.internal ? 1 : 0,
          opts.ownerIds[i % opts.ownerIds.length] ?? null,
          JSON.stringify(tags),
          JSON.stringify(errorCodes),
          JSON.stringify(sdkVersions),
          reviewedAt,
          views,
          Math.floor(views * 0.05),
          Math.floor(views * 0.01),
          reviewedAt - 30 * DAY,
          reviewedAt,
        ).lastInsertRowid,
      );
      for (const c of errorCodes) code.run(id, c.toUpperCase());
      const row = ftsRow({ title, body, errorCodes });
      fts.run(id, row.title, row.body, row.codes);
    }
  })();
  return opts.count;
}

const INCIDENT_TITLES: Record<(typeof PRODUCT_AREAS)[number], string[]> = {
  voice_calling: ["Voice calling outage at an edge site", "Elevated audio packet loss"],
  video_calling: ["Elevated join failures", "Video freezes for cross-region calls"],
  live_streaming: ["CDN push failures", "Scheduled media gateway upgrade"],
  realtime_messaging: ["Real-time messaging delivery delays", "Message history API errors"],
  conversational_ai: ["Voice agent latency above target", "ASR service degradation"],
  other: ["Console sign-in errors", "Usage report delayed"],
};

/** Incidents over the three years: most unplanned, some planned and announced, some for listed organizations only. */
function writeIncidents(
  sqlite: Database.Database,
  rng: Rng,
  opts: { anchor: Date; count: number; orgIds: number[]; createdById: number },
): number {
  const insert = sqlite.prepare(
    `INSERT INTO incidents (title, product_area, regions, severity, started_at, ended_at, planned, announced_at, all_organizations, summary, root_cause, created_by_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const affected = sqlite.prepare(
    `INSERT OR IGNORE INTO incident_organizations (incident_id, organization_id) VALUES (?, ?)`,
  );
  const update = sqlite.prepare(`INSERT INTO incident_updates (incident_id, at, body) VALUES (?,?,?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < opts.count; i++) {
      const area = rng.pick(PRODUCT_AREAS);
      const planned = rng.chance(0.15);
      const regions = rng.chance(0.3) ? [...REGIONS] : [rng.pick(REGIONS)];
      const startedAt = opts.anchor.getTime() - rng.int(1, SPAN_DAYS) * DAY - rng.int(0, 1439) * MIN;
      const minutes = planned ? rng.int(30, 120) : rng.int(5, 240);
      const title = rng.pick(INCIDENT_TITLES[area]);
      const listed = !planned && rng.chance(0.3);
      const id = Number(
        insert.run(
          title,
          area,
          JSON.stringify(regions),
          planned ? "minor" : rng.pick(INCIDENT_SEVERITIES),
          startedAt,
          startedAt + minutes * MIN,
          planned ? 1 : 0,
          planned ? startedAt - rng.int(1, 10) * DAY : null,
          listed ? 0 : 1,
          `${title}. Service was restored; see the post-incident review for details.`,
          planned ? null : "A configuration change rolled out to one cluster exhausted its connection pool.",
          opts.createdById,
          startedAt,
        ).lastInsertRowid,
      );
      if (listed) for (let k = rng.int(1, 20); k > 0; k--) affected.run(id, rng.pick(opts.orgIds));
      update.run(id, startedAt + 5 * MIN, "We are investigating reports of degraded service.");
      update.run(id, startedAt + minutes * MIN, "Service is fully restored. A post-incident review will follow.");
    }
  })();
  return opts.count;
}
