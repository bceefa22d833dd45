import type { Decorator, Preview } from "@storybook/react-vite";
import { useEffect } from "react";
import "../src/styles/global.css";
import { followColorScheme, type ThemeName, themeClassNames } from "../src";

declare global {
  // Set by the test run (.storybook/visual.setup.ts): emulates the reader's colour scheme.
  var __emulateColorScheme: ((scheme: "light" | "dark") => Promise<void>) | undefined;
}

const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? "brand") as ThemeName;
  // A story with `parameters.colorScheme` follows the reader's light/dark setting, as the apps
  // do; every other story shows its theme as chosen, whatever the designer's system prefers.
  const className = [
    themeClassNames[theme] ?? themeClassNames.brand,
    context.parameters.colorScheme ? followColorScheme : "",
  ]
    .filter(Boolean)
    .join(" ");
  // The theme class goes on <html>, exactly as the apps apply it, so page backgrounds follow.
  useEffect(() => {
    const root = document.documentElement;
    const classes = className.split(" ");
    root.classList.add(...classes);
    root.lang = "nl";
    return () => root.classList.remove(...classes);
  }, [className]);
  return (
    <div className={className}>
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  // Tells the test run's visual check (.storybook/visual.setup.ts) which story this is.
  // Stories that exist only for tests, or set `parameters.visual: false`, are not pictured.
  // In the test run, `parameters.colorScheme` is also the scheme the browser reports, so play
  // functions, axe and the picture all see the page a reader with that setting sees.
  beforeEach: async ({ id, tags, parameters }) => {
    globalThis.__visualStory = {
      id,
      pictured: !tags.includes("test-only") && parameters.visual !== false,
    };
    await globalThis.__emulateColorScheme?.(parameters.colorScheme ?? "light");
  },
  globalTypes: {
    theme: {
      description: "Theme applied to every component",
      toolbar: {
        title: "Theme",
        icon: "paintbrush",
        items: [
          { value: "brand", title: "Brand (site)" },
          { value: "campaign", title: "Campaign (landing pages)" },
          { value: "dark", title: "Dark" },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: "brand" },
  parameters: {
    layout: "fullscreen",
    controls: { expanded: true },
    // Any axe violation fails the story's test run. axe runs only the tags it is given:
    // without wcag22aa it leaves out target-size (2.5.8) and the other WCAG 2.2 rules.
    a11y: {
      test: "error",
      options: {
        runOnly: {
          type: "tag",
          values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
      },
    },
    viewport: {
      options: {
        narrow: {
          name: "Narrow phone (320 px)",
          styles: { width: "320px", height: "640px" },
          type: "mobile",
        },
        phone: {
          name: "Phone (390 px)",
          styles: { width: "390px", height: "844px" },
          type: "mobile",
        },
        tablet: {
          name: "Tablet (834 px)",
          styles: { width: "834px", height: "1112px" },
          type: "tablet",
        },
        laptop: {
          name: "Laptop (1280 px)",
          styles: { width: "1280px", height: "800px" },
          type: "desktop",
        },
        wide: {
          name: "Wide (1920 px)",
          styles: { width: "1920px", height: "1080px" },
          type: "desktop",
        },
      },
    },
    options: {
      storySort: {
        order: ["Introduction", "Tokens", "Pages", "Components", "Forms", "Primitives"],
      },
    },
  },
};

export default preview;
