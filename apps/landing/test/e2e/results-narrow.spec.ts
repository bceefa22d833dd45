import { expect, type Page, test } from "@playwright/test";
import { baseUrl, examples, expectNoAxeViolations } from "./helpers";
import { testSettings } from "./server";

async function logIn(page: Page) {
  await page.goto(`${baseUrl()}/resultaten`);
  await page.getByLabel("Wachtwoord").fill(testSettings.resultsPassword);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Resultaten van de campagnes");
}

const figures = ["Status", "Bezoeken", "Aanmeldingen", "Bevestigd", "Conversie"];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`/resultaten on a 320 px phone (${colorScheme})`, () => {
    test.use({ viewport: { width: 320, height: 640 }, colorScheme });

    test("shows every campaign's figures with their labels, without scrolling sideways", async ({
      page,
    }) => {
      await logIn(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      const table = page.getByRole("table", { name: "Per campagne" });
      // The table fits its own box too: no figure hides in a sideways-scrolling region.
      const tableOverflow = await table.evaluate(
        (element) =>
          element.scrollWidth -
          (element.parentElement as HTMLElement).getBoundingClientRect().width,
      );
      expect(tableOverflow).toBeLessThanOrEqual(0);
      for (const slug of Object.values(examples)) {
        const row = page.locator(`tr[data-campaign='${slug}']`);
        const header = row.getByRole("rowheader");
        await header.scrollIntoViewIfNeeded();
        await expect(header).toBeInViewport({ ratio: 1 });
        const cells = row.getByRole("cell");
        await expect(cells).toHaveCount(figures.length);
        for (const [index, label] of figures.entries()) {
          const cell = cells.nth(index);
          await cell.scrollIntoViewIfNeeded();
          await expect(cell).toBeInViewport({ ratio: 1 });
          // Each figure is shown next to its column header.
          const shownLabel = await cell.evaluate(
            (element) => getComputedStyle(element, "::before").content,
          );
          expect(shownLabel).toBe(`"${label}"`);
          const box = await cell.boundingBox();
          expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
        }
      }
      await expectNoAxeViolations(page, { colorScheme });
    });
  });
}

test("/resultaten at desktop width keeps one table row per campaign", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page);
  const cell = page.locator(`tr[data-campaign='${examples.published}'] td`).first();
  expect(await cell.evaluate((element) => getComputedStyle(element).display)).toBe("table-cell");
});

test("/resultaten names each campaign once above its chart, not again in the chart's caption", async ({
  page,
}) => {
  await logIn(page);
  const sections = page.locator("section[aria-labelledby^='grafiek-']");
  expect(await sections.count()).toBeGreaterThan(0);
  for (const section of await sections.all()) {
    const title = (await section.getByRole("heading", { level: 2 }).textContent()) ?? "";
    const caption = section.locator("figcaption");
    if ((await caption.count()) === 0) continue; // no figures yet: no chart
    await expect(caption.first()).not.toContainText(title);
  }
});
