import type { StorybookConfig } from "@storybook/react-vite";
import { vanillaExtractPlugin } from "@vanilla-extract/vite-plugin";
import remarkGfm from "remark-gfm";
import { appPageStories, sharedModules, uiFromSource } from "./app-pages.ts";

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  // Each component's guide (its one docs page) sits next to its code: src/components/<Name>/<Name>.mdx.
  // The page stories are the apps' (their pages drawn by their own components): app-pages.ts.
  stories: ["../src/docs/*.mdx", "../src/**/*.mdx", "../src/**/*.stories.tsx", ...appPageStories()],
  addons: [
    {
      name: "@storybook/addon-docs",
      // GitHub-flavoured Markdown, so `| a | b |` tables in MDX render as tables.
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
    "@storybook/addon-a11y",
    "@storybook/addon-vitest",
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Prop types from the TypeScript checker: the default (react-docgen) shows `readonly T[]`
  // props, such as LogoCarousel's `organisations`, as "unknown".
  typescript: { reactDocgen: "react-docgen-typescript" },
  // Stories tagged "test-only" exist for the test run and stay out of the published sidebar.
  tags: { "test-only": { excludeFromSidebar: true, excludeFromDocsStories: true } },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), vanillaExtractPlugin()];
    viteConfig.resolve = {
      ...viteConfig.resolve,
      alias: [...toAliasList(viteConfig.resolve?.alias), ...uiFromSource],
      dedupe: [...(viteConfig.resolve?.dedupe ?? []), ...sharedModules],
    };
    // As in the apps (packages/vite-config): a save that empties a .css.ts file before writing
    // it must not reach vanilla-extract's compiler as an empty module.
    viteConfig.server = {
      ...viteConfig.server,
      watch: {
        ...viteConfig.server?.watch,
        awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 20 },
      },
    };
    return viteConfig;
  },
};

type Alias = { find: string | RegExp; replacement: string };

function toAliasList(alias: Alias[] | Record<string, string> | undefined): Alias[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias;
  return Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}

export default config;
