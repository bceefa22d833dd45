import { resolve } from "node:path";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { vanillaExtractPlugin } from "@vanilla-extract/vite-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { sharedModules, uiFromSource } from "./.storybook/app-pages.ts";

// Debian's Chromium: Playwright cannot download its own browser on these machines.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const root = import.meta.dirname;

const browser = () => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  viewport: { width: 1280, height: 800 },
  expect: {
    toMatchScreenshot: {
      comparatorName: "pixelmatch" as const,
      // Per pixel: a small colour distance (font anti-aliasing) is not a change. Per picture:
      // at most 0.1 % of the pixels may differ, which a shifted margin or colour never stays under.
      comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.001 },
      // One baseline per story, named after its id: visual-baselines/<story-id>.png.
      resolveScreenshotPath: ({ arg, ext }: { arg: string; ext: string }) =>
        resolve(root, "visual-baselines", `${arg}${ext}`),
      // Reference, actual and diff of a failing story, where CI keeps its artefacts.
      resolveDiffPath: ({ arg, ext }: { arg: string; ext: string }) =>
        resolve(root, "test-results", "visual", `${arg}${ext}`),
    },
  },
  provider: playwright({
    // The page around the test frame: large enough that the frame is never scaled down,
    // even when the visual check grows it to a story's full height (up to 4000 px).
    contextOptions: { viewport: { width: 1920, height: 4100 } },
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  }),
  instances: [{ browser: "chromium" as const }],
});

export default defineConfig({
  plugins: [react(), vanillaExtractPlugin()],
  // The apps' page stories import `@vaart/ui` by name: .storybook/app-pages.ts.
  resolve: { alias: uiFromSource, dedupe: sharedModules },
  optimizeDeps: {
    include: [
      "@vanilla-extract/recipes/createRuntimeFn",
      "@vanilla-extract/sprinkles/createRuntimeSprinkles",
      "react",
      "react-dom",
      "react-dom/client",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
    ],
  },
  test: {
    // Browser tests build and screenshot real pages: idle they take a few seconds, on a CI
    // machine with another process on one core several times that.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "components",
          include: ["src/**/*.browser.test.tsx"],
          css: true,
          setupFiles: ["./.storybook/vitest.setup.ts"],
          browser: browser(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: resolve(import.meta.dirname, ".storybook") })],
        test: {
          name: "storybook",
          css: true,
          setupFiles: ["./.storybook/vitest.setup.ts", "./.storybook/visual.setup.ts"],
          browser: browser(),
        },
      },
    ],
  },
});
