import { defineConfig } from "drizzle-kit";

/** The PostgreSQL twin of drizzle.config.ts (decision 029): db/postgres/schema.ts is generated from db/schema. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/postgres/schema.ts",
  out: "./db/postgres/migrations",
});
