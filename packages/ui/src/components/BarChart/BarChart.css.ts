import { createVar, style, styleVariants } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

/**
 * The chart is drawn in its own units (the SVG's viewBox). Its text is `labelUnits` units
 * high and one unit is drawn at `fontSize.small / labelUnits`, so every label is exactly the
 * theme's small text size whatever the number of days, and the whole chart grows with the
 * reader's text size. The chart gets wider with every day and scrolls instead of shrinking.
 */
export const labelUnits = 14;

/** The width and height of one SVG, in chart units (set inline per chart). */
export const unitsWide = createVar();
export const unitsHigh = createVar();

const unit = (units: string) => `calc(${units} * ${vars.fontSize.small} / ${labelUnits})`;

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
  width: unit(unitsWide),
  height: unit(unitsHigh),
  fontFamily: vars.font.heading,
  direction: "ltr",
} as const;

/** A chart narrower than the box sits on its left; a wider one overflows to the left, see `scroller`. */
export const plot = style({ ...sized, marginRight: "auto" });

export const valueAxis = style(sized);

export const axis = style({ stroke: vars.color.border });

export const tick = style({ fill: vars.color.textMuted });

/** Three series colours, each at least 3:1 against the page (WCAG 1.4.11). */
export const series = styleVariants({
  0: { fill: vars.color.accent },
  1: { fill: vars.color.heading },
  2: { fill: vars.color.textMuted },
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

export const swatch = style({
  display: "inline-block",
  width: vars.space.sm,
  height: vars.space.sm,
  borderRadius: vars.radius.sm,
});

export const swatchColor = styleVariants({
  0: { background: vars.color.accent },
  1: { background: vars.color.heading },
  2: { background: vars.color.textMuted },
});

export const tableToggle = style({
  cursor: "pointer",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  color: vars.color.accent,
});
