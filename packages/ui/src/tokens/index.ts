/**
 * `@vaart/ui/tokens`: the themes' colour values as plain data, for what CSS cannot reach —
 * pictures drawn on the server (the landing pages' share images). Components and pages use
 * the theme contract (`vars`) and the theme classes, never these values.
 */
export { type ColorTokens, type ThemeName, themeColors } from "../theme/tokens";
