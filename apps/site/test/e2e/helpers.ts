import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

export const seedSlug = "is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk";
export const seedPath = `/artikelen/${seedSlug}`;

/** Every WCAG 2.0, 2.1 and 2.2 A/AA rule axe has. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * axe runs inside the page, so it needs JavaScript: with JavaScript off, the same address is
 * checked in a second, JavaScript-enabled tab (the HTML is the same: pages ship no scripts).
 */
export async function expectNoAxeViolations(page: Page) {
  let target = page;
  if (test.info().project.use.javaScriptEnabled === false) {
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser to run axe in");
    const context = await browser.newContext({ javaScriptEnabled: true });
    target = await context.newPage();
    await target.goto(page.url());
  }
  const results = await new AxeBuilder({ page: target }).withTags(wcagTags).analyze();
  if (target !== page) await target.context().close();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(summary).toEqual([]);
}

/** A unique address per test, so tests can run in parallel against one database. */
export function uniqueAddress(label: string) {
  return `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.nl`;
}

function outboxDir() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  return path.join(dataDir, "outbox");
}

/** Undo quoted-printable soft line breaks and escapes, enough to read links. */
function decodeQuotedPrintable(text: string) {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The mail sent to `address` (waits for it: the send may finish just after the answer). */
export async function mailTo(address: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(outboxDir()).filter((name) => name.endsWith(".eml"));
    } catch {
      files = [];
    }
    for (const file of files) {
      const raw = readFileSync(path.join(outboxDir(), file), "utf8");
      if (raw.includes(address)) return decodeQuotedPrintable(raw);
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address} in ${outboxDir()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function linkIn(mail: string, pathPrefix: string): string {
  const match = mail.match(new RegExp(`https?://[^\\s"<>]*${pathPrefix}/[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${pathPrefix} link in the mail:\n${mail.slice(0, 2000)}`);
  return match[0];
}

/** Fill and send the signup form on the current page. */
export async function subscribe(page: Page, values: { email: string; firstName?: string }) {
  if (values.firstName) await page.getByLabel("Voornaam").fill(values.firstName);
  await page.getByLabel("E-mailadres").fill(values.email);
  await page.getByRole("checkbox", { name: /Updates/ }).check();
  await page.getByRole("button", { name: "Aanmelden" }).click();
}
