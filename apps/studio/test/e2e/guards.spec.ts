import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { pgSchemaUrl } from "./database";
import { baseUrl, clientAddress, mailCount } from "./helpers";
import { authors } from "./server";

// What the studio answers at the HTTP level: no session, forged forms, replayed and expired
// links, unknown addresses, too many requests. Once (the browser's settings do not matter).

async function formToken(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(`${baseUrl()}/inloggen`)).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no form token on the login page");
  return token;
}

function askForLink(
  request: APIRequestContext,
  email: string,
  token: string,
  from = clientAddress(),
) {
  return request.post(`${baseUrl()}/inloggen`, {
    form: { email, formToken: token },
    headers: { "X-Forwarded-For": from },
    maxRedirects: 0,
  });
}

/** A login link row written straight into the test server's database (its own schema). */
function storeLink(author: string, expiresAt: Date): string {
  const token = randomBytes(32).toString("base64url");
  const hash = createHash("sha256").update(token).digest("hex");
  const createdAt = new Date(expiresAt.getTime() - 15 * 60_000).toISOString();
  // psql's :'name' quotes each value as a literal.
  execFileSync(
    "psql",
    [
      pgSchemaUrl(process.env.STUDIO_TEST_PG_SCHEMA ?? ""),
      "-v",
      "ON_ERROR_STOP=1",
      "-v",
      `hash=${hash}`,
      "-v",
      `author=${author}`,
      "-v",
      `created=${createdAt}`,
      "-v",
      `expires=${expiresAt.toISOString()}`,
      "-Atq",
    ],
    {
      input:
        "insert into studio_login_links (token_hash, author, created_at, expires_at) values (:'hash', :'author', :'created', :'expires');",
    },
  );
  return token;
}

test("every studio address without a session leads to the login", async ({ request }) => {
  const campaignPages = [
    "/campagnes/webinar-ketensamenwerking",
    "/campagnes/webinar-ketensamenwerking/formulier",
    "/campagnes/webinar-ketensamenwerking/geschiedenis",
    "/campagnes/webinar-ketensamenwerking/geschiedenis/versie/1",
    "/artikelen/x/geschiedenis",
  ];
  for (const path of [
    "/",
    "/uitloggen",
    "/nergens",
    "/campagnes/nieuw",
    "/artikelen/x/y",
    ...campaignPages,
  ]) {
    const answer = await request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(303);
    expect(answer.headers().location, path).toBe("/inloggen");
    expect(answer.headers()["cache-control"], path).toBe("no-store");
  }
  // Their forms too: without a session nothing is read or saved.
  for (const path of ["/campagnes/nieuw", ...campaignPages.slice(0, 3)]) {
    const answer = await request.post(`${baseUrl()}${path}`, {
      form: { intent: "publiceren", yaml: "title: x", basis: "0", slug: "x", versie: "1" },
      maxRedirects: 0,
    });
    expect(answer.status(), path).toBe(303);
    expect(answer.headers().location, path).toBe("/inloggen");
  }
  // A session cookie the server does not know is no session.
  const forged = await request.get(`${baseUrl()}/`, {
    headers: { Cookie: `vaart_studio=${randomBytes(32).toString("base64url")}` },
    maxRedirects: 0,
  });
  expect(forged.headers().location).toBe("/inloggen");
});

test("every studio page is no-store and noindex, in its headers and its HTML", async ({
  request,
}) => {
  const unknownLink = `/inloggen/${randomBytes(32).toString("base64url")}`;
  for (const path of ["/inloggen", "/inloggen/controleer-je-mailbox", unknownLink]) {
    const answer = await request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
    expect([200, 410], path).toContain(answer.status());
    expect(answer.headers()["cache-control"], path).toBe("no-store");
    expect(answer.headers()["x-robots-tag"], path).toBe("noindex");
    expect(answer.headers()["referrer-policy"], path).toBe("same-origin");
    expect(await answer.text(), path).toContain('<meta name="robots" content="noindex"/>');
  }
});

test("a forged form is refused with a message, and mails nothing", async ({ request }) => {
  const before = mailCount(authors.pages);
  // No form token (a form made on another page).
  const bare = await request.post(`${baseUrl()}/inloggen`, {
    form: { email: authors.pages },
    headers: { "X-Forwarded-For": clientAddress() },
    maxRedirects: 0,
  });
  expect(bare.status()).toBe(403);
  expect(await bare.text()).toContain("Dit formulier kwam niet van een studiopagina");
  // A token signed with another secret.
  const wrong = await askForLink(request, authors.pages, `${Date.now()}.${"A".repeat(43)}`);
  expect(wrong.status()).toBe(403);
  // Posted from another site: the server refuses it before the studio sees it.
  const foreign = await request.post(`${baseUrl()}/inloggen`, {
    form: { email: authors.pages, formToken: await formToken(request) },
    headers: { Origin: "https://aanvaller.example", "X-Forwarded-For": clientAddress() },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("vanaf een andere website");
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(mailCount(authors.pages)).toBe(before);

  // A forged logout (no form token) ends no session, and neither does a forged link press.
  const cookie = await sessionOf(
    request,
    storeLink(authors.expired, new Date(Date.now() + 60_000)),
  );
  const logout = await request.post(`${baseUrl()}/uitloggen`, {
    form: { formToken: "" },
    headers: { Cookie: cookie },
    maxRedirects: 0,
  });
  expect(logout.status()).toBe(403);
  expect(await logout.text()).toContain("Dit formulier kwam niet van een studiopagina");
  const still = await request.get(`${baseUrl()}/`, {
    headers: { Cookie: cookie },
    maxRedirects: 0,
  });
  expect(still.status()).toBe(200);
  const link = storeLink(authors.expired, new Date(Date.now() + 60_000));
  const press = await request.post(`${baseUrl()}/inloggen/${link}`, { form: {}, maxRedirects: 0 });
  expect(press.status()).toBe(403);
  expect(press.headers()["set-cookie"]).toBeUndefined();
});

test("a forged save, publish, restore or new campaign changes nothing; no studio page shows the preview secret", async ({
  request,
}) => {
  const cookie = await sessionOf(request, storeLink(authors.pages, new Date(Date.now() + 60_000)));
  const slug = "webinar-ketensamenwerking";
  const post = (path: string, form: Record<string, string>) =>
    request.post(`${baseUrl()}${path}`, { form, headers: { Cookie: cookie }, maxRedirects: 0 });
  const forged = [
    post(`/campagnes/${slug}`, { intent: "publiceren", yaml: "title: Overgenomen", basis: "0" }),
    post(`/campagnes/${slug}`, { intent: "offline" }),
    post(`/campagnes/${slug}/formulier`, { basis: "0", blok: "verwijderen:0" }),
    post(`/campagnes/${slug}/geschiedenis`, { intent: "herstellen-publiceren", versie: "1" }),
    post("/campagnes/nieuw", { slug: "vervalst", formToken: `${Date.now()}.${"A".repeat(43)}` }),
  ];
  for (const answer of await Promise.all(forged)) {
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toContain("Dit formulier kwam niet van een studiopagina");
  }
  const editor = await request.get(`${baseUrl()}/campagnes/${slug}`, {
    headers: { Cookie: cookie },
  });
  const html = await editor.text();
  expect(html).toContain("Nog niet in de studio opgeslagen");
  expect(html).not.toContain("test-voorbeeld-token-0123456789");
  const history = await request.get(`${baseUrl()}/campagnes/${slug}/geschiedenis`, {
    headers: { Cookie: cookie },
  });
  expect(await history.text()).toContain("Nog geen geschiedenis");
  const created = await request.get(`${baseUrl()}/campagnes/vervalst`, {
    headers: { Cookie: cookie },
  });
  expect(created.status()).toBe(404);
  // Malformed addresses and unknown versions are not found, not errors.
  for (const path of [
    "/campagnes/Hoofdletters",
    `/campagnes/${slug}/geschiedenis/versie/0`,
    `/campagnes/${slug}/geschiedenis/versie/abc`,
    "/onbekend/x/geschiedenis",
  ]) {
    const answer = await request.get(`${baseUrl()}${path}`, { headers: { Cookie: cookie } });
    expect(answer.status(), path).toBe(404);
  }
});

/** Press a stored link's button; the session cookie it sets, as a Cookie header. */
async function sessionOf(request: APIRequestContext, linkToken: string): Promise<string> {
  const pressed = await request.post(`${baseUrl()}/inloggen/${linkToken}`, {
    form: { formToken: await formToken(request) },
    maxRedirects: 0,
  });
  expect(pressed.status()).toBe(303);
  const cookie = /vaart_studio=[^;]+/.exec(pressed.headers()["set-cookie"] ?? "")?.[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

test("an unknown address gets the same answer as an author, and no mail", async ({ request }) => {
  const token = await formToken(request);
  const stranger = `onbekend-${Date.now()}@vaart.test`;
  const known = await askForLink(request, authors.pages, token);
  const unknown = await askForLink(request, stranger, token);
  for (const answer of [known, unknown]) {
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toBe("/inloggen/controleer-je-mailbox");
    expect(answer.headers()["set-cookie"]).toBeUndefined();
  }
  await expect.poll(() => mailCount(authors.pages), { timeout: 20_000 }).toBeGreaterThan(0);
  expect(mailCount(stranger)).toBe(0);
});

test("a typed address that is no address gets a message naming the field", async ({ page }) => {
  await page.goto(`${baseUrl()}/inloggen`);
  // The browser's own check would stop "redactie"; the server's answer is what counts.
  await page.locator("form").evaluate((form) => form.setAttribute("novalidate", ""));
  await page.getByLabel("E-mailadres").fill("redactie");
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen in de studio");
  await expect(page.getByRole("link", { name: /e-mailadres/i }).first()).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveValue("redactie");
});

test("link requests are limited per address and per client address, with Retry-After", async ({
  request,
}) => {
  const token = await formToken(request);
  for (let i = 0; i < 3; i += 1) {
    expect((await askForLink(request, authors.limit, token)).status()).toBe(303);
  }
  const limited = await askForLink(request, authors.limit, token);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited.text()).toContain("Probeer het over");

  // One client address asking for many addresses.
  const from = clientAddress();
  for (let i = 0; i < 10; i += 1) {
    const answer = await askForLink(request, `veel-${i}-${Date.now()}@vaart.test`, token, from);
    expect(answer.status()).toBe(303);
  }
  const flood = await askForLink(request, `veel-x-${Date.now()}@vaart.test`, token, from);
  expect(flood.status()).toBe(429);
});

test("an expired link says so and logs nobody in", async ({ request }) => {
  const token = storeLink(authors.expired, new Date(Date.now() - 1000));
  const link = `${baseUrl()}/inloggen/${token}`;
  const page = await request.get(link);
  expect(page.status()).toBe(410);
  expect(await page.text()).toContain("Deze link is verlopen");
  const pressed = await request.post(link, {
    form: { formToken: await formToken(request) },
    maxRedirects: 0,
  });
  expect(pressed.status()).toBe(410);
  expect(pressed.headers()["set-cookie"]).toBeUndefined();

  // The same row, still valid, logs in: the refusal above is the expiry's.
  const fresh = storeLink(authors.expired, new Date(Date.now() + 60_000));
  const ok = await request.post(`${baseUrl()}/inloggen/${fresh}`, {
    form: { formToken: await formToken(request) },
    maxRedirects: 0,
  });
  expect(ok.status()).toBe(303);
  expect(ok.headers()["set-cookie"]).toContain("vaart_studio=");
});

test("after logout the session's cookie opens nothing, on any page", async ({ request }) => {
  const cookie = await sessionOf(
    request,
    storeLink(authors.expired, new Date(Date.now() + 60_000)),
  );
  const overview = await request.get(`${baseUrl()}/`, { headers: { Cookie: cookie } });
  expect(overview.status()).toBe(200);
  const html = await overview.text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const out = await request.post(`${baseUrl()}/uitloggen`, {
    form: { formToken: token },
    headers: { Cookie: cookie },
    maxRedirects: 0,
  });
  expect(out.status()).toBe(303);
  expect(out.headers()["set-cookie"]).toContain("Max-Age=0");
  for (const path of ["/", "/uitloggen", "/nergens"]) {
    const answer = await request.get(`${baseUrl()}${path}`, {
      headers: { Cookie: cookie },
      maxRedirects: 0,
    });
    expect(answer.headers().location, path).toBe("/inloggen");
  }
});
