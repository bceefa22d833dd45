import { globalStyle, style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

/** Wide tables scroll sideways inside their own box instead of widening the page. */
export const scroller = style({ maxWidth: "100%", overflowX: "auto" });

export const table = style({
  borderCollapse: "collapse",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  lineHeight: vars.lineHeight.tight,
  color: vars.color.text,
});

export const caption = style({
  textAlign: "start",
  paddingBlockEnd: vars.space.xs,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.heading,
});

globalStyle(`${table} th, ${table} td`, {
  paddingBlock: vars.space.xs,
  paddingInline: vars.space.sm,
  borderBlockEnd: `${vars.borderWidth.standard} solid ${vars.color.surface}`,
  textAlign: "start",
  verticalAlign: "top",
});

globalStyle(`${table} thead th`, { color: vars.color.textMuted });

export const numeric = style({ textAlign: "end", fontVariantNumeric: "tabular-nums" });

globalStyle(`${table} th${numeric}, ${table} td${numeric}`, { textAlign: "end" });
