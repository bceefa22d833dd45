import { describe, expect, it } from "vitest";
import { pageMeta, pageTitle } from "../src/page-meta.js";

const page = {
  title: "Nieuwsbrief",
  description: "Meld je aan.",
  url: "https://www.example.nl/nieuwsbrief",
};

describe("pageTitle", () => {
  it("puts the site's name after the page's", () => {
    expect(pageTitle("Nieuwsbrief")).toBe("Nieuwsbrief · Vaart in samenwerken");
  });

  it("is just the name on the home page", () => {
    expect(pageTitle("Vaart in samenwerken")).toBe("Vaart in samenwerken");
  });
});

describe("pageMeta", () => {
  it("writes title, description, canonical URL, Open Graph and a small Twitter card", () => {
    expect(pageMeta(page)).toEqual([
      { title: "Nieuwsbrief · Vaart in samenwerken" },
      { name: "description", content: "Meld je aan." },
      { tagName: "link", rel: "canonical", href: page.url },
      { property: "og:site_name", content: "Vaart in samenwerken" },
      { property: "og:locale", content: "nl_NL" },
      { property: "og:type", content: "website" },
      { property: "og:title", content: "Nieuwsbrief" },
      { property: "og:description", content: "Meld je aan." },
      { property: "og:url", content: page.url },
      { name: "twitter:card", content: "summary" },
      { name: "twitter:title", content: "Nieuwsbrief" },
      { name: "twitter:description", content: "Meld je aan." },
    ]);
  });

  it("adds the share image and a large card when there is an image (a campaign)", () => {
    const image = {
      url: "https://c.example.nl/x/deelafbeelding.png",
      alt: "X",
      width: 1200,
      height: 630,
    };
    const tags = pageMeta({ ...page, image, noindex: true });
    expect(tags.slice(9)).toEqual([
      { property: "og:image", content: image.url },
      { property: "og:image:width", content: "1200" },
      { property: "og:image:height", content: "630" },
      { property: "og:image:alt", content: "X" },
      { name: "twitter:card", content: "summary_large_image" },
      { name: "twitter:title", content: "Nieuwsbrief" },
      { name: "twitter:description", content: "Meld je aan." },
      { name: "twitter:image", content: image.url },
      { name: "robots", content: "noindex" },
    ]);
  });

  it("says the type of an article, and ends with the page's own descriptors", () => {
    const jsonLd = { "script:ld+json": { "@type": "Article" } };
    const tags = pageMeta({ ...page, type: "article", extra: [jsonLd] });
    expect(tags).toContainEqual({ property: "og:type", content: "article" });
    expect(tags.at(-1)).toBe(jsonLd);
    expect(tags).not.toContainEqual({ name: "robots", content: "noindex" });
  });
});
