import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const box = style({
  flex: "none",
  width: vars.size.checkbox,
  height: vars.size.checkbox,
  marginTop: vars.size.checkboxAlign,
  accentColor: vars.color.accent,
  cursor: "pointer",
  selectors: {
    '&[aria-invalid="true"]': {
      outline: `${vars.borderWidth.standard} solid ${vars.color.critical}`,
      outlineOffset: vars.borderWidth.standard,
    },
  },
});
