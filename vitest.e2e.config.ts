import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests: Debian's Chromium driven by playwright-core against the production build (see tests/e2e).
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    globals: true,
    environment: "node",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    setupFiles: ["tests/e2e/failure-report.ts"],
    fileParallelism: false,
    testTimeout: 120_000, // whole journeys on a busy 2-core machine
    hookTimeout: 120_000,
  },
});
