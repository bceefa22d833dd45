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
  // scan finds it through the image route and must not bundle it for the browser. zod (the
  // campaign file's schema, reached from route modules) is bundled up front: found only on a
  // later request, it made Vite reload every open page mid-edit.
  config.optimizeDeps = {
    ...config.optimizeDeps,
    include: ["zod"],
    exclude: ["@resvg/resvg-js"],
  };
  return config;
});
