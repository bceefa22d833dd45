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

/** Lighthouse could not measure the page (for example a trace without a navigation start). */
export class LighthouseRuntimeError extends Error {
  constructor(message: string) {
    super(`Lighthouse: ${message}`);
    this.name = "LighthouseRuntimeError";
  }
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
    if (lhr.runtimeError) throw new LighthouseRuntimeError(lhr.runtimeError.message);
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

export interface LighthouseVerdict {
  /**
   * Performance from the best run; accessibility, best practices and SEO from the worst
   * (they do not depend on timing, so every run must reach them).
   */
  scores: LighthouseScores;
  /** The run with the best performance score (its LCP and TBT are the ones to quote). */
  fastest: LighthouseReport;
  /** Every run, in order, for the test report. */
  runs: LighthouseReport[];
  /** Per run, the audits that did not score 1: what to look at when a score misses. */
  failed: string[];
}

/**
 * Up to `attempts` Lighthouse runs of one page, a few seconds apart, stopping at the first
 * that reaches `performanceTarget`; an attempt whose trace Lighthouse could not read is
 * made again within the same budget. On a shared machine other processes can only add time
 * (total blocking time is observed and then scaled 4×), never remove it, so the fastest run
 * is the closest to what the page itself costs; a page that is really slow stays slow in
 * every run.
 */
export async function runLighthouseBestOf(
  url: string,
  { attempts = 5, performanceTarget = 95, pauseMs = 3_000 } = {},
): Promise<LighthouseVerdict> {
  const runs: LighthouseReport[] = [];
  const runtimeErrors: string[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    try {
      const run = await runLighthouse(url);
      runs.push(run);
      if (run.scores.performance >= performanceTarget) break;
    } catch (error) {
      // Lighthouse's own advice for a broken trace ("Please run Lighthouse again"); a page
      // that can never be measured fails below with every message.
      if (!(error instanceof LighthouseRuntimeError)) throw error;
      runtimeErrors.push(`attempt ${attempt + 1}: ${error.message}`);
    }
  }
  if (runs.length === 0) {
    throw new Error(`No Lighthouse run measured ${url}:\n${runtimeErrors.join("\n")}`);
  }
  const fastest = runs.reduce((best, run) =>
    run.scores.performance > best.scores.performance ? run : best,
  );
  const worst = (id: Exclude<keyof LighthouseScores, "performance">) =>
    Math.min(...runs.map((run) => run.scores[id]));
  return {
    scores: {
      performance: fastest.scores.performance,
      accessibility: worst("accessibility"),
      "best-practices": worst("best-practices"),
      seo: worst("seo"),
    },
    fastest,
    runs,
    failed: [
      ...runtimeErrors,
      ...runs.flatMap((run, index) =>
        run.failed.length > 0
          ? [`run ${index + 1} (performance ${run.scores.performance}): ${run.failed.join(", ")}`]
          : [],
      ),
    ],
  };
}
