import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, seedPath } from "./helpers";

const pages = [
  "/",
  "/artikelen",
  seedPath,
  "/nieuwsbrief",
  "/nieuwsbrief/bijna-klaar",
  "/nieuwsbrief/nieuwe-link",
  "/nieuwsbrief/bevestigen/voorbeeld-token",
  "/nieuwsbrief/afmelden/voorbeeld-token",
];

for (const path of pages) {
  test(`${path}: one h1, landmarks, skip link first, no WCAG 2.2 AA violations`, async ({
    page,
  }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    // axe first: once focused, the skip link is shown on top of the header, as it should be.
    await expectNoAxeViolations(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Direct naar de inhoud" })).toBeFocused();
  });
}

test("an unknown address answers 404 with a Dutch page inside the site, and a way back", async ({
  page,
}) => {
  const response = await page.goto("/dit-bestaat-niet/echt-niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Deze pagina bestaat niet (meer)",
  );
  await expect(page.getByRole("link", { name: "Naar de homepage" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("banner")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a draft article is nowhere: not listed, 404, not in the feed or the sitemap", async ({
  page,
  request,
}) => {
  const draft = "concept-vijf-frustraties-in-de-keten";
  await page.goto("/artikelen");
  await expect(page.locator(`a[href="/artikelen/${draft}"]`)).toHaveCount(0);
  expect((await request.get(`/artikelen/${draft}`)).status()).toBe(404);
  expect(await (await request.get("/rss.xml")).text()).not.toContain(draft);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(draft);
});

test("the article index lists published articles, newest first", async ({ page }) => {
  await page.goto("/artikelen");
  const dates = await page
    .locator("main time")
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("datetime") ?? ""));
  expect(dates.length).toBeGreaterThan(0);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(page.locator(`a[href="${seedPath}"]`)).toHaveCount(1);
});

test("the home page introduces the consultant and shows articles, organisations and the form", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vaart in samenwerken");
  await expect(page.getByRole("heading", { name: "Laatste artikelen" })).toBeVisible();
  await expect(page.locator(`main a[href="${seedPath}"]`)).toHaveCount(1);
  await expect(
    page.getByRole("heading", {
      name: "Een aantal van de organisaties die kozen voor mijn diensten",
    }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Aanmelden" })).toBeVisible();
});
