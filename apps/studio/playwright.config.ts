import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "@vaart/testing";
import { productionEnv as landingProductionEnv } from "../landing/test/e2e/server";
import { pgBase, pgSchemaUrl } from "./test/e2e/database";
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
// picks the studio's port (the two landing instances take the next two); otherwise free ones.
const e2ePort = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : null;
process.env.STUDIO_TEST_PORT ??= e2ePort ? String(e2ePort) : freePort();
process.env.STUDIO_TEST_LANDING_PORTS ??= e2ePort
  ? `${e2ePort + 1},${e2ePort + 2}`
  : `${freePort()},${freePort()}`;
process.env.STUDIO_TEST_DATA_DIR ??= mkdtempSync(join(tmpdir(), "studio-e2e-"));
// The studio and both landing instances share one PostgreSQL database, in a schema of this
// run's own (dropped by the teardown): what the studio publishes, the landing app serves.
if (!process.env.STUDIO_TEST_PG_SCHEMA) {
  process.env.STUDIO_TEST_PG_SCHEMA = `studio_e2e_${Date.now().toString(36)}_${process.pid}`;
  execFileSync("psql", [
    pgBase,
    "-v",
    "ON_ERROR_STOP=1",
    "-Atqc",
    `create schema ${process.env.STUDIO_TEST_PG_SCHEMA}`,
  ]);
}
const databaseUrl = pgSchemaUrl(process.env.STUDIO_TEST_PG_SCHEMA);
process.env.STUDIO_TEST_DATABASE_URL = databaseUrl;
const port = Number(process.env.STUDIO_TEST_PORT);
const landingPorts = process.env.STUDIO_TEST_LANDING_PORTS.split(",").map(Number);
process.env.STUDIO_TEST_URL = `http://127.0.0.1:${port}`;
process.env.STUDIO_TEST_LANDING_URLS = landingPorts.map((p) => `http://127.0.0.1:${p}`).join(",");

// Made once in the runner, like the studio's (the workers read this file again).
process.env.STUDIO_TEST_LANDING_DATA_DIRS ??= landingPorts
  .map((_, index) => mkdtempSync(join(tmpdir(), `studio-e2e-landing-${index}-`)))
  .join(",");
const landingDataDirs = process.env.STUDIO_TEST_LANDING_DATA_DIRS.split(",");

const landingServer = (landingPort: number, index: number) => {
  const dataDir = landingDataDirs[index] ?? "";
  return {
    // The landing app's production build (turbo builds it first: a dev dependency).
    command: "node server.js",
    cwd: "../landing",
    url: `http://127.0.0.1:${landingPort}/healthz`,
    env: { ...landingProductionEnv(landingPort, dataDir), DATABASE_URL: databaseUrl } as Record<
      string,
      string
    >,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
};

// ---- The site (articles, Updates): its production build on the same database and DATA_DIR
// (the outbox), so what the studio publishes or previews is checked on the real public route,
// and its sender sends the Updates the studio starts.
// With E2E_PORT (the studio's), the site takes the port after the landing instances'.
process.env.SITE_TEST_PORT ??= e2ePort ? String(e2ePort + 3) : freePort();
const sitePort = Number(process.env.SITE_TEST_PORT);
process.env.SITE_TEST_URL = `http://127.0.0.1:${sitePort}`;
const siteServer = {
  command: "node ../site/server.js",
  url: `${process.env.SITE_TEST_URL}/healthz`,
  env: {
    ...productionEnv(sitePort, process.env.STUDIO_TEST_DATA_DIR),
    DATABASE_URL: databaseUrl,
  } as Record<string, string>,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
};
// ---- end of the site's block

export default defineConfig({
  testDir: "test/e2e",
  globalTeardown: "./test/e2e/global-teardown.ts",
  // The production builds (`pnpm test` builds them first) on free ports with temporary data folders.
  webServer: [
    {
      command: "node server.js",
      url: `${process.env.STUDIO_TEST_URL}/healthz`,
      env: {
        ...productionEnv(port, process.env.STUDIO_TEST_DATA_DIR),
        DATABASE_URL: databaseUrl,
        // The preview links point at the first landing instance.
        LANDING_URL: `http://127.0.0.1:${landingPorts[0]}`,
      } as Record<string, string>,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore", // one JSON line per request: too much for the test log
      stderr: "pipe",
    },
    ...landingPorts.map(landingServer),
    siteServer,
  ],
  fullyParallel: false,
  workers: 1,
  // Two shared cores and other test runs at once: generous timeouts, one retry on CI only.
  // The walks take 15–50 s on a loaded CI machine and 4–6 times less on a quiet one.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    // Debian's Chromium: Playwright cannot download its own browser on these machines.
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    // The pages ship no script, so the walks read the same with JavaScript on or off: they
    // run in both; HTTP-level checks and axe once.
    { name: "javascript-on", use: { javaScriptEnabled: true } },
    {
      name: "javascript-off",
      use: { javaScriptEnabled: false },
      testIgnore: /(guards|accessibility|keyboard)\.spec\.ts/,
      // Checks at the HTTP level, axe, and walks whose buttons are plain forms: once is enough.
      grepInvert: /@once/,
    },
  ],
});
