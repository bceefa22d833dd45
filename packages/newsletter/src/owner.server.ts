import { sql } from "kysely";
import type { Core } from "./core.server.js";
import { addMs } from "./core.server.js";
import { inTransaction, lockSubscriber } from "./db/transaction.server.js";
import {
  createConfirmationToken,
  type PendingMail,
  sendConfirmation,
  takeSiteMailSlot,
  warnCapHoldsMail,
} from "./mail/deliver.server.js";
import { pruneRateLimits } from "./rate-limit.server.js";
import { visitsBySource } from "./visits.server.js";

export interface ResendReport {
  /** Mails that were due and claimed by this run. */
  due: number;
  sent: number;
  failed: number;
  /** Abandoned pending signups put back in the queue (only with `includeAbandoned`). */
  requeued: number;
}

export interface ResendOptions {
  /** At most this many mails per run (default 500). */
  limit?: number;
  /**
   * Also requeue pending signups whose mail was given up after `retry.maxAttempts`
   * consecutive failures (e.g. after a long SMTP outage). Default false.
   */
  includeAbandoned?: boolean;
}

/**
 * Send every confirmation mail that is due: failed sends whose retry time has come, claims
 * never marked sent (a crash between storing and sending), and signups held back by the
 * site-wide hourly cap. Lowest rank first (a first signup from an address before the
 * fifth from another), oldest first within a rank: a flood from a few addresses is neither
 * a queue a visitor waits behind nor a stream that keeps jumping ahead of them. Safe to
 * run on several instances at once: each mail is claimed with a conditional update, and
 * each claim's lease runs from the moment of that claim (a long run must not leave its
 * later claims already expired). Stops when the hour's site-wide cap (for the next mail's
 * rank) is used up; the rest stays due. Retries of a mail do not spend the mailbox's
 * budget again; mails rejected permanently (5xx) are never retried or requeued.
 */
export async function resendPending(
  core: Core,
  options: ResendOptions = {},
): Promise<ResendReport> {
  await core.ready();
  const { db } = core.handle;
  const started = core.now();
  let requeued = 0;
  if (options.includeAbandoned) {
    // Abandoned = pending, nothing due, last send failed temporarily. Due now, count reset.
    const res = await db
      .updateTable("newsletter_subscribers")
      .set({ mail_due_at: started.toISOString(), mail_attempts: 0 })
      .where("status", "=", "pending")
      .where("mail_due_at", "is", null)
      .where("mail_last_error", "is not", null)
      .where("mail_status", "is", null)
      .executeTakeFirst();
    requeued = Number(res.numUpdatedRows);
  }
  const due = await db
    .selectFrom("newsletter_subscribers")
    .select(["id", "mail_due_at", "mail_rank"])
    .where("status", "=", "pending")
    .where("mail_due_at", "is not", null)
    .where("mail_due_at", "<=", started.toISOString())
    .orderBy("mail_rank")
    // updated_at is when the mail was asked for (the signup or request-new).
    .orderBy("updated_at")
    .orderBy("id")
    .limit(options.limit ?? 500)
    .execute();
  const report: ResendReport = { due: 0, sent: 0, failed: 0, requeued };
  for (const row of due) {
    const now = core.now();
    const slot = await takeSiteMailSlot(core, now, row.mail_rank);
    if (!slot.allowed) {
      // The rows left have this rank or a higher one: none of them may take a slot either.
      warnCapHoldsMail(core, slot.windowEnd);
      break;
    }
    const claimed = await inTransaction(core.handle, async (trx): Promise<PendingMail | null> => {
      const res = await trx
        .updateTable("newsletter_subscribers")
        .set({
          mail_due_at: addMs(now, core.settings.mailLeaseMs),
          last_mail_at: now.toISOString(),
        })
        .where("id", "=", row.id)
        .where("status", "=", "pending")
        .where("mail_due_at", "=", row.mail_due_at)
        .executeTakeFirst();
      if (res.numUpdatedRows !== 1n) return null;
      const sub = await trx
        .selectFrom("newsletter_subscribers")
        .select(["id", "email", "consent_id"])
        .where("id", "=", row.id)
        .executeTakeFirstOrThrow();
      // The mail that is due is for the signup of the latest mail claimed, which may be a
      // later signup than the subscriber's first (a pending signup is never rewritten).
      const due = await trx
        .selectFrom("newsletter_confirmation_tokens as t")
        .innerJoin("newsletter_consents as c", "c.id", "t.consent_id")
        .select(["t.consent_id", "c.email"])
        .where("t.subscriber_id", "=", sub.id)
        .where("t.used_at", "is", null)
        .orderBy("t.created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      const consentId = due?.consent_id ?? sub.consent_id;
      const token = await createConfirmationToken(trx, core, sub.id, consentId, now);
      return { subscriberId: sub.id, email: due?.email ?? sub.email, token, rank: row.mail_rank };
    });
    if (!claimed) continue;
    report.due += 1;
    if (await sendConfirmation(core, claimed)) report.sent += 1;
    else report.failed += 1;
  }
  await pruneRateLimits(db, new Date(core.now().getTime() - rateLimitHorizonMs(core)));
  return report;
}

export interface PruneReport {
  /** Subscribers never confirmed (pending or unsubscribed) whose latest signup is older than the cut-off. */
  signups: number;
  consents: number;
  tokens: number;
  rateLimits: number;
}

const DAY = 24 * 3_600_000;

/** Rate-limit rows younger than this may still count (every window, form age, one day extra). */
function rateLimitHorizonMs(core: Core): number {
  const { rateLimits, maxFormAgeMs } = core.settings;
  return (
    Math.max(
      2 * DAY,
      maxFormAgeMs,
      rateLimits.perIp.windowMs,
      rateLimits.perNetwork.windowMs,
      rateLimits.requestNewPerIp.windowMs,
      3_600_000,
    ) + DAY
  );
}

/**
 * Retention: delete subscribers who never confirmed — pending, or unsubscribed before
 * confirming (what a list-bombing victim does) — whose latest signup is older than
 * `olderThanDays` (default 30), with their consent records and tokens: they hold an
 * address, IP and user agent nobody agreed to keep. Also deletes never-confirmed signups
 * of subscribers who are kept (e.g. a later signup typed by someone else), confirmation
 * tokens that expired before the cut-off, rate-limit rows whose window is long over, and
 * the mailbox mail log beyond its window. Confirmed consent records are kept. Idempotent.
 */
export async function prune(
  core: Core,
  options: { olderThanDays?: number } = {},
): Promise<PruneReport> {
  const days = options.olderThanDays ?? 30;
  if (typeof days !== "number" || !Number.isFinite(days) || days <= 0) {
    throw new RangeError("prune(): olderThanDays must be a positive number");
  }
  await core.ready();
  const now = core.now();
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  const report: PruneReport = { signups: 0, consents: 0, tokens: 0, rateLimits: 0 };
  for (;;) {
    const batch = await inTransaction(core.handle, async (trx) => {
      let query = trx
        .selectFrom("newsletter_subscribers as s")
        .select("s.id")
        .where("s.status", "in", ["pending", "unsubscribed"])
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("newsletter_consents as c")
                .select("c.id")
                .whereRef("c.subscriber_id", "=", "s.id")
                .where((eb) =>
                  eb.or([eb("c.confirmed_at", "is not", null), eb("c.signup_at", ">=", cutoff)]),
                ),
            ),
          ),
        )
        .limit(500);
      // Row locks on PostgreSQL: a re-signup of the same address (which locks the row
      // before adding its consent) waits instead of adding to a row being deleted.
      if (core.handle.dialect === "postgres") query = query.forUpdate();
      const ids = (await query.execute()).map((r) => r.id);
      if (ids.length === 0) return null;
      const tokens = await trx
        .deleteFrom("newsletter_confirmation_tokens")
        .where("subscriber_id", "in", ids)
        .executeTakeFirst();
      const consents = await trx
        .deleteFrom("newsletter_consents")
        .where("subscriber_id", "in", ids)
        .executeTakeFirst();
      const subscribers = await trx
        .deleteFrom("newsletter_subscribers")
        .where("id", "in", ids)
        .executeTakeFirst();
      return {
        signups: Number(subscribers.numDeletedRows),
        consents: Number(consents.numDeletedRows),
        tokens: Number(tokens.numDeletedRows),
      };
    });
    if (!batch) break;
    report.signups += batch.signups;
    report.consents += batch.consents;
    report.tokens += batch.tokens;
  }
  // Old never-confirmed signups of subscribers that stay (not their current record).
  const stale = await inTransaction(core.handle, async (trx) => {
    // A pending subscriber's first signup stays its current one (a later signup never
    // rewrites it) until it is past the cut-off; then its latest signup takes its place.
    const outdated = await trx
      .selectFrom("newsletter_subscribers as s")
      .innerJoin("newsletter_consents as c", "c.id", "s.consent_id")
      .select("s.id")
      .where("s.status", "=", "pending")
      .where("c.confirmed_at", "is", null)
      .where("c.signup_at", "<", cutoff)
      .execute();
    for (const { id } of outdated) {
      if ((await lockSubscriber(core.handle, trx, id))?.status !== "pending") continue;
      const latest = await trx
        .selectFrom("newsletter_consents")
        .select(["id", "email", "first_name"])
        .where("subscriber_id", "=", id)
        .where("signup_at", ">=", cutoff)
        .orderBy("signup_at", "desc")
        .limit(1)
        .executeTakeFirst();
      if (!latest) continue;
      await trx
        .updateTable("newsletter_subscribers")
        .set({ consent_id: latest.id, email: latest.email, first_name: latest.first_name })
        .where("id", "=", id)
        .execute();
    }
    const ids = (
      await trx
        .selectFrom("newsletter_consents as c")
        .innerJoin("newsletter_subscribers as s", "s.id", "c.subscriber_id")
        .select("c.id")
        .where("c.confirmed_at", "is", null)
        .where("c.signup_at", "<", cutoff)
        .whereRef("c.id", "!=", "s.consent_id")
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return { consents: 0, tokens: 0 };
    const tokens = await trx
      .deleteFrom("newsletter_confirmation_tokens")
      .where("consent_id", "in", ids)
      .executeTakeFirst();
    const consents = await trx
      .deleteFrom("newsletter_consents")
      .where("id", "in", ids)
      .executeTakeFirst();
    return {
      consents: Number(consents.numDeletedRows),
      tokens: Number(tokens.numDeletedRows),
    };
  });
  report.consents += stale.consents;
  report.tokens += stale.tokens;
  const expired = await core.handle.db
    .deleteFrom("newsletter_confirmation_tokens")
    .where("expires_at", "<", cutoff)
    .executeTakeFirst();
  report.tokens += Number(expired.numDeletedRows);
  // Keep every window that may still count.
  report.rateLimits = await pruneRateLimits(
    core.handle.db,
    new Date(now.getTime() - rateLimitHorizonMs(core)),
  );
  const { perMailbox } = core.settings.rateLimits;
  await core.handle.db
    .deleteFrom("newsletter_mail_log")
    .where(
      "sent_at",
      "<",
      new Date(
        now.getTime() - Math.max(perMailbox.windowMs, core.settings.mailIntervalMs),
      ).toISOString(),
    )
    .execute();
  return report;
}

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
  const failures = await db
    .selectFrom("newsletter_subscribers")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("status", "=", "pending")
    .where("mail_last_error", "is not", null)
    .executeTakeFirstOrThrow();
  const rejected = await db
    .selectFrom("newsletter_subscribers")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("status", "=", "pending")
    .where("mail_status", "=", "failed-permanent")
    .executeTakeFirstOrThrow();
  // A failed mail waits for its retry with mail_due_at set; given up, it has none.
  const retries = await db
    .selectFrom("newsletter_subscribers")
    .select((eb) => [
      eb.fn.min("mail_due_at").as("next"),
      eb.fn.count("mail_due_at").as("waiting"),
      eb.fn.countAll<string | number>().as("n"),
    ])
    .where("status", "=", "pending")
    .where("mail_last_error", "is not", null)
    .where((eb) =>
      eb.or([eb("mail_status", "is", null), eb("mail_status", "!=", "failed-permanent")]),
    )
    .executeTakeFirstOrThrow();
  return {
    sources: [...bySource.values()].sort(
      (a, b) => b.total - a.total || a.source.localeCompare(b.source),
    ),
    totals,
    mailFailures: Number(failures.n),
    mailRejected: Number(rejected.n),
    nextMailRetryAt: retries.next ? String(retries.next) : null,
    mailAbandoned: Number(retries.n) - Number(retries.waiting),
    visits,
  };
}

export const EXPORT_COLUMNS = [
  "email",
  "first_name",
  "source",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "consent_version",
  "consent_hash",
  "consent_text",
  "signup_at",
  "signup_ip",
  "signup_user_agent",
  "confirmed_at",
  "confirm_ip",
  "confirm_user_agent",
  "confirm_method",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell, always quoted (RFC 4180). Dutch Excel splits on `;` rather than `,`, so a
 * cell like `x;=HYPERLINK(…)` would become a formula cell there: the whole value and every
 * `;`-separated part that a spreadsheet would run as a formula (starting with = + - @ or
 * a tab/CR) is prefixed with an apostrophe.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  const text = String(value)
    .split(";")
    .map((part) => (FORMULA_START.test(part) ? `'${part}` : part))
    .join(";");
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * CSV of confirmed subscribers with their consent proof (current subscription); with
 * `sources`, only those whose current signup came from one of them (e.g. the campaigns).
 */
export async function exportCsv(
  core: Core,
  options: { sources?: readonly string[] } = {},
): Promise<string> {
  await core.ready();
  let query = core.handle.db
    .selectFrom("newsletter_subscribers as s")
    .innerJoin("newsletter_consents as c", "c.id", "s.consent_id")
    .select([
      "s.email",
      "s.first_name",
      "c.source",
      "c.utm_source",
      "c.utm_medium",
      "c.utm_campaign",
      "c.utm_term",
      "c.utm_content",
      "c.consent_version",
      "c.consent_hash",
      "c.consent_text",
      "c.signup_at",
      "c.signup_ip",
      "c.signup_user_agent",
      "c.confirmed_at",
      "c.confirm_ip",
      "c.confirm_user_agent",
      "c.confirm_method",
    ])
    .where("s.status", "=", "confirmed")
    .orderBy("c.confirmed_at")
    .orderBy("s.email_key");
  if (options.sources) {
    if (options.sources.length === 0) query = query.where(sql<boolean>`1 = 0`);
    else query = query.where("c.source", "in", [...options.sources]);
  }
  const rows = await query.execute();
  const lines = [EXPORT_COLUMNS.map(csvCell).join(",")];
  for (const row of rows) {
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
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
