import type { ReactNode } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import "../styles/global.css";
import { type ThemeName, themeClassNames } from "../theme/themes.css";

const mounted: Root[] = [];

/** Renders into the page with a theme on <html>, as the apps do. */
export function render(ui: ReactNode, theme: ThemeName = "brand"): HTMLElement {
  const root = document.documentElement;
  root.lang = "nl";
  root.className = themeClassNames[theme];
  const container = document.createElement("div");
  document.body.append(container);
  const reactRoot = createRoot(container);
  flushSync(() => reactRoot.render(ui));
  mounted.push(reactRoot);
  return container;
}

export function cleanup() {
  for (const root of mounted.splice(0)) root.unmount();
  document.body.innerHTML = "";
}
