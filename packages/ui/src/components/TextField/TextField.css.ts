import { style } from "@vanilla-extract/css";
import { vars } from "../../theme/contract.css";

export const input = style({
  width: "100%",
  maxWidth: vars.size.fieldMaxWidth,
  minHeight: vars.size.touchTarget,
  padding: `${vars.space.xs} ${vars.space.sm}`,
  border: `${vars.borderWidth.standard} solid ${vars.color.border}`,
  borderRadius: vars.radius.sm,
  background: vars.color.background,
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.body,
  selectors: {
    '&[aria-invalid="true"]': {
      borderColor: vars.color.critical,
      borderWidth: vars.borderWidth.strong,
    },
  },
});
