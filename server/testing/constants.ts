import path from "node:path";

export const TEMPLATE_DB = path.join(process.cwd(), "data", "test-template.db");
/** The demo's "now" in tests: fixed, so every figure is reproducible. */
export const TEST_ANCHOR = new Date("2026-11-20T12:00:00Z");
/**
 * Set (to a server's URL without a database, `postgres://user@127.0.0.1:port`) to run the
 * integration tests on PostgreSQL: the template is then the database `attain_template` there, and
 * each test database is a copy of it (CREATE DATABASE ... TEMPLATE), dropped after its file.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;
export const PG_TEMPLATE = "attain_template";
