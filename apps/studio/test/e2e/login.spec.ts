import { expect, test } from "@playwright/test";
import { baseUrl, mailCount, newClient, nextLoginLink, requestLink } from "./helpers";
import { authors } from "./server";

// An author's walk through the login, with JavaScript on and off (the pages ship no script,
// so both read the same; every step is a plain link or form).

test("an author logs in through the mailed link, sees the overview and logs out; the old session opens nothing", async ({
  browser,
}, info) => {
  const context = await newClient(browser, info.project.use.javaScriptEnabled !== false);
  const page = await context.newPage();
  const author = authors.walkthrough;
  const before = mailCount(author);
  await requestLink(page, author);
  const link = await nextLoginLink(author, before);

  // Opening the link shows a button and changes nothing: opened twice, it still works.
  await page.goto(link);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen in de studio");
  await page.getByRole("button", { name: "Inloggen" }).click();

  await expect(page).toHaveURL(`${baseUrl()}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overzicht");
  for (const kind of ["Artikelen", "Campagnes", "Klantlogo’s", "Updates"]) {
    await expect(
      page.getByRole("heading", { level: 2, name: new RegExp(`^${kind}`) }),
    ).toBeVisible();
  }
  // The documents in the repository files, by title.
  await expect(page.getByText("Webinar: gelijkwaardig samenwerken in de keten")).toBeVisible();
  await expect(
    page.getByText("Is gelijkwaardigheid in een ketensamenwerking mogelijk?"),
  ).toBeVisible();
  await expect(page.getByText(`Ingelogd als ${author}.`)).toBeVisible();
  const session = (await context.cookies()).find((cookie) => cookie.name === "vaart_studio");
  expect(session?.httpOnly).toBe(true);

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/inloggen?uitgelogd`);
  await expect(page.getByText("Je bent uitgelogd")).toBeVisible();

  // A copy of the old cookie opens nothing: the session ended on the server.
  const copy = await browser.newContext();
  await copy.addCookies([{ name: "vaart_studio", value: session?.value ?? "", url: baseUrl() }]);
  const copied = await copy.newPage();
  await copied.goto(`${baseUrl()}/`);
  await expect(copied).toHaveURL(`${baseUrl()}/inloggen`);
  await expect(copied.getByRole("heading", { level: 1 })).toHaveText("Inloggen in de studio");
  await copy.close();
  await context.close();
});

test("a login link works once: opened or posted again it says so and logs nobody in", async ({
  browser,
}, info) => {
  const javaScriptEnabled = info.project.use.javaScriptEnabled !== false;
  const context = await newClient(browser, javaScriptEnabled);
  const page = await context.newPage();
  const before = mailCount(authors.replay);
  await requestLink(page, authors.replay);
  const link = await nextLoginLink(authors.replay, before);
  await page.goto(link);
  const formToken = await page.locator("input[name=formToken]").inputValue();
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overzicht");

  // The same link in another browser (a forwarded mail, a replay): refused.
  const other = await newClient(browser, javaScriptEnabled);
  const again = await other.newPage();
  const answer = await again.goto(link);
  expect(answer?.status()).toBe(410);
  await expect(again.getByRole("heading", { level: 1 })).toHaveText("Deze link is al gebruikt");
  await expect(again.getByRole("button", { name: "Inloggen" })).toHaveCount(0);
  // Its button's POST replayed: no session either.
  const replayed = await other.request.post(link, { form: { formToken }, maxRedirects: 0 });
  expect(replayed.status()).toBe(410);
  expect(replayed.headers()["set-cookie"]).toBeUndefined();
  await again.goto(`${baseUrl()}/`);
  await expect(again).toHaveURL(`${baseUrl()}/inloggen`);
  for (const c of [context, other]) await c.close();
});
