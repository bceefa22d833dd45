import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const summary = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.sm,
  padding: vars.space.lg,
  border: `${vars.borderWidth.heavy} solid ${vars.color.critical}`,
  borderRadius: vars.radius.md,
  background: vars.color.criticalSurface,
  color: vars.color.text,
});

export const list = style({
  margin: 0,
  paddingInlineStart: vars.prose.listIndent,
  display: "flex",
  flexDirection: "column",
  gap: vars.space.xxs,
});

export const link = style({
  color: vars.color.critical,
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  textDecorationThickness: vars.underline.thickness,
  textUnderlineOffset: vars.underline.offset,
  selectors: { "&:hover": { textDecorationThickness: vars.underline.thicknessHover } },
});
