import os from "node:os";
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
    // Vitest leaves one core free by default (availableParallelism - 1): on CI's two cores that is one
    // worker. Each test file has its own database copy and listens on port 0, so files run side by side.
    maxWorkers: os.availableParallelism(),
  },
});
