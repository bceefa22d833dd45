import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ServerProcess,
  productionEnv as sharedProductionEnv,
  startServerProcess,
} from "@vaart/testing";

const appDir = fileURLToPath(new URL("../../", import.meta.url));

export type RunningSite = ServerProcess;

/** Start the site's production build (`node server.js`) with exactly the given settings. */
export function startSite(env: Record<string, string>): Promise<RunningSite> {
  return startServerProcess({ appDir, env });
}

export function tempDataDir(label: string) {
  return mkdtempSync(path.join(tmpdir(), `vaart-${label}-`));
}

/** Production settings (see @vaart/testing) with the site's own SQLite file in `dataDir`. */
export function productionEnv(dataDir: string, extra: Record<string, string> = {}) {
  return sharedProductionEnv(dataDir, {
    DATABASE_URL: `sqlite:${path.join(dataDir, "site.sqlite")}`,
    ...extra,
  });
}
