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

test("every studio page passes axe, logged out and logged in", async ({ browser }) => {
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
