import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, linkIn, mailTo, subscribe, uniqueAddress } from "./helpers";

// Anyone can type someone's address; every signup gets a mail of its own. The page a mail
// link opens says which signup it confirms, so the person can tell whether it is theirs.
test("the confirm page names the signup it confirms: date and first name", async ({ page }) => {
  const email = uniqueAddress("eigen");
  await page.goto("/nieuwsbrief");
  await subscribe(page, { email, firstName: "Noor" });
  await expect(page).toHaveURL(/\/nieuwsbrief\/bijna-klaar$/);
  const today = new Intl.DateTimeFormat("nl-NL", {
    timeZone: "Europe/Amsterdam",
    dateStyle: "long",
  }).format(new Date());

  const confirmPath = new URL(linkIn(await mailTo(email), "/nieuwsbrief/bevestigen")).pathname;
  await page.goto(confirmPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelding bevestigen");
  const which = page.getByText("Deze link hoort bij de aanmelding van");
  await expect(which).toContainText(today);
  await expect(which).toContainText(/om \d{1,2}:\d{2}/);
  await expect(which).toContainText("met de voornaam Noor");
  await expect(page.getByText("Herken je deze aanmelding niet?")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Bevestig mijn aanmelding" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je aanmelding is bevestigd");
  // Confirmed: the link names no signup any more, and the button says so.
  await page.goto(confirmPath);
  await expect(page.getByText("Deze link hoort bij de aanmelding van")).toHaveCount(0);
});

test("a signup without a first name says so", async ({ page }) => {
  const email = uniqueAddress("zondernaam");
  await page.goto("/nieuwsbrief");
  await subscribe(page, { email });
  const confirmPath = new URL(linkIn(await mailTo(email), "/nieuwsbrief/bevestigen")).pathname;
  await page.goto(confirmPath);
  await expect(page.getByText("Deze link hoort bij de aanmelding van")).toContainText(
    "zonder voornaam",
  );
});
