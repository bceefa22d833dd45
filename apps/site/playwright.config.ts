import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "@vaart/testing";

// One production server for the whole run, on its own port and its own data folder (the
// SQLite database and the mail outbox the tests read).
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "vaart-site-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "test/e2e",
  // Sent Updates for the archive (test/e2e/sent-updates.ts), after the server is up.
  globalSetup: "./test/e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "nl-NL",
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  projects: [
    // No page hydrates (http.spec.ts fails if one ships a script), so a page reads the same
    // with JavaScript on or off: the page-only specs run once, in js-off; the forms in both.
    {
      name: "js-on",
      use: { javaScriptEnabled: true },
      testIgnore: /(budget|article|dark-mode|pages)\.spec\.ts/,
    },
    // HTTP-level checks do not depend on the browser's settings: once.
    {
      name: "js-off",
      use: { javaScriptEnabled: false },
      testIgnore: /(http|budget|live-content)\.spec\.ts/,
    },
    // Page weight and Lighthouse: `pnpm test:budgets`, which the root `pnpm test` runs after
    // every other test has finished, so Lighthouse does not time a page on a busy CPU
    // (one page at a time, too).
    { name: "budgets", testMatch: /budget\.spec\.ts/, workers: 1 },
  ],
  webServer: {
    command: "node server.js",
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore", // one JSON line per request: too much for the test log
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, "e2e.sqlite")}`,
      VAART_LOCAL_DEFAULTS: "1",
      SITE_URL: `http://localhost:${port}`,
    },
  },
});
