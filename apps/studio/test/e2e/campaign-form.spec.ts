import { expect, type Page, test } from "@playwright/test";
import { baseUrl, expectNoAxeViolations, logIn, newClient, slugOfAttempt } from "./helpers";
import { authors } from "./server";

// The form generated from the block schemas edits the same YAML as the raw editor: fields,
// and adding, moving and removing blocks with plain submit buttons (JavaScript on and off).

const blockLegends = (page: Page) =>
  page
    .locator("legend")
    .filter({ hasText: /^Blok \d+: / })
    .allTextContents();

test("an author edits a campaign in the generated form: a field, a new block, moved up, another removed", async ({
  browser,
}, info) => {
  const javaScriptEnabled = info.project.use.javaScriptEnabled !== false;
  const slug = slugOfAttempt(
    javaScriptEnabled ? "formulier-campagne" : "formulier-campagne-zonder-js",
    info,
  );
  const context = await newClient(browser, javaScriptEnabled);
  const page = await context.newPage();
  await logIn(page, javaScriptEnabled ? authors.form : authors.formNoScript);
  await page.goto(`${baseUrl()}/campagnes/nieuw`);
  await page.getByLabel("Adres van de pagina").fill(slug);
  await page.getByRole("button", { name: "Campagne aanmaken" }).click();
  await page.getByRole("link", { name: "Bewerken met het formulier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Formulier van campagne ${slug}`,
  );
  expect(await blockLegends(page)).toEqual(["Blok 1: hero", "Blok 2: text", "Blok 3: signup"]);

  // A field: the title, saved as a new draft.
  await page.getByLabel("Titel (title)").fill("Webinar: samen sterker");
  await page.getByRole("button", { name: "Opslaan" }).first().click();
  await expect(page.getByText("Opgeslagen als versie 2 (concept).")).toBeVisible();
  await expect(page.getByLabel("Titel (title)")).toHaveValue("Webinar: samen sterker");

  // A new quote block: its required fields are empty, and the check says so at the fields.
  await page.getByLabel("Soort blok").selectOption("quote");
  await page.getByRole("button", { name: "Blok toevoegen" }).click();
  await expect(page.getByText("Opgeslagen als versie 3 (concept).")).toHaveCount(0);
  expect(await blockLegends(page)).toEqual([
    "Blok 1: hero",
    "Blok 2: text",
    "Blok 3: signup",
    "Blok 4: quote",
  ]);
  const quoteText = page.locator("[id='blocks.3.text']");
  await expect(quoteText).toHaveAccessibleDescription(/must not be empty/);
  await expect(page.getByRole("link", { name: /block 4 \(quote\), field "text"/ })).toHaveAttribute(
    "href",
    "#blocks.3.text",
  );
  await expectNoAxeViolations(page);
  await quoteText.fill("Eindelijk zeiden we hardop wat iedereen dacht.");
  await page.locator("[id='blocks.3.name']").fill("Sander Jansen");
  await page.getByRole("button", { name: "Opslaan" }).first().click();
  await expect(page.getByText("Opgeslagen als versie 4 (concept).")).toBeVisible();

  // Moved up, then the first block removed: each a plain submit button.
  await page.getByRole("button", { name: "Blok 4 omhoog" }).click();
  await expect(page.getByText("Opgeslagen als versie 5 (concept).")).toBeVisible();
  expect(await blockLegends(page)).toEqual([
    "Blok 1: hero",
    "Blok 2: text",
    "Blok 3: quote",
    "Blok 4: signup",
  ]);
  await page.getByRole("button", { name: "Blok 1 verwijderen" }).click();
  await expect(page.getByText("Opgeslagen als versie 6 (concept).")).toBeVisible();
  expect(await blockLegends(page)).toEqual(["Blok 1: text", "Blok 2: quote", "Blok 3: signup"]);

  // The raw editor has the same text: the template's comments kept, the blocks in order.
  await page.getByRole("link", { name: "YAML-editor" }).first().click();
  const yaml = await page.getByLabel("YAML").inputValue();
  expect(yaml).toContain('title: "Webinar: samen sterker"');
  expect(yaml).toContain("theme: campaign # brand, campaign or dark");
  expect(yaml).toMatch(/- type: text[\s\S]*- type: quote[\s\S]*Sander Jansen[\s\S]*- type: signup/);
  expect(yaml).not.toContain("type: hero");
  await expect(page.getByText(/kan zo niet gepubliceerd worden/)).toHaveCount(0);
  await context.close();
});
