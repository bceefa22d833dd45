import { describe, expect, it } from "vitest";
import { contrastRatio, relativeLuminance } from "./contrast";
import { colorPairs, colorSchemeThemes, logoInk, minimumContrast, themeColors } from "./tokens";

describe("contrastRatio", () => {
  it("matches the WCAG reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("is symmetric", () => {
    expect(contrastRatio("#0a6660", "#fbfaf7")).toBe(contrastRatio("#fbfaf7", "#0a6660"));
  });

  it("rejects values it cannot measure", () => {
    expect(() => relativeLuminance("teal")).toThrow(/#1a2b3c/);
  });
});

describe.each(Object.entries(themeColors))("theme %s", (_name, colors) => {
  it.each(colorPairs)(
    "$foreground on $background ($usedBy) meets WCAG 2.2 AA",
    ({ foreground, background, kind }) => {
      const ratio = contrastRatio(colors[foreground], colors[background]);
      expect(ratio).toBeGreaterThanOrEqual(minimumContrast[kind]);
    },
  );
});

describe.each(Object.entries(themeColors))("theme %s: logos", (_name, colors) => {
  it("keeps a dark-on-transparent logo legible on the logo plate (4.5:1)", () => {
    expect(contrastRatio(logoInk.dark, colors.logoPlate)).toBeGreaterThanOrEqual(
      minimumContrast.text,
    );
  });
});

// Both colour schemes a reader can ask for: light keeps each theme (above); dark gives every
// page with `followColorScheme` the same colours, whatever its theme.
describe("prefers-color-scheme: dark (followColorScheme)", () => {
  const colors = themeColors[colorSchemeThemes.dark];
  it.each(colorPairs)(
    "$foreground on $background ($usedBy) meets WCAG 2.2 AA",
    ({ foreground, background, kind }) => {
      expect(contrastRatio(colors[foreground], colors[background])).toBeGreaterThanOrEqual(
        minimumContrast[kind],
      );
    },
  );
});
