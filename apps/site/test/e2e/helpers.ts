import path from "node:path";
import type { Page } from "@playwright/test";
import { linkIn, mailTo as mailIn, uniqueAddress as unique } from "@vaart/testing";

export { expectNoAxeViolations } from "@vaart/testing";
export { linkIn };
export const uniqueAddress = unique;

export const seedSlug = "is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk";
export const seedPath = `/artikelen/${seedSlug}`;

/** The e2e server's mail outbox (playwright.config.ts gives it a fresh data folder). */
export function outboxDir() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return path.join(dataDir, "outbox");
}

export function mailTo(address: string) {
  return mailIn(outboxDir(), address);
}

/** Fill and send the signup form on the current page. */
export async function subscribe(page: Page, values: { email: string; firstName?: string }) {
  if (values.firstName) await page.getByLabel("Voornaam").fill(values.firstName);
  await page.getByLabel("E-mailadres").fill(values.email);
  await page.getByRole("checkbox", { name: /Updates/ }).check();
  await page.getByRole("button", { name: "Aanmelden" }).click();
}
