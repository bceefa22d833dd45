import { expect, type Page, test } from "@playwright/test";
import { themeColors } from "@vaart/ui/tokens";
import { baseUrl, examples, expectNoAxeViolations } from "./helpers";

/** `#rrggbb` as the browser reports a computed colour. */
function rgb(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const colours = (page: Page) =>
  page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return { background: body.backgroundColor, text: body.color };
  });

// A campaign page in each theme, its thank-you page, the results login, a 404 and a 410.
const pages = [
  `/${examples.published}`,
  `/${examples.published}/bedankt`,
  "/resultaten",
  "/bestaat-niet",
  `/${examples.expired}`,
];

test.describe("a reader who prefers dark", () => {
  test.use({ colorScheme: "dark" });

  for (const path of pages) {
    // Runs with JavaScript on and off: the dark page comes from CSS alone, so it cannot flash.
    test(`${path} is dark from the first paint, and passes axe in dark`, async ({ page }) => {
      await page.goto(`${baseUrl()}${path}`);
      await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute(
        "content",
        "light dark",
      );
      expect(await colours(page)).toEqual({
        background: rgb(themeColors.dark.background),
        text: rgb(themeColors.dark.text),
      });
      await expectNoAxeViolations(page, { colorScheme: "dark" });
    });
  }
});

test.describe("a reader who prefers light", () => {
  test.use({ colorScheme: "light" });

  test("a campaign page keeps its own light theme", async ({ page }) => {
    await page.goto(`${baseUrl()}/${examples.published}`);
    expect((await colours(page)).background).toBe(rgb(themeColors.campaign.background));
  });
});
