import { style, styleVariants } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const heading = style({
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.heading,
  lineHeight: vars.lineHeight.heading,
  // Long Dutch compounds ("ketensamenwerkingsovereenkomst") must wrap, not overflow.
  overflowWrap: "break-word",
  hyphens: "auto",
  textWrap: "balance",
});

export const headingSize = styleVariants({
  1: {
    fontSize: vars.fontSize.h1,
    lineHeight: vars.lineHeight.tight,
    letterSpacing: vars.letterSpacing.tight,
  },
  2: { fontSize: vars.fontSize.h2 },
  3: { fontSize: vars.fontSize.h3 },
  4: { fontSize: vars.fontSize.h4 },
});
