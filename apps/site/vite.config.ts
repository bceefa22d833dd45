import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { vanillaExtractPlugin } from "@vanilla-extract/vite-plugin";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const uiSource = (path: string) =>
  fileURLToPath(new URL(`../../packages/ui/src/${path}`, import.meta.url));

const devStylesPlaceholder = fileURLToPath(
  new URL("./app/dev/ui-styles-from-source.css", import.meta.url),
);

export default defineConfig(({ command }) => {
  // `pnpm dev` reads the design system from its source, so a change in packages/ui shows up
  // here at once (hot reload) without rebuilding it; production builds use its compiled dist.
  const uiFromSource = command === "serve" && !process.env.VITEST;
  return {
    plugins: [
      ...(uiFromSource ? vanillaExtractPlugin() : []),
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
            // From source, styles arrive with each component's .css.ts; the compiled sheet is not needed.
            { find: /^@vaart\/ui\/styles\.css(\?url)?$/, replacement: `${devStylesPlaceholder}$1` },
            { find: /^@vaart\/ui\/format$/, replacement: uiSource("format/index.ts") },
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
    server: { port: 3000, strictPort: true },
  };
});
