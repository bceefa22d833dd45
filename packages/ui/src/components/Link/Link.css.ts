import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const link = style({
  color: vars.color.accent,
  textDecorationLine: "underline",
  textDecorationThickness: vars.underline.thickness,
  textUnderlineOffset: vars.underline.offset,
  transition: `color ${vars.motion.fast} ${vars.motion.easing}`,
  selectors: {
    // "You are here" in a navigation: shown, not only announced (aria-current).
    '&[aria-current="page"], &[aria-current="true"]': {
      color: vars.color.text,
      fontWeight: vars.fontWeight.bold,
      textDecorationThickness: vars.underline.thicknessHover,
    },
    "&:hover": {
      color: vars.color.accentStrong,
      textDecorationThickness: vars.underline.thicknessHover,
    },
  },
});
