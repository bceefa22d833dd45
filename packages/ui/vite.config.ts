import { resolve } from "node:path";
import { vanillaExtractPlugin } from "@vanilla-extract/vite-plugin";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@vanilla-extract\//];

// Library build: one ESM entry plus one extracted stylesheet (dist/ui.css).
export default defineConfig({
  plugins: [react(), vanillaExtractPlugin({ identifiers: "short" })],
  build: {
    target: "es2022",
    sourcemap: true,
    cssCodeSplit: false,
    lib: {
      entry: resolve(import.meta.dirname, "src/index.ts"),
      formats: ["es"],
      fileName: "index",
      cssFileName: "ui",
    },
    rollupOptions: { external },
  },
});
