import { globalStyle } from "@vanilla-extract/css";
import { vars } from "../theme/contract.css";

// A small modern reset: keep native semantics, remove inconsistent defaults.
globalStyle("*, *::before, *::after", { boxSizing: "border-box" });
globalStyle("html", {
  WebkitTextSizeAdjust: "100%",
  textSizeAdjust: "100%",
});
globalStyle("body", {
  margin: 0,
  background: vars.color.background,
  color: vars.color.text,
  fontFamily: vars.font.body,
  fontSize: vars.fontSize.body,
  lineHeight: vars.lineHeight.body,
  overflowWrap: "break-word",
  WebkitFontSmoothing: "antialiased",
});
globalStyle("h1, h2, h3, h4, p, ul, ol, figure, blockquote", { margin: 0 });
globalStyle("img, svg, video", { display: "block", maxWidth: "100%" });
globalStyle("input, button, textarea, select", { font: "inherit", color: "inherit" });

// One focus ring for everything, offset so it always sits on the page colour.
globalStyle(":focus-visible", {
  outline: `${vars.focusRing.width} solid ${vars.color.focus}`,
  outlineOffset: vars.focusRing.offset,
});
globalStyle(":focus:not(:focus-visible)", { outline: "none" });
globalStyle("::selection", { background: vars.color.selection, color: vars.color.text });

globalStyle("*, *::before, *::after", {
  "@media": {
    "(prefers-reduced-motion: reduce)": {
      animationDuration: "0.01ms",
      animationIterationCount: "1",
      transitionDuration: "0.01ms",
      scrollBehavior: "auto",
    },
  },
});

// Print: white paper, 11pt body; each component hides in print what a reader does not need.
globalStyle("body", {
  "@media": { print: { background: "#fff", fontSize: "11pt" } },
});
