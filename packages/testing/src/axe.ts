import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/** Every WCAG 2.0, 2.1 and 2.2 A/AA rule axe has (it leaves 2.2 out unless asked). */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * axe runs inside the page, so it needs JavaScript: with JavaScript off, the same address is
 * checked in a second, JavaScript-enabled tab (the HTML is the same: pages ship no scripts).
 */
export async function expectNoAxeViolations(
  page: Page,
  /** What the page was opened with, for the second tab: its colour scheme decides its colours. */
  options: { colorScheme?: "light" | "dark" } = {},
) {
  let target = page;
  if (test.info().project.use.javaScriptEnabled === false) {
    const browser = page.context().browser();
    if (!browser) throw new Error("no browser to run axe in");
    const context = await browser.newContext({
      javaScriptEnabled: true,
      colorScheme: options.colorScheme ?? "light",
      viewport: page.viewportSize(),
    });
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
