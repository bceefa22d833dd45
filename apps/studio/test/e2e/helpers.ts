import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { mailsTo } from "@vaart/testing";
import { siteUrl, studioUrl } from "./server";

export { expectNoAxeViolations } from "@vaart/testing";

/**
 * A slug of this attempt's own: the servers and the database live through a retry, so a
 * retried test that creates content starts afresh instead of meeting its last attempt's.
 */
export function slugOfAttempt(base: string, info: { retry: number }): string {
  return info.retry === 0 ? base : `${base}-poging-${info.retry + 1}`;
}

export const baseUrl = () => {
  const url = process.env.STUDIO_TEST_URL;
  if (!url) throw new Error("STUDIO_TEST_URL is not set: run through playwright.config.ts");
  return url;
};

/** The test site's address (the site's production build on the same data). */
export const siteTestUrl = () => {
  const url = process.env.SITE_TEST_URL;
  if (!url) throw new Error("SITE_TEST_URL is not set: run through playwright.config.ts");
  return url;
};

/** A link the studio made for the public site (SITE_URL), pointed at the test site. */
export function onTestSite(link: string): string {
  if (!link.startsWith(`${siteUrl}/`)) throw new Error(`not a link to the site: ${link}`);
  return `${siteTestUrl()}${link.slice(siteUrl.length)}`;
}

export const outboxDir = () => join(process.env.STUDIO_TEST_DATA_DIR ?? "", "outbox");

/** A client address of its own (X-Forwarded-For; the test server trusts one proxy). */
export function clientAddress(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** A browser context that comes from an address of its own. */
export function newClient(browser: Browser, javaScriptEnabled: boolean): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled,
    extraHTTPHeaders: { "X-Forwarded-For": clientAddress() },
  });
}

/** How many mails `address` has had so far. */
export function mailCount(address: string): number {
  return mailsTo(outboxDir(), address).length;
}

/**
 * The login link of the mail after the first `before` to `address` (waits: the mail leaves
 * after the answer), pointed at the test server instead of STUDIO_URL.
 */
export async function nextLoginLink(address: string, before: number): Promise<string> {
  let mail = "";
  await expect
    .poll(
      () => {
        mail = mailsTo(outboxDir(), address)[before] ?? "";
        return mail;
      },
      { timeout: 20_000 },
    )
    .not.toBe("");
  const match = mail.match(/https:\/\/studio\.vaart\.test\/inloggen\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no login link in the mail:\n${mail.slice(0, 2000)}`);
  return match[0].replace(studioUrl, baseUrl());
}

/** Ask for a link on the login page, as an author would. */
export async function requestLink(page: Page, address: string): Promise<void> {
  await page.goto(`${baseUrl()}/inloggen`);
  await page.getByLabel("E-mailadres").fill(address);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kijk in je mailbox");
}

/** Log in through the mailed link; returns the session cookie's value. */
export async function logIn(page: Page, address: string): Promise<string> {
  const before = mailCount(address);
  await requestLink(page, address);
  await page.goto(await nextLoginLink(address, before));
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overzicht");
  const cookie = (await page.context().cookies()).find((c) => c.name === "vaart_studio");
  if (!cookie) throw new Error("no session cookie after logging in");
  return cookie.value;
}

/** Session cookies of this worker, per author: each logs in through the mail once per run. */
const sessions = new Map<string, string>();

/**
 * A browser context logged in as `address`: through the mailed link the first time, then
 * with the same session (the per-address limit allows 3 links per 15 minutes).
 */
export async function loggedInClient(
  browser: Browser,
  javaScriptEnabled: boolean,
  address: string,
): Promise<BrowserContext> {
  const context = await newClient(browser, javaScriptEnabled);
  const known = sessions.get(address);
  if (known) {
    await context.addCookies([{ name: "vaart_studio", value: known, url: baseUrl() }]);
  } else {
    const page = await context.newPage();
    sessions.set(address, await logIn(page, address));
    await page.close();
  }
  return context;
}
/** The two landing instances the studio's preview links and publishing reach (same database). */
export const landingUrls = (): string[] => {
  const urls = process.env.STUDIO_TEST_LANDING_URLS;
  if (!urls)
    throw new Error("STUDIO_TEST_LANDING_URLS is not set: run through playwright.config.ts");
  return urls.split(",");
};
