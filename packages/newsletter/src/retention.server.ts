import type { Core } from "./core.server.js";
import { inTransaction, lockSubscriber } from "./db/transaction.server.js";
import { pruneRateLimits } from "./rate-limit.server.js";

export interface PruneReport {
  /** Subscribers never confirmed (pending or unsubscribed) whose latest signup is older than the cut-off. */
  signups: number;
  consents: number;
  tokens: number;
  rateLimits: number;
}

const DAY = 24 * 3_600_000;

/** Rate-limit rows younger than this may still count (every window, form age, one day extra). */
export function rateLimitHorizonMs(core: Core): number {
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
