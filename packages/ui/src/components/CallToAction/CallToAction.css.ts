import { style } from "@vanilla-extract/css";
import { surfacePanel } from "../../private/panel.css";
import { vars } from "../../theme/contract.css";

export const panel = style([surfacePanel, { alignItems: "flex-start" }]);

export const text = style({ maxWidth: vars.measure });
