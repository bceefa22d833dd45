#!/usr/bin/env node
// `pnpm newsletter <command>`: the newsletter's owner CLI from packages/newsletter/dist.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureTscBuild, repoRoot, reportAndExit } from "../lib/build.js";

try {
  await ensureTscBuild("packages/newsletter", "dist/cli.js");
} catch (error) {
  reportAndExit(error);
}
const cli = path.join(repoRoot, "packages/newsletter/dist/cli.js");
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
