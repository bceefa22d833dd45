// Plain JavaScript on purpose: Vite loads each app's config with Node, and a workspace
// package reached through node_modules is not transpiled.
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { vanillaExtractPlugin } from "@vanilla-extract/vite-plugin";

const uiSource = (path) => fileURLToPath(new URL(`../ui/src/${path}`, import.meta.url));
const stylesPlaceholder = fileURLToPath(new URL("./ui-styles-from-source.css", import.meta.url));

/**
 * `pnpm dev` serves the client logos as the production server does (packages/web): their
 * hashed names map to files in packages/content/logos.
 * @returns {import("vite").Plugin}
 */
function devLogos() {
  return {
    name: "vaart-dev-logos",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use("/logos/", async (req, res, next) => {
        try {
          const { logoFiles } = await server.ssrLoadModule("@vaart/content");
          const file = logoFiles.get(decodeURIComponent((req.url ?? "").slice(1).split("?")[0]));
          if (!file) return next();
          res.setHeader("Content-Type", "image/svg+xml");
          res.setHeader("Cache-Control", "no-cache");
          createReadStream(file).on("error", next).pipe(res);
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

/**
 * The Vite config of a Remix app in this repository.
 * @param {{ command: "build" | "serve"; port: number }} options
 * @returns {import("vite").UserConfig}
 */
export function remixAppConfig({ command, port }) {
  // `pnpm dev` reads the design system from its source, so a change in packages/ui shows up
  // in the app at once (hot reload) without rebuilding it; builds use its compiled dist.
  const uiFromSource = command === "serve" && !process.env.VITEST;
  return {
    plugins: [
      ...(uiFromSource ? vanillaExtractPlugin() : []),
      devLogos(),
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
    ],
    resolve: {
      alias: uiFromSource
        ? [
            // From source, styles arrive with each component's .css.ts.
            { find: /^@vaart\/ui\/styles\.css(\?url)?$/, replacement: `${stylesPlaceholder}$1` },
            { find: /^@vaart\/ui\/format$/, replacement: uiSource("format/index.ts") },
            { find: /^@vaart\/ui\/tokens$/, replacement: uiSource("tokens/index.ts") },
            { find: /^@vaart\/ui$/, replacement: uiSource("index.ts") },
          ]
        : [],
    },
    // Every asset is a hashed file served with a year's cache, never inlined into HTML.
    build: { assetsInlineLimit: 0 },
    // Server-only workspace packages stay separate modules, so the server and the routes share
    // one database pool; the design system is bundled (its CSS is a separate file).
    ssr: {
      external: ["@vaart/web", "@vaart/newsletter", "@vaart/content"],
      ...(uiFromSource ? { noExternal: ["@vaart/ui"] } : {}),
    },
    server: {
      port,
      strictPort: true,
      // An editor's save can empty the file before writing it. Reported at once, the empty
      // file reaches vanilla-extract's compiler, which keeps the empty module (no exports)
      // even after the write: the page breaks until the server restarts. Changes are reported
      // once the file's size has held still for a moment.
      watch: { awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 20 } },
    },
  };
}
