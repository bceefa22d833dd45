import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

/** Campaign copy keeps the reading measure, like an article body. */
export const richText = style({ maxWidth: vars.measure });
