import { expect, type Page, test } from "@playwright/test";
import { themeColors } from "@vaart/ui/tokens";
import { expectNoAxeViolations, seedPath } from "./helpers";

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

const pages = ["/", "/artikelen", seedPath, "/nieuwsbrief", "/dit-bestaat-niet"];

test.describe("a reader who prefers dark", () => {
  test.use({ colorScheme: "dark" });

  for (const path of pages) {
    // Runs with JavaScript on and off: the dark page comes from CSS alone, so it cannot flash.
    test(`${path} is dark from the first paint, and passes axe in dark`, async ({ page }) => {
      await page.goto(path);
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

  test("/ at 320 px is dark and fits the screen", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto("/");
    expect((await colours(page)).background).toBe(rgb(themeColors.dark.background));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});

test.describe("a reader who prefers light", () => {
  test.use({ colorScheme: "light" });

  test("/ keeps the brand's light colours", async ({ page }) => {
    await page.goto("/");
    expect(await colours(page)).toEqual({
      background: rgb(themeColors.brand.background),
      text: rgb(themeColors.brand.text),
    });
  });
});
