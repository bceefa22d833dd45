import { style } from "@vanilla-extract/css";
import { surfacePanel } from "../../private/panel.css";
import { vars } from "../../theme/contract.css";

export const panel = style([surfacePanel, { alignItems: "flex-start" }]);

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
