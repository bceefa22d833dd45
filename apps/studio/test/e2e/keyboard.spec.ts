import { expect, type Locator, type Page, test } from "@playwright/test";
import { campaignWithScripts, untilEveryServer } from "@vaart/testing";
import { baseUrl, landingUrls, logIn, newClient } from "./helpers";
import { authors } from "./server";

// Publishing a campaign with the keyboard only: Tab to each control, type, Enter or Space.

/** Press Tab until `target` has focus (at most `limit` times): the order a keyboard user meets. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached with ${limit} presses of Tab`);
}

// Once, with JavaScript on (playwright.config.ts): the pages are the same without it.
test("marketing publishes a campaign with the keyboard only", async ({ browser }) => {
  const context = await newClient(browser, true);
  const page = await context.newPage();
  await logIn(page, authors.keyboard);
  const slug = "toetsenbord-campagne";

  await tabTo(page, page.getByRole("link", { name: "Nieuwe campagne" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuwe campagne");
  await tabTo(page, page.getByLabel("Adres van de pagina"));
  await page.keyboard.type(slug);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?opgeslagen=1`);

  const yaml = page.getByLabel("YAML");
  await tabTo(page, yaml);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(campaignWithScripts("Met het toetsenbord"));
  await tabTo(page, page.getByRole("button", { name: "Publiceren", exact: true }));
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?gepubliceerd=2`);
  await untilEveryServer(landingUrls(), `/${slug}`, 200, 3_000);

  // The preview link and the history are reachable too.
  await tabTo(page, page.getByRole("link", { name: "Geschiedenis" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Geschiedenis van ${slug}`);
  await tabTo(page, page.getByRole("button", { name: "Versie 1 herstellen", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Hersteld als versie 3 (concept).")).toBeVisible();
  await context.close();
});
