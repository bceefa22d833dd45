import { assignVars, createTheme, globalStyle, style } from "@vanilla-extract/css";
import { vars } from "./contract.css";
import {
  borderWidth,
  type ColorTokens,
  colorSchemeThemes,
  focusRing,
  fontFamilies,
  layout,
  motion,
  prose,
  radii,
  size,
  space,
  type ThemeName,
  themeColors,
  typography,
  underline,
} from "./tokens";

function themeValues(color: ColorTokens) {
  return {
    color,
    font: fontFamilies,
    fontSize: typography.size,
    lineHeight: typography.lineHeight,
    letterSpacing: typography.letterSpacing,
    fontWeight: typography.weight,
    measure: typography.measure,
    space,
    radius: radii,
    motion,
    layout,
    borderWidth,
    focusRing,
    size,
    underline,
    prose,
  };
}

/** Class names that apply a theme to everything inside the element that carries them. */
export const brandTheme = createTheme(vars, themeValues(themeColors.brand), "brand");
export const campaignTheme = createTheme(vars, themeValues(themeColors.campaign), "campaign");
export const darkTheme = createTheme(vars, themeValues(themeColors.dark), "dark");

// Native controls (checkbox, scrollbars, autofill) follow the theme's lightness.
globalStyle(`.${brandTheme}, .${campaignTheme}`, { colorScheme: "light" });
globalStyle(`.${darkTheme}`, { colorScheme: "dark" });

// Paper is white: every theme prints with the brand's light colours.
globalStyle(`.${campaignTheme}, .${darkTheme}`, {
  "@media": { print: { vars: assignVars(vars.color, themeColors.brand) } },
});

/**
 * Next to a light theme's class (`brand`, `campaign`): the page follows the reader's
 * `prefers-color-scheme` and turns to the dark theme's colours when it asks for dark.
 * Pure CSS, so there is no script and no flash of the light page; screens only (print stays
 * light). Defined after the themes so that, at equal specificity, it wins.
 */
export const followColorScheme = style(
  {
    "@media": {
      "screen and (prefers-color-scheme: dark)": {
        vars: assignVars(vars.color, themeColors[colorSchemeThemes.dark]),
        colorScheme: "dark",
      },
    },
  },
  "followColorScheme",
);

export type { ThemeName };

export const themeClassNames: Record<ThemeName, string> = {
  brand: brandTheme,
  campaign: campaignTheme,
  dark: darkTheme,
};
