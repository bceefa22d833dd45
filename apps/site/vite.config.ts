import { remixAppConfig } from "@vaart/vite-config";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ command }) => {
  const config = remixAppConfig({ command, port: Number(process.env.SITE_PORT || 3000) });
  // zod (the content schemas, reached from route modules) is bundled for `pnpm dev` up front:
  // found only on a later request, it makes Vite reload every open page.
  config.optimizeDeps = { ...config.optimizeDeps, include: ["zod"] };
  return config;
});
