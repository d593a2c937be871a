import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PG_SCHEMA_FILE, pgSchemaSource } from "@/db/postgres/generate-schema";

describe("the PostgreSQL schema", () => {
  it("is the one generated from the SQLite schema (run npm run db:generate after a schema change)", async () => {
    expect(fs.readFileSync(PG_SCHEMA_FILE, "utf8")).toBe(await pgSchemaSource());
  });
});
