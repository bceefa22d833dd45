import { style, styleVariants } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

/**
 * The chart is drawn in its own units (the SVG's viewBox). Its text is `labelUnits` units
 * high and one unit is drawn at `fontSize.small / labelUnits`, so every label is exactly the
 * theme's small text size whatever the number of days, and the whole chart grows with the
 * reader's text size. The chart gets wider with every day and scrolls instead of shrinking.
 */
export const labelUnits = 14;

/** Windows high contrast: bars keep their shapes and patterns, drawn in the system's text colour. */
const forcedInk = "CanvasText";
const forcedColors = "(forced-colors: active)";

export const figure = style({
  margin: 0,
  minWidth: 0,
  display: "flex",
  flexDirection: "column",
  gap: vars.space.sm,
});

export const caption = style({
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.body,
  color: vars.color.heading,
});

/** The value axis stays put on the left while the days scroll past it. */
export const frame = style({ display: "flex", alignItems: "flex-start", minWidth: 0 });

/**
 * The days scroll sideways inside this box (a focusable region, so keyboards can scroll it).
 * Right-to-left only for the scroll origin: a chart wider than the box opens on its last,
 * newest days; the SVG inside is left-to-right again.
 */
export const scroller = style({
  flex: "1 1 auto",
  minWidth: 0,
  maxWidth: "100%",
  overflowX: "auto",
  overflowY: "hidden",
  direction: "rtl",
});

const sized = {
  display: "block",
  flex: "none",
  maxWidth: "none",
  // 1em = the small text size: the SVG's width and height attributes are in em (see sizeOf).
  fontSize: vars.fontSize.small,
  fontFamily: vars.font.heading,
  direction: "ltr",
  "@media": { [forcedColors]: { forcedColorAdjust: "none" } },
} as const;

/** A chart narrower than the box sits on its left; a wider one overflows to the left, see `scroller`. */
export const plot = style({ ...sized, marginRight: "auto" });

export const valueAxis = style(sized);

export const axis = style({
  stroke: vars.color.border,
  "@media": { [forcedColors]: { stroke: forcedInk } },
});

export const tick = style({
  fill: vars.color.textMuted,
  "@media": { [forcedColors]: { fill: forcedInk } },
});

const seriesColors = [vars.color.accent, vars.color.heading, vars.color.textMuted] as const;

/**
 * Each series' outline, and the solid fill of the first series; the other two are filled with
 * a pattern (`patternInk`), so they differ in more than colour (WCAG 1.4.1). Every colour is a
 * text colour of the theme, so at least 3:1 against the page (WCAG 1.4.11), and the bars never
 * touch, so the page is each bar's neighbour.
 */
export const series = styleVariants({
  0: {
    fill: seriesColors[0],
    stroke: seriesColors[0],
    "@media": { [forcedColors]: { fill: forcedInk, stroke: forcedInk } },
  },
  1: { stroke: seriesColors[1], "@media": { [forcedColors]: { stroke: forcedInk } } },
  2: { stroke: seriesColors[2], "@media": { [forcedColors]: { stroke: forcedInk } } },
});

/** The stripes and dots inside the patterns of the second and third series. */
export const patternInk = styleVariants({
  1: { fill: seriesColors[1], "@media": { [forcedColors]: { fill: forcedInk } } },
  2: { fill: seriesColors[2], "@media": { [forcedColors]: { fill: forcedInk } } },
});

export const legend = style({
  display: "flex",
  flexWrap: "wrap",
  gap: `${vars.space.xs} ${vars.space.lg}`,
  margin: 0,
  padding: 0,
  listStyle: "none",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  color: vars.color.text,
});

export const legendItem = style({ display: "flex", alignItems: "center", gap: vars.space.xs });

/** The legend's sample of a series: the bar's outline, colour and pattern at the bars' scale. */
export const swatch = style({
  display: "block",
  flex: "none",
  width: vars.space.md,
  height: vars.space.md,
  "@media": { [forcedColors]: { forcedColorAdjust: "none" } },
});

export const tableToggle = style({
  cursor: "pointer",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  color: vars.color.accent,
});
