import { expect, test } from "@playwright/test";
import {
  baseUrl,
  expectNoAxeViolations,
  logIn,
  mailCount,
  newClient,
  nextLoginLink,
  requestLink,
} from "./helpers";
import { authors } from "./server";

// axe (WCAG 2.2 AA) on every studio page, and the skip link and labels a keyboard user needs.

// Split in three: on a loaded machine one walk over every page outlasted the test timeout.

test("the login pages pass axe, and the skip link is the first Tab stop", async ({ browser }) => {
  const context = await newClient(browser, true);
  const page = await context.newPage();

  await page.goto(`${baseUrl()}/inloggen`);
  await expectNoAxeViolations(page);
  // Keyboard: the first Tab reaches the skip link, which leads to the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /naar de inhoud/i })).toBeFocused();
  await expect(page.getByLabel("E-mailadres")).toHaveAttribute("autocomplete", "email");

  await page.goto(`${baseUrl()}/inloggen/controleer-je-mailbox`);
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/inloggen/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link kennen we niet");
  await expectNoAxeViolations(page);
  await context.close();
});

test("the overview, the logout page and the 404 page pass axe", async ({ browser }) => {
  const context = await newClient(browser, true);
  const page = await context.newPage();
  await logIn(page, authors.pages);
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/uitloggen`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uitloggen");
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/bestaat-niet`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expectNoAxeViolations(page);
  await context.close();
});

test("every campaign page passes axe", async ({ browser }) => {
  const context = await newClient(browser, true);
  const page = await context.newPage();
  await logIn(page, authors.campaignPages);
  // A slug of this attempt's own: a retry starts a new campaign rather than meet the last one.
  const slug = `toegankelijk-${Date.now().toString(36)}`;
  // The campaign pages: new (also with its error), the editor of a file and of a stored
  // draft with a mistake, the offline question, the history and one version.
  await page.goto(`${baseUrl()}/campagnes/nieuw`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Adres van de pagina").fill("Niet Goed");
  await page.getByRole("button", { name: "Campagne aanmaken" }).click();
  await expect(page.getByText(/alleen kleine letters/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/campagnes/webinar-ketensamenwerking`);
  await expect(page.getByText(/komt uit het bestand in de repository/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/campagnes/nieuw`);
  await page.getByLabel("Adres van de pagina").fill(slug);
  await page.getByRole("button", { name: "Campagne aanmaken" }).click();
  await expect(page.getByText("Opgeslagen als versie 1 (concept).")).toBeVisible();
  await expectNoAxeViolations(page);
  const yaml = page.getByLabel("YAML");
  await yaml.fill((await yaml.inputValue()).replace("status: draft", "status: published"));
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await expect(page.getByText(/Versie 2 is gepubliceerd/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Offline halen" }).click();
  await expect(page.getByRole("button", { name: "Ja, haal offline" })).toBeVisible();
  await expectNoAxeViolations(page);
  await yaml.fill("title: [");
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByText(/kan zo niet gepubliceerd worden/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/campagnes/${slug}/geschiedenis`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Geschiedenis van ${slug}`);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Versie 1 bekijken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Versie 1 van ${slug}`);
  await expectNoAxeViolations(page);
  await context.close();
});

test("the link page with its button passes axe", async ({ browser }) => {
  const context = await newClient(browser, true);
  const page = await context.newPage();
  const before = mailCount(authors.expired);
  await requestLink(page, authors.expired);
  await page.goto(await nextLoginLink(authors.expired, before));
  await expect(page.getByRole("button", { name: "Inloggen" })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});
