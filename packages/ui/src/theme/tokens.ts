/**
 * Raw token values for every theme. Plain data (no vanilla-extract) so that unit
 * tests can check contrast and Storybook can render the tokens page from it.
 */

export interface ColorTokens {
  /** Page background. */
  background: string;
  /** Raised surfaces: asides, the signup panel, the carousel band. */
  surface: string;
  /** Body text. */
  text: string;
  /** Secondary text: meta, hints. */
  textMuted: string;
  /** Headings. */
  heading: string;
  /** Links and the primary action. */
  accent: string;
  /** Hovered/pressed links and actions. */
  accentStrong: string;
  /** Text on an `accent` background (buttons). */
  onAccent: string;
  /** Field and separator borders (non-text, needs 3:1). */
  border: string;
  /**
   * Focus ring (non-text, needs 3:1 against background and surface). The ring is
   * drawn with an offset, so it always sits on the page or panel, never on a button.
   */
  focus: string;
  /** Error text and error borders. */
  critical: string;
  /** Background of the error summary. */
  criticalSurface: string;
  /** Success text. */
  positive: string;
  /** Background of the success message. */
  positiveSurface: string;
  /** Text selection background. */
  selection: string;
  /**
   * The light plate every client logo sits on, in every theme: logos come in the
   * organisation's own colours (often dark on transparent) and must stay legible.
   */
  logoPlate: string;
  /** Text on the logo plate: a logo's name while its image is missing (no JavaScript). */
  onLogoPlate: string;
}

export interface ThemeTokens {
  name: string;
  color: ColorTokens;
}

export const brandColors: ColorTokens = {
  background: "#fbfaf7",
  surface: "#eef3f1",
  text: "#1f2429",
  textMuted: "#4e5861",
  heading: "#14313a",
  accent: "#0a6660",
  accentStrong: "#064541",
  onAccent: "#ffffff",
  border: "#7b8a8c",
  focus: "#b3420e",
  critical: "#b0261c",
  criticalSurface: "#fcefed",
  positive: "#1d6b34",
  positiveSurface: "#eaf5ec",
  selection: "#cfe8e4",
  logoPlate: "#ffffff",
  onLogoPlate: "#14313a",
};

/** Campaign pages: the same calm base with a warm accent for calls to action. */
export const campaignColors: ColorTokens = {
  background: "#fffdf9",
  surface: "#fbefe4",
  text: "#22201d",
  textMuted: "#5b534b",
  heading: "#3a1d0c",
  accent: "#a8390b",
  accentStrong: "#7a2906",
  onAccent: "#ffffff",
  border: "#8c7f73",
  focus: "#1b4fb8",
  critical: "#a4161a",
  criticalSurface: "#fdeeee",
  positive: "#1d6b34",
  positiveSurface: "#eaf5ec",
  selection: "#f6d7bf",
  logoPlate: "#ffffff",
  onLogoPlate: "#3a1d0c",
};

/** For readers who prefer a dark interface. */
export const darkColors: ColorTokens = {
  background: "#121619",
  surface: "#1c2327",
  text: "#e6e4df",
  textMuted: "#b3b8b9",
  heading: "#f3f1ec",
  accent: "#6fd1c6",
  accentStrong: "#a4e6de",
  onAccent: "#0d1f1d",
  border: "#7d8a8d",
  focus: "#ffb27a",
  critical: "#ff9a90",
  criticalSurface: "#3a1c1a",
  positive: "#8fd6a2",
  positiveSurface: "#15301e",
  selection: "#2f5753",
  /** Slightly dimmed white: no glare on a dark page, still light enough for dark logos. */
  logoPlate: "#e9e7e2",
  onLogoPlate: "#121619",
};

export const themeColors = {
  brand: brandColors,
  campaign: campaignColors,
  dark: darkColors,
} as const;

export type ThemeName = keyof typeof themeColors;

/**
 * The colours a page with `followColorScheme` takes for each `prefers-color-scheme`: light
 * keeps the page's own theme; dark takes this theme's colours, whatever the page's theme.
 */
export const colorSchemeThemes = { dark: "dark" } as const satisfies Record<"dark", ThemeName>;

/** WCAG 2.2 AA: 4.5:1 for body-size text (1.4.3), 3:1 for UI parts and focus (1.4.11). */
export const minimumContrast = { text: 4.5, nonText: 3 } as const;

/**
 * Every foreground/background pair the components actually paint. The contrast
 * test walks this list for every theme; add a pair here when a component uses one.
 */
export const colorPairs: ReadonlyArray<{
  foreground: keyof ColorTokens;
  background: keyof ColorTokens;
  kind: keyof typeof minimumContrast;
  usedBy: string;
}> = [
  { foreground: "text", background: "background", kind: "text", usedBy: "body copy" },
  { foreground: "text", background: "surface", kind: "text", usedBy: "signup panel copy" },
  { foreground: "textMuted", background: "background", kind: "text", usedBy: "article meta" },
  { foreground: "textMuted", background: "surface", kind: "text", usedBy: "field hints" },
  { foreground: "heading", background: "background", kind: "text", usedBy: "headings" },
  { foreground: "heading", background: "surface", kind: "text", usedBy: "aside headings" },
  { foreground: "accent", background: "background", kind: "text", usedBy: "links" },
  { foreground: "accent", background: "surface", kind: "text", usedBy: "links in asides" },
  { foreground: "accentStrong", background: "background", kind: "text", usedBy: "hovered links" },
  { foreground: "accentStrong", background: "surface", kind: "text", usedBy: "hovered links" },
  { foreground: "onAccent", background: "accent", kind: "text", usedBy: "button label" },
  { foreground: "onAccent", background: "accentStrong", kind: "text", usedBy: "hovered button" },
  { foreground: "text", background: "selection", kind: "text", usedBy: "selected text" },
  { foreground: "critical", background: "background", kind: "text", usedBy: "field errors" },
  { foreground: "critical", background: "surface", kind: "text", usedBy: "errors in panel" },
  { foreground: "text", background: "criticalSurface", kind: "text", usedBy: "error summary" },
  { foreground: "critical", background: "criticalSurface", kind: "text", usedBy: "summary links" },
  { foreground: "positive", background: "positiveSurface", kind: "text", usedBy: "success title" },
  { foreground: "text", background: "positiveSurface", kind: "text", usedBy: "success copy" },
  { foreground: "border", background: "background", kind: "nonText", usedBy: "field borders" },
  { foreground: "border", background: "surface", kind: "nonText", usedBy: "fields in panel" },
  { foreground: "focus", background: "background", kind: "nonText", usedBy: "focus ring" },
  { foreground: "focus", background: "surface", kind: "nonText", usedBy: "focus in panel" },
  { foreground: "accent", background: "background", kind: "nonText", usedBy: "checkbox tick" },
  { foreground: "accent", background: "surface", kind: "nonText", usedBy: "pause toggle border" },
  { foreground: "onLogoPlate", background: "logoPlate", kind: "text", usedBy: "logo alt text" },
];

/**
 * The darkest and lightest ink a client logo is assumed to use. Every theme's `logoPlate`
 * must keep a dark logo legible (the carousel's browser test also measures it on screen).
 */
export const logoInk = { dark: "#1a1a1a" } as const;

/** System font stacks: zero font bytes, no third-party requests, good Dutch glyph coverage. */
export const fontFamilies = {
  body: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif',
  heading:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  mono: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, monospace',
} as const;

/** Breakpoints in em so they follow the reader's font size and zoom. */
export const breakpoints = { tablet: 40, desktop: 64 } as const;
export type Breakpoint = "mobile" | keyof typeof breakpoints;

export const space = {
  none: "0",
  xxs: "0.25rem",
  xs: "0.5rem",
  sm: "0.75rem",
  md: "1rem",
  lg: "1.5rem",
  xl: "2rem",
  xxl: "3rem",
  xxxl: "4.5rem",
} as const;
export type Space = keyof typeof space;

export const radii = { none: "0", sm: "0.25rem", md: "0.5rem", lg: "1rem", pill: "999px" } as const;

/**
 * Type scale for long-form reading: body grows gently with the viewport, headings
 * follow a 1.25 ratio, line height stays generous for long Dutch compounds.
 */
export const typography = {
  size: {
    small: "0.875rem",
    body: "clamp(1.0625rem, 1rem + 0.25vw, 1.1875rem)",
    lead: "clamp(1.1875rem, 1.1rem + 0.4vw, 1.375rem)",
    h4: "1.125rem",
    h3: "clamp(1.25rem, 1.2rem + 0.3vw, 1.4rem)",
    h2: "clamp(1.45rem, 1.3rem + 0.7vw, 1.8rem)",
    h1: "clamp(1.6rem, 1.1rem + 2.4vw, 2.9rem)",
  },
  lineHeight: { tight: "1.2", heading: "1.25", lead: "1.55", body: "1.65" },
  /** Large headings are set a touch tighter. */
  letterSpacing: { normal: "normal", tight: "-0.01em" },
  weight: { regular: "400", medium: "500", bold: "700" },
  /** 62ch of the body face lands at 60–75 characters of running Dutch text. */
  measure: "62ch",
} as const;

export const motion = {
  fast: "120ms",
  medium: "240ms",
  /** Time for one full pass of the logo carousel. */
  carouselLoop: "40s",
  easing: "cubic-bezier(0.2, 0, 0, 1)",
} as const;

export const layout = {
  contentMax: "72rem",
  gutter: "clamp(1rem, 4vw, 2.5rem)",
  /** A page fills at least the viewport, so the footer sits at the bottom. */
  minPageHeight: "100vh",
} as const;

/** Border widths: hairline separators, control borders, error emphasis, error and notice bars. */
export const borderWidth = {
  hairline: "1px",
  standard: "2px",
  strong: "3px",
  heavy: "4px",
} as const;

/** One focus ring for everything: its width and its distance from the element it rings. */
export const focusRing = { width: "3px", offset: "3px" } as const;

/**
 * Sizes of interactive and fixed-size parts. WCAG 2.5.8 asks for targets of at least
 * 24 × 24 CSS px; our buttons, fields and toggles aim for 44 (`touchTarget`).
 */
export const size = {
  touchTarget: "2.75rem",
  touchTargetMin: "1.5rem",
  /** The checkbox's own square (inside a label that is the larger target). */
  checkbox: "1.5rem",
  /** Nudges a checkbox down to the first line of its label. */
  checkboxAlign: "0.15em",
  /** Text inputs stop growing here: an e-mail address fits, a line does not run on. */
  fieldMaxWidth: "30rem",
  /** Every logo is drawn in this box, so nothing shifts while it loads. */
  logoWidth: "10rem",
  logoHeight: "4rem",
  /** The soft fade at both edges of the moving logo row. */
  fadeEdge: "3rem",
} as const;

/** Underlines that scale with the text and stay clear of descenders. */
export const underline = {
  thickness: "max(1px, 0.0625em)",
  thicknessHover: "max(2px, 0.125em)",
  offset: "0.2em",
} as const;

/** Rhythm of long-form text, in em so it follows the text size. */
export const prose = {
  flow: "1.1em",
  beforeSection: "2em",
  beforeSubsection: "1.6em",
  afterHeading: "0.6em",
  listIndent: "1.5em",
  listItem: "0.6em",
  code: "0.9em",
  printNote: "0.85em",
} as const;
