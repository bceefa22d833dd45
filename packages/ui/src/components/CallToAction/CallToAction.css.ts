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

export const text = style({ maxWidth: vars.measure });
