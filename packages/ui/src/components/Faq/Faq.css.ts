import { globalStyle, style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const section = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.lg,
  maxWidth: vars.measure,
});

export const list = style({ display: "flex", flexDirection: "column" });

/**
 * A rule between questions, none after the last: whatever follows the list (a teaser, a
 * panel) brings its own edge, and two rules in a row read as a double line.
 */
export const item = style({
  borderBlockEnd: `${vars.borderWidth.standard} solid ${vars.color.surface}`,
  selectors: { "&:last-child": { borderBlockEnd: "none" } },
});

export const question = style({
  display: "flex",
  alignItems: "center",
  gap: vars.space.sm,
  paddingBlock: vars.space.md,
  cursor: "pointer",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.h4,
  fontWeight: vars.fontWeight.bold,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.heading,
  listStyle: "none",
  selectors: {
    "&::-webkit-details-marker": { display: "none" },
    "&:hover": { color: vars.color.accentStrong },
  },
});

/** A chevron drawn with borders: it turns when the answer opens. */
export const marker = style({
  flex: "none",
  width: vars.space.xs,
  height: vars.space.xs,
  borderInlineEnd: `${vars.borderWidth.strong} solid ${vars.color.accent}`,
  borderBlockEnd: `${vars.borderWidth.strong} solid ${vars.color.accent}`,
  transform: "rotate(-45deg)",
  transition: `transform ${vars.motion.fast} ${vars.motion.easing}`,
  "@media": { "(prefers-reduced-motion: reduce)": { transition: "none" } },
});

globalStyle(`details[open] > summary ${marker}`, { transform: "rotate(45deg)" });

export const answer = style({ paddingBlockEnd: vars.space.lg });
