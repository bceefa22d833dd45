import { execFileSync, fork } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { freePort, measurePageWeight, runLighthouseBestOf } from "@vaart/testing";
import {
  appExists,
  cpuSeconds,
  freshPostgresSchema,
  repoRoot,
  signupFormToken,
  startApp,
  tempDir,
} from "./apps.js";
import { load } from "./load.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const articlePath = "/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk";
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export interface Route {
  app: "site" | "landing";
  path: string;
  label: string;
}

/** The key routes of both apps (the landing route only once the app exists). */
export function keyRoutes(landingCampaign: string | null): Route[] {
  return [
    { app: "site", path: "/", label: "site home" },
    { app: "site", path: articlePath, label: "seed article" },
    { app: "site", path: "/nieuwsbrief", label: "newsletter page" },
    ...(landingCampaign
      ? [{ app: "landing" as const, path: `/${landingCampaign}`, label: "landing campaign" }]
      : []),
  ];
}

export async function pageWeightAndLighthouse(
  routes: Route[],
  origins: Record<string, string>,
  withLighthouse: boolean,
) {
  const weight = [
    "| route | HTML | CSS | JS | fonts | images | requests |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const lighthouse = [
    "| route | performance | accessibility | best practices | SEO | LCP | TBT |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const route of routes) {
    const origin = origins[route.app] as string;
    const w = await measurePageWeight(origin, route.path);
    weight.push(
      `| ${route.label} (\`${route.path}\`) | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.fonts)} | ${kb(w.images)} | ${w.requests} |`,
    );
    if (withLighthouse) {
      // The same verdict the budget tests give: the fastest of up to five runs.
      const { scores, fastest } = await runLighthouseBestOf(new URL(route.path, origin).href);
      lighthouse.push(
        `| ${route.label} | ${scores.performance} | ${scores.accessibility} | ${scores["best-practices"]} | ${scores.seo} | ${(fastest.lcpMs / 1000).toFixed(2)} s | ${fastest.tbtMs} ms |`,
      );
    }
  }
  return { weight: weight.join("\n"), lighthouse: withLighthouse ? lighthouse.join("\n") : null };
}

/**
 * The article page against a minimal static server sending the same bytes, in one run; and
 * the same page with the page cache off (rendered and compressed per request), for comparison.
 */
export async function articleThroughput(
  siteOrigin: string,
  uncachedOrigin: string,
  seconds: number,
  connections: number,
) {
  const url = `${siteOrigin}${articlePath}`;
  const sample = await fetch(url);
  const html = Buffer.from(await sample.arrayBuffer());
  const gzipped = gzipSync(html, { level: 9 });
  const dir = tempDir("static");
  const headers: Record<string, string> = { "content-encoding": "gzip" };
  for (const name of ["content-type", "cache-control", "etag", "vary", "content-security-policy"]) {
    const value = sample.headers.get(name);
    if (value) headers[name] = value;
  }
  writeFileSync(path.join(dir, "body.gz"), gzipped);
  writeFileSync(path.join(dir, "headers.json"), JSON.stringify(headers));
  const port = await freePort();
  const staticServer = fork(
    path.join(here, "static-server.mjs"),
    [path.join(dir, "body.gz"), path.join(dir, "headers.json"), String(port)],
    { stdio: "ignore" },
  );
  await new Promise((resolve) => staticServer.once("message", resolve));
  try {
    const gzip = { "accept-encoding": "gzip" };
    const etag = sample.headers.get("etag") ?? "";
    await load({ url, connections, seconds: Math.min(seconds, 5), headers: gzip }); // warm-up
    const rows = [
      {
        label: "minimal Node static server, same bytes (the limit)",
        r: await load({
          url: `http://127.0.0.1:${port}${articlePath}`,
          connections,
          seconds,
          headers: gzip,
        }),
      },
      {
        label: "site: article page, 200 gzip",
        r: await load({ url, connections, seconds, headers: gzip }),
      },
      {
        label: "site: article page, If-None-Match → 304",
        r: await load({ url, connections, seconds, headers: { ...gzip, "if-none-match": etag } }),
      },
      {
        label: "site with PAGE_CACHE=off (rendered and gzipped per request)",
        r: await load({
          url: `${uncachedOrigin}${articlePath}`,
          connections,
          seconds,
          headers: gzip,
        }),
      },
    ];
    const limit = rows[0]?.r.requestsPerSecond ?? 1;
    return [
      `Seed article, ${connections} connections, ${seconds} s per row, autocannon in a second process; ${gzipped.length} bytes gzipped (${html.length} of HTML).`,
      "",
      "| server | req/s | p50 ms | p99 ms | of the limit | errors |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...rows.map(
        ({ label, r }) =>
          `| ${label} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${Math.round((100 * r.requestsPerSecond) / limit)} % | ${r.errors} |`,
      ),
    ].join("\n");
  } finally {
    staticServer.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The site-wide cap on confirmation mails during the subscribe bench: above any run's count. */
const BENCH_MAIL_CAP = 1_000_000;

export interface SubscribeBenchOptions {
  seconds: number;
  /** Each a row per database (e.g. 10 and 50). */
  connections: number[];
  /** Runs per row; the row shows the median run (by signups/s). */
  runs: number;
  /**
   * Another checkout of the repository, built, to measure in the same bench: its runs
   * alternate with this one's (baseline, this, baseline, this…), so both see the same
   * machine, and the table gives the ratio.
   */
  baselineRoot?: string | undefined;
}

interface SubscribeRun {
  r: Awaited<ReturnType<typeof load>>;
  /** The site process's CPU milliseconds per answered signup (null without /proc). */
  cpuMs: number | null;
}

/** Signups before each measured run, not counted (BENCH_SUBSCRIBE_WARMUP, seconds). */
const SUBSCRIBE_WARMUP_SECONDS = Number(process.env.BENCH_SUBSCRIBE_WARMUP ?? 2);

async function subscribeRun(
  root: string,
  database: "SQLite" | "PostgreSQL",
  connections: number,
  seconds: number,
): Promise<SubscribeRun> {
  const pg = database === "PostgreSQL" ? freshPostgresSchema("subscribe") : null;
  // A fresh server and database per run: every run starts from the same empty tables.
  const site = await startApp(
    "site",
    {
      TRUST_PROXY: "1",
      // Every signup's mail goes out: the cap is on (a slot is taken per mail) and set
      // above the run's count. The per-IP and per-network limits keep their defaults; the
      // load generator's addresses stay under them (load-worker.mjs).
      NEWSLETTER_MAX_MAILS_PER_HOUR: String(BENCH_MAIL_CAP),
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    },
    root,
  );
  try {
    const formToken = await signupFormToken(site.origin);
    // Warm-up, not measured: a server in production is past its first seconds (code not yet
    // optimised, the pool's connections and their prepared statements still to make).
    await load({
      url: `${site.origin}/nieuwsbrief`,
      connections,
      seconds: SUBSCRIBE_WARMUP_SECONDS,
      signup: { formToken },
    });
    const cpuBefore = cpuSeconds(site.child?.pid);
    const r = await load({
      url: `${site.origin}/nieuwsbrief`,
      connections,
      seconds,
      signup: { formToken },
    });
    // Read once the mails of the last signups went out (they follow their answers).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cpuAfter = cpuSeconds(site.child?.pid);
    const answered = r.statuses["3xx"] ?? 0;
    const cpuMs =
      cpuBefore === null || cpuAfter === null || answered === 0
        ? null
        : (1000 * (cpuAfter - cpuBefore)) / answered;
    return { r, cpuMs };
  } finally {
    await site.stop();
    pg?.drop();
  }
}

const commitOf = (root: string) =>
  execFileSync("git", ["-C", root, "log", "-1", "--format=%h"]).toString().trim();

const medianRun = (runs: SubscribeRun[]) =>
  [...runs].sort((a, b) => a.r.requestsPerSecond - b.r.requestsPerSecond)[
    Math.floor(runs.length / 2)
  ] as SubscribeRun;

/** Signups through the HTTP endpoint (form post → 303), each with its own address and IP. */
export async function subscribeThroughput(options: SubscribeBenchOptions) {
  const { seconds, runs, baselineRoot } = options;
  const builds: { label: string; root: string }[] = [
    ...(baselineRoot ? [{ label: "baseline", root: baselineRoot }] : []),
    { label: baselineRoot ? "this checkout" : "", root: repoRoot },
  ];
  const rows: string[] = [];
  for (const database of ["SQLite", "PostgreSQL"] as const) {
    for (const connections of options.connections) {
      const results = builds.map(() => [] as SubscribeRun[]);
      for (let run = 0; run < runs; run++) {
        for (const [i, build] of builds.entries()) {
          results[i]?.push(await subscribeRun(build.root, database, connections, seconds));
        }
      }
      const medians = results.map(medianRun);
      medians.forEach((median, i) => {
        const { r } = median;
        const all = (results[i] ?? []).map((x) => x.r.requestsPerSecond).join(", ");
        const bad = (r.statuses["4xx"] ?? 0) + (r.statuses["5xx"] ?? 0);
        const label = builds[i]?.label ? ` (${builds[i]?.label})` : "";
        const cpu = (results[i] ?? [])
          .map((x) => x.cpuMs)
          .filter((x): x is number => x !== null)
          .sort((a, b) => a - b);
        const cpuMedian = cpu[Math.floor(cpu.length / 2)];
        rows.push(
          `| ${database}${label} | ${connections} | ${r.requestsPerSecond} | ${all} | ${r.p50} | ${r.p99} | ${cpuMedian === undefined ? "–" : cpuMedian.toFixed(2)} | ${r.statuses["3xx"]} | ${bad} | ${r.errors} |`,
        );
      });
      if (baselineRoot) {
        const [base, mine] = medians.map((m) => m.r.requestsPerSecond);
        rows.push(
          `| ${database}: this checkout ÷ baseline | ${connections} | ${((mine ?? 0) / Math.max(1, base ?? 0)).toFixed(2)}× | | | | | | | |`,
        );
      }
    }
  }
  return [
    `POST /nieuwsbrief, ${seconds} s per run, ${runs} runs per row (a fresh server and database each, warmed up by ${SUBSCRIBE_WARMUP_SECONDS} s of the same load before the measured seconds; the row is the median run by signups/s, all runs listed), autocannon in a second process. Every signup is a new address from its own client IP (TRUST_PROXY=1, X-Forwarded-For), consecutive ones from different /24 networks; each is committed before its 303 and its confirmation mail written to the outbox. Limits on: per IP 20 an hour and per network 60 an hour (the defaults, not reached), the site-wide cap on confirmation mails ${BENCH_MAIL_CAP.toLocaleString("en")} an hour (raised above the run's count; a slot is taken per mail).${baselineRoot ? ` Baseline: commit ${commitOf(baselineRoot)} (this checkout: ${commitOf(repoRoot)}), its runs alternating with this checkout's.` : ""} "Site CPU ms per signup": the site process's CPU time (user + system, /proc) during the run divided by its 303 answers, median of the runs: less sensitive than signups/s to other work on the machine (PostgreSQL's own CPU is not in it); 1000 ÷ it is what one free core could answer.`,
    "",
    "| database | connections | signups/s | runs | p50 ms | p99 ms | site CPU ms per signup | 303 answers | 4xx/5xx | errors |",
    "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

/**
 * Sending an Update to a loopback SMTP sink (packages/newsletter/bench/send.bench.ts): mails
 * per second with the rate limit off (1 and 3 sending processes) and the rate held with it
 * on, on SQLite and PostgreSQL.
 */
export function sendThroughput() {
  const table = execFileSync("pnpm", ["--filter", "@vaart/newsletter", "--silent", "bench:send"], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return [
    "An Update to every recipient through the sending engine (claim with a lease, attempted, SMTP, sent) to a loopback SMTP sink that answers 250 at once; each sender is its own process with 4 SMTP connections, as a site instance. Mails per second as the sink saw them (first to last mail).",
    "",
    table.trim(),
  ].join("\n");
}

/** `turbo prune <app>` into a scratch folder, then a frozen install and a build with no cache. */
export function coldBuilds(apps: string[]) {
  const rows: string[] = [];
  for (const app of apps) {
    const out = tempDir(`prune-${app}`);
    const time = (command: string, args: string[], cwd: string) => {
      const started = process.hrtime.bigint();
      execFileSync(command, args, { cwd, stdio: "ignore", env: { ...process.env, CI: "true" } });
      return Number(process.hrtime.bigint() - started) / 1e9;
    };
    try {
      const prune = time("pnpm", ["exec", "turbo", "prune", app, "--out-dir", out], repoRoot);
      // Root files `turbo prune` leaves out (the Dockerfiles copy them too).
      for (const file of [".pnpmfile.cjs", "tsconfig.base.json"]) {
        cpSync(path.join(repoRoot, file), path.join(out, file));
      }
      const install = time("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], out);
      const build = time(
        "pnpm",
        ["exec", "turbo", "run", "build", `--filter=${app}`, "--force"],
        out,
      );
      rows.push(
        `| ${app} | ${prune.toFixed(1)} s | ${install.toFixed(1)} s | ${build.toFixed(1)} s |`,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return [
    "From a pruned workspace (`turbo prune <app>`), pnpm store warm, Turborepo cache empty.",
    "",
    "| app | prune | install (frozen lockfile) | build (app + its packages) |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

export { appExists, startApp };
