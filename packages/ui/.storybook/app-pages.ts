import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/*
 * The page stories live next to the apps' pages (apps/<app>/app/pages/*.stories.tsx) and
 * render the apps' own page components (docs/decisions/0011-page-stories.md). Those import
 * `@vaart/ui` by name; here that name means this package's source, as for every other
 * story, so a page story shows a component change at once and the page and the component
 * stories share one React, one LinkProvider and one set of styles.
 */
const appsFolder = fileURLToPath(new URL("../../../apps/", import.meta.url));

/**
 * The stories glob of the apps' pages. A tree pruned to @vaart/ui alone (`turbo prune
 * @vaart/ui`) has no apps, so it has no page stories either: said once, not an error.
 */
export function appPageStories(): string[] {
  if (existsSync(appsFolder)) return ["../../../apps/*/app/pages/*.stories.tsx"];
  console.warn("[storybook] apps/ is not in this tree: the page stories (Pages/*) are left out");
  return [];
}

const source = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export const uiFromSource = [
  { find: /^@vaart\/ui\/format$/, replacement: source("ui/src/format/index.ts") },
  { find: /^@vaart\/ui\/tokens$/, replacement: source("ui/src/tokens/index.ts") },
  { find: /^@vaart\/ui$/, replacement: source("ui/src/index.ts") },
  // The browser-safe modules of the private packages the pages use, from source too, so
  // Storybook needs no other package built first (and @vaart/ui's turbo tasks depend on none).
  { find: /^@vaart\/content\/site$/, replacement: source("content/src/site.ts") },
  { find: /^@vaart\/web\/signup-form$/, replacement: source("web/src/signup-form.ts") },
  { find: /^@vaart\/testing\/stories$/, replacement: source("testing/src/stories.ts") },
];

/** One copy of each, whichever package's folder a story file lies in. */
export const sharedModules = ["react", "react-dom", "storybook", "@storybook/react-vite"];
