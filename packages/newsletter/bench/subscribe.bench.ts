/**
 * Throughput and latency of subscribe() and confirm() on SQLite and PostgreSQL.
 *
 *   pnpm --filter @vaart/newsletter bench
 *   BENCH_N=5000 BENCH_CONCURRENCY=32 pnpm --filter @vaart/newsletter bench
 *
 * Mail goes to an in-memory transport (no file or network I/O) so that the figures show
 * the package and its database, not the mail server. Rate limits and the site-wide mail
 * cap are raised; everything else (validation, HMAC check, rate-limit upserts, mailbox
 * cap, transaction, token hashing, site-wide slot, mail rendering) runs as in production.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createNewsletter, type MailTransport, type Newsletter } from "../src/index.js";

const N = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const CONSENT = "Ja, ik wil de tweemaandelijkse 'Updates' ontvangen. Afmelden kan altijd weer.";
const HOUR = 3_600_000;

interface Row {
  database: string;
  operation: string;
  ops: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function measure(
  database: string,
  operation: string,
  count: number,
  op: (i: number) => Promise<void>,
): Promise<Row> {
  const latencies: number[] = new Array(count);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const t = performance.now();
        await op(i);
        latencies[i] = performance.now() - t;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    database,
    operation,
    ops: count,
    seconds,
    perSecond: count / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

async function benchOne(
  database: string,
  make: (transport: MailTransport) => Newsletter,
): Promise<Row[]> {
  const links: string[] = [];
  const transport: MailTransport = {
    name: "memory",
    async send(mail) {
      if (mail.link) links.push(mail.link);
    },
  };
  const nl = make(transport);
  try {
    await nl.migrate();
    // The form token of the current hour, as a cached page carries it.
    const formToken = () => nl.issueFormToken();
    const rows: Row[] = [];
    rows.push(
      await measure(database, "subscribe (new address)", N, async (i) => {
        const r = await nl.subscribe(
          {
            email: `lezer${i}@example.nl`,
            firstName: "Anna",
            consent: "yes",
            formToken: formToken(),
            website: "",
          },
          {
            consentText: CONSENT,
            source: "/nieuwsbrief",
            ip: `10.1.${i % 250}.${i % 200}`,
            userAgent: "bench",
          },
        );
        if (r.status !== "ok") throw new Error(`subscribe: ${JSON.stringify(r)}`);
      }),
    );
    rows.push(
      await measure(database, "subscribe (duplicate)", N, async (i) => {
        const r = await nl.subscribe(
          { email: `lezer${i}@example.nl`, consent: "yes", formToken: formToken() },
          { consentText: CONSENT, ip: `10.2.${i % 250}.${i % 200}` },
        );
        if (r.status !== "ok") throw new Error(`subscribe: ${JSON.stringify(r)}`);
      }),
    );
    if (links.length !== N) throw new Error(`expected ${N} mails, got ${links.length}`);
    const tokens = links.map((l) => new URL(l).pathname.split("/").at(-1) ?? "");
    rows.push(
      await measure(database, "confirm", N, async (i) => {
        const r = await nl.confirm(tokens[i], { ip: "10.3.0.1", userAgent: "bench" });
        if (r.status !== "confirmed") throw new Error(`confirm: ${JSON.stringify(r)}`);
      }),
    );
    return rows;
  } finally {
    await nl.close();
  }
}

const common = {
  siteUrl: "https://www.example.nl",
  mailFrom: "updates@example.nl",
  secret: "bench-secret-bench-secret-bench-secret-bench",
  logger: { info() {}, warn() {}, error: (m: string) => console.error(m) },
  // Thousands of signups from a few hundred addresses: the limits are not what this measures.
  rateLimits: {
    perIp: { max: 1e9, windowMs: HOUR },
    perNetwork: { max: 1e9, windowMs: HOUR },
    perMailbox: { max: 1e9, windowMs: HOUR },
  },
  maxConfirmationMailsPerHour: 1e9,
  // The bench confirms every mailed link right after the signups: each waits for its send.
  firstSendWaitMs: 30_000,
};

const rows: Row[] = [];
const dir = mkdtempSync(path.join(tmpdir(), "vaart-bench-"));
try {
  rows.push(
    ...(await benchOne("SQLite (WAL, file)", (transport) =>
      createNewsletter({ ...common, dataDir: dir, transport }),
    )),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const schema = `bench_${process.pid}`;
let pgReachable = true;
try {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await c.connect();
  await c.end();
} catch {
  pgReachable = false;
  console.error(
    `PostgreSQL not reachable at ${PG_URL}; run scripts/ensure-postgres.sh. Skipping PostgreSQL.`,
  );
}
if (pgReachable) {
  try {
    rows.push(
      ...(await benchOne("PostgreSQL 15 (loopback)", (transport) =>
        createNewsletter({
          ...common,
          databaseUrl: PG_URL,
          pgSchema: schema,
          poolSize: 10,
          transport,
        }),
      )),
    );
  } finally {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
}

console.log(`\n${N} operations each, ${CONCURRENCY} concurrent callers, Node ${process.version}\n`);
const header = ["database", "operation", "ops/s", "p50 ms", "p99 ms", "max ms"];
const table = rows.map((r) => [
  r.database,
  r.operation,
  r.perSecond.toFixed(0),
  r.p50.toFixed(2),
  r.p99.toFixed(2),
  r.max.toFixed(2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => (t[i] ?? "").length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
console.log(line(header));
console.log(
  `|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
);
for (const t of table) console.log(line(t));
