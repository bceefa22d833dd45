import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const panel = style({
  display: "flex",
  flexDirection: "column",
  alignItems: "flex-start",
  gap: vars.space.lg,
  padding: `${vars.space.xl} ${vars.layout.gutter}`,
  borderRadius: vars.radius.lg,
  background: vars.color.surface,
  color: vars.color.text,
});

export const list = style({
  display: "grid",
  gridTemplateColumns: "max-content minmax(0, 1fr)",
  gap: `${vars.space.sm} ${vars.space.lg}`,
  margin: 0,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.body,
  lineHeight: vars.lineHeight.body,
});

export const term = style({
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.heading,
});

export const value = style({ margin: 0 });
