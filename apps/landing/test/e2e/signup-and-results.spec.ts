import { expect, test } from "@playwright/test";
import { createNewsletterFromEnv } from "@vaart/newsletter";
import { uniqueAddress } from "@vaart/testing";
import { baseUrl, examples, expectNoAxeViolations, linkIn, mailTo, previewQuery } from "./helpers";
import { productionEnv, testSettings } from "./server";

async function logIn(page: import("@playwright/test").Page) {
  await page.goto(`${baseUrl()}/resultaten`);
  await page.getByLabel("Wachtwoord").fill(testSettings.resultsPassword);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Resultaten van de campagnes");
}

test("a signup tried through a preview link gets its mail but is not counted for the campaign", async ({
  page,
  request,
}) => {
  await page.goto(`${baseUrl()}/${examples.draft}${previewQuery}`);
  const formToken = await page.locator("input[name=formToken]").first().inputValue();
  const address = `voorbeeld-${Date.now()}@example.nl`;
  const answer = await request.post(`${baseUrl()}/${examples.draft}${previewQuery}`, {
    form: { email: address, firstName: "Test", consent: "yes", website: "", formToken },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(303);
  expect(await mailTo(address)).toContain("bevestig");
  await logIn(page);
  const row = page.locator(`tr[data-campaign='${examples.draft}']`);
  await expect(row.locator("td").nth(2)).toHaveText("0"); // signups
});

test("a signup with UTM values is attributed, confirmed and shows in the results and the export", async ({
  page,
}) => {
  // A mailbox of its own: the newsletter sends one mailbox at most one mail per 10 minutes.
  const address = uniqueAddress("deelnemer");
  await page.goto(
    `${baseUrl()}/${examples.published}?utm_source=linkedin&utm_medium=social&utm_campaign=webinar-maart`,
  );
  const form = page.locator("form[method='post']");
  await expect(form.locator("input[type=hidden][name=utm_source]")).toHaveValue("linkedin");
  await expect(form.locator("input[type=hidden][name=utm_campaign]")).toHaveValue("webinar-maart");
  await page.getByLabel("Voornaam").fill("Sanne");
  await page.getByLabel("E-mailadres").fill(address);
  await page.getByText("Ja, ik wil de tweemaandelijkse").click();
  // The newsletter's time-trap refuses forms sent within 2.5 s of rendering.
  await page.waitForTimeout(3_000);
  await page.getByRole("button", { name: "Aanmelden voor het webinar" }).click();

  await expect(page).toHaveURL(`${baseUrl()}/${examples.published}/bedankt`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Bijna klaar: bevestig je aanmelding",
  );
  await expectNoAxeViolations(page);

  // The mail's confirmation link goes to the site; confirm with its token through the package.
  const mail = await mailTo(address);
  const link = linkIn(mail, "/nieuwsbrief/bevestigen");
  expect(link.startsWith(`${testSettings.siteUrl}/nieuwsbrief/bevestigen/`)).toBe(true);
  const token = link.split("/").at(-1);
  const env = productionEnv(0, process.env.LANDING_TEST_DATA_DIR ?? "");
  const newsletter = createNewsletterFromEnv({
    ...env,
    DATABASE_URL: process.env.LANDING_TEST_DATABASE_URL,
  });
  try {
    const confirmed = await newsletter.confirm(token ?? "", { method: "post" });
    expect(confirmed.status).toBe("confirmed");
  } finally {
    await newsletter.close();
  }

  await logIn(page);
  const row = page.locator(`tr[data-campaign='${examples.published}']`);
  await expect(row.locator("td").nth(1)).not.toHaveText("0"); // visits, counted on the server
  await expect(row.locator("td").nth(2)).not.toHaveText("0"); // signups
  await expect(row.locator("td").nth(3)).not.toHaveText("0"); // confirmed
  await expect(row.locator("td").nth(4)).toHaveText(/%$/); // conversion
  // The per-day chart: an SVG image with the same figures in a table.
  await expect(
    page
      .getByRole("region", { name: "Webinar: gelijkwaardig samenwerken in de keten" })
      .getByRole("img", { name: "Bezoeken, aanmeldingen en bevestigingen per dag" }),
  ).toBeVisible();
  const csv = await page.request.get(`${baseUrl()}/resultaten/export.csv`);
  expect(csv.status()).toBe(200);
  const line = (await csv.text()).split("\r\n").find((l) => l.includes(address)) ?? "";
  expect(line).toContain(`"${examples.published}","linkedin","social","webinar-maart"`);
});

test.describe("the results page", () => {
  test("asks for the password and never shows figures without it", async ({ page, request }) => {
    const response = await page.goto(`${baseUrl()}/resultaten`);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    expect(response?.headers()["x-robots-tag"]).toBe("noindex");
    await expect(page.getByLabel("Wachtwoord")).toBeVisible();
    await expect(page.locator("table")).toHaveCount(0);
    // The export sends a browser without a session to the login page.
    const csv = await request.get(`${baseUrl()}/resultaten/export.csv`, { maxRedirects: 0 });
    expect(csv.status()).toBe(303);
    expect(csv.headers().location).toBe("/resultaten");
    await expectNoAxeViolations(page);
  });

  test("refuses a wrong password and keeps it out of the address", async ({ page }) => {
    await page.goto(`${baseUrl()}/resultaten`);
    await page.getByLabel("Wachtwoord").fill("niet-het-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    // Said in the title, then in the error summary, which takes focus and links to the field.
    await expect(page).toHaveTitle(/^Fout: /);
    const summary = page.getByRole("group", { name: "Er is een probleem" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Dat wachtwoord klopt niet." })).toHaveAttribute(
      "href",
      "#wachtwoord",
    );
    expect(page.url()).toBe(`${baseUrl()}/resultaten`);
  });

  test("logs in with an HttpOnly SameSite=Strict cookie and shows every campaign with a chart", async ({
    page,
    context,
  }) => {
    await logIn(page);
    expect(page.url()).toBe(`${baseUrl()}/resultaten`);
    const cookie = (await context.cookies()).find((c) => c.name === "vaart_resultaten");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(cookie?.path).toBe("/resultaten");
    for (const slug of Object.values(examples)) {
      await expect(page.locator(`tr[data-campaign='${slug}']`)).toHaveCount(1);
    }
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page.getByLabel("Wachtwoord")).toBeVisible();
    // Logging out ended the session on the server: a copy of the cookie opens nothing.
    if (cookie) await context.addCookies([cookie]);
    await page.goto(`${baseUrl()}/resultaten`);
    await expect(page.getByLabel("Wachtwoord")).toBeVisible();
    await expect(page.locator("table")).toHaveCount(0);
  });
});
