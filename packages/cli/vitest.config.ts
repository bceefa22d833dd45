import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test starts real `pnpm newsletter` / `pnpm campaign` processes (about 1 s each on an
    // idle machine, more when one of them first builds a stale dist): far above 3× that.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
