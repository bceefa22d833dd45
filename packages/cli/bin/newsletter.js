#!/usr/bin/env node
// `pnpm newsletter <command>`: packages/newsletter/src/cli.ts as one bundled file in its dist/
// (rebuilt when a source file changed). The images run the same code from dist/cli.js.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBundle, ensureSignupContract, repoRoot, reportAndExit } from "../lib/build.js";

try {
  // The newsletter reads signups by the contract in @vaart/ui; the bundle inlines it.
  await ensureSignupContract();
  await ensureBundle("packages/newsletter", "src/cli.ts", "dist/cli.bundle.js", {
    inlinePackages: true,
    // Native code (and pg's optional native driver) cannot be bundled.
    external: ["better-sqlite3", "pg-native"],
  });
} catch (error) {
  reportAndExit(error);
}
const cli = path.join(repoRoot, "packages/newsletter/dist/cli.bundle.js");
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
