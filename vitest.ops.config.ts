import path from "node:path";
import { defineConfig } from "vitest/config";

// Operations tests: the production build as a real process (killed, restarted, backed up under load, restored).
// They need `npx remix build` first, like the browser tests; `npm test` runs them after the build.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    globals: true,
    environment: "node",
    include: ["tests/ops/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000, // whole server lifetimes on a busy 2-core machine
    hookTimeout: 120_000,
  },
});
