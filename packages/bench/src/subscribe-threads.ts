// `pnpm -F @vaart/bench bench:subscribe-threads`: where the CPU of a signup goes, per thread
// of the site, PostgreSQL's processes and the load generator, from /proc (Linux only). One
// run: the site's production build on a fresh PostgreSQL schema (BENCH_DATABASE=sqlite for
// SQLite), 2 s of warm-up, then BENCH_SECONDS (10) of signups at BENCH_SUBSCRIBE_CONNECTIONS
// (50), as in `pnpm bench` §4. Needs the build (`pnpm turbo run build --filter=site...`).
import { readdirSync, readFileSync } from "node:fs";
import { cpuTicks, freshPostgresSchema, signupFormToken, startApp } from "./apps.js";
import { load } from "./load.js";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_SUBSCRIBE_CONNECTIONS ?? 50);
const sqlite = process.env.BENCH_DATABASE === "sqlite";

/** A thread's or process's CPU ticks; 0 when it ended meanwhile. */
const ticks = (statFile: string) => cpuTicks(statFile) ?? 0;

/** The site's threads by name and id, PostgreSQL's processes together, the machine's idle. */
function snapshot(sitePid: number) {
  const counts = new Map<string, number>();
  // The load generator runs as a child of this process: its ticks count once it ended.
  counts.set("load generator (autocannon)", cpuTicks("/proc/self/stat", "children") ?? 0);
  for (const task of readdirSync(`/proc/${sitePid}/task`)) {
    const name = readFileSync(`/proc/${sitePid}/task/${task}/comm`, "utf8").trim();
    // Worker threads carry no name of their own: the mail-composing thread is one of them.
    const which = Number(task) === sitePid ? "main thread" : `thread ${task}`;
    counts.set(`site: ${which} (${name})`, ticks(`/proc/${sitePid}/task/${task}/stat`));
  }
  let postgres = 0;
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") {
        postgres += ticks(`/proc/${pid}/stat`);
      }
    } catch {
      // gone meanwhile
    }
  }
  counts.set("PostgreSQL (all its processes)", postgres);
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]?.split(/\s+/).slice(1).map(Number);
  counts.set("machine idle (all cores)", (cpu?.[3] ?? 0) + (cpu?.[4] ?? 0));
  return counts;
}

const pg = sqlite ? null : freshPostgresSchema("threads");
const site = await startApp("site", {
  TRUST_PROXY: "1",
  NEWSLETTER_MAX_MAILS_PER_HOUR: "1000000",
  ...(pg ? { DATABASE_URL: pg.url } : {}),
});
try {
  const pid = site.child?.pid;
  if (pid === undefined) throw new Error("the site's process id is unknown");
  const formToken = await signupFormToken(site.origin);
  const spec = { url: `${site.origin}/nieuwsbrief`, connections, signup: { formToken } };
  await load({ ...spec, seconds: 2 });
  const before = snapshot(pid);
  const result = await load({ ...spec, seconds });
  await new Promise((resolve) => setTimeout(resolve, 500)); // the last mails
  const after = snapshot(pid);
  const signups = result.statuses["3xx"] ?? 0;
  const perSignup = (tickCount: number) => ((10 * tickCount) / Math.max(1, signups)).toFixed(2);
  console.log(
    `${sqlite ? "SQLite" : "PostgreSQL"}, ${connections} connections, ${seconds} s: ${result.requestsPerSecond} signups/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${signups} answered\n`,
  );
  console.log("| where | CPU ms per signup |\n| --- | ---: |");
  for (const [name, value] of after) {
    const used = value - (before.get(name) ?? 0);
    if (used > 0) console.log(`| ${name} | ${perSignup(used)} |`);
  }
} finally {
  await site.stop();
  pg?.drop();
}
