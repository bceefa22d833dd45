/**
 * Sending an Update to the loopback SMTP sink: mails per second with the rate limit off
 * (1 and 3 sending processes, SQLite and PostgreSQL), and the rate held with it on.
 *
 *   pnpm --filter @vaart/newsletter bench:send
 *   BENCH_SEND_N=5000 BENCH_SEND_REPEAT=5 pnpm --filter @vaart/newsletter bench:send
 *
 * Each sender is its own process (tests/fixtures/update-sender.ts, as a site instance
 * would be) with 4 SMTP connections; the sink answers 250 at once. Prints a Markdown table
 * (medians of the repeats: the machine is shared and noisy).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createNewsletter } from "../src/index.js";
import { SmtpSink } from "../test/smtp-sink.js";
import { frozenUpdate, seedConfirmed } from "../test/update-fixtures.js";

const N = Number(process.env.BENCH_SEND_N ?? 2000);
const REPEAT = Number(process.env.BENCH_SEND_REPEAT ?? 3);
const RATE = Number(process.env.BENCH_SEND_RATE ?? 20);
const RATE_N = Number(process.env.BENCH_SEND_RATE_N ?? 300);
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const pkg = path.resolve(import.meta.dirname, "..");
const worker = path.join(pkg, "test/fixtures/update-sender.ts");
const SECRET = "bench-secret-bench-secret-bench-secret-0123";

interface Db {
  databaseUrl?: string;
  dataDir: string;
  pgSchema?: string;
}

let counter = 0;
async function freshDb(database: "SQLite" | "PostgreSQL", audience: number, slug: string) {
  counter += 1;
  const dataDir = mkdtempSync(path.join(tmpdir(), "vaart-send-bench-"));
  const db: Db =
    database === "PostgreSQL"
      ? { databaseUrl: PG_URL, dataDir, pgSchema: `bench_send_${process.pid}_${counter}` }
      : { dataDir };
  const nl = createNewsletter({
    ...db,
    siteUrl: "https://www.example.nl",
    mailFrom: "updates@example.nl",
    secret: SECRET,
    logger: { info() {}, warn() {}, error: console.error },
  });
  await nl.migrate();
  await seedConfirmed(db, audience, `${slug}-`);
  const started = await nl.updates.start(frozenUpdate(slug));
  if (started.status !== "started") throw new Error(started.message);
  return {
    db,
    async drop() {
      if (db.pgSchema) {
        const { sql } = await import("kysely");
        const { openDatabase } = await import("../src/db/connect.server.js");
        const h = openDatabase({ databaseUrl: PG_URL, dataDir });
        await sql`drop schema if exists ${sql.ref(db.pgSchema)} cascade`.execute(h.db);
        await h.destroy();
      }
      await nl.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function sender(db: Db, smtpUrl: string, sendRate: number) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      worker,
      JSON.stringify({
        ...db,
        smtpUrl,
        concurrency: 4,
        leaseMs: 300_000,
        timeoutMs: 30_000,
        sendRate,
      }),
    ],
    { cwd: pkg, stdio: ["pipe", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.setEncoding("utf8");
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (c: string) => {
      out += c;
      if (out.includes("ready\n")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`sender exited ${code}`)));
  });
  const done = new Promise<void>((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`)))),
  );
  return { ready, done, go: () => child.stdin.write("go\n") };
}

/** Sends the Update with `instances` processes; returns mails/s measured at the sink. */
async function run(
  database: "SQLite" | "PostgreSQL",
  instances: number,
  audience: number,
  sendRate: number,
  sink: SmtpSink,
  smtpUrl: string,
): Promise<number> {
  const slug = `bench-${database === "SQLite" ? "s" : "p"}-${instances}-${counter + 1}`;
  const fresh = await freshDb(database, audience, slug);
  try {
    const senders = Array.from({ length: instances }, () => sender(fresh.db, smtpUrl, sendRate));
    await Promise.all(senders.map((s) => s.ready));
    const before = sink.messages.length;
    for (const s of senders) s.go();
    await Promise.all(senders.map((s) => s.done));
    const got = sink.messages.slice(before).filter((m) => m.messageId.startsWith(`<${slug}.`));
    if (got.length !== audience) throw new Error(`${slug}: ${got.length} of ${audience} mails`);
    if (new Set(got.map((m) => m.messageId)).size !== audience) throw new Error("duplicates");
    const first = Math.min(...got.map((m) => m.at));
    const last = Math.max(...got.map((m) => m.at));
    // Intervals between the first and the last mail: the rate the sink saw.
    return (audience - 1) / ((last - first) / 1000);
  } finally {
    await fresh.drop();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const sink = new SmtpSink();
const smtpUrl = await sink.listen();
const lines = [
  `| database | senders | limit | mails | mails/s (median of ${REPEAT}) | runs |`,
  "| --- | ---: | ---: | ---: | ---: | --- |",
];
try {
  for (const database of ["SQLite", "PostgreSQL"] as const) {
    for (const instances of [1, 3]) {
      const rates: number[] = [];
      for (let i = 0; i < REPEAT; i++)
        rates.push(await run(database, instances, N, 0, sink, smtpUrl));
      lines.push(
        `| ${database} | ${instances} | off | ${N} | ${median(rates).toFixed(0)} | ${rates.map((r) => r.toFixed(0)).join(", ")} |`,
      );
      console.error(lines.at(-1));
    }
    const held = await run(database, 3, RATE_N, RATE, sink, smtpUrl);
    lines.push(
      `| ${database} | 3 | ${RATE}/s | ${RATE_N} | ${held.toFixed(2)} (${(((held - RATE) / RATE) * 100).toFixed(1)} % from the limit) | 1 |`,
    );
    console.error(lines.at(-1));
  }
} finally {
  await sink.close();
}
console.log(lines.join("\n"));
