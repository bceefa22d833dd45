import { style } from "@vanilla-extract/css";
import { vars } from "../theme/contract.css";

/** The tinted block that sets a form, an event or a call to action apart from the page. */
export const surfacePanel = style({
  display: "flex",
  flexDirection: "column",
  gap: vars.space.lg,
  padding: `${vars.space.xl} ${vars.layout.gutter}`,
  borderRadius: vars.radius.lg,
  background: vars.color.surface,
  color: vars.color.text,
});
