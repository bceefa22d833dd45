import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, seedPath, seedSlug } from "./helpers";

/** The seed page's text as a visitor reads it, without the page furniture around it. */
function seedArticleParts() {
  const seed = readFileSync(new URL("../fixtures/seed-article.txt", import.meta.url), "utf8");
  const lines = seed
    .split("\n")
    .map((line) => line.replace(/\u00a0/g, " ").trim())
    .filter(Boolean);
  const start = lines.indexOf("Is gelijkwaardigheid in een ketensamenwerking mogelijk?");
  const end = lines.indexOf("Lees meer over het ontwikkelen van samenwerken");
  return lines.slice(start, end).map((line) => line.replace(/^\d+\.\s+/, ""));
}

test("the seed article reads exactly like the seed page, in the seed page's order", async ({
  page,
}) => {
  const response = await page.goto(seedPath);
  expect(response?.status()).toBe(200);
  const main = page.locator("main");
  const blocks = await main
    .locator("article")
    .locator("h1, h2, p, li")
    .evaluateAll((elements) =>
      elements.map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim()),
    );
  const expected = seedArticleParts();
  // The article's own text, block by block (the meta line with date and reading time is extra).
  const articleBlocks = blocks.filter(
    (text) => !text.startsWith("Gepubliceerd op") && !text.endsWith("min leestijd"),
  );
  expect(articleBlocks.slice(0, expected.length)).toEqual(expected);
  // Bold lead-ins in the ordered list.
  await expect(main.locator("ol > li > strong").first()).toHaveText(
    "Herken de onderliggende dynamiek:",
  );
  await expect(main.locator("ol > li")).toHaveCount(4);
  // Then the read-more link, the organisations and the signup form, as on the seed page.
  const order = await page
    .locator(
      "main nav a, main h2:text('Een aantal van de organisaties die kozen voor mijn diensten'), main h2:text('Wil jij een gratis abonnement')",
    )
    .allTextContents();
  // (The arrow after the link text is decoration, hidden from screen readers.)
  expect(order.map((text) => text.replace("→", "").replace(/\s+/g, " ").trim())).toEqual([
    "Lees meer over het ontwikkelen van samenwerken",
    "Een aantal van de organisaties die kozen voor mijn diensten",
    "Wil jij een gratis abonnement op mijn tweemaandelijkse ‘Updates’?",
  ]);
  await expect(page.getByRole("img", { name: "Alwel" }).first()).toBeVisible();
  await expect(page.locator("h1")).toHaveCount(1);
});

test("the article body keeps space between its blocks: paragraphs, the list, sub-headings", async ({
  page,
}) => {
  await page.goto(seedPath);
  // The body is the element that holds the seed's ordered list.
  const gaps = await page.locator("main article ol").evaluate((list) =>
    Array.from(list.parentElement?.children ?? [])
      .slice(1)
      .map((element) => ({
        text: (element.textContent ?? "").slice(0, 30),
        marginTop: Number.parseFloat(getComputedStyle(element).marginTop),
      })),
  );
  expect(gaps.length).toBeGreaterThan(5);
  expect(gaps.filter((gap) => gap.marginTop < 8)).toEqual([]);
});

test("Tab once focuses the skip link; Enter moves to the main content", async ({ page }) => {
  await page.goto(seedPath);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Direct naar de inhoud" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  expect(new URL(page.url()).hash).toBe("#inhoud");
});

test("the old WordPress address redirects permanently to the article", async ({ request }) => {
  const response = await request.get(`/${seedSlug}/`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers().location).toBe(seedPath);
});

test("the article page has no violations of WCAG 2.2 AA (axe)", async ({ page }) => {
  await page.goto(seedPath);
  await expectNoAxeViolations(page);
});

test("title, description, canonical, Open Graph and JSON-LD Article describe the article", async ({
  page,
  baseURL,
}) => {
  await page.goto(seedPath);
  await expect(page).toHaveTitle(
    "Is gelijkwaardigheid in een ketensamenwerking mogelijk? · Vaart in samenwerken",
  );
  const head = page.locator("head");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${baseURL}${seedPath}`,
  );
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(head.locator('meta[name="description"]')).toHaveAttribute("content", /Lencioni/);
  const jsonLd = JSON.parse(
    (await head.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
  );
  expect(jsonLd).toMatchObject({
    "@type": "Article",
    headline: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
    inLanguage: "nl",
  });
});
