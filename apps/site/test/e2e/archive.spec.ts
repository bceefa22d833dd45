import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, subscribe, uniqueAddress } from "./helpers";
import { olderUpdate, sentUpdate, unsentSlug } from "./sent-updates";

const archive = "/nieuwsbrief/archief";
const updatePath = `${archive}/${sentUpdate.slug}`;

/** Open a page, counting every script the browser requests while loading it. */
async function openCountingScripts(page: Page, path: string) {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  const response = await page.goto(path);
  return { response, scripts };
}

test("the archive lists the sent Updates newest first, with subject, date and preheader, and ends with the signup form", async ({
  page,
}) => {
  const { response, scripts } = await openCountingScripts(page, archive);
  expect(response?.status()).toBe(200);
  expect(scripts).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archief van de Updates");
  const items = page.locator("main article");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByRole("link")).toHaveText(sentUpdate.subject);
  await expect(items.nth(0).getByRole("link")).toHaveAttribute("href", updatePath);
  await expect(items.nth(0).locator("time")).toHaveText("6 oktober 2026");
  await expect(items.nth(0)).toContainText(sentUpdate.preheader);
  await expect(items.nth(1).getByRole("link")).toHaveText(olderUpdate.subject);
  // Never sent: not listed.
  await expect(page.locator(`a[href$="${unsentSlug}"]`)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Aanmelden" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: sentUpdate.subject }).click();
  await expect(page).toHaveURL(new RegExp(`${updatePath}$`));
});

test("/nieuwsbrief links to the archive", async ({ page }) => {
  await page.goto("/nieuwsbrief");
  await page.getByRole("link", { name: "Archief" }).click();
  await expect(page).toHaveURL(new RegExp(`${archive}$`));
});

test("an Update's page shows the web version as it was frozen, in the site's frame, without any JavaScript", async ({
  page,
}) => {
  const { response, scripts } = await openCountingScripts(page, updatePath);
  expect(response?.status()).toBe(200);
  expect(scripts).toEqual([]);
  await expect(page).toHaveTitle(new RegExp(sentUpdate.subject));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(sentUpdate.subject);
  await expect(page.getByText(sentUpdate.preheader)).toBeVisible();
  await expect(page.getByText(/^Verstuurd op/)).toHaveText("Verstuurd op 6 oktober 2026");
  // The frozen HTML itself: its headings, its emphasis, its list, its link.
  await expect(
    page.getByRole("heading", { level: 2, name: "Een werkvorm om te proberen" }),
  ).toBeVisible();
  await expect(page.locator("main strong")).toHaveText("wat wil jij vandaag bereiken?");
  await expect(page.locator("main li").filter({ hasNotText: "Verstuurd op" })).toHaveText([
    "Iedereen één zin.",
    "Niemand reageert nog.",
  ]);
  await expect(
    page.getByRole("link", { name: "Is gelijkwaardigheid in een ketensamenwerking mogelijk?" }),
  ).toHaveAttribute("href", "/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk");
  // Not personalised: no greeting placeholder, no unsubscribe link of anyone.
  await expect(page.locator("body")).not.toContainText("%%VAART");
  await expect(page.locator('a[href*="/nieuwsbrief/afmelden/"]')).toHaveCount(0);
  // The site's frame: menu (the newsletter section is current), a way back, the signup form.
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Alle Updates in het archief/ })).toHaveAttribute(
    "href",
    archive,
  );
  await expect(page.getByRole("button", { name: "Aanmelden" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("stored HTML that tries to run script is shown without it", async ({ page, request }) => {
  const html = await (await request.get(`${archive}/${olderUpdate.slug}`)).text();
  expect(html).toContain("Een rustige zomer.");
  expect(html.match(/<script\b[^>]*>/g)?.filter((t) => !t.includes("ld+json")) ?? []).toEqual([]);
  expect(html).not.toMatch(/onclick|javascript:/i);
  await page.goto(`${archive}/${olderUpdate.slug}`);
  await page.getByText("Een rustige zomer.").click();
  expect(await page.evaluate(() => (window as { __ran?: boolean }).__ran ?? false)).toBe(false);
});

test("an Update that was not sent, or an address that cannot be one, is a Dutch 404 nobody caches", async ({
  page,
}) => {
  for (const path of [`${archive}/${unsentSlug}`, `${archive}/Niet%20Bestaand`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(response?.headers()["cache-control"], path).toBe("no-store");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Deze pagina bestaat niet (meer)",
    );
  }
  await expectNoAxeViolations(page);
});

test("caching: the list a minute with ETag revalidation, an Update's page as a content page", async ({
  request,
}) => {
  const list = await request.get(archive);
  expect(list.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=600");
  const etag = list.headers().etag ?? "";
  expect(etag).toMatch(/^W\//);
  expect((await request.get(archive, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  const one = await request.get(updatePath);
  expect(one.headers()["cache-control"]).toBe("public, max-age=300, stale-while-revalidate=86400");
  expect(one.headers().etag).toMatch(/^W\//);
});

test("the sitemap and the Updates feed list the sent Updates, and every page links the feed", async ({
  page,
  request,
}) => {
  const sitemap = await request.get("/sitemap.xml");
  const sitemapXml = await sitemap.text();
  expect(sitemapXml).toContain(`${archive}</loc>`);
  expect(sitemapXml).toContain(`${updatePath}</loc><lastmod>${sentUpdate.date}</lastmod>`);
  expect(sitemapXml).not.toContain(unsentSlug);
  expect(sitemap.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=600");

  const feed = await request.get(`${archive}/rss.xml`);
  expect(feed.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const feedXml = await feed.text();
  const items = [...feedXml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((m) => m[0]);
  expect(items).toHaveLength(2);
  expect(items[0]).toContain(`<title>${sentUpdate.subject}</title>`);
  expect(items[0]).toMatch(new RegExp(`<link>http://localhost:\\d+${updatePath}</link>`));
  expect(items[0]).toContain("<pubDate>Tue, 06 Oct 2026 00:00:00 GMT</pubDate>");
  expect(items[1]).toContain(`<title>${olderUpdate.subject}</title>`);
  const feedEtag = feed.headers().etag ?? "";
  expect(
    (await request.get(`${archive}/rss.xml`, { headers: { "If-None-Match": feedEtag } })).status(),
  ).toBe(304);

  for (const path of [archive, updatePath, "/"]) {
    await page.goto(path);
    await expect(
      page.locator('head link[rel="alternate"][type="application/rss+xml"]').filter({
        has: page.locator(`xpath=self::*[@href="${archive}/rss.xml"]`),
      }),
    ).toHaveCount(1);
  }
});

test("signing up at the end of an Update works and lands on the next step", async ({ page }) => {
  await page.goto(updatePath);
  await subscribe(page, { email: uniqueAddress("archief") });
  await expect(page).toHaveURL(/\/nieuwsbrief\/bijna-klaar$/);
});
