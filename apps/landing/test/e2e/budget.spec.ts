import { expect, test } from "@playwright/test";
import { measurePageWeight, runLighthouseBestOf } from "@vaart/testing";
import { baseUrl, examples } from "./helpers";

const path = `/${examples.published}`;

// Measured 2026-11-29: HTML 3.0 KB, CSS 5.4 KB (gzipped), no JavaScript or fonts, 7 requests.
const budget = { html: 5_000, css: 7_000, js: 0, fonts: 0, requests: 10 };

test(`page weight of the published example stays within its budget`, async () => {
  const weight = await measurePageWeight(baseUrl(), path);
  test.info().annotations.push({ type: "weight", description: JSON.stringify(weight) });
  expect(weight.js, "JavaScript on a campaign page").toBe(0);
  expect(weight.fonts, "font bytes").toBe(0);
  expect(weight.html, "HTML, gzipped bytes").toBeLessThanOrEqual(budget.html);
  expect(weight.css, "CSS, gzipped bytes").toBeLessThanOrEqual(budget.css);
  expect(weight.requests, "requests").toBeLessThanOrEqual(budget.requests);
});

test("Lighthouse (mobile) on the published example: accessibility, best practices, SEO 100; performance ≥ 95", async () => {
  test.setTimeout(400_000);
  const report = await runLighthouseBestOf(`${baseUrl()}${path}`);
  test.info().annotations.push({ type: "lighthouse", description: JSON.stringify(report.runs) });
  expect(
    { ...report.scores, performance: report.scores.performance >= 95 },
    report.failed.join("; "),
  ).toEqual({ performance: true, accessibility: 100, "best-practices": 100, seo: 100 });
});
