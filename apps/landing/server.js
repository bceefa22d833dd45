// Production server: `pnpm start` (after `pnpm build`). Configuration is checked before it
// listens; see packages/web and the README for the variables. main() prints what keeps it
// from starting and exits 1; SIGTERM stops it gracefully.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// React and Remix choose their production code from NODE_ENV; a server started without it
// is a production server (and must bring production settings, unless VAART_LOCAL_DEFAULTS=1).
process.env.NODE_ENV ??= "production";
const { main } = await import("@vaart/web/main");

await main({
  appName: "landing",
  // PORT wins; the root `pnpm start` runs three servers, so each also has its own variable.
  defaultPort: Number(process.env.LANDING_PORT || 3001),
  buildDir: fileURLToPath(new URL("./build/", import.meta.url)),
  // RESULTS_PASSWORD and PREVIEW_TOKEN: required in production (see README).
  secrets: JSON.parse(readFileSync(new URL("./secrets.json", import.meta.url), "utf8")),
  // Campaign loaders run on every request: they count visits.
  pageCache: false,
  // Canonical and Open Graph URLs: never taken from the request's Host header in production.
  publicUrlVariable: "LANDING_URL",
  // The live campaigns and where `/` goes: the app has no index page of its own.
  startupLines: (build, origin, config) =>
    build.entry.module.startupLines(config.publicUrl?.origin ?? origin, config.siteUrl.href),
});
