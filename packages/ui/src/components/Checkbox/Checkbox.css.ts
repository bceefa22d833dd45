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
    // The error outline above is more specific than the global focus ring: without this a
    // keyboard user sees no change when the invalid box gets focus (WCAG 2.4.7).
    '&[aria-invalid="true"]:focus-visible': {
      outline: `${vars.focusRing.width} solid ${vars.color.focus}`,
      outlineOffset: vars.focusRing.offset,
    },
  },
});
