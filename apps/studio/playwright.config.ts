import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "@vaart/testing";
import { productionEnv } from "./test/e2e/server";

/** A port nothing listens on now. */
const freePort = () =>
  spawnSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ])
    .stdout.toString()
    .trim();

// Chosen once in the runner; the workers inherit them through the environment. E2E_PORT
// picks the port (otherwise a free one).
process.env.STUDIO_TEST_PORT ??= process.env.E2E_PORT || freePort();
process.env.STUDIO_TEST_DATA_DIR ??= mkdtempSync(join(tmpdir(), "studio-e2e-"));
const port = Number(process.env.STUDIO_TEST_PORT);
process.env.STUDIO_TEST_URL = `http://127.0.0.1:${port}`;

// ---- The site (articles, Updates): its production build on the same DATA_DIR and database,
// so what the studio publishes or previews is checked on the real public route, and its
// sender sends the Updates the studio starts.
// With E2E_PORT (the studio's), the site takes the next port.
process.env.SITE_TEST_PORT ??= process.env.E2E_PORT
  ? String(Number(process.env.E2E_PORT) + 1)
  : freePort();
const sitePort = Number(process.env.SITE_TEST_PORT);
process.env.SITE_TEST_URL = `http://127.0.0.1:${sitePort}`;
const siteServer = {
  command: "node ../site/server.js",
  url: `${process.env.SITE_TEST_URL}/healthz`,
  env: productionEnv(sitePort, process.env.STUDIO_TEST_DATA_DIR) as Record<string, string>,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
};
// ---- end of the site's block

export default defineConfig({
  testDir: "test/e2e",
  // The production build (`pnpm test` builds it first) on a free port with a temporary DATA_DIR.
  webServer: [
    {
      command: "node server.js",
      url: `${process.env.STUDIO_TEST_URL}/healthz`,
      env: productionEnv(port, process.env.STUDIO_TEST_DATA_DIR) as Record<string, string>,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore", // one JSON line per request: too much for the test log
      stderr: "pipe",
    },
    siteServer,
  ],
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
    // The pages ship no script, so the walk through the login reads the same with JavaScript
    // on or off: it runs in both; HTTP-level checks and axe once.
    { name: "javascript-on", use: { javaScriptEnabled: true } },
    {
      name: "javascript-off",
      use: { javaScriptEnabled: false },
      testIgnore: /(guards|accessibility)\.spec\.ts/,
    },
  ],
});
