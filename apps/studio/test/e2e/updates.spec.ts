import { expect, test } from "@playwright/test";
import { mailsTo } from "@vaart/testing";
import {
  baseUrl,
  expectNoAxeViolations,
  loggedInClient,
  mailCount,
  outboxDir,
  slugOfAttempt,
} from "./helpers";
import { authors } from "./server";
import { addConfirmedSubscribers } from "./subscribers";

// The consultant writes an Update in the studio and sends it, with JavaScript on and off:
// a missing field named, the mail's preview (greeting, unsubscribe link), a test mail
// ([TEST], to the typed addresses only), the send to the confirmed subscribers with a
// confirmation step, the progress page until "klaar" (it refreshes itself, no script), and
// a second send refused.

test("an author writes, previews, test-sends and sends an Update", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const javaScriptEnabled = info.project.use.javaScriptEnabled !== false;
  const axe = async (page: import("@playwright/test").Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const context = await loggedInClient(browser, javaScriptEnabled, authors.updates);
  const page = await context.newPage();
  const slug = slugOfAttempt(`proef-update-${info.project.name}`, info);
  const subject = `Update: een proef (${slug})`;

  await page.goto(`${baseUrl()}/`);
  await page.getByRole("link", { name: "Nieuwe Update" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuwe Update");
  await axe(page);
  await page.getByLabel("Adres (slug)").fill(slug);
  await page.getByLabel("Tekst (Markdown)").fill("Dit is een proef.\n\n## Wat ik zag\n\nVeel.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/updates/${slug}?opgeslagen=1`);
  await expect(
    page.getByRole("link", { name: /^Onderwerp: veld "subject" ontbreekt/ }),
  ).toHaveAttribute("href", "#veld-subject");
  await expect(page.getByLabel("Tekst (Markdown)")).toHaveValue(
    "Dit is een proef.\n\n## Wat ik zag\n\nVeel.",
  );
  await axe(page);
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status")).toContainText("Opgeslagen als versie 2 (concept).");

  // Voorbeeld: the plain-text part here, the HTML part on its own sandboxed page.
  await page.getByRole("link", { name: "Voorbeeld van de mail" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voorbeeld van de Update");
  const text = page.getByRole("region", { name: "Platte tekst" });
  await expect(text).toContainText("Hallo Anna,");
  await expect(text).toContainText("Dit is een proef.");
  await expect(text).toContainText("/nieuwsbrief/afmelden/voorbeeld");
  await expect(page.getByText(subject, { exact: true })).toBeVisible();
  await axe(page);
  const htmlHref = await page
    .getByRole("link", { name: /De mail openen zoals een mailprogramma/ })
    .getAttribute("href");
  expect(htmlHref).toBe(`/updates/${slug}/voorbeeld.html?versie=2`);
  const html = await context.request.get(`${baseUrl()}${htmlHref}`);
  expect(html.headers()["content-type"]).toContain("text/html");
  expect(html.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  expect(html.headers()["cache-control"]).toBe("no-store");
  const htmlText = await html.text();
  expect(htmlText).toContain("Hallo Anna,");
  expect(htmlText).toContain("/nieuwsbrief/afmelden/voorbeeld");

  // Testmail: a typo named, then to two addresses with [TEST]; the subscribers get nothing.
  await page.goto(`${baseUrl()}/updates/${slug}/testmail`);
  await page.getByLabel("E-mailadressen").fill("proef@vaart.test, geen-adres");
  await page.getByRole("button", { name: "Testmail sturen" }).click();
  await expect(page.getByRole("link", { name: /"geen-adres"/ })).toBeVisible();
  await expect(page.getByLabel("E-mailadressen")).toHaveValue("proef@vaart.test, geen-adres");
  await axe(page);
  const tester = `proef-${info.project.name}@vaart.test`;
  await page
    .getByLabel("E-mailadressen")
    .fill(`${tester}, collega-${info.project.name}@vaart.test`);
  await page.getByRole("button", { name: "Testmail sturen" }).click();
  await expect(page.getByRole("status")).toContainText("Testmail verstuurd naar 2 adressen");
  const testMail = mailsTo(outboxDir(), tester)[0] ?? "";
  expect(testMail).toContain(`Subject: [TEST] ${subject}`);
  expect(testMail).toContain("Dit is een proef.");

  // Versturen sends the published version: before publishing there is none.
  await page.goto(`${baseUrl()}/updates/${slug}/versturen`);
  await expect(page.getByText("Er is nog geen gepubliceerde versie")).toBeVisible();
  await page.goto(`${baseUrl()}/updates/${slug}`);
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByRole("status")).toContainText("Versie 2 is gepubliceerd.");

  const readers = [1, 2, 3].map((n) => `lezer-${n}-${info.project.name}@vaart.test`);
  await addConfirmedSubscribers(readers);
  await page.getByRole("link", { name: "Versturen aan de abonnees" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Update versturen");
  await expect(page.getByText(`Je verstuurt versie 2 van ${slug}`)).toBeVisible();
  await axe(page);
  const button = page.getByRole("button", { name: /^Ja, verstuur aan \d+ abonnees$/ });
  const recipients = Number(/(\d+)/.exec((await button.textContent()) ?? "")?.[1]);
  expect(recipients).toBeGreaterThanOrEqual(readers.length);
  const formToken = await page.locator("form input[name=formToken]").last().inputValue();
  await button.click();

  await expect(page).toHaveURL(`${baseUrl()}/updates/${slug}/voortgang?gestart`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voortgang van het versturen");
  // The site's sender sends it; the page refreshes itself (meta refresh) until it is done.
  await expect(page.getByText(/^Klaar: \d+ van \d+ verstuurd/)).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText(`Klaar: ${recipients} van ${recipients} verstuurd, 0 mislukt`),
  ).toBeVisible();
  expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
  await axe(page);
  for (const reader of readers) {
    const mail = mailsTo(outboxDir(), reader).find((m) => m.includes(`Subject: ${subject}`));
    expect(mail, reader).toContain("Hallo Lezer,");
  }
  expect(mailCount(tester)).toBe(1);

  // A second send is refused, on the page and when the form is posted again.
  await page.goto(`${baseUrl()}/updates/${slug}/versturen`);
  await expect(page.getByText(`Update ${slug} is al gestart`)).toBeVisible();
  const again = await context.request.post(`${baseUrl()}/updates/${slug}/versturen`, {
    form: { formToken },
    maxRedirects: 0,
  });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain("een tweede keer versturen kan niet");
  await context.close();
});

test("Pauzeren stops a sending and Hervatten finishes it, each subscriber mailed once", {
  tag: "@once",
}, async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await loggedInClient(browser, true, authors.updates);
  const page = await context.newPage();
  const slug = "pauze-proef";
  // Enough readers that the sending (10 mails a second) is still busy when the button is pressed.
  const readers = Array.from({ length: 60 }, (_, n) => `pauze-${n}@vaart.test`);
  await addConfirmedSubscribers(readers);
  await page.goto(`${baseUrl()}/updates/nieuw`);
  await page.getByLabel("Adres (slug)").fill(slug);
  await page.getByLabel("Onderwerp").fill("Pauze-proef");
  await page.getByLabel("Tekst (Markdown)").fill("Even wachten.");
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByRole("status")).toContainText("Versie 1 is gepubliceerd.");
  await page.goto(`${baseUrl()}/updates/${slug}/versturen`);
  await page.getByRole("button", { name: /^Ja, verstuur aan/ }).click();
  await expect(page).toHaveURL(`${baseUrl()}/updates/${slug}/voortgang?gestart`);
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", "5");
  await page.getByRole("button", { name: "Pauzeren" }).click();
  await expect(page.getByText(/^Gepauzeerd: \d+ van \d+ afgehandeld/)).toBeVisible();
  expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Hervatten" }).click();
  await page.goto(`${baseUrl()}/updates/${slug}/voortgang?stil`);
  await expect(
    page.getByRole("link", { name: "Automatisch verversen" }).or(page.getByText(/^Klaar:/)),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/updates/${slug}/voortgang`);
  await expect(page.getByText(/^Klaar: \d+ van \d+ verstuurd, 0 mislukt/)).toBeVisible({
    timeout: 120_000,
  });
  for (const reader of readers) {
    const mails = mailsTo(outboxDir(), reader).filter((m) => m.includes("Subject: Pauze-proef"));
    expect(mails.length, reader).toBe(1);
  }
  await context.close();
});
