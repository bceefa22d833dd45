import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const row = style({
  display: "flex",
  alignItems: "flex-start",
  gap: vars.space.sm,
});

export const box = style({
  flex: "none",
  width: "1.5rem",
  height: "1.5rem",
  marginTop: "0.15em",
  accentColor: vars.color.accent,
  cursor: "pointer",
  selectors: {
    '&[aria-invalid="true"]': { outline: `2px solid ${vars.color.critical}`, outlineOffset: "2px" },
  },
});

export const label = style({
  fontFamily: vars.font.body,
  fontWeight: vars.fontWeight.regular,
  fontSize: vars.fontSize.body,
  color: vars.color.text,
  cursor: "pointer",
});
