import { createContainer, globalStyle, style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";
import { breakpoints } from "../../theme/tokens";

/** Wide tables scroll sideways inside their own box instead of widening the page. */
export const scroller = style({ maxWidth: "100%", overflowX: "auto" });

/** `narrowLayout="stack"`: the table's box width (not the screen's) decides the layout. */
const box = createContainer("data-table");
export const stackContainer = style({ containerName: box, containerType: "inline-size" });
/** Below the tablet width (of the table's box) a row of figures no longer fits. */
const stackBelow = `(max-width: ${breakpoints.tablet}em)`;

export const table = style({
  borderCollapse: "collapse",
  fontFamily: vars.font.heading,
  fontSize: vars.fontSize.small,
  lineHeight: vars.lineHeight.tight,
  color: vars.color.text,
});

export const stacked = style({
  "@container": { [`${box} ${stackBelow}`]: { display: "block", width: "100%" } },
});

export const caption = style({
  textAlign: "start",
  paddingBlockEnd: vars.space.xs,
  fontWeight: vars.fontWeight.bold,
  color: vars.color.heading,
  "@container": { [`${box} ${stackBelow}`]: { display: "block" } },
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

// Stacked: each row is a block with its header on top; each figure is a line with its column
// header (from data-label) at the start and the figure at the end. The column headers row
// stays for screen readers only, each cell already shows its own.
const narrow = (rules: Parameters<typeof globalStyle>[1]) => ({
  "@container": { [`${box} ${stackBelow}`]: rules },
});
globalStyle(
  `${stacked} tbody, ${stacked} tr, ${stacked} th, ${stacked} td`,
  narrow({ display: "block" }),
);
globalStyle(
  `${stacked} thead`,
  narrow({
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
  }),
);
globalStyle(
  `${stacked} tbody tr`,
  narrow({
    borderBlockStart: `${vars.borderWidth.strong} solid ${vars.color.border}`,
    paddingBlock: vars.space.xs,
  }),
);
globalStyle(
  `${stacked} tbody th`,
  narrow({ color: vars.color.heading, fontWeight: vars.fontWeight.bold, borderBlockEnd: "none" }),
);
globalStyle(
  `${stacked} tbody td`,
  narrow({ display: "flex", justifyContent: "space-between", gap: vars.space.md }),
);
globalStyle(
  `${stacked} tbody td::before`,
  narrow({ content: "attr(data-label)", color: vars.color.textMuted, textAlign: "start" }),
);
