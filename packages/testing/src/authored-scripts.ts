import { expect, type Page } from "@playwright/test";

/**
 * A published campaign as an author might type it in the studio, with a script in a title
 * and in Markdown, an image with onerror and a javascript: link: each must end up as text
 * (or be dropped) on the public page. Line 3 is `theme: campaign`.
 */
export function campaignWithScripts(
  title: string,
  dates = { start: "2026-01-01 09:00", end: "2036-01-01 09:00" },
): string {
  return `title: ${title}
description: Een campagne uit de studio
theme: campaign
status: published
start: "${dates.start}"
end: "${dates.end}"
blocks:
  - type: hero
    heading: "<script>window.__pwned = 'heading'</script>${title}"
  - type: text
    markdown: |
      Lees verder <script>window.__pwned = 'markdown'</script>
      <img src="x" onerror="window.__pwned = 'image'">
      [een link](javascript:window.__pwned='link') en [de site](https://www.vaart.test/).
`;
}

/**
 * Open `url` as a visitor with JavaScript on and check that campaignWithScripts' page shows
 * its text and that none of the author's tags became an element or ran.
 */
export async function expectAuthoredScriptsInert(page: Page, url: string, title: string) {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const answer = await page.goto(url);
  expect(answer?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "<script>window.__pwned = 'heading'</script>",
  );
  await expect(page.getByText("Lees verder")).toBeVisible();
  await expect(page.getByRole("link", { name: "de site" })).toHaveAttribute(
    "href",
    "https://www.vaart.test/",
  );
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  // The author's tags are text on the page, never elements.
  expect(await page.locator("script, img[onerror], a[href^='javascript']").count()).toBe(0);
  expect(await page.content()).not.toMatch(/<script>window|<img[^>]*onerror|href="javascript/);
}
