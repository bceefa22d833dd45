import { remixAppConfig } from "@vaart/vite-config";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ command }) =>
  remixAppConfig({ command, port: Number(process.env.STUDIO_PORT || 3002) }),
);
