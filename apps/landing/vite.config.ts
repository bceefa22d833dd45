import { remixAppConfig } from "@vaart/vite-config";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ command }) => {
  const config = remixAppConfig({ command, port: Number(process.env.LANDING_PORT || 3001) });
  // The share image's renderer is a native module for the server; `pnpm dev`'s dependency
  // scan finds it through the image route and must not bundle it for the browser.
  config.optimizeDeps = { ...config.optimizeDeps, exclude: ["@resvg/resvg-js"] };
  return config;
});
