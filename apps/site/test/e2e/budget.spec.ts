import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { measurePageWeight, runLighthouseBestOf } from "@vaart/testing";

interface Budget {
  html: number;
  css: number;
  js: number;
  fonts: number;
  requests: number;
}

// Budgets are checked in beside the code; budgets.md says how they were chosen.
const budgets = JSON.parse(readFileSync(new URL("../../budgets.json", import.meta.url), "utf8"))
  .routes as Record<string, Budget>;

for (const [path, budget] of Object.entries(budgets)) {
  test(`page weight of ${path} stays within its budget`, async ({ baseURL }) => {
    const weight = await measurePageWeight(baseURL as string, path);
    test.info().annotations.push({ type: "weight", description: JSON.stringify(weight) });
    expect(weight.js, "JavaScript on a content page").toBe(0);
    expect(weight.html, "HTML, gzipped bytes").toBeLessThanOrEqual(budget.html);
    expect(weight.css, "CSS, gzipped bytes").toBeLessThanOrEqual(budget.css);
    expect(weight.fonts, "font bytes").toBeLessThanOrEqual(budget.fonts);
    expect(weight.requests, "requests").toBeLessThanOrEqual(budget.requests);
  });
}

for (const path of Object.keys(budgets)) {
  test(`Lighthouse (mobile) on ${path}: accessibility, best practices, SEO 100; performance ≥ 95`, async ({
    baseURL,
  }) => {
    test.setTimeout(400_000);
    const report = await runLighthouseBestOf(new URL(path, baseURL).href);
    test.info().annotations.push({ type: "lighthouse", description: JSON.stringify(report.runs) });
    expect(
      { ...report.scores, performance: report.scores.performance >= 95 },
      report.failed.join("; "),
    ).toEqual({
      performance: true,
      accessibility: 100,
      "best-practices": 100,
      seo: 100,
    });
  });
}
