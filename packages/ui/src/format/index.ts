/**
 * `@vaart/ui/format`: text helpers the apps share with the design system. Plain
 * functions, no React and no styles, so a server route or a build script can use them.
 */
export { countWords, estimateReadingMinutes, formatDutchDate } from "./format";
