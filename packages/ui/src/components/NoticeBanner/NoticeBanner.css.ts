import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const banner = style({
  paddingBlock: vars.space.sm,
  paddingInline: vars.layout.gutter,
  background: vars.color.criticalSurface,
  color: vars.color.text,
  borderBlockEnd: `${vars.borderWidth.heavy} solid ${vars.color.critical}`,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.body,
  lineHeight: vars.lineHeight.body,
  textAlign: "center",
});

export const title = style({ fontWeight: vars.fontWeight.bold, color: vars.color.critical });
