import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const figure = style({
  margin: 0,
  paddingBlock: vars.space.xs,
  paddingInlineStart: vars.space.lg,
  borderInlineStart: `${vars.borderWidth.heavy} solid ${vars.color.accent}`,
  maxWidth: vars.measure,
  display: "flex",
  flexDirection: "column",
  gap: vars.space.md,
});

export const quote = style({
  margin: 0,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.lead,
  lineHeight: vars.lineHeight.body,
  fontStyle: "italic",
  color: vars.color.heading,
});

export const caption = style({
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  color: vars.color.textMuted,
});

export const name = style({ fontWeight: vars.fontWeight.bold, color: vars.color.text });
