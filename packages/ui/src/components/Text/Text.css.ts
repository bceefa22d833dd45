import { type RecipeVariants, recipe } from "@vanilla-extract/recipes";
import { vars } from "../../theme/contract.css";

export const text = recipe({
  base: {
    fontFamily: vars.font.body,
    lineHeight: vars.lineHeight.body,
    // Running text stays readable in any wide container: at most the reading measure.
    maxWidth: vars.measure,
  },
  variants: {
    size: {
      small: { fontSize: vars.fontSize.small },
      body: { fontSize: vars.fontSize.body },
      lead: { fontSize: vars.fontSize.lead },
    },
    tone: {
      normal: { color: vars.color.text },
      muted: { color: vars.color.textMuted },
      critical: { color: vars.color.critical },
      positive: { color: vars.color.positive },
    },
    weight: {
      regular: { fontWeight: vars.fontWeight.regular },
      bold: { fontWeight: vars.fontWeight.bold },
    },
  },
  defaultVariants: { size: "body", tone: "normal", weight: "regular" },
});

export type TextVariants = NonNullable<RecipeVariants<typeof text>>;
