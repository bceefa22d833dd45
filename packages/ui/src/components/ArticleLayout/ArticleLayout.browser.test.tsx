import { afterEach, describe, expect, it } from "vitest";
import { cdp, page } from "vitest/browser";
import { SeedArticleBody, seedArticle, seedOrganisations } from "../../fixtures/seedArticle";
import { cleanup, render } from "../../test/render";
import { contrastRatio } from "../../theme/contrast";
import { LogoCarousel } from "../LogoCarousel";
import { SignupForm } from "../SignupForm";
import { ArticleLayout } from "./ArticleLayout";

function seedPage() {
  return (
    <ArticleLayout
      title={seedArticle.title}
      lead={seedArticle.lead}
      meta={{ published: seedArticle.published, readingMinutes: 3 }}
      readMore={seedArticle.readMore}
      header={<header>Vaart in samenwerken</header>}
      footer={<footer>Contact</footer>}
      asides={
        <>
          <LogoCarousel organisations={seedOrganisations} />
          <SignupForm action="/nieuwsbrief" consentLabel="Ja, ik wil de Updates ontvangen." />
        </>
      }
    >
      <SeedArticleBody />
    </ArticleLayout>
  );
}

function toHex(...channels: Array<number | undefined>) {
  return `#${channels.map((c) => (c ?? 0).toString(16).padStart(2, "0")).join("")}`;
}

afterEach(async () => {
  cleanup();
  await cdp().send("Emulation.setEmulatedMedia", { media: "" });
  await page.viewport(1280, 800);
});

describe("ArticleLayout", () => {
  it.each([320, 390, 834, 1280, 1920])("never scrolls sideways at %i CSS px", async (width) => {
    await page.viewport(width, 800);
    render(seedPage());
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
  });

  it("keeps body lines at 60–75 characters on wide screens", async () => {
    await page.viewport(1920, 1080);
    const container = render(seedPage());
    const paragraphs = Array.from(container.querySelectorAll("article p")).slice(1);
    for (const paragraph of paragraphs) {
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      // The last line of a paragraph is short by nature; judge full lines only.
      if (lines.size < 3) continue;
      const perLine = (paragraph.textContent ?? "").length / lines.size;
      expect(perLine).toBeGreaterThanOrEqual(60);
      expect(perLine).toBeLessThanOrEqual(75);
    }
  });

  it.each(["brand", "campaign", "dark"] as const)(
    "prints dark text on white paper in the %s theme",
    async (theme) => {
      const container = render(seedPage(), theme);
      await cdp().send("Emulation.setEmulatedMedia", { media: "print" });
      const paragraph = container.querySelector("article p") as HTMLElement;
      const [r, g, b] = (getComputedStyle(paragraph).color.match(/\d+/g) ?? []).map(Number);
      expect(contrastRatio(toHex(r, g, b), "#ffffff")).toBeGreaterThanOrEqual(7);
    },
  );

  it("prints just the article", async () => {
    const container = render(seedPage());
    await cdp().send("Emulation.setEmulatedMedia", { media: "print" });
    const visible = (selector: string) =>
      (container.querySelector(selector) as HTMLElement).checkVisibility();
    expect(visible("article h1")).toBe(true);
    expect(visible("article ol")).toBe(true);
    expect(visible("body header")).toBe(false);
    expect(visible("footer")).toBe(false);
    expect(visible('nav[aria-label="Verder lezen"]')).toBe(false);
    expect(visible("section")).toBe(false);
  });
});
