import { expect, type Page, test } from "@playwright/test";
import {
  baseUrl,
  expectNoAxeViolations,
  loggedInClient,
  onTestSite,
  siteTestUrl,
  slugOfAttempt,
} from "./helpers";
import { authors } from "./server";

// The consultant writes an article in the studio, with JavaScript on and off: a mistake is
// named at its field, the draft is previewed on the site's real route (no-store, noindex,
// no script), published (on the site within 3 s, in the list, feed and sitemap) and taken
// offline again.

/** Polls the site until `check` passes; returns how long it took in ms. */
async function onSiteWithin(check: () => Promise<boolean>, timeout = 3_000): Promise<number> {
  const start = Date.now();
  await expect.poll(check, { timeout, intervals: [100] }).toBe(true);
  return Date.now() - start;
}

const status = async (path: string) =>
  (await fetch(`${siteTestUrl()}${path}`, { redirect: "manual" })).status;

async function fillArticle(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

test("an author writes, previews, publishes and takes offline an article", async ({
  browser,
}, info) => {
  const javaScriptEnabled = info.project.use.javaScriptEnabled !== false;
  const context = await loggedInClient(browser, javaScriptEnabled, authors.articles);
  const page = await context.newPage();
  const slug = slugOfAttempt(`samen-aan-tafel-${info.project.name}`, info);
  await page.goto(`${baseUrl()}/`);
  await page.getByRole("link", { name: "Nieuw artikel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw artikel");
  const body = [
    "## Wat ik zag",
    "",
    "Een alinea met <b>vet</b> en <script>alert('xss')</script> erin.",
    "",
    "[Klik hier](javascript:alert(1)) of [lees meer](https://example.nl/meer).",
    "",
    "---",
    "",
    "Na de streep.",
  ].join("\n");
  // The title is forgotten: the mistake.
  await fillArticle(page, {
    "Adres (slug)": slug,
    Samenvatting: "Over de keten: wie betaalt, bepaalt?",
    "Tekst (Markdown)": body,
  });
  await page.getByRole("button", { name: "Opslaan" }).click();

  await expect(page).toHaveURL(`${baseUrl()}/artikelen/${slug}?opgeslagen=1`);
  const summary = page.getByRole("group", { name: "Dit moet nog anders" });
  await expect(
    summary.getByRole("link", { name: /^Titel: field "title" is missing/ }),
  ).toHaveAttribute("href", "#veld-title");
  await expect(page.getByLabel("Titel", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // What was typed is kept (the draft is stored with its problem) and has no preview link.
  await expect(page.getByLabel("Tekst (Markdown)")).toHaveValue(body);
  await expect(page.getByLabel("Samenvatting")).toHaveValue("Over de keten: wie betaalt, bepaalt?");
  await expect(page.getByRole("link", { name: /Voorbeeld van versie/ })).toHaveCount(0);

  await fillArticle(page, { Titel: "Samen aan tafel: wie betaalt, bepaalt?" });
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/artikelen/${slug}?opgeslagen=2`);
  await expect(page.getByRole("status")).toContainText("Opgeslagen als versie 2 (concept).");
  await expect(summary).toHaveCount(0);

  // The preview: version 2 on the site's real route, only through its signed link.
  const previewLink = await page
    .getByRole("link", { name: "Voorbeeld van versie 2 op de site" })
    .getAttribute("href");
  const preview = onTestSite(previewLink ?? "");
  const answer = await fetch(preview);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(answer.headers.get("x-robots-tag")).toBe("noindex");
  const html = await answer.text();
  expect(html).toContain('<meta name="robots" content="noindex"/>');
  // 0 KB JavaScript: no script but the page's structured data.
  expect(html.match(/<script(?![^>]*application\/ld\+json)[^>]*>/g) ?? []).toEqual([]);
  // Markdown from the browser is untrusted: raw HTML is shown as text, a javascript: link dropped.
  expect(html).toContain("&lt;script&gt;alert(");
  expect(html).not.toContain("<b>vet</b>");
  expect(html).not.toMatch(/href="javascript:/i);
  expect(html).toContain('href="https://example.nl/meer"');
  const previewPage = await context.newPage();
  await previewPage.goto(preview);
  await expect(previewPage.getByRole("heading", { level: 1 })).toHaveText(
    "Samen aan tafel: wie betaalt, bepaalt?",
  );
  await expect(previewPage.getByText("Versie 2 uit de studio")).toBeVisible();
  await previewPage.close();
  // A link opens that version only: another version, a changed token, no token: 404.
  const url = new URL(preview);
  expect(
    await status(`${url.pathname}?voorbeeld=${url.searchParams.get("voorbeeld")}&versie=1`),
  ).toBe(404);
  expect(
    await status(`${url.pathname}?voorbeeld=x${url.searchParams.get("voorbeeld")}&versie=2`),
  ).toBe(404);
  expect(await status(`/artikelen/ander-artikel?${url.searchParams}`)).toBe(404);
  expect(await status(url.pathname)).toBe(404);

  // Publish: on the site within 3 s, and in the list, the feed and the sitemap.
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/artikelen/${slug}?gepubliceerd=2`);
  await expect(page.getByRole("status")).toContainText("Versie 2 is gepubliceerd.");
  const visibleAfter = await onSiteWithin(async () => (await status(url.pathname)) === 200);
  info.annotations.push({ type: "publish-to-visible", description: `${visibleAfter} ms` });
  console.log(`[${info.project.name}] published article on the site after ${visibleAfter} ms`);
  const articlePage = await fetch(`${siteTestUrl()}${url.pathname}`);
  expect(articlePage.headers.get("cache-control")).toContain("public");
  expect(articlePage.headers.get("x-robots-tag")).toBeNull();
  const published = await articlePage.text();
  expect(published).toContain("&lt;script&gt;alert(");
  expect(published).not.toMatch(/href="javascript:/i);
  for (const path of ["/artikelen", "/rss.xml", "/sitemap.xml"]) {
    const text = await (await fetch(`${siteTestUrl()}${path}`)).text();
    expect(text, path).toContain(`/artikelen/${slug}`);
  }

  // Offline halen: a confirmation step, then the address is gone from the site.
  await page.getByRole("link", { name: "Offline halen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Artikel offline halen");
  await page.getByRole("button", { name: "Ja, haal het offline" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/artikelen/${slug}?offline`);
  await expect(page.getByRole("status")).toContainText("Offline gehaald.");
  await onSiteWithin(async () => (await status(url.pathname)) === 404);
  const list = await (await fetch(`${siteTestUrl()}/artikelen`)).text();
  expect(list).not.toContain(`/artikelen/${slug}`);
  await context.close();
});

test("a stale save is refused, naming who saved which version, and keeps the author's text", async ({
  browser,
}, info) => {
  const context = await loggedInClient(
    browser,
    info.project.use.javaScriptEnabled !== false,
    authors.articles,
  );
  const first = await context.newPage();
  const slug = slugOfAttempt(`twee-auteurs-${info.project.name}`, info);
  await first.goto(`${baseUrl()}/artikelen/nieuw`);
  await fillArticle(first, {
    Titel: "Twee auteurs",
    "Adres (slug)": slug,
    Samenvatting: "Wie het eerst opslaat.",
    "Tekst (Markdown)": "Eerste tekst.",
  });
  await first.getByRole("button", { name: "Opslaan" }).click();
  await expect(first).toHaveURL(`${baseUrl()}/artikelen/${slug}?opgeslagen=1`);

  // Both open version 1; the second page saves first.
  const second = await context.newPage();
  await second.goto(`${baseUrl()}/artikelen/${slug}`);
  await fillArticle(second, { "Tekst (Markdown)": "Tekst van de ander." });
  await second.getByRole("button", { name: "Opslaan" }).click();
  await expect(second).toHaveURL(`${baseUrl()}/artikelen/${slug}?opgeslagen=2`);

  await fillArticle(first, { "Tekst (Markdown)": "Mijn eigen wijziging." });
  await first.getByRole("button", { name: "Opslaan" }).click();
  await expect(first.getByRole("status")).toContainText(
    `Niet opgeslagen: ${authors.articles} heeft intussen versie 2 opgeslagen.`,
  );
  await expect(first.getByLabel("Tekst (Markdown)")).toHaveValue("Mijn eigen wijziging.");
  await first.getByRole("link", { name: "Open de nieuwste versie" }).click();
  await expect(first.getByLabel("Tekst (Markdown)")).toHaveValue("Tekst van de ander.");
  await context.close();
});

test("an article that is only a file opens with the file's values", { tag: "@once" }, async ({
  browser,
}) => {
  const context = await loggedInClient(browser, true, authors.articles);
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/`);
  await page
    .getByRole("link", { name: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?" })
    .click();
  await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(
    "Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
  );
  await expect(page.getByLabel("Adres (slug)")).toHaveValue(
    "is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk",
  );
  await expect(
    page.getByText(/Staat nu in het bestand apps\/site\/content\/articles\//),
  ).toBeVisible();
  await expect(page.locator('input[name="baseRevision"]')).toHaveValue("0");
  await context.close();
});

test("the article pages pass axe: new, with errors, a file, the offline step", {
  tag: "@once",
}, async ({ browser }) => {
  const context = await loggedInClient(browser, true, authors.articles);
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/artikelen/nieuw`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Adres (slug)").fill("toegankelijk-concept");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("group", { name: "Dit moet nog anders" })).toBeVisible();
  await expectNoAxeViolations(page);
  // The summary's link leads to the field, by keyboard too.
  await page.getByRole("link", { name: /^Titel:/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#veld-title$/);
  await page.goto(`${baseUrl()}/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk`);
  await expectNoAxeViolations(page);
  await page.goto(`${baseUrl()}/artikelen/toegankelijk-concept/offline-halen`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Artikel offline halen");
  await expectNoAxeViolations(page);
  await context.close();
});

test("an article form without a session, or forged, saves nothing", { tag: "@once" }, async ({
  browser,
  request,
}) => {
  const form = {
    formToken: "",
    baseRevision: "0",
    title: "Vervalst",
    slug: "vervalst-artikel",
    date: "2026-12-05",
    description: "Vervalst.",
    body: "Tekst.",
    intent: "publiceren",
  };
  for (const path of [
    "/artikelen/nieuw",
    "/artikelen/vervalst-artikel/offline-halen",
    "/updates/nieuw",
    "/updates/2026-12-updates/testmail",
    "/updates/2026-12-updates/versturen",
    "/updates/2026-12-updates/voortgang",
  ]) {
    const anonymous = await request.post(`${baseUrl()}${path}`, { form, maxRedirects: 0 });
    expect(anonymous.status(), path).toBe(303);
    expect(anonymous.headers().location, path).toBe("/inloggen");
    expect((await request.get(`${baseUrl()}${path}`, { maxRedirects: 0 })).headers().location).toBe(
      "/inloggen",
    );
  }
  const context = await loggedInClient(browser, true, authors.articles);
  for (const path of ["/artikelen/nieuw", "/updates/2026-12-updates/versturen"]) {
    const forged = await context.request.post(`${baseUrl()}${path}`, { form, maxRedirects: 0 });
    expect(forged.status(), path).toBe(403);
    expect(await forged.text(), path).toContain("Dit formulier kwam niet van een studiopagina");
  }
  // The voorbeeld pages without a session: the login, like every page.
  const html = await request.get(`${baseUrl()}/updates/2026-12-updates/voorbeeld.html`, {
    maxRedirects: 0,
  });
  expect(html.headers().location).toBe("/inloggen");
  const page = await context.newPage();
  const missing = await page.goto(`${baseUrl()}/artikelen/vervalst-artikel`);
  expect(missing?.status()).toBe(404);
  await context.close();
});
