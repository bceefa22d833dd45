import { createThemeContract } from "@vanilla-extract/css";

/**
 * The one theme contract. Components style themselves only with these variables,
 * so a new theme (a `createTheme` that fills this contract) never touches a component.
 */
export const vars = createThemeContract({
  color: {
    background: null,
    surface: null,
    text: null,
    textMuted: null,
    heading: null,
    accent: null,
    accentStrong: null,
    onAccent: null,
    border: null,
    focus: null,
    critical: null,
    criticalSurface: null,
    positive: null,
    positiveSurface: null,
    selection: null,
  },
  font: { body: null, heading: null, mono: null },
  fontSize: { small: null, body: null, lead: null, h4: null, h3: null, h2: null, h1: null },
  lineHeight: { tight: null, heading: null, body: null },
  fontWeight: { regular: null, medium: null, bold: null },
  measure: null,
  space: {
    none: null,
    xxs: null,
    xs: null,
    sm: null,
    md: null,
    lg: null,
    xl: null,
    xxl: null,
    xxxl: null,
  },
  radius: { none: null, sm: null, md: null, lg: null, pill: null },
  motion: { fast: null, medium: null, carouselLoop: null, easing: null },
  layout: { contentMax: null, gutter: null },
});
