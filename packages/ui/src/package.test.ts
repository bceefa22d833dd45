/**
 * Checks the built package as a consumer receives it: a bundler that respects
 * `sideEffects` must still get every style, and React must stay a peer. It reads `dist/`,
 * so Turborepo runs `build` before this package's `test`; run `pnpm build` first by hand.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { themeColors } from "./theme/tokens";

const root = resolve(import.meta.dirname, "..");
const exported = (entry: "." | "./format" | "./tokens" | "./signup-contract") =>
  packageJson.exports[entry].import;

/** Runtime exports of `@vaart/ui`; types are checked by the apps' typecheck. */
const publicValues = [
  "ArticleLayout",
  "ArticleTeaser",
  "BarChart",
  "Box",
  "Button",
  "ButtonLink",
  "CallToAction",
  "Checkbox",
  "Container",
  "DataTable",
  "ErrorSummary",
  "EventDetails",
  "Faq",
  "FormField",
  "Heading",
  "Hero",
  "Link",
  "LinkProvider",
  "LogoCarousel",
  "NoticeBanner",
  "PageFooter",
  "PageFrame",
  "PageHeader",
  "Quote",
  "RichText",
  "SignupForm",
  "SkipLink",
  "Stack",
  "Text",
  "TextField",
  "VisuallyHidden",
  "brandTheme",
  "campaignTheme",
  "darkTheme",
  "defaultSignupCopy",
  "followColorScheme",
  "signupFieldNames",
  "themeClassNames",
  "validateSignup",
  "vars",
];
const read = (path: string) => readFileSync(resolve(root, path), "utf8");

describe("the published @vaart/ui", () => {
  it("points every export at a file the build produced", () => {
    const exported = packageJson.exports;
    for (const path of [
      exported["."].import,
      exported["."].types,
      exported["./format"].import,
      exported["./tokens"].import,
      exported["./format"].types,
      exported["./signup-contract"].import,
      exported["./signup-contract"].types,
      exported["./styles.css"],
      packageJson.main,
      packageJson.types,
    ]) {
      expect(existsSync(resolve(root, path)), path).toBe(true);
    }
  });

  it("names exactly the public API (a change here is a change for every consumer)", async () => {
    const main = await import(resolve(root, exported(".")));
    expect(Object.keys(main).sort()).toEqual(publicValues);
    const format = await import(resolve(root, exported("./format")));
    expect(Object.keys(format).sort()).toEqual([
      "countWords",
      "estimateReadingMinutes",
      "formatDutchDate",
    ]);
    const tokens = await import(resolve(root, exported("./tokens")));
    expect(Object.keys(tokens).sort()).toEqual(["themeColors"]);
    const contract = await import(resolve(root, exported("./signup-contract")));
    expect(Object.keys(contract).sort()).toEqual([
      "signupFieldNames",
      "signupLimits",
      "signupMessages",
      "utmFieldNames",
    ]);
  });

  it("keeps the format helpers, the colour values and the signup contract free of React and styles", () => {
    for (const subpath of ["./format", "./tokens", "./signup-contract"] as const) {
      expect(read(exported(subpath))).not.toMatch(/from "react"|\.css/);
    }
    // The server and the browser both import the signup contract: it imports nothing at all.
    expect(read(exported("./signup-contract"))).not.toMatch(/from "node:|require\(|import\s/);
  });

  it("ships the global base styles in its stylesheet", () => {
    const css = read(packageJson.exports["./styles.css"]);
    expect(css).toContain("box-sizing:border-box");
    expect(css).toMatch(/:focus-visible\{outline:var\(--[\w-]+\) solid var\(--[\w-]+\)/);
    expect(css).toContain("@media(prefers-reduced-motion:reduce)");
    expect(css).toContain("@media print");
  });

  it("ships the theme classes and component styles", () => {
    const css = read(packageJson.exports["./styles.css"]);
    for (const colors of Object.values(themeColors)) {
      // Each theme class defines the contract's variables with that theme's values.
      expect(css).toMatch(new RegExp(`--[\\w-]+:\\s*${colors.background};`));
      expect(css).toMatch(new RegExp(`--[\\w-]+:\\s*${colors.accent};`));
    }
    expect(css).toMatch(/@keyframes/);
  });

  it("keeps React and the vanilla-extract runtimes out of the bundle", () => {
    const js = read(packageJson.exports["."].import);
    expect(js).toMatch(/from "react"/);
    expect(js).toMatch(/from "@vanilla-extract\/recipes\/createRuntimeFn"/);
    expect(js).toMatch(/from "@vanilla-extract\/sprinkles\/createRuntimeSprinkles"/);
    expect(js).not.toContain("__SECRET_INTERNALS");
    expect(packageJson.peerDependencies).toHaveProperty("react");
    expect(packageJson.dependencies).not.toHaveProperty("react");
  });

  it("declares its stylesheet a side effect (webpack drops undeclared CSS imports)", () => {
    expect(packageJson.sideEffects).toContain("**/*.css");
  });

  it("keeps its stylesheet when a consumer's Vite build tree-shakes", async () => {
    // A consumer app, as Vite (Rollup) sees it: the package linked into node_modules.
    const app = mkdtempSync(join(tmpdir(), "vaart-ui-consumer-"));
    try {
      mkdirSync(join(app, "node_modules", "@vaart"), { recursive: true });
      symlinkSync(root, join(app, "node_modules", "@vaart", "ui"), "dir");
      writeFileSync(
        join(app, "main.js"),
        'import "@vaart/ui/styles.css";\nimport { Button } from "@vaart/ui";\nexport default Button;\n',
      );
      const output = await build({
        root: app,
        logLevel: "silent",
        configFile: false,
        build: {
          write: false,
          lib: { entry: join(app, "main.js"), formats: ["es"], fileName: "app" },
          rollupOptions: { external: [/^react/, /^@vanilla-extract\//] },
        },
      });
      const files = (Array.isArray(output) ? output : [output]).flatMap((o) =>
        "output" in o ? o.output : [],
      );
      const css = files.find((file) => file.fileName.endsWith(".css"));
      expect(css, "the consumer's build has a stylesheet").toBeDefined();
      const source = css && "source" in css ? String(css.source) : "";
      expect(source).toContain("box-sizing:border-box");
      expect(source).toContain("@keyframes");
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});
