import { type GlobalStyleRule, globalStyle, keyframes, style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";
import { breakpoints } from "../../theme/tokens";

export const section = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.md,
});

export const headerRow = style({
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  justifyContent: "space-between",
  gap: vars.space.sm,
});

/** The toggle is a real checkbox, so pausing works with CSS alone (no JavaScript). */
export const pauseInput = style({
  position: "absolute",
  opacity: 0,
  width: "1px",
  height: "1px",
  margin: 0,
});

export const pauseLabel = style({
  display: "inline-flex",
  alignItems: "center",
  gap: vars.space.xs,
  minHeight: vars.size.touchTarget,
  paddingInline: vars.space.md,
  border: `${vars.borderWidth.standard} solid ${vars.color.accent}`,
  borderRadius: vars.radius.pill,
  color: vars.color.accent,
  background: vars.color.background,
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.small,
  cursor: "pointer",
  userSelect: "none",
  selectors: {
    [`${pauseInput}:focus-visible + &`]: {
      outline: `${vars.focusRing.width} solid ${vars.color.focus}`,
      outlineOffset: vars.focusRing.offset,
    },
    [`${pauseInput}:checked + &`]: { background: vars.color.accent, color: vars.color.onAccent },
    "&:hover": { borderColor: vars.color.accentStrong },
  },
});

/** Nothing moves under reduced motion, so there is nothing to pause. */
export const pauseControl = style({
  selectors: { '[data-motion="reduce"] &': { display: "none" } },
  "@media": { "(prefers-reduced-motion: reduce)": { display: "none" }, print: { display: "none" } },
});

export const iconPause = style({
  selectors: { [`${pauseInput}:checked + ${pauseLabel} &`]: { display: "none" } },
});
export const iconPaused = style({
  display: "none",
  selectors: { [`${pauseInput}:checked + ${pauseLabel} &`]: { display: "inline" } },
});

export const viewport = style({
  overflow: "hidden",
  borderRadius: vars.radius.lg,
  background: vars.color.surface,
  paddingBlock: vars.space.lg,
  // Soft edges hint that the row continues.
  // Only the mask's alpha counts: currentColor is simply an opaque colour.
  maskImage: `linear-gradient(to right, transparent, currentColor ${vars.size.fadeEdge}, currentColor calc(100% - ${vars.size.fadeEdge}), transparent)`,
});

const scroll = keyframes({
  from: { transform: "translateX(0)" },
  to: { transform: "translateX(-50%)" },
});

/** Two identical lists side by side; shifting by half the width loops seamlessly. */
export const track = style({
  display: "flex",
  width: "max-content",
  animation: `${scroll} ${vars.motion.carouselLoop} linear infinite`,
  // Hold still under the pointer, so a logo can be read and clicked.
  selectors: { [`${viewport}:hover &`]: { animationPlayState: "paused" } },
  "@media": { "(prefers-reduced-motion: reduce)": { animation: "none" } },
});

export const list = style({
  display: "flex",
  alignItems: "center",
  gap: vars.space.xxl,
  margin: 0,
  paddingBlock: 0,
  paddingInline: `0 ${vars.space.xxl}`,
  listStyle: "none",
});

/** Few logos: a still, wrapping row; nothing moves. */
export const staticList = style({
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  justifyContent: "center",
  // Two logos side by side on a phone (one per row looked like a list), wider apart above.
  gap: `${vars.space.lg} ${vars.space.md}`,
  "@media": { [`screen and (min-width: ${breakpoints.tablet}em)`]: { columnGap: vars.space.xxl } },
  margin: 0,
  padding: `${vars.space.lg} ${vars.layout.gutter}`,
  listStyle: "none",
  borderRadius: vars.radius.lg,
  background: vars.color.surface,
});

export const item = style({ flex: "none" });

export const logoLink = style({
  display: "block",
  borderRadius: vars.radius.sm,
  color: vars.color.text,
});

/** Three quarters of the size on a phone, so two logos fit next to each other at 320 px. */
const logoBox = {
  width: `calc(${vars.size.logoWidth} * 0.75)`,
  height: `calc(${vars.size.logoHeight} * 0.75)`,
  "@media": {
    [`screen and (min-width: ${breakpoints.tablet}em)`]: {
      width: vars.size.logoWidth,
      height: vars.size.logoHeight,
    },
  },
} as const;

/**
 * Every logo sits on a light plate, in every theme: logos come in their owners' colours,
 * often dark on transparent, and would vanish on a dark surface.
 */
export const logoImage = style({
  ...logoBox,
  display: "block",
  objectFit: "contain",
  padding: vars.space.xs,
  borderRadius: vars.radius.md,
  background: vars.color.logoPlate,
  // Forced colours (Windows high contrast) would remove the plate and leave dark logos on a
  // dark canvas: the plate is part of the picture, keep it.
  forcedColorAdjust: "none",
  // Without JavaScript a broken image shows its alt text (the name): make it legible.
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.onLogoPlate,
});

/** The organisation's name, shown when there is no usable logo image. */
export const wordmark = style({
  ...logoBox,
  display: "flex",
  alignItems: "center",
  justifyContent: "center",
  textAlign: "center",
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.body,
  lineHeight: vars.lineHeight.tight,
  color: vars.color.heading,
  overflowWrap: "anywhere",
});

globalStyle(`${logoLink}:hover ${wordmark}`, { textDecoration: "underline" });

/** The copy that makes the loop seamless; hidden whenever the row stands still. */
export const duplicateList = style({});

/**
 * The row stands still — no animation, no copy, wrapped so every logo is visible and
 * reachable — when the reader paused it, when keyboard focus is on a logo (so focus is
 * never carried out of view), when the reader prefers reduced motion, or when an app
 * marks an ancestor with `data-motion="reduce"` (a site-wide "less motion" setting).
 */
function whenStill(target: string, rules: GlobalStyleRule) {
  const contexts = ['[data-motion="reduce"]', `${section}:has(${pauseInput}:checked)`];
  const selectors = contexts.map((context) => `${context} ${target}`);
  selectors.push(
    target === viewport ? `${viewport}:focus-within` : `${viewport}:focus-within ${target}`,
  );
  globalStyle(selectors.join(", "), rules);
  globalStyle(target, { "@media": { "(prefers-reduced-motion: reduce)": rules } });
}

whenStill(track, { width: "auto", animation: "none" });
whenStill(list, {
  flexWrap: "wrap",
  justifyContent: "center",
  rowGap: vars.space.lg,
  paddingInline: vars.layout.gutter,
});
whenStill(duplicateList, { display: "none" });
whenStill(viewport, { maskImage: "none" });
