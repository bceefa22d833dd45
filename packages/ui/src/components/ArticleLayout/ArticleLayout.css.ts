import { globalStyle, style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";
import { breakpoints } from "../../theme/tokens";

const desktop = `screen and (min-width: ${breakpoints.desktop}em)`;

export const page = style({
  display: "flex",
  flexDirection: "column",
  minHeight: vars.layout.minPageHeight,
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
  lineHeight: vars.lineHeight.lead,
  color: vars.color.text,
});

export const readMore = style({
  marginTop: vars.space.xl,
  paddingTop: vars.space.lg,
  borderTop: `${vars.borderWidth.hairline} solid ${vars.color.border}`,
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.lead,
});

export const readMoreArrow = style({
  display: "inline-block",
  marginInlineStart: vars.space.xs,
  transition: `transform ${vars.motion.fast} ${vars.motion.easing}`,
  selectors: { [`${readMore} a:hover &`]: { transform: `translateX(${vars.space.xxs})` } },
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

globalStyle(`${prose} > * + *`, { marginTop: vars.prose.flow });
globalStyle(`${prose} h2`, {
  marginTop: vars.prose.beforeSection,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.h2,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.heading,
  textWrap: "balance",
});
globalStyle(`${prose} h3`, {
  marginTop: vars.prose.beforeSubsection,
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.h3,
  lineHeight: vars.lineHeight.heading,
  color: vars.color.heading,
});
globalStyle(`${prose} h2 + *, ${prose} h3 + *`, { marginTop: vars.prose.afterHeading });
globalStyle(`${prose} ul, ${prose} ol`, { paddingInlineStart: vars.prose.listIndent });
globalStyle(`${prose} li + li`, { marginTop: vars.prose.listItem });
globalStyle(`${prose} li::marker`, { color: vars.color.textMuted, fontFamily: vars.font.heading });
globalStyle(`${prose} strong`, { fontWeight: vars.fontWeight.bold, color: vars.color.heading });
globalStyle(`${prose} a`, {
  color: vars.color.accent,
  textDecorationThickness: vars.underline.thickness,
  textUnderlineOffset: vars.underline.offset,
});
globalStyle(`${prose} a:hover`, { color: vars.color.accentStrong });
globalStyle(`${prose} blockquote`, {
  paddingInlineStart: vars.space.lg,
  borderInlineStart: `${vars.borderWidth.heavy} solid ${vars.color.accent}`,
  fontStyle: "italic",
  color: vars.color.heading,
});
globalStyle(`${prose} code`, { fontFamily: vars.font.mono, fontSize: vars.prose.code });
globalStyle(`${prose} hr`, {
  border: 0,
  borderTop: `${vars.borderWidth.hairline} solid ${vars.color.border}`,
});
globalStyle(`${prose} img`, { height: "auto", borderRadius: vars.radius.md });

// Print just the article: no site chrome, asides or related links; show where links go.
globalStyle(`${page} > header, ${page} > footer, ${asides}, ${readMore}`, {
  "@media": { print: { display: "none" } },
});
globalStyle(`${prose} a[href^="http"]::after`, {
  "@media": { print: { content: '" (" attr(href) ")"', fontSize: vars.prose.printNote } },
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
