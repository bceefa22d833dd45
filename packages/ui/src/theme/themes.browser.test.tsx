import { afterEach, describe, expect, it } from "vitest";
import { cdp } from "vitest/browser";
import { ArticleLayout } from "../components/ArticleLayout";
import { Button } from "../components/Button";
import { Checkbox } from "../components/Checkbox";
import { Heading } from "../components/Heading";
import { Link } from "../components/Link";
import { LogoCarousel } from "../components/LogoCarousel";
import { SignupForm } from "../components/SignupForm";
import { Text } from "../components/Text";
import { TextField } from "../components/TextField";
import { seedOrganisations } from "../fixtures/seedArticle";
import { toHex } from "../test/colour";
import { cleanup, render } from "../test/render";
import { contrastRatio } from "./contrast";
import { followColorScheme, type ThemeName } from "./themes.css";
import { minimumContrast, themeColors } from "./tokens";

afterEach(cleanup);

/** One element per component, and the computed style that carries the theme. */
const samples = [
  {
    name: "Button",
    ui: <Button>Aanmelden</Button>,
    selector: "button",
    property: "background-color",
  },
  { name: "Link", ui: <Link href="/artikelen">Artikelen</Link>, selector: "a", property: "color" },
  { name: "Heading", ui: <Heading level={2}>Kop</Heading>, selector: "h2", property: "color" },
  { name: "Text", ui: <Text tone="muted">Tekst</Text>, selector: "p", property: "color" },
  {
    name: "TextField",
    ui: <TextField label="E-mailadres" />,
    selector: "input",
    property: "background-color",
  },
  {
    name: "Checkbox",
    ui: <Checkbox label="Ja" />,
    selector: "input",
    property: "accent-color",
  },
  {
    name: "ArticleLayout",
    ui: (
      <ArticleLayout title="Titel">
        <p>
          Lees ook <a href="/artikelen">alle artikelen</a>
        </p>
      </ArticleLayout>
    ),
    selector: "article p a",
    property: "color",
  },
  {
    name: "LogoCarousel",
    ui: <LogoCarousel organisations={seedOrganisations} />,
    selector: "section > div + div",
    property: "background-color",
  },
  {
    name: "SignupForm",
    ui: <SignupForm action="/nieuwsbrief" consentLabel="Ja" />,
    selector: "section",
    property: "background-color",
  },
] as const;

function styleUnder(theme: ThemeName, sample: (typeof samples)[number]) {
  const container = render(sample.ui, theme);
  const element = container.querySelector(sample.selector);
  if (!element) throw new Error(`${sample.name}: nothing matches ${sample.selector}`);
  const value = getComputedStyle(element).getPropertyValue(sample.property);
  cleanup();
  return value;
}

describe("a theme switch restyles every component without touching it", () => {
  it.each(samples)("$name follows the theme", (sample) => {
    const brand = styleUnder("brand", sample);
    const campaign = styleUnder("campaign", sample);
    const dark = styleUnder("dark", sample);
    expect(brand).not.toBe("");
    expect(new Set([brand, campaign, dark]).size).toBe(3);
  });
});

describe("native controls follow the theme", () => {
  it.each([
    ["brand", "light"],
    ["campaign", "light"],
    ["dark", "dark"],
  ] as const)("%s theme asks for a %s colour scheme", (theme, scheme) => {
    render(<Checkbox label="Ja" />, theme);
    expect(getComputedStyle(document.querySelector("input") as Element).colorScheme).toBe(scheme);
  });
});

describe("followColorScheme: a page follows the reader's light or dark setting", () => {
  const emulate = (media: string, scheme: "light" | "dark") =>
    cdp().send("Emulation.setEmulatedMedia", {
      media,
      features: [{ name: "prefers-color-scheme", value: scheme }],
    });
  afterEach(() => emulate("", "light"));

  /** The page's colours as a reader sees them, with `theme` and the follow class on <html>. */
  function pageColours(theme: ThemeName) {
    render(
      <>
        <Heading level={1}>Kop</Heading>
        <Text>Tekst</Text>
        <Link href="/artikelen">Artikelen</Link>
      </>,
      theme,
    );
    document.documentElement.classList.add(followColorScheme);
    const colour = (selector: string, property = "color") =>
      toHex(
        getComputedStyle(document.querySelector(selector) as Element).getPropertyValue(property),
      );
    return {
      background: colour("body", "background-color"),
      text: colour("p"),
      heading: colour("h1"),
      link: colour("a"),
      scheme: getComputedStyle(document.documentElement).colorScheme,
    };
  }

  it.each(["brand", "campaign"] as const)(
    "the %s theme turns dark for a reader who prefers dark, with AA contrast",
    async (theme) => {
      await emulate("screen", "dark");
      const seen = pageColours(theme);
      expect(seen.background).toBe(themeColors.dark.background);
      expect(seen.text).toBe(themeColors.dark.text);
      expect(seen.scheme).toBe("dark");
      for (const foreground of [seen.text, seen.heading, seen.link]) {
        expect(contrastRatio(foreground, seen.background)).toBeGreaterThanOrEqual(
          minimumContrast.text,
        );
      }
    },
  );

  it.each(["brand", "campaign"] as const)(
    "the %s theme stays light for a reader who prefers light",
    async (theme) => {
      await emulate("screen", "light");
      const seen = pageColours(theme);
      expect(seen.background).toBe(themeColors[theme].background);
      expect(seen.scheme).toBe("light");
    },
  );

  it("prints light even when the reader prefers dark", async () => {
    await emulate("print", "dark");
    expect(pageColours("brand").text).toBe(themeColors.brand.text);
  });
});
