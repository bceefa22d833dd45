import { sql } from "kysely";
import type { Core } from "./core.server.js";
import { subscriberMailFigures } from "./mail/queue.server.js";
import { visitsBySource } from "./visits.server.js";

export interface SourceStats {
  /** Site path or campaign slug; "(onbekend)" when the form did not say. */
  source: string;
  pending: number;
  confirmed: number;
  unsubscribed: number;
  total: number;
}

export interface Stats {
  sources: SourceStats[];
  totals: Omit<SourceStats, "source">;
  /** Pending signups whose last confirmation mail failed. */
  mailFailures: number;
  /** Of those, mails the server rejected permanently (5xx): never retried. */
  mailRejected: number;
  /** When the earliest failed mail is due again (ISO time); null when none waits for a retry. */
  nextMailRetryAt: string | null;
  /** Failed mails given up after `retry.maxAttempts` (requeue with includeAbandoned). */
  mailAbandoned: number;
  /** Visits of campaign pages per source (`recordVisit`), most visited first. */
  visits: { source: string; visits: number }[];
}

export const UNKNOWN_SOURCE = "(onbekend)";

export async function stats(core: Core): Promise<Stats> {
  await core.ready();
  const { db } = core.handle;
  const rows = await db
    .selectFrom("newsletter_subscribers as s")
    .innerJoin("newsletter_consents as c", "c.id", "s.consent_id")
    .select(["c.source", "s.status", (eb) => eb.fn.countAll<string | number>().as("n")])
    .groupBy(["c.source", "s.status"])
    .execute();
  const bySource = new Map<string, SourceStats>();
  const totals = { pending: 0, confirmed: 0, unsubscribed: 0, total: 0 };
  for (const row of rows) {
    const source = row.source ?? UNKNOWN_SOURCE;
    const entry = bySource.get(source) ?? {
      source,
      pending: 0,
      confirmed: 0,
      unsubscribed: 0,
      total: 0,
    };
    const n = Number(row.n);
    entry[row.status] += n;
    entry.total += n;
    totals[row.status] += n;
    totals.total += n;
    bySource.set(source, entry);
  }
  const visits = [...(await visitsBySource(core))]
    .map(([source, count]) => ({ source, visits: count }))
    .sort((a, b) => b.visits - a.visits || a.source.localeCompare(b.source));
  const mail = await subscriberMailFigures(db);
  return {
    sources: [...bySource.values()].sort(
      (a, b) => b.total - a.total || a.source.localeCompare(b.source),
    ),
    totals,
    mailFailures: mail.failures,
    mailRejected: mail.rejected,
    nextMailRetryAt: mail.nextRetryAt,
    mailAbandoned: mail.abandoned,
    visits,
  };
}

/** For tests and the CLI: how many rows each table holds. */
export async function tableCounts(core: Core): Promise<Record<string, number>> {
  await core.ready();
  const { db } = core.handle;
  const count = async (table: string) => {
    const r = await sql<{
      n: string | number;
    }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  };
  return {
    subscribers: await count("newsletter_subscribers"),
    consents: await count("newsletter_consents"),
    tokens: await count("newsletter_confirmation_tokens"),
  };
}
