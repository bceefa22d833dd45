import { globalStyle, style } from "@vanilla-extract/css";
import { surfacePanel } from "../../private/panel.css";
import { vars } from "../../theme/contract.css";
import { breakpoints } from "../../theme/tokens";

export const panel = style([surfacePanel, { alignItems: "flex-start" }]);

export const list = style({
  display: "grid",
  gridTemplateColumns: "max-content minmax(0, 1fr)",
  gap: `${vars.space.sm} ${vars.space.lg}`,
  margin: 0,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.body,
  lineHeight: vars.lineHeight.body,
});

export const term = style({
  fontFamily: vars.font.heading,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.heading,
});

export const value = style({ margin: 0 });

/**
 * The calendar download. On a phone the button's usual side padding leaves its label
 * ("Zet in je agenda (.ics)") a few pixels short of one line; less padding keeps it on one
 * line, and a label that still wraps (larger text) wraps evenly, centred.
 */
export const calendar = style({ textAlign: "center", textWrap: "balance" });
// Panel and class: more specific than the button's own padding, whatever the CSS order.
globalStyle(`${panel} ${calendar}`, {
  "@media": {
    [`screen and (max-width: ${breakpoints.tablet}em)`]: { paddingInline: vars.space.sm },
  },
});
