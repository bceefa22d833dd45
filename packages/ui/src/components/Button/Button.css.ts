import { type RecipeVariants, recipe } from "@vanilla-extract/recipes";
import { vars } from "../../theme/contract.css";

export const button = recipe({
  base: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    gap: vars.space.xs,
    // 44px target size (WCAG 2.5.8 asks 24px; we give fingers more).
    minHeight: vars.size.touchTarget,
    paddingInline: vars.space.lg,
    paddingBlock: vars.space.xs,
    borderRadius: vars.radius.md,
    border: `${vars.borderWidth.standard} solid transparent`,
    fontFamily: vars.font.heading,
    fontWeight: vars.fontWeight.bold,
    fontSize: vars.fontSize.body,
    lineHeight: vars.lineHeight.tight,
    textDecoration: "none",
    cursor: "pointer",
    transition: `background-color ${vars.motion.fast} ${vars.motion.easing}`,
    selectors: {
      '&[aria-disabled="true"]': { cursor: "progress", opacity: 0.85 },
    },
  },
  variants: {
    variant: {
      primary: {
        background: vars.color.accent,
        color: vars.color.onAccent,
        selectors: { "&:hover": { background: vars.color.accentStrong } },
      },
      secondary: {
        background: "transparent",
        color: vars.color.accent,
        borderColor: vars.color.accent,
        selectors: { "&:hover": { color: vars.color.accentStrong, borderColor: "currentColor" } },
      },
    },
  },
  defaultVariants: { variant: "primary" },
});

export type ButtonVariants = NonNullable<RecipeVariants<typeof button>>;
