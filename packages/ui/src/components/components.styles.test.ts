/**
 * Components style themselves only through the theme contract (`vars`): a raw length or
 * colour in a component's `.css.ts` is a size or colour no theme can change. This test
 * reads every component stylesheet and fails on one, naming file, line and value.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const componentsDir = resolve(import.meta.dirname);

/**
 * The only literals allowed, each for a reason no token would make clearer.
 * `0` and unitless numbers (line counts, z-index, opacity) are not lengths and always pass.
 */
const allowed: Record<string, string> = {
  "100%": "fills the parent (width, calc(100% - …))",
  "-50%": "the logo row loops by shifting its doubled track by half",
  "-200%": "the skip link waits above the viewport until focused",
  "1px": "the visually-hidden pattern: a 1 × 1 px clipped box",
  "-1px": "the visually-hidden pattern's negative margin",
};

const length =
  /(?<![\w#.$-])-?(?:\d+\.?\d*|\.\d+)(?:px|rem|em|ex|ch|lh|vw|vh|dvh|svh|lvh|vmin|vmax|pt|pc|cm|mm|in|q|%)(?![\w-])/gi;
const colour =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|(?<=["'`\s(,])(?:white|black|red|green|blue|gray|grey|silver|orange|yellow|purple|navy|teal|maroon)(?=["'`\s),;])/gi;

function componentStylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentStylesheets(path);
    return entry.name.endsWith(".css.ts") ? [path] : [];
  });
}

/** Blanks out comments but keeps line numbers, so findings point at the right line. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "))
    .replace(/(^|[^:"'`])\/\/[^\n]*/g, "$1");
}

function rawLiterals(source: string): string[] {
  const findings: string[] = [];
  withoutComments(source)
    .split("\n")
    .forEach((line, index) => {
      for (const match of line.matchAll(length)) {
        if (!(match[0] in allowed)) findings.push(`line ${index + 1}: ${match[0]}`);
      }
      for (const match of line.matchAll(colour)) {
        findings.push(`line ${index + 1}: ${match[0].trim()}`);
      }
    });
  return findings;
}

describe("component styles use only the theme contract", () => {
  const files = componentStylesheets(componentsDir);

  it("finds the component stylesheets", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(componentsDir, file), file]))(
    "%s has no raw length or colour",
    (_name, file) => {
      expect(rawLiterals(readFileSync(file, "utf8"))).toEqual([]);
    },
  );

  it("catches raw lengths and colours (and lets tokens through)", () => {
    expect(
      rawLiterals(
        'const a = style({ border: "2px solid #fff", margin: "1.5rem", color: "white" });',
      ),
    ).toEqual(["line 1: 2px", "line 1: 1.5rem", "line 1: #fff", "line 1: white"]);
    expect(rawLiterals('padding: vars.space.md, // 3px in a comment\nwidth: "100%"')).toEqual([]);
  });
});

describe("components render no inline styles", () => {
  // The apps send a Content-Security-Policy without 'unsafe-inline' for styles: a `style`
  // attribute is dropped there (a chart sized inline collapsed to nothing), while Storybook,
  // which sends no policy, shows it fine. Sizes go through classes or SVG attributes.
  const sources = readdirSync(componentsDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".tsx") && !/\.(stories|test|browser\.test)\.tsx$/.test(file))
    .map((file) => join(componentsDir, file));

  it.each(sources.map((file) => [relative(componentsDir, file), file]))("%s", (_name, file) => {
    const lines = readFileSync(file as string, "utf8").split("\n");
    const inline = lines
      .map((line, index) => ({ line: index + 1, text: line.trim() }))
      .filter(
        ({ text }) => /\bstyle=\{/.test(text) && !text.startsWith("//") && !text.startsWith("*"),
      );
    expect(inline).toEqual([]);
  });
});
