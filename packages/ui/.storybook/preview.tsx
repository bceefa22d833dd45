import type { Decorator, Preview } from "@storybook/react-vite";
import { useEffect } from "react";
import "../src/styles/global.css";
import { type ThemeName, themeClassNames } from "../src";

const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? "brand") as ThemeName;
  const className = themeClassNames[theme] ?? themeClassNames.brand;
  // The theme class goes on <html>, exactly as the apps apply it, so page backgrounds follow.
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add(className);
    root.lang = "nl";
    return () => root.classList.remove(className);
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
  beforeEach: ({ id, tags, parameters }) => {
    globalThis.__visualStory = {
      id,
      pictured: !tags.includes("test-only") && parameters.visual !== false,
    };
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
