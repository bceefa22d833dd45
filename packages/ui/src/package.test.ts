/**
 * Checks the built package as a consumer receives it (run after `build`): a bundler
 * that respects `sideEffects` must still get every style, and React must stay a peer.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { themeColors } from "./theme/tokens";

const root = resolve(import.meta.dirname, "..");
const read = (path: string) => readFileSync(resolve(root, path), "utf8");

describe("the published @vaart/ui", () => {
  it("points every export at a file the build produced", () => {
    const exported = packageJson.exports;
    for (const path of [
      exported["."].import,
      exported["."].types,
      exported["./styles.css"],
      packageJson.main,
      packageJson.types,
    ]) {
      expect(existsSync(resolve(root, path)), path).toBe(true);
    }
  });

  it("ships the global base styles in its stylesheet", () => {
    const css = read(packageJson.exports["./styles.css"]);
    expect(css).toContain("box-sizing:border-box");
    expect(css).toMatch(/:focus-visible\{outline:3px solid var\(--[\w-]+\)/);
    expect(css).toContain("@media(prefers-reduced-motion:reduce)");
    expect(css).toContain("@media print");
  });

  it("ships the theme classes and component styles", () => {
    const css = read(packageJson.exports["./styles.css"]);
    for (const colors of Object.values(themeColors)) {
      // Each theme class defines the contract's variables with that theme's values.
      expect(css).toMatch(new RegExp(`--[\\w-]+:\\s*${colors.background};`));
      expect(css).toMatch(new RegExp(`--[\\w-]+:\\s*${colors.accent};`));
    }
    expect(css).toMatch(/@keyframes/);
  });

  it("keeps React and vanilla-extract runtimes out of the bundle", () => {
    const js = read(packageJson.exports["."].import);
    expect(js).toMatch(/from "react"/);
    expect(js).not.toContain("__SECRET_INTERNALS");
    expect(js).not.toContain('createElement("div",null,"react-dom"');
    expect(packageJson.peerDependencies).toHaveProperty("react");
    expect(packageJson.dependencies).not.toHaveProperty("react");
  });

  it("marks its stylesheets as side effects so no bundler drops them", () => {
    expect(packageJson.sideEffects).toContain("**/*.css");
  });
});
