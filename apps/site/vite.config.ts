import { remixAppConfig } from "@vaart/vite-config";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ command }) =>
  remixAppConfig({ command, port: Number(process.env.SITE_PORT || 3000) }),
);
