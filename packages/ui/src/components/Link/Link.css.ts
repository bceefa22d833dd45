import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const link = style({
  color: vars.color.accent,
  textDecorationLine: "underline",
  textDecorationThickness: "max(1px, 0.0625em)",
  textUnderlineOffset: "0.2em",
  transition: `color ${vars.motion.fast} ${vars.motion.easing}`,
  selectors: {
    "&:hover": { color: vars.color.accentStrong, textDecorationThickness: "max(2px, 0.125em)" },
  },
});
