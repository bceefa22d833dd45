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
  appName: "studio",
  // PORT wins; the root `pnpm start` runs several servers, so each also has its own variable.
  defaultPort: Number(process.env.STUDIO_PORT || 3002),
  buildDir: fileURLToPath(new URL("./build/", import.meta.url)),
  // AUTHOR_EMAILS: required in production, checked before the server listens (see README).
  secrets: JSON.parse(readFileSync(new URL("./settings.json", import.meta.url), "utf8")),
  // Every page is an author's own (no-store): nothing to keep in memory.
  pageCache: false,
  // The client logo form carries an image of at most 2 MB: its pages take 2.5 MB (the
  // fields and the multipart framing), every other route keeps MAX_BODY_BYTES.
  largerBodies: [
    {
      path: /^\/klantlogos\/[a-z0-9-]+$/,
      maxBytes: 2.5 * 1024 * 1024,
      message:
        "Het bestand is te groot: een logo mag hoogstens 2 MB zijn. Ga terug, verklein het logo (480 × 192 pixels is genoeg) en kies het opnieuw.",
    },
  ],
  // The login links in the mail point here: never taken from the request's Host header.
  publicUrlVariable: "STUDIO_URL",
  startupLines: (_build, origin, config) => [
    `log in at ${config.publicUrl?.origin ?? origin}/inloggen with an address in AUTHOR_EMAILS${
      config.localDefaults && config.secrets.AUTHOR_EMAILS === "auteur@localhost"
        ? " (locally auteur@localhost: the link is in the outbox named above)"
        : ""
    }`,
  ],
});
