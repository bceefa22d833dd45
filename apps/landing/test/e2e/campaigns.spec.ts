import { expect, test } from "@playwright/test";
import { baseUrl, examples, expectNoAxeViolations, mailTo, previewQuery } from "./helpers";
import { testSettings } from "./server";

test.describe("a published campaign", () => {
  test("renders every block, without JavaScript, in Dutch", async ({ page }) => {
    const response = await page.goto(`${baseUrl()}/${examples.published}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    const main = page.getByRole("main");
    // hero
    await expect(
      main.getByRole("heading", {
        level: 1,
        name: "Webinar: gelijkwaardig samenwerken in de keten",
      }),
    ).toBeVisible();
    await expect(main.getByRole("link", { name: "Meld je gratis aan" })).toHaveAttribute(
      "href",
      "#aanmelden",
    );
    // event details with the calendar download
    await expect(main.locator("time[datetime='2027-03-12']")).toHaveText("vrijdag 12 maart 2027");
    await expect(main.getByRole("link", { name: "Zet in je agenda (.ics)" })).toHaveAttribute(
      "href",
      `/${examples.published}/agenda.ics`,
    );
    // rich text from Markdown
    await expect(main.getByRole("heading", { level: 2, name: "Wat je meeneemt" })).toBeVisible();
    await expect(main.locator("ol > li")).toHaveCount(3);
    // quote
    await expect(main.locator("figure blockquote")).toContainText("We praten nu mét elkaar");
    // signup form with the campaign's copy
    await expect(main.getByRole("heading", { name: "Meld je aan voor het webinar" })).toBeVisible();
    await expect(main.getByRole("button", { name: "Aanmelden voor het webinar" })).toBeVisible();
    // logos: the four chosen organisations
    const logos = main.getByRole("region", { name: "Organisaties die je voorgingen" });
    await expect(logos.getByRole("img", { name: "Alwel" }).first()).toBeAttached();
    // FAQ as native disclosures
    const question = main.locator("details summary", { hasText: "Wat kost het webinar?" });
    await question.click();
    await expect(main.getByText("Niets. Het webinar is gratis.")).toBeVisible();
    // article teaser to the site, and the call to action
    await expect(
      main.getByRole("link", {
        name: "Lees het artikel: Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
      }),
    ).toHaveAttribute(
      "href",
      `${testSettings.siteUrl}/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk`,
    );
    await expect(main.getByRole("link", { name: "Naar de website" })).toHaveAttribute(
      "href",
      `${testSettings.siteUrl}/`,
    );
    // zero JavaScript, no third-party requests
    await expect(page.locator("script:not([type='application/ld+json'])")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("skip link is the first tab stop and moves focus to the content", async ({ page }) => {
    await page.goto(`${baseUrl()}/${examples.published}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Direct naar de inhoud" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("loads nothing from another origin", async ({ page }) => {
    const origins = new Set<string>();
    page.on("request", (request) => {
      origins.add(new URL(request.url()).origin);
    });
    await page.goto(`${baseUrl()}/${examples.published}`);
    await page.waitForLoadState("networkidle");
    expect([...origins]).toEqual([baseUrl()]);
  });

  test("has Open Graph tags, security headers and caching that ends with the campaign", async ({
    request,
  }) => {
    const response = await request.get(`${baseUrl()}/${examples.published}`);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["cache-control"]).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(headers.etag).toBeTruthy();
    const html = await response.text();
    expect(html).toContain(
      `<meta property="og:title" content="Webinar: gelijkwaardig samenwerken in de keten"/>`,
    );
    expect(html).toContain(
      `<meta property="og:url" content="${testSettings.landingUrl}/${examples.published}"/>`,
    );
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(image).toMatch(new RegExp(`/${examples.published}/deelafbeelding\\.png\\?v=`));
    expect(image.startsWith(`${testSettings.landingUrl}/`)).toBe(true);
    // Fetched from this test server: the same path on the configured public origin.
    const png = await request.get(
      image.replace(/&amp;/g, "&").replace(testSettings.landingUrl, baseUrl()),
    );
    expect(png.headers()["content-type"]).toBe("image/png");
    const body = await png.body();
    // IHDR: width and height as big-endian integers at bytes 16 and 20.
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.headers()["cache-control"]).toBe("public, max-age=86400");
  });

  test("offers the event as an iCalendar file in Amsterdam time", async ({ request }) => {
    const response = await request.get(`${baseUrl()}/${examples.published}/agenda.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const ics = await response.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics).toContain("\r\nDTSTART;TZID=Europe/Amsterdam:20270312T120000\r\n");
    expect(ics).toContain("\r\nDTEND;TZID=Europe/Amsterdam:20270312T130000\r\n");
    expect(ics).toContain("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});

test.describe("publishing rules", () => {
  test("a draft is 404, like an unknown address", async ({ page, request }) => {
    const draft = await page.goto(`${baseUrl()}/${examples.draft}`);
    expect(draft?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Deze pagina bestaat niet (meer)",
    );
    const unknown = await request.get(`${baseUrl()}/bestaat-niet`);
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["cache-control"]).toBe(draft?.headers()["cache-control"]);
    // Its calendar file and share image are not there either.
    expect((await request.get(`${baseUrl()}/${examples.draft}/deelafbeelding.png`)).status()).toBe(
      404,
    );
    // A wrong preview token changes nothing.
    expect((await request.get(`${baseUrl()}/${examples.draft}?voorbeeld=raden`)).status()).toBe(
      404,
    );
  });

  test("a draft with the preview token shows, with a banner and noindex", async ({ page }) => {
    const response = await page.goto(`${baseUrl()}/${examples.draft}${previewQuery}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["x-robots-tag"]).toBe("noindex");
    expect(response?.headers()["cache-control"]).toBe("no-store");
    // The page's own policy replaces the default: one header, one value.
    expect(response?.headers()["referrer-policy"]).toBe("same-origin");
    await expect(page.getByRole("note")).toContainText("Voorbeeld:");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Workshop: van groep naar team",
    );
    // Its signup form keeps the preview link, so a test signup lands on the preview thank-you page.
    await expect(page.locator("form[method='post']")).toHaveAttribute(
      "action",
      `/${examples.draft}${previewQuery}`,
    );
    // The dark theme: its page background.
    await expect(page.locator("body")).toHaveCSS("background-color", "rgb(18, 22, 25)");
    await expectNoAxeViolations(page);
  });

  test("an ended campaign is 410 with a friendly page and a link onward", async ({ page }) => {
    const response = await page.goto(`${baseUrl()}/${examples.expired}`);
    expect(response?.status()).toBe(410);
    expect(response?.headers()["x-robots-tag"]).toBe("noindex");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze campagne is afgelopen");
    await expect(
      page.getByRole("link", { name: "Lees de artikelen over ketensamenwerking" }),
    ).toHaveAttribute("href", `${testSettings.siteUrl}/artikelen`);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
    await expectNoAxeViolations(page);
  });

  test("a signup sent after the campaign ended is still stored and thanked, never cached", async ({
    page,
    request,
  }) => {
    // The form as it was on the page before the end (the preview shows it in full).
    await page.goto(`${baseUrl()}/${examples.expired}${previewQuery}`);
    const formToken = await page.locator("input[name=formToken]").first().inputValue();
    const address = `laat-${Date.now()}@example.nl`;
    const answer = await request.post(`${baseUrl()}/${examples.expired}`, {
      form: { email: address, firstName: "Laat", consent: "yes", website: "", formToken },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(303);
    expect(answer.headers()["cache-control"]).toBe("no-store");
    expect(answer.headers().location).toBe(`/${examples.expired}/bedankt`);
    const thanks = await request.get(`${baseUrl()}${answer.headers().location}`);
    expect(thanks.status()).toBe(200);
    expect(thanks.headers()["cache-control"]).toBe("no-store");
    expect(await mailTo(address)).toContain("bevestig");
    // A mistake in that late form gets the form back with its errors and the values kept.
    const mistake = await request.post(`${baseUrl()}/${examples.expired}`, {
      form: { email: "laat@", firstName: "Laat", consent: "yes", website: "", formToken },
      maxRedirects: 0,
    });
    expect(mistake.status()).toBe(400);
    expect(mistake.headers()["cache-control"]).toBe("no-store");
    const html = await mistake.text();
    expect(html).toContain("Er is een probleem");
    expect(html).toContain('value="laat@"');
    // The ended campaign's files are plain 410s, not data meant for a page.
    for (const file of ["agenda.ics", "deelafbeelding.png"]) {
      const gone = await request.get(`${baseUrl()}/${examples.expired}/${file}`);
      expect(gone.status(), file).toBe(410);
      expect(gone.headers()["content-type"], file).toContain("text/plain");
      expect(await gone.text(), file).toBe("Deze campagne is afgelopen.");
    }
  });

  test("an ended campaign shows in full through the preview link", async ({ page }) => {
    const response = await page.goto(`${baseUrl()}/${examples.expired}${previewQuery}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("note")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("/ sends visitors to the site and lists nothing", async ({ request }) => {
    const response = await request.get(`${baseUrl()}/`, { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(`${testSettings.siteUrl}/`);
  });

  test("robots.txt keeps the results page out of search engines", async ({ request }) => {
    const response = await request.get(`${baseUrl()}/robots.txt`);
    expect(await response.text()).toContain("Disallow: /resultaten");
  });
});
