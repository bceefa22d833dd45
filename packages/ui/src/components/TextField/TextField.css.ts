import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const input = style({
  width: "100%",
  maxWidth: "30rem",
  minHeight: "2.75rem",
  padding: `${vars.space.xs} ${vars.space.sm}`,
  border: `2px solid ${vars.color.border}`,
  borderRadius: vars.radius.sm,
  background: vars.color.background,
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.body,
  selectors: {
    '&[aria-invalid="true"]': { borderColor: vars.color.critical, borderWidth: "3px" },
  },
});
