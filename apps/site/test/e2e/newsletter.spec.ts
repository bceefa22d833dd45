import { expect, test } from "@playwright/test";
import { signupMessages } from "@vaart/ui/signup-contract";
import { linkIn, mailTo, seedPath, subscribe, uniqueAddress } from "./helpers";

test("subscribe on an article → mail → confirm → one-click unsubscribe", async ({
  page,
  request,
}) => {
  const email = uniqueAddress("lezer");
  await page.goto(seedPath);
  await subscribe(page, { email, firstName: "Anne" });

  // Post/redirect/get: the answer is a page of its own that a reload does not re-post.
  await expect(page).toHaveURL(/\/nieuwsbrief\/bijna-klaar$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bijna klaar: check je mailbox");

  const mail = await mailTo(email);
  const confirmUrl = linkIn(mail, "/nieuwsbrief/bevestigen");
  // A GET (what a mail scanner does) only shows a button.
  await page.goto(new URL(confirmUrl).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelding bevestigen");
  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je aanmelding is bevestigd");

  // RFC 8058: the mail client posts List-Unsubscribe=One-Click, without cookies.
  expect(mail).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  const unsubscribeUrl = linkIn(mail, "/nieuwsbrief/afmelden");
  const oneClick = await request.post(new URL(unsubscribeUrl).pathname, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(oneClick.status()).toBe(200);
  expect(oneClick.headers()["cache-control"]).toBe("no-store");
  expect(await oneClick.text()).toContain("Je bent afgemeld");
});

test("a GET of the confirmation link changes nothing; the button confirms", async ({ page }) => {
  const email = uniqueAddress("scanner");
  await page.goto("/nieuwsbrief");
  await subscribe(page, { email });
  const confirmPath = new URL(linkIn(await mailTo(email), "/nieuwsbrief/bevestigen")).pathname;
  // Opened twice by a scanner: still unconfirmed, so the button confirms (not "already").
  await page.goto(confirmPath);
  await page.goto(confirmPath);
  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je aanmelding is bevestigd");
  await expect(page.getByRole("status")).not.toContainText("al bevestigd");
});

test("bad input shows the error summary, linked to the fields, with the values kept", async ({
  page,
  javaScriptEnabled,
}) => {
  await page.goto("/nieuwsbrief");
  const title = await page.title();
  expect(title).not.toMatch(/Fout/);
  await page.getByLabel("Voornaam").fill("Anne");
  await page.getByLabel("E-mailadres").fill("anne@");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  const summary = page.getByRole("heading", { name: "Er is een probleem" });
  await expect(summary).toBeVisible();
  // The title says so too: it is read first when the page loads.
  await expect(page).toHaveTitle(`Fout: ${title}`);
  await expect(page.getByRole("group", { name: "Er is een probleem" })).toBeVisible();
  // Focus is on the summary, so it is read first — with JavaScript (an effect) and without
  // it (the server-rendered autofocus attribute).
  await expect(summary.locator("xpath=..")).toBeFocused();
  const errorLinks = page.locator("a[href='#signup-email'], a[href='#signup-consent']");
  await expect(errorLinks).toHaveCount(2);
  // The same words with JavaScript (the browser's check) and without (the server's).
  await expect(errorLinks).toHaveText([
    signupMessages.emailInvalid,
    signupMessages.consentRequired,
  ]);
  await expect(page.getByLabel("Voornaam")).toHaveValue("Anne");
  await expect(page.getByLabel("E-mailadres")).toHaveValue("anne@");
  if (!javaScriptEnabled) {
    // Without JavaScript the server answered: same page, not stored, not cached.
    expect(page.url()).toMatch(/\/nieuwsbrief$/);
  }
});

test("an unknown confirmation token offers a new mail", async ({ page }) => {
  await page.goto("/nieuwsbrief/bevestigen/bestaat-niet-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link werkt niet meer");
  await expect(
    page.getByRole("button", { name: "Stuur een nieuwe bevestigingsmail" }),
  ).toBeVisible();
});
