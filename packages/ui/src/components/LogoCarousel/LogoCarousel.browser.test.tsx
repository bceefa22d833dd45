import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cdp } from "vitest/browser";
import { seedOrganisations } from "../../fixtures/seedArticle";
import { toHex } from "../../test/colour";
import { cleanup, render } from "../../test/render";
import { contrastRatio } from "../../theme/contrast";
import { logoInk } from "../../theme/tokens";
import { LogoCarousel } from "./LogoCarousel";

async function emulateReducedMotion(value: "reduce" | "no-preference") {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "prefers-reduced-motion", value }],
  });
}

describe("LogoCarousel and the reader's motion preference", () => {
  beforeEach(() => emulateReducedMotion("reduce"));
  afterEach(async () => {
    cleanup();
    await emulateReducedMotion("no-preference");
  });

  it("does not move at all and shows every logo once", () => {
    const container = render(<LogoCarousel organisations={seedOrganisations} />);
    const [list, copy] = Array.from(container.querySelectorAll("ul"));
    const track = list?.parentElement as HTMLElement;
    expect(getComputedStyle(track).animationName).toBe("none");
    expect(getComputedStyle(copy as HTMLElement).display).toBe("none");
    for (const image of Array.from(list?.querySelectorAll("img") ?? [])) {
      const box = image.getBoundingClientRect();
      expect(box.width).toBeGreaterThan(0);
      expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    }
  });

  it("offers no pause control, as there is nothing to pause", () => {
    const container = render(<LogoCarousel organisations={seedOrganisations} />);
    const control = container.querySelector('input[type="checkbox"]')?.parentElement as HTMLElement;
    expect(getComputedStyle(control).display).toBe("none");
  });

  it("moves again once the preference is lifted", async () => {
    await emulateReducedMotion("no-preference");
    const container = render(<LogoCarousel organisations={seedOrganisations} />);
    const track = container.querySelector("ul")?.parentElement as HTMLElement;
    expect(getComputedStyle(track).animationName).not.toBe("none");
  });
});

/** A client logo as many arrive: dark ink on a transparent background. */
const darkInk = logoInk.dark;
const darkOnTransparent = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="64" viewBox="0 0 160 64"><rect x="4" y="16" width="32" height="32" fill="${darkInk}"/><text x="44" y="40" font-family="sans-serif" font-size="18" font-weight="700" fill="${darkInk}">Donker</text></svg>`,
)}`;

/** The colour a transparent image is actually drawn on: the first opaque background up the tree. */
function backdropOf(element: Element | null): string {
  for (let node = element; node; node = node.parentElement) {
    const background = getComputedStyle(node).backgroundColor;
    const alpha = background.startsWith("rgba") ? Number(background.split(",")[3]) : 1;
    if (alpha === 1) return toHex(background);
  }
  return toHex(getComputedStyle(document.body).backgroundColor);
}

describe("a dark logo on a transparent background", () => {
  afterEach(cleanup);

  it.each(["brand", "campaign", "dark"] as const)(
    "stays legible in the %s theme (4.5:1 against what it is drawn on)",
    (theme) => {
      const organisations = [
        { name: "Donker BV (fictief)", logo: darkOnTransparent },
        ...seedOrganisations,
      ];
      const container = render(<LogoCarousel organisations={organisations} />, theme);
      const logo = container.querySelector('img[alt="Donker BV (fictief)"]');
      expect(contrastRatio(darkInk, backdropOf(logo))).toBeGreaterThanOrEqual(4.5);
    },
  );
});

describe("a logo's text alternative", () => {
  afterEach(cleanup);

  it("is the alt text given, the name otherwise, and nothing on the moving copy", () => {
    const organisations = [
      { name: "Donker BV (fictief)", alt: "Logo van Donker BV", logo: darkOnTransparent },
      ...seedOrganisations,
    ];
    const container = render(<LogoCarousel organisations={organisations} />);
    const [list, copy] = Array.from(container.querySelectorAll("ul"));
    const alts = Array.from(list?.querySelectorAll("img") ?? []).map((image) => image.alt);
    expect(alts[0]).toBe("Logo van Donker BV");
    expect(alts.slice(1)).toEqual(
      seedOrganisations.filter((organisation) => organisation.logo).map(({ name }) => name),
    );
    expect(Array.from(copy?.querySelectorAll("img") ?? []).map((image) => image.alt)).toEqual(
      alts.map(() => ""),
    );
  });
});
