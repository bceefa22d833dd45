import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "@vaart/testing";
import { productionEnv } from "./test/e2e/server";

// Chosen once in the runner; the workers inherit them through the environment.
process.env.LANDING_TEST_PORT ??= spawnSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .stdout.toString()
  .trim();
process.env.LANDING_TEST_DATA_DIR ??= mkdtempSync(join(tmpdir(), "landing-e2e-"));
const port = Number(process.env.LANDING_TEST_PORT);
const serverEnv = productionEnv(port, process.env.LANDING_TEST_DATA_DIR);
process.env.LANDING_TEST_URL = `http://127.0.0.1:${port}`;
process.env.LANDING_TEST_DATABASE_URL = serverEnv.DATABASE_URL;

export default defineConfig({
  testDir: "test/e2e",
  // The production build (`pnpm test` builds it first) on a free port with a temporary DATA_DIR.
  webServer: {
    command: "node server.js",
    url: `${process.env.LANDING_TEST_URL}/healthz`,
    env: serverEnv as Record<string, string>,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore", // one JSON line per request: too much for the test log
    stderr: "pipe",
  },
  fullyParallel: false,
  workers: 1,
  // Two shared cores and other test runs at once: generous timeouts, one retry on CI only.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    // Debian's Chromium: Playwright cannot download its own browser on these machines.
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    // No page hydrates (campaigns.spec.ts fails if a campaign ships a script), so a page
    // reads the same with JavaScript on or off: the page-only specs run once, without it;
    // the forms and the results login in both.
    {
      name: "javascript-on",
      use: { javaScriptEnabled: true },
      testIgnore: /(budget|campaigns|dark-mode|results-narrow)\.spec\.ts/,
    },
    // HTTP-level checks do not depend on the browser's settings: once. results-sessions
    // talks HTTP to servers of its own (no page at all), so it runs once too.
    {
      name: "javascript-off",
      use: { javaScriptEnabled: false },
      testIgnore:
        /(budget|live-content|results-login-limit|results-sessions|server-process)\.spec\.ts/,
    },
    // Page weight and Lighthouse: `pnpm test:budgets`, which the root `pnpm test` runs after
    // every other test has finished, so Lighthouse does not time a page on a busy CPU.
    { name: "budgets", testMatch: /budget\.spec\.ts/ },
  ],
});
