import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Each file gets its own temp SQLite files and its own PostgreSQL schema, so files may
    // run in parallel; two workers match the machine's two cores.
    pool: "forks",
    maxWorkers: 2,
    // The slowest tests (two tsx worker processes, five instances migrating at once, parallel
    // PostgreSQL transactions) took 45–63 s on a machine at load average 22; 120 s keeps every
    // limit above 3× their time on an idle machine, so CI holds with a core kept busy.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
