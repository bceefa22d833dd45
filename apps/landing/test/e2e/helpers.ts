import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { testSettings } from "./server";

export const baseUrl = () => {
  const url = process.env.LANDING_TEST_URL;
  if (!url) throw new Error("LANDING_TEST_URL is not set: run through playwright.config.ts");
  return url;
};

export const examples = {
  published: "webinar-ketensamenwerking",
  draft: "workshop-teamontwikkeling",
  expired: "whitepaper-ketenregie",
} as const;

export const previewQuery = `?voorbeeld=${testSettings.previewToken}`;

/**
 * WCAG 2.2 AA as axe knows it: no violations allowed. axe runs as a script in the page, so
 * it runs in the JavaScript-on project; the pages are the same HTML without JavaScript.
 */
export async function expectNoAxeViolations(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** The decoded text of a mail in the outbox that was sent to `address`. */
export async function mailTo(address: string): Promise<string> {
  const outbox = join(process.env.LANDING_TEST_DATA_DIR ?? "", "outbox");
  const deadline = Date.now() + 20_000;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(outbox).filter((name) => name.endsWith(".eml"));
    } catch {
      // no mail yet
    }
    for (const file of files) {
      const decoded = readFileSync(join(outbox, file), "utf8")
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        );
      if (decoded.includes(address)) return decoded;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address} in ${outbox}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
