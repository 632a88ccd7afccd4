import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    globals: true,
    environment: "node",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/routes/**/*.test.{ts,tsx}"],
    setupFiles: ["tests/setup/env.ts", "tests/setup/db.ts", "tests/setup/msw.ts", "tests/setup/matchers.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
