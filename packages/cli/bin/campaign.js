#!/usr/bin/env node
// `pnpm campaign <command>`: apps/landing/scripts/campaign.ts, bundled into apps/landing/dist.
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  ensureBundle,
  ensureSignupContract,
  ensureTscBuild,
  repoRoot,
  reportAndExit,
} from "../lib/build.js";

try {
  await ensureTscBuild("packages/content", "dist/index.js");
  await ensureSignupContract();
  await ensureTscBuild("packages/newsletter", "dist/index.js");
  // The check reads the studio's versions with the apps' own checks (@vaart/web/content-check).
  await ensureTscBuild("packages/web", "dist/index.js");
  await ensureBundle("apps/landing", "scripts/campaign.ts", "dist/campaign.js");
} catch (error) {
  reportAndExit(error);
}
await import(pathToFileURL(path.join(repoRoot, "apps/landing/dist/campaign.js")).href);
