import type { UserConfig } from "vite";

/** The Vite config of a Remix app in this repository (see index.js). */
export function remixAppConfig(options: { command: "build" | "serve"; port: number }): UserConfig;
