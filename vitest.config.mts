import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", ".next-*/**", "e2e/**", "data/**"],
    environment: "node",
    globalSetup: ["./server/testing/global-setup.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
