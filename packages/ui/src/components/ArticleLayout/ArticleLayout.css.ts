import { globalStyle, style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";
import { breakpoints } from "../../theme/tokens";

const desktop = `screen and (min-width: ${breakpoints.desktop}em)`;

export const page = style({
  display: "flex",
  flexDirection: "column",
  minHeight: "100vh",
});

export const main = style({
  flex: "1 0 auto",
  paddingBlock: `${vars.space.xl} ${vars.space.xxl}`,
  selectors: { "&:focus": { outline: "none" } },
});

/** One column of readable width; asides follow the article, as on the seed page. */
export const column = style({
  width: "100%",
  maxWidth: `calc(${vars.measure} + 2 * ${vars.layout.gutter})`,
  marginInline: "auto",
  paddingInline: vars.layout.gutter,
});

export const articleHeader = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.md,
  marginBottom: vars.space.xl,
});

export const meta = style({
  display: "flex",
  flexWrap: "wrap",
  gap: `${vars.space.xxs} ${vars.space.md}`,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  color: vars.color.textMuted,
  margin: 0,
  padding: 0,
  listStyle: "none",
  // Meta sits above the title visually but after it in the source order.
  order: -1,
});

export const lead = style({
  fontSize: vars.fontSize.lead,
  lineHeight: 1.55,
  color: vars.color.text,
});

export const readMore = style({
  marginTop: vars.space.xl,
  paddingTop: vars.space.lg,
  borderTop: `1px solid ${vars.color.border}`,
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.lead,
});

export const readMoreArrow = style({
  display: "inline-block",
  marginInlineStart: vars.space.xs,
  transition: `transform ${vars.motion.fast} ${vars.motion.easing}`,
  selectors: { [`${readMore} a:hover &`]: { transform: "translateX(0.25em)" } },
});

/** Asides (logos, signup) may use the full content width. */
export const asides = style({
  width: "100%",
  maxWidth: vars.layout.contentMax,
  marginInline: "auto",
  paddingInline: vars.layout.gutter,
  display: "flex",
  flexDirection: "column",
  gap: vars.space.xxl,
  marginTop: vars.space.xxl,
});

/** Long-form body copy: every element Markdown can produce, styled for reading. */
export const prose = style({
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.body,
  lineHeight: vars.lineHeight.body,
  color: vars.color.text,
  hyphens: "auto",
  overflowWrap: "break-word",
});

globalStyle(`${prose} > * + *`, { marginTop: "1.1em" });
globalStyle(`${prose} h2`, {
  marginTop: "2em",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.h2,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.heading,
  textWrap: "balance",
});
globalStyle(`${prose} h3`, {
  marginTop: "1.6em",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.h3,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.heading,
});
globalStyle(`${prose} h2 + *, ${prose} h3 + *`, { marginTop: "0.6em" });
globalStyle(`${prose} ul, ${prose} ol`, { paddingInlineStart: "1.5em" });
globalStyle(`${prose} li + li`, { marginTop: "0.6em" });
globalStyle(`${prose} li::marker`, { color: vars.color.textMuted, fontFamily: vars.font.heading });
globalStyle(`${prose} strong`, { fontWeight: vars.fontWeight.bold, color: vars.color.heading });
globalStyle(`${prose} a`, {
  color: vars.color.accent,
  textDecorationThickness: "max(1px, 0.0625em)",
  textUnderlineOffset: "0.2em",
});
globalStyle(`${prose} a:hover`, { color: vars.color.accentStrong });
globalStyle(`${prose} blockquote`, {
  paddingInlineStart: vars.space.lg,
  borderInlineStart: `4px solid ${vars.color.accent}`,
  fontStyle: "italic",
  color: vars.color.heading,
});
globalStyle(`${prose} code`, { fontFamily: vars.font.mono, fontSize: "0.9em" });
globalStyle(`${prose} hr`, { border: 0, borderTop: `1px solid ${vars.color.border}` });
globalStyle(`${prose} img`, { height: "auto", borderRadius: vars.radius.md });

// Print just the article: no site chrome, asides or related links; show where links go.
globalStyle(`${page} > header, ${page} > footer, ${asides}, ${readMore}`, {
  "@media": { print: { display: "none" } },
});
globalStyle(`${prose} a[href^="http"]::after`, {
  "@media": { print: { content: '" (" attr(href) ")"', fontSize: "0.85em" } },
});
globalStyle(`${prose} h2, ${prose} h3`, {
  "@media": { print: { breakAfter: "avoid" } },
});
// On paper too, lines keep the reading measure; only the screen gutters go.
globalStyle(`${column}`, {
  "@media": { print: { marginInline: 0, paddingInline: 0 } },
});
globalStyle(`${asides}`, {
  "@media": { [desktop]: { gap: vars.space.xxxl } },
});
