import { style, styleVariants } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const figure = style({
  margin: 0,
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

export const svg = style({ display: "block", width: "100%", height: "auto" });

export const axis = style({ stroke: vars.color.border });

export const tick = style({
  fill: vars.color.textMuted,
  fontFamily: vars.font.heading,
});

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
