// `pnpm bench` (repo root): builds, then measures and writes reports/bench.md (and prints it).
// On a shared machine figures move from run to run; compare rows within one report.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { repoRoot } from "./apps.js";
import { publicThroughput, publishToVisible } from "./content.js";
import {
  appExists,
  articleThroughput,
  coldBuilds,
  keyRoutes,
  pageWeightAndLighthouse,
  sendThroughput,
  startApp,
  subscribeThroughput,
} from "./sections.js";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const only = new Set(
  (process.env.BENCH_ONLY ?? "weight,lighthouse,http,subscribe,send,build,content").split(","),
);

const landing = appExists("landing");
const landingCampaign = landing
  ? (process.env.BENCH_CAMPAIGN ??
    readdirSync(path.join(repoRoot, "apps/landing/campaigns"))
      .filter((name) => name.endsWith(".yaml"))
      .map((name) => name.replace(/\.yaml$/, ""))
      .find((slug) => /webinar|published|ketensamenwerking/.test(slug)) ??
    null)
  : null;

const sections: string[] = [
  "# Benchmark report",
  "",
  `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} cores · load average at start ${loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ")}`,
];

const site = await startApp("site");
const landingApp = landing ? await startApp("landing") : null;
try {
  const origins: Record<string, string> = { site: site.origin, landing: landingApp?.origin ?? "" };
  if (only.has("weight") || only.has("lighthouse")) {
    const { weight, lighthouse } = await pageWeightAndLighthouse(
      keyRoutes(landingCampaign),
      origins,
      only.has("lighthouse"),
    );
    sections.push("", "## 1. Page weight (gzipped, first visit)", "", weight);
    if (lighthouse)
      sections.push(
        "",
        "## 2. Lighthouse 12.2.3 (mobile, Debian's Chromium; fastest of up to five runs)",
        "",
        lighthouse,
      );
  }
  if (only.has("http")) {
    const uncached = await startApp("site", { PAGE_CACHE: "off" });
    try {
      sections.push(
        "",
        "## 3. Article page throughput",
        "",
        await articleThroughput(site.origin, uncached.origin, seconds, connections),
      );
    } finally {
      await uncached.stop();
    }
  }
} finally {
  await site.stop();
  await landingApp?.stop();
}
if (only.has("subscribe")) {
  sections.push(
    "",
    "## 4. Subscribe through HTTP",
    "",
    await subscribeThroughput({
      seconds,
      connections: (process.env.BENCH_SUBSCRIBE_CONNECTIONS ?? "10,50").split(",").map(Number),
      runs: Number(process.env.BENCH_SUBSCRIBE_RUNS ?? 3),
      baselineRoot: process.env.BENCH_SUBSCRIBE_BASELINE,
    }),
  );
}
if (only.has("build")) {
  sections.push(
    "",
    "## 5. Cold build from a pruned workspace",
    "",
    coldBuilds(landing ? ["site", "landing"] : ["site"]),
  );
}

if (only.has("send")) {
  sections.push("", "## 6. Sending an Update", "", sendThroughput());
}

if (only.has("content") && landing) {
  sections.push(
    "",
    "## 7. Published content: publish to visible, and page throughput with it",
    "",
    await publishToVisible(Number(process.env.BENCH_CONTENT_RUNS ?? 15)),
    "",
    await publicThroughput(seconds, connections),
  );
}

const report = `${sections.join("\n")}\n`;
mkdirSync(path.join(repoRoot, "reports"), { recursive: true });
writeFileSync(path.join(repoRoot, "reports/bench.md"), report);
console.log(report);
