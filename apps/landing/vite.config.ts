import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
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
  // Every asset is a hashed file served with a year's cache, never inlined into HTML.
  build: { assetsInlineLimit: 0 },
  // Server-only workspace packages stay separate modules, so the server and the routes share
  // one database pool; the design system is bundled (its CSS is a separate file).
  ssr: { external: ["@vaart/web", "@vaart/newsletter", "@vaart/content"] },
});
