import { connect } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { baseUrl, expectNoAxeViolations, landingUrls, logIn, newClient } from "./helpers";
import { phpScript, pngBomb, pngLogo, svgWithScript, webpSize } from "./images";
import { authors } from "./server";

// Client logos through the real upload form of the production build: what an attacker may
// send is refused with a Dutch sentence naming the problem; a good logo is re-encoded and,
// once published, is in the carousels of the site and the landing app within 3 s.

type Upload = { name: string; mimeType: string; buffer: Buffer };

async function submitNew(page: Page, fields: { name: string; alt: string }, file: Upload) {
  await page.goto(`${baseUrl()}/klantlogos/nieuw`);
  await page.getByLabel("Naam van de organisatie").fill(fields.name);
  await page.getByLabel("Alt-tekst").fill(fields.alt);
  await page.getByLabel("Logo", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Opslaan" }).click();
}

/** The refusal a user sees: the summary at the top links to the file field, the text is kept. */
async function expectRefused(page: Page, message: RegExp, fields: { name: string; alt: string }) {
  const summary = page.getByRole("group", { name: /Niet opgeslagen/ });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute(
    "href",
    "#logo-bestand",
  );
  await expect(page.getByLabel("Naam van de organisatie")).toHaveValue(fields.name);
  await expect(page.getByLabel("Alt-tekst")).toHaveValue(fields.alt);
}

test("disguised, scripted and oversized images are refused with a message naming the problem", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const context = await newClient(browser, testInfo.project.name === "javascript-on");
  const page = await context.newPage();
  await logIn(page, authors.logos);
  const fields = { name: `Aanvaller ${testInfo.project.name}`, alt: "Logo van Aanvaller" };

  // A PHP script named logo.png, sent as image/png: its bytes decide.
  await submitNew(page, fields, { name: "logo.png", mimeType: "image/png", buffer: phpScript });
  await expectRefused(page, /geen afbeelding die we kennen \(gekeken naar de inhoud/, fields);
  // The page with its error summary and the field's message, as checked by axe.
  await expectNoAxeViolations(page);

  // An SVG with a script, also under a PNG name.
  for (const name of ["logo.svg", "logo.png"]) {
    await submitNew(page, fields, { name, mimeType: "image/svg+xml", buffer: svgWithScript });
    await expectRefused(page, /SVG-bestanden worden niet aangenomen/, fields);
  }

  // Over 2 MB but within the body limit: read to its end, not kept, and said so.
  const big = Buffer.concat([pngLogo(8, 8), Buffer.alloc(2.2 * 1024 * 1024)]);
  await submitNew(page, fields, { name: "groot.png", mimeType: "image/png", buffer: big });
  await expectRefused(page, /groter dan 2 MB; een logo mag hoogstens 2 MB zijn/, fields);

  // A decompression bomb: 20,000 × 20,000 pixels declared in a file of a few KB. Refused by
  // its header, before anything is decoded: quickly, and the server is still well.
  const started = Date.now();
  await submitNew(page, fields, { name: "bom.png", mimeType: "image/png", buffer: pngBomb() });
  await expectRefused(page, /20000 × 20000 pixels; dat is meer dan 25 megapixel/, fields);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);

  // Nothing of it was stored: the overview lists no such organisation.
  await page.goto(baseUrl());
  await expect(page.getByRole("link", { name: fields.name })).toHaveCount(0);
  await context.close();
});

test("a save after someone else's is refused, naming who saved which version, with the text kept", async ({
  browser,
  javaScriptEnabled,
}) => {
  const slug = javaScriptEnabled ? "voorbeeldhaven" : "proefwonen";
  const context = await newClient(browser, javaScriptEnabled);
  const first = await context.newPage();
  await logIn(first, authors.logoConflicts);
  const second = await context.newPage();
  await first.goto(`${baseUrl()}/klantlogos/${slug}`);
  await second.goto(`${baseUrl()}/klantlogos/${slug}`);

  await first.getByLabel("Alt-tekst").fill("Eerste alt-tekst");
  await first.getByRole("button", { name: "Opslaan" }).click();
  await expect(first).toHaveURL(new RegExp(`/klantlogos/${slug}\\?opgeslagen=1$`));

  await second.getByLabel("Alt-tekst").fill("Tweede alt-tekst");
  await second.getByRole("button", { name: "Opslaan" }).click();
  const summary = second.getByRole("group", { name: "Niet opgeslagen: iemand anders was je voor" });
  await expect(summary).toContainText(
    `Versie 1 is intussen opgeslagen door ${authors.logoConflicts}.`,
  );
  await expect(second.getByLabel("Alt-tekst")).toHaveValue("Tweede alt-tekst");
  await expect(
    second.getByRole("heading", { name: `De nieuwste versie (1, door ${authors.logoConflicts})` }),
  ).toBeVisible();
  await expect(second.getByText("Alt-tekst: Eerste alt-tekst")).toBeVisible();
  if (javaScriptEnabled) await expectNoAxeViolations(second);

  // Having seen the newest version, saving again is a choice: it becomes version 2.
  await second.getByRole("button", { name: "Opslaan" }).click();
  await expect(second).toHaveURL(new RegExp(`/klantlogos/${slug}\\?opgeslagen=2$`));
  await expect(second.getByLabel("Alt-tekst")).toHaveValue("Tweede alt-tekst");
  await context.close();
});

test("the logo pages need a session, and a form without the studio's token is refused", {
  tag: "@once",
}, async ({ browser }) => {
  for (const path of [
    "/klantlogos/nieuw",
    "/klantlogos/alwel",
    "/klantlogos/afbeelding/0123456789.webp",
  ]) {
    const answer = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
    expect(answer.status, path).toBe(303);
    expect(answer.headers.get("location"), path).toBe("/inloggen");
  }
  const context = await newClient(browser, true);
  const page = await context.newPage();
  await logIn(page, authors.logoGuards);
  const forged = await page.request.post(`${baseUrl()}/klantlogos/nieuw`, {
    multipart: {
      name: "Vervalst",
      alt: "Vervalst",
      intent: "publiceren",
      file: { name: "logo.png", mimeType: "image/png", buffer: pngLogo(40, 20) },
    },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("Dit formulier kwam niet van een studiopagina");
  await page.goto(baseUrl());
  await expect(page.getByRole("link", { name: "Vervalst" })).toHaveCount(0);
  await context.close();
});

test("a body of 3 MB is refused with 413 and a sentence before it is read", {
  tag: "@once",
}, async () => {
  const url = new URL(`${baseUrl()}/klantlogos/nieuw`);
  const size = 3 * 1024 * 1024;
  const boundary = "----grens";
  const answer = await new Promise<string>((resolve, reject) => {
    let received = "";
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${size}\r\n\r\n`,
      );
      // The start of the body: the answer comes before the rest is sent (a client that kept
      // writing would get its connection reset, as the server reads no further).
      socket.write(Buffer.alloc(64 * 1024, 0x41));
    });
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
      if (received.includes("kies het opnieuw.")) socket.destroy();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // The server closing while the body is still being written is the point.
      if (received) resolve(received);
      else if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    socket.on("close", () => resolve(received));
    socket.setTimeout(15_000, () => reject(new Error("no answer within 15 s")));
  });
  expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  expect(answer).toContain("Het bestand is te groot: een logo mag hoogstens 2 MB zijn.");
  expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
});

test.describe("a published logo on the public apps", { tag: "@once" }, () => {
  // The site and the first landing instance that playwright.config.ts starts on the studio's
  // database.
  const site = { origin: process.env.SITE_TEST_URL ?? "" };
  const landing = { origin: landingUrls()[0] ?? "" };

  test("is re-encoded, served for a year and in both carousels with its alt text within 3 s", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const context = await newClient(browser, true);
    const page = await context.newPage();
    await logIn(page, authors.logoPublishing);

    // A new organisation: saved as a draft, it is on no public page yet.
    const fresh = { name: "Woonstichting Nieuwland (fictief)", alt: "Logo van Nieuwland" };
    await submitNew(page, fresh, {
      name: "nieuwland.png",
      mimeType: "image/png",
      buffer: pngLogo(600, 300),
    });
    await expect(page).toHaveURL(/\/klantlogos\/woonstichting-nieuwland-fictief\?opgeslagen=1$/);
    await expect(page.getByRole("note")).toContainText("Versie 1 is opgeslagen als concept");
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl()}/klantlogos/nieuw`);
    await expectNoAxeViolations(page);

    // An organisation of the data file gets a new image and its own alt text.
    const alt = "Logo van Onderhoudsgroep Denkbeeld: een paarse balk";
    await page.goto(`${baseUrl()}/klantlogos/denkbeeld`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Klantlogo: Onderhoudsgroep Denkbeeld (fictief)",
    );
    await expectNoAxeViolations(page);
    await page.getByLabel("Alt-tekst").fill(alt);
    await page
      .getByLabel("Nieuw logo (niet verplicht)")
      .setInputFiles({ name: "denkbeeld.png", mimeType: "image/png", buffer: pngLogo(1200, 200) });
    await page.getByRole("button", { name: "Publiceren" }).click();
    await expect(page).toHaveURL(/\/klantlogos\/denkbeeld\?gepubliceerd=1$/);
    const published = Date.now();
    await expect(page.getByRole("note")).toContainText("Versie 1 staat binnen enkele seconden");
    await expect(page.getByRole("button", { name: "Offline halen" })).toBeVisible();
    await expect(
      page.getByRole("link", { name: "Geschiedenis van dit klantlogo" }),
    ).toHaveAttribute("href", "/klantlogos/denkbeeld/geschiedenis");

    // Both apps, polled at once: the page with an image whose alt is the stored alt text.
    const pages = {
      site: `${site.origin}/`,
      landing: `${landing.origin}/webinar-ketensamenwerking`,
    };
    const imagePattern = new RegExp(`<img src="(/logos/[0-9a-f]{10}\\.webp)" alt="${alt}"`);
    const seen = await Promise.all(
      Object.entries(pages).map(async ([app, url]) => {
        for (;;) {
          const html = await (await fetch(url)).text();
          const match = imagePattern.exec(html);
          if (match?.[1]) return { app, src: match[1], after: Date.now() - published };
          if (Date.now() - published > 10_000) {
            const logos = html.match(/<img[^>]*\/logos\/[^>]*>/g)?.join("\n");
            throw new Error(`${app}: no logo with the alt text after 10 s; its logos:\n${logos}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    console.log(
      `[logos] publish to visible: ${seen.map(({ app, after }) => `${app} ${after} ms`).join(", ")}`,
    );
    for (const { app, after } of seen) {
      expect(after, `${app}: visible after ${after} ms`).toBeLessThanOrEqual(3_000);
    }
    const src = seen[0]?.src;
    expect(seen[1]?.src).toBe(src);

    for (const origin of [site.origin, landing.origin]) {
      const image = await fetch(`${origin}${src}`);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/webp");
      expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(image.headers.get("x-content-type-options")).toBe("nosniff");
      const size = webpSize(Buffer.from(await image.arrayBuffer()));
      // 1200 × 200 fits 480 × 192 as 480 × 80.
      expect(size).toEqual({ width: 480, height: 80 });
    }
    // A name no image has: the public apps know nothing of it.
    expect((await fetch(`${site.origin}/logos/0000000000.webp`)).status).toBe(404);

    // The site's carousel in a browser: the logo is drawn and read by its alt text.
    const sitePage = await context.newPage();
    await sitePage.goto(pages.site);
    await expect(sitePage.getByRole("img", { name: alt })).toHaveAttribute("src", src ?? "");

    // Taken offline: gone from the carousel again.
    await page.getByRole("button", { name: "Offline halen" }).click();
    await expect(page).toHaveURL(/\/klantlogos\/denkbeeld\?offline=1$/);
    await expect
      .poll(async () => (await (await fetch(pages.site)).text()).includes(`alt="${alt}"`), {
        timeout: 5_000,
      })
      .toBe(false);
    await context.close();
  });
});
