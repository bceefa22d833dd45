import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const panel = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.lg,
  padding: `${vars.space.xl} ${vars.layout.gutter}`,
  borderRadius: vars.radius.lg,
  background: vars.color.surface,
  color: vars.color.text,
  "@media": { print: { display: "none" } },
});

export const intro = style({ maxWidth: vars.measure });

export const form = style({
  position: "relative",
  display: "flex",
  flexDirection: "column",
  gap: vars.space.lg,
});

export const summary = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.sm,
  padding: vars.space.lg,
  border: `4px solid ${vars.color.critical}`,
  borderRadius: vars.radius.md,
  background: vars.color.criticalSurface,
  color: vars.color.text,
});

export const summaryList = style({
  margin: 0,
  paddingInlineStart: "1.25em",
  display: "flex",
  flexDirection: "column",
  gap: vars.space.xxs,
});

export const summaryLink = style({
  color: vars.color.critical,
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  textUnderlineOffset: "0.2em",
});

export const notice = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.xs,
  padding: vars.space.lg,
  borderRadius: vars.radius.md,
  borderInlineStart: "6px solid",
});

export const success = style([
  notice,
  { background: vars.color.positiveSurface, borderColor: vars.color.positive },
]);

export const serverError = style([
  notice,
  { background: vars.color.criticalSurface, borderColor: vars.color.critical },
]);

export const noticeTitle = style({
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  fontSize: vars.fontSize.h4,
  selectors: { "&:focus": { outline: "none" } },
});

export const successTitle = style([noticeTitle, { color: vars.color.positive }]);

/** Off-screen but present for bots; `display: none` would tell them to skip it. */
export const honeypot = style({
  position: "absolute",
  insetInlineStart: "-10000px",
  top: "auto",
  width: "1px",
  height: "1px",
  overflow: "hidden",
});
