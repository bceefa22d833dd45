import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const skipLink = style({
  position: "absolute",
  insetInlineStart: vars.space.md,
  top: vars.space.md,
  zIndex: 100,
  // A full touch target (WCAG 2.5.8): axe measured the old link at 44 × 21 px.
  display: "inline-flex",
  alignItems: "center",
  minHeight: vars.size.touchTarget,
  minWidth: vars.size.touchTarget,
  padding: `${vars.space.xs} ${vars.space.md}`,
  background: vars.color.background,
  color: vars.color.accent,
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  borderRadius: vars.radius.sm,
  boxShadow: `0 0 0 ${vars.borderWidth.standard} ${vars.color.accent}`,
  // Off-screen until focused; transform keeps it out of the layout and the reading order intact.
  transform: "translateY(-200%)",
  selectors: {
    "&:focus, &:focus-visible": { transform: "none" },
  },
  "@media": { print: { display: "none" } },
});
