import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumArgs, chromiumPath } from "./chromium.js";

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  "best-practices": number;
  seo: number;
}

export interface LighthouseReport {
  url: string;
  scores: LighthouseScores;
  /** Largest Contentful Paint and Total Blocking Time, in ms (simulated mobile). */
  lcpMs: number;
  tbtMs: number;
  /** Audits in a category that did not score 1, to explain a score below 100. */
  failed: string[];
}

/**
 * Lighthouse 12 with its default settings: a mobile device on a simulated slow 4G network
 * with 4× CPU slowdown — the same run a person gets from Chrome's Lighthouse panel.
 */
export async function runLighthouse(url: string): Promise<LighthouseReport> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: chromiumArgs,
    logLevel: "silent",
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, logLevel: "error", output: "json" });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const score = (id: keyof LighthouseScores) =>
      Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failed = Object.values(lhr.categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1)
        .map((audit) => `${category.id}: ${audit?.id} (${audit?.score})`),
    );
    return {
      url,
      scores: {
        performance: score("performance"),
        accessibility: score("accessibility"),
        "best-practices": score("best-practices"),
        seo: score("seo"),
      },
      lcpMs: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? 0),
      tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
      failed,
    };
  } finally {
    chrome.kill();
  }
}
