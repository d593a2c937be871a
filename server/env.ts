import path from "node:path";
import { z } from "zod";

/** The one place that reads process.env; everything else imports `env`. */
const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .min(1)
    .default(path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "attain.db")),
  /**
   * A PostgreSQL streaming replica of DATABASE_URL (decision 030): dashboards read from it when it
   * has replayed every write the primary had when the read began, else from the primary.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgres:// URL")
    .optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** The portal's public URL; an https URL makes session cookies Secure. */
  NEXTAUTH_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  /** The sender of outbox mail delivered through SMTP. */
  MAIL_FROM: z.string().min(3).default("Attain Support <support@attain.test>"),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: a number of hops, or a comma-separated list of
   * proxy addresses and CIDR ranges (server/security/client-address.ts). Unset: only the TCP peer counts.
   */
  TRUSTED_PROXIES: z.string().max(4000).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * `demo` (the default of `npm start`): an empty database gets the demo, every page says so.
   * `production`: no demo data is ever written, demo passwords never work, and an empty database
   * is set up through /setup with the one-time token printed in the server log (server/identity/installation.ts).
   */
  ATTAIN_MODE: z.enum(["demo", "production"]).default("demo"),
  /**
   * Single sign-on for staff (decision 021), all four or none: the staff identity provider's issuer
   * (https), our client there, and the comma-separated email domains whose staff sign in through it.
   */
  STAFF_OIDC_ISSUER: z.string().url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).max(300).optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).max(1000).optional(),
  STAFF_OIDC_DOMAINS: z.string().min(1).max(2000).optional(),
  /** The production setup token, when the operator chooses it (else a random one is printed). */
  SETUP_TOKEN: z.string().min(20).max(100).optional(),
  /**
   * Tests only: outgoing webhooks may go to http://127.0.0.1 (a receiver the test starts). Refused
   * with ATTAIN_MODE=production, where it would let an admin reach any service on the server.
   */
  WEBHOOKS_ALLOW_LOOPBACK_HTTP: z.enum(["0", "1"]).default("0"),
  /**
   * `1`: outgoing webhooks may go to private network addresses (10/8, 172.16/12, 192.168/16,
   * 100.64/10, fc00::/7), for receivers inside the company's network. Loopback, link-local and
   * metadata addresses stay refused (decision 035).
   */
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: z.enum(["0", "1"]).default("0"),
  /** Where ticket attachments are stored (content-addressed); default `attachments` beside the database. */
  ATTACHMENTS_DIR: z.string().min(1).max(1000).optional(),
  /**
   * The email channel (issue #18): where the SMTP listener accepts mail, `host:port` (default
   * 127.0.0.1:2525), or `off`; the support addresses it accepts, comma-separated (a per-ticket reply
   * address `local+t<token>@domain` of each is accepted too); the largest message it takes, in bytes;
   * and an IMAP mailbox to poll (`imaps://user:password@host:993/INBOX`).
   */
  SMTP_LISTEN: z.string().min(1).max(300).default("127.0.0.1:2525"),
  SUPPORT_ADDRESSES: z.string().min(3).max(2000).default("support@attain.test"),
  MAIL_MAX_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(10_000_000),
  IMAP_URL: z.string().url().optional(),
});

function databasePath(url: string): string {
  const stripped = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.isAbsolute(stripped) ? stripped : path.join(/*turbopackIgnore: true*/ process.cwd(), stripped);
}

const parsed = ZEnv.parse({
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  DATABASE_REPLICA_URL: process.env.DATABASE_REPLICA_URL || undefined,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || undefined,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
  SMTP_URL: process.env.SMTP_URL || undefined,
  MAIL_FROM: process.env.MAIL_FROM || undefined,
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || undefined,
  NODE_ENV: process.env.NODE_ENV || undefined,
  ATTAIN_MODE: process.env.ATTAIN_MODE || undefined,
  SETUP_TOKEN: process.env.SETUP_TOKEN || undefined,
  WEBHOOKS_ALLOW_LOOPBACK_HTTP: process.env.WEBHOOKS_ALLOW_LOOPBACK_HTTP || undefined,
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS || undefined,
  ATTACHMENTS_DIR: process.env.ATTACHMENTS_DIR || undefined,
  SMTP_LISTEN: process.env.SMTP_LISTEN || undefined,
  SUPPORT_ADDRESSES: process.env.SUPPORT_ADDRESSES || undefined,
  MAIL_MAX_BYTES: process.env.MAIL_MAX_BYTES || undefined,
  IMAP_URL: process.env.IMAP_URL || undefined,
  STAFF_OIDC_ISSUER: process.env.STAFF_OIDC_ISSUER || undefined,
  STAFF_OIDC_CLIENT_ID: process.env.STAFF_OIDC_CLIENT_ID || undefined,
  STAFF_OIDC_CLIENT_SECRET: process.env.STAFF_OIDC_CLIENT_SECRET || undefined,
  STAFF_OIDC_DOMAINS: process.env.STAFF_OIDC_DOMAINS || undefined,
});

if (parsed.ATTAIN_MODE === "production" && parsed.WEBHOOKS_ALLOW_LOOPBACK_HTTP === "1")
  throw new Error("WEBHOOKS_ALLOW_LOOPBACK_HTTP=1 is for tests and may not be set with ATTAIN_MODE=production");

/** `postgres://` or `postgresql://` chooses PostgreSQL (decision 029); anything else is a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

const postgres = isPostgresUrl(parsed.DATABASE_URL);
const dbPath = postgres ? parsed.DATABASE_URL : databasePath(parsed.DATABASE_URL);

export const env = {
  ...parsed,
  /** The SQLite file's absolute path, or the PostgreSQL connection URL. */
  databasePath: dbPath,
  attachmentsDir: parsed.ATTACHMENTS_DIR
    ? path.resolve(/*turbopackIgnore: true*/ parsed.ATTACHMENTS_DIR)
    : postgres
      ? path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "attachments")
      : path.join(path.dirname(dbPath), "attachments"),
};
