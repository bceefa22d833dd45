import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

/** Control first, label beside it (checkboxes, radios): the label is the larger target. */
export const besideRow = style({
  display: "flex",
  alignItems: "flex-start",
  gap: vars.space.sm,
});

export const besideLabel = style({
  fontFamily: vars.font.body,
  fontWeight: vars.fontWeight.regular,
  fontSize: vars.fontSize.body,
  color: vars.color.text,
  cursor: "pointer",
});
