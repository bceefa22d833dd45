import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cdp } from "vitest/browser";
import { seedOrganisations } from "../../fixtures/seedArticle";
import { cleanup, render } from "../../test/render";
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
