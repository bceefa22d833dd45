import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ServerProcess, startServerProcess } from "@vaart/testing";

const appDir = fileURLToPath(new URL("../../", import.meta.url));

export type RunningSite = ServerProcess;

/** Start the site's production build (`node server.js`) with exactly the given settings. */
export function startSite(env: Record<string, string>): Promise<RunningSite> {
  return startServerProcess({ appDir, env });
}

export function tempDataDir(label: string) {
  return mkdtempSync(path.join(tmpdir(), `vaart-${label}-`));
}

/** Production-like settings with mail written to the outbox of `dataDir`. */
export function productionEnv(dataDir: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: "production" as const,
    SITE_URL: "https://www.vaart.example",
    TRUST_PROXY: "0",
    NEWSLETTER_SECRET: "test-secret-test-secret-test-secret-0123456789",
    NEWSLETTER_MAIL_FROM: "Vaart in samenwerken <updates@vaart.example>",
    NEWSLETTER_MAIL_TRANSPORT: "outbox",
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, "site.sqlite")}`,
    ...extra,
  };
}
