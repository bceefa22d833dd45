import { style } from "@vanilla-extract/css";
import { surfacePanel } from "../../private/panel.css";
import { vars } from "../../theme/contract.css";
import { visuallyHidden } from "../VisuallyHidden/VisuallyHidden.css";

export const panel = style([surfacePanel, { "@media": { print: { display: "none" } } }]);

export const intro = style({ maxWidth: vars.measure });

export const form = style({
  position: "relative",
  display: "flex",
  flexDirection: "column",
  gap: vars.space.lg,
});

export const notice = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.xs,
  padding: vars.space.lg,
  borderRadius: vars.radius.md,
  borderInlineStart: `${vars.borderWidth.heavy} solid`,
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

/** Hidden from view but present for bots; `display: none` would tell them to skip it. */
export const honeypot = style([visuallyHidden]);
