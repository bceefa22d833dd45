import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/process/**/*.test.ts"],
    // The process tests start production servers: about 18 s each on a loaded CI machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
