import { defineConfig } from "vitest/config";

// The password-strength test loads zxcvbn's word lists (≈1 s idle, 3.7 s in a loaded CI run);
// 30 s leaves room for a busy shared machine without hiding a hang.
export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 },
});
