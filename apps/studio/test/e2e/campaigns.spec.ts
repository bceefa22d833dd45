import { expect, type Page, test } from "@playwright/test";
import { campaignWithScripts, expectAuthoredScriptsInert, untilEveryServer } from "@vaart/testing";
import { baseUrl, landingUrls, logIn, newClient, slugOfAttempt } from "./helpers";
import { authors } from "./server";

// Marketing publishes a campaign from the studio, as on the real machines: the studio and two
// landing instances (production builds) on one PostgreSQL database. With JavaScript on and
// off: every step is a plain link or form.

const campaign = campaignWithScripts;

const heading1 = (page: Page) => page.getByRole("heading", { level: 1 });

async function save(page: Page, text: string, button: "Opslaan" | "Publiceren" = "Opslaan") {
  await page.getByLabel("YAML").fill(text);
  await page.getByRole("button", { name: button, exact: true }).click();
}

test("marketing creates a campaign from the template, fixes a mistake, previews, publishes on both instances, restores and takes it offline", async ({
  browser,
}, info) => {
  test.setTimeout(240_000);
  const javaScriptEnabled = info.project.use.javaScriptEnabled !== false;
  const author = javaScriptEnabled ? authors.campaigns : authors.campaignsNoScript;
  const colleague = javaScriptEnabled ? authors.colleague : authors.colleagueNoScript;
  const slug = slugOfAttempt(
    javaScriptEnabled ? "webinar-uit-de-studio" : "webinar-uit-de-studio-zonder-js",
    info,
  );
  const landings = landingUrls();
  const context = await newClient(browser, javaScriptEnabled);
  const page = await context.newPage();
  await logIn(page, author);

  // A new campaign: the address is checked before anything is saved.
  await page.getByRole("link", { name: "Nieuwe campagne" }).click();
  await expect(heading1(page)).toHaveText("Nieuwe campagne");
  const address = page.getByLabel("Adres van de pagina");
  await address.fill("Webinar Maart");
  await page.getByRole("button", { name: "Campagne aanmaken" }).click();
  await expect(page.getByText(/alleen kleine letters, cijfers en streepjes/).first()).toBeVisible();
  await expect(address).toHaveValue("Webinar Maart");
  await address.fill("webinar-ketensamenwerking");
  await page.getByRole("button", { name: "Campagne aanmaken" }).click();
  await expect(
    page.getByText("Er is al een campagne met het adres /webinar-ketensamenwerking").first(),
  ).toBeVisible();
  await address.fill(slug);
  await page.getByRole("button", { name: "Campagne aanmaken" }).click();

  // It starts from the template of `pnpm campaign new`, saved as version 1.
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?opgeslagen=1`);
  await expect(heading1(page)).toHaveText(`Campagne ${slug}`);
  await expect(page.getByText("Opgeslagen als versie 1 (concept).")).toBeVisible();
  const template = await page.getByLabel("YAML").inputValue();
  expect(template).toContain(`# A campaign page: /${slug}.`);
  expect(template).toContain("title: Titel van de campagne");
  await expect(page.getByText("status: draft", { exact: true }).first()).toBeVisible();

  // A mistake: saved as a draft, named with its field and line, at the field and on top.
  await save(page, template.replace("theme: campaign", "theme: paars"));
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?opgeslagen=2`);
  const message = 'field "theme" must be one of: brand, campaign, dark (line 4)';
  await expect(
    page.getByRole("link", {
      name: new RegExp(`YAML: 1 melding — ${message.replace(/[()]/g, "\\$&")}`),
    }),
  ).toHaveAttribute("href", "#yaml");
  await expect(page.getByLabel("YAML")).toHaveAccessibleDescription(
    new RegExp(message.replace(/[()]/g, "\\$&")),
  );
  // Publishing it is refused with the same message; the text stays as typed.
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await expect(page.getByText(/Niet gepubliceerd: versie 2 heeft een fout/)).toBeVisible();
  expect(await page.getByLabel("YAML").inputValue()).toContain("theme: paars");

  // Fixed (with a script in a title and in Markdown): version 3, not yet on the landing app.
  await save(page, campaign("Webinar uit de studio"));
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?opgeslagen=3`);
  await expect(page.getByText("Opgeslagen als versie 3 (concept).")).toBeVisible();
  for (const landing of landings) {
    expect((await fetch(`${landing}/${slug}`)).status).toBe(404);
  }

  // The preview: the real landing page renders version 3, never cached, never indexed.
  const preview = page.getByRole("link", { name: "Voorbeeld van versie 3 op de campagnepagina" });
  const previewUrl = (await preview.getAttribute("href")) ?? "";
  expect(previewUrl).toMatch(
    new RegExp(`^${landings[0]}/${slug}\\?voorbeeld=[A-Za-z0-9_-]{43}&versie=3$`),
  );
  const previewAnswer = await fetch(previewUrl);
  expect(previewAnswer.status).toBe(200);
  expect(previewAnswer.headers.get("cache-control")).toContain("no-store");
  expect(previewAnswer.headers.get("x-robots-tag")).toBe("noindex");
  expect(await previewAnswer.text()).toContain('<meta name="robots" content="noindex"');
  // The token opens this version only: another version, or a forged token, is an unknown page.
  expect((await fetch(previewUrl.replace("versie=3", "versie=2"))).status).toBe(404);
  expect((await fetch(previewUrl.replace(/voorbeeld=[^&]+/, "voorbeeld=vervalst"))).status).toBe(
    404,
  );
  await preview.click();
  await expect(heading1(page)).toContainText("Webinar uit de studio");
  await page.goBack();

  // Publish: both landing instances serve it within 3 s of the studio's answer.
  await page.getByRole("button", { name: "Publiceren", exact: true }).click();
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?gepubliceerd=3`);
  const took = await untilEveryServer(landings, `/${slug}`, 200, 3_000);
  console.log(`[campaigns] published → 200 on both landing instances in ${took} ms`);
  const visitor = await browser.newContext({ javaScriptEnabled: true });
  for (const landing of landings) {
    await expectAuthoredScriptsInert(
      await visitor.newPage(),
      `${landing}/${slug}`,
      "Webinar uit de studio",
    );
  }

  // Two authors from version 3: the second save is refused, naming who saved which version.
  const other = await newClient(browser, javaScriptEnabled);
  const otherPage = await other.newPage();
  await logIn(otherPage, colleague);
  await otherPage.goto(`${baseUrl()}/campagnes/${slug}`);
  await page.goto(`${baseUrl()}/campagnes/${slug}`);
  await save(page, campaign("Webinar uit de studio, nieuwe datum"), "Publiceren");
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?gepubliceerd=4`);
  await save(otherPage, campaign("Webinar van de collega"));
  await expect(
    otherPage.getByText(
      `Niet opgeslagen: ${author} heeft intussen versie 4 opgeslagen. Jouw tekst staat hieronder nog.`,
    ),
  ).toBeVisible();
  expect(await otherPage.getByLabel("YAML").inputValue()).toContain("Webinar van de collega");
  await expect(
    otherPage.getByRole("link", { name: `Bekijk versie 4 van ${author}` }),
  ).toBeVisible();
  await expect
    .poll(
      async () => Promise.all(landings.map(async (l) => (await fetch(`${l}/${slug}`)).text())),
      {
        timeout: 3_000,
        intervals: [50],
      },
    )
    .toEqual([expect.stringContaining("nieuwe datum"), expect.stringContaining("nieuwe datum")]);
  await other.close();

  // The history lists every step; version 3 restored and published is live again.
  await page.getByRole("link", { name: "Geschiedenis" }).click();
  await expect(heading1(page)).toHaveText(`Geschiedenis van ${slug}`);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(7); // header, 4 saves, 2 publishes
  await expect(table.getByRole("row").nth(1)).toContainText("gepubliceerd");
  await expect(table.getByRole("row").nth(1)).toContainText(author);
  await page.getByRole("link", { name: "Versie 2 bekijken" }).first().click();
  await expect(heading1(page)).toHaveText(`Versie 2 van ${slug}`);
  await expect(page.getByText("theme: paars", { exact: false })).toBeVisible();
  await page.goBack();
  await page.getByRole("button", { name: "Versie 3 herstellen en publiceren" }).click();
  await expect(page.getByText("Hersteld als versie 5 en gepubliceerd")).toBeVisible();
  await expect(table.getByRole("row").nth(2)).toContainText("hersteld (uit versie 3)");
  await expect
    .poll(
      async () => Promise.all(landings.map(async (l) => (await fetch(`${l}/${slug}`)).text())),
      {
        timeout: 3_000,
        intervals: [50],
      },
    )
    .toEqual([
      expect.not.stringContaining("nieuwe datum"),
      expect.not.stringContaining("nieuwe datum"),
    ]);

  // Taking it offline asks first (a plain form), then both instances answer 404.
  await page.goto(`${baseUrl()}/campagnes/${slug}`);
  await page.getByRole("link", { name: "Offline halen" }).click();
  await expect(page.getByText("Weet je het zeker?")).toBeVisible();
  for (const landing of landings) expect((await fetch(`${landing}/${slug}`)).status).toBe(200);
  await page.getByRole("button", { name: "Ja, haal offline" }).click();
  await expect(page.getByText("De campagne is offline gehaald.")).toBeVisible();
  await untilEveryServer(landings, `/${slug}`, 404, 3_000);

  // Published again with an end date in the past: the page says it has ended (410).
  await save(
    page,
    campaign("Webinar van vorig jaar", { start: "2020-01-01 09:00", end: "2021-01-01 09:00" }),
    "Publiceren",
  );
  await expect(page).toHaveURL(`${baseUrl()}/campagnes/${slug}?gepubliceerd=6`);
  await untilEveryServer(landings, `/${slug}`, 410, 3_000);

  for (const c of [context, visitor]) await c.close();
});
