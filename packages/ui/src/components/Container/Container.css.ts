import { styleVariants } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

const base = {
  marginInline: "auto",
  paddingInline: vars.layout.gutter,
  width: "100%",
} as const;

export const containerWidth = styleVariants({
  /** A line length made for reading. */
  text: { ...base, maxWidth: `calc(${vars.measure} + 2 * ${vars.layout.gutter})` },
  /** The full content grid. */
  page: { ...base, maxWidth: vars.layout.contentMax },
});
