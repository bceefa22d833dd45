import { afterEach, describe, expect, it } from "vitest";
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
import { cleanup, render } from "../test/render";
import type { ThemeName } from "./themes.css";

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
