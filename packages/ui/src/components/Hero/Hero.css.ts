import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";
import { breakpoints } from "../../theme/tokens";

export const hero = style({
  display: "grid",
  gap: vars.space.xl,
  alignItems: "center",
});

/** Copy and image side by side from desktop width. */
export const withImage = style({
  "@media": {
    [`screen and (min-width: ${breakpoints.desktop}em)`]: {
      gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)",
    },
  },
});

export const copy = style({
  maxWidth: vars.layout.contentMax,
  display: "flex",
  flexDirection: "column",
  alignItems: "flex-start",
  gap: vars.space.lg,
});

export const subheading = style({
  maxWidth: vars.measure,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.lead,
  lineHeight: vars.lineHeight.body,
  color: vars.color.text,
});

export const image = style({
  display: "block",
  width: "100%",
  height: "auto",
  borderRadius: vars.radius.lg,
});
