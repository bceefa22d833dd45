import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const teaser = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.sm,
  maxWidth: vars.measure,
  paddingBlock: vars.space.lg,
  borderBlock: `${vars.borderWidth.standard} solid ${vars.color.surface}`,
});

export const eyebrow = style({
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.textMuted,
});

export const readLink = style({
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
});
