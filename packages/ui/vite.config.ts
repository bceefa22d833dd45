import { resolve } from "node:path";
import { vanillaExtractPlugin } from "@vanilla-extract/vite-plugin";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@vanilla-extract\//];

// Library build: the main entry, the `format`, `tokens` and `signup-contract` subpaths
// (plain helpers, colour values and the signup form's contract; no React, no styles) and
// one extracted stylesheet (dist/ui.css).
export default defineConfig({
  plugins: [react(), vanillaExtractPlugin({ identifiers: "short" })],
  build: {
    target: "es2022",
    sourcemap: true,
    cssCodeSplit: false,
    lib: {
      entry: {
        index: resolve(import.meta.dirname, "src/index.ts"),
        format: resolve(import.meta.dirname, "src/format/index.ts"),
        tokens: resolve(import.meta.dirname, "src/tokens/index.ts"),
        "signup-contract": resolve(import.meta.dirname, "src/signup-contract/index.ts"),
      },
      formats: ["es"],
      fileName: (_format, entryName) => `${entryName}.js`,
      cssFileName: "ui",
    },
    rollupOptions: { external },
  },
});
