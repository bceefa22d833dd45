// Production server: `pnpm start` (after `pnpm build`). Configuration is checked before it
// listens; see packages/web and the README for the variables. main() prints what keeps it
// from starting and exits 1; SIGTERM stops it gracefully.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// React and Remix choose their production code from NODE_ENV; a server started without it
// is a production server (and must bring production settings, unless VAART_LOCAL_DEFAULTS=1).
process.env.NODE_ENV ??= "production";
const { main } = await import("@vaart/web/main");
const { newsletterSignupPost } = await import("@vaart/web");

await main({
  appName: "site",
  // PORT wins; the root `pnpm start` runs three servers, so each also has its own variable.
  defaultPort: Number(process.env.SITE_PORT || 3000),
  buildDir: fileURLToPath(new URL("./build/", import.meta.url)),
  // PREVIEW_TOKEN: required in production; it checks the studio's links to a draft version.
  secrets: JSON.parse(readFileSync(new URL("./settings.json", import.meta.url), "utf8")),
  // Every site instance sends the Updates that are due (shared rate, leases in the database).
  sendUpdates: true,
  // The newsletter page's form: a stored signup is answered before Remix (the same 303).
  signupPosts: [newsletterSignupPost],
});
