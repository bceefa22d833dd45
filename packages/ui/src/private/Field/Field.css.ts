import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

/** Shared by TextField and Checkbox so every form control reads the same. */
export const fieldLabel = style({
  display: "block",
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.body,
  color: vars.color.text,
});

export const fieldHint = style({
  display: "block",
  fontSize: vars.fontSize.small,
  color: vars.color.textMuted,
});

export const fieldError = style({
  display: "block",
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.small,
  color: vars.color.critical,
});

export const fieldGroup = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.xxs,
});

/** A bar beside a field in error, so the state does not rely on colour alone. */
export const fieldGroupInvalid = style({
  borderInlineStart: `${vars.borderWidth.heavy} solid ${vars.color.critical}`,
  paddingInlineStart: vars.space.sm,
});
