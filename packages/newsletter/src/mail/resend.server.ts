import type { Core } from "../core.server.js";
import { inTransaction } from "../db/transaction.server.js";
import { pruneRateLimits } from "../rate-limit.server.js";
import { rateLimitHorizonMs } from "../retention.server.js";
import { createConfirmationToken } from "./confirmation-token.server.js";
import {
  claimSubscriberMail,
  dueSubscriberMails,
  requeueAbandonedSubscriberMail,
} from "./queue.server.js";
import { type PendingMail, sendConfirmation } from "./send.server.js";
import { takeSiteMailSlot, warnCapHoldsMail } from "./site-cap.server.js";

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
  const requeued = options.includeAbandoned ? await requeueAbandonedSubscriberMail(db, started) : 0;
  const due = await dueSubscriberMails(db, started, options.limit ?? 500);
  const report: ResendReport = { due: 0, sent: 0, failed: 0, requeued };
  for (const row of due) {
    const now = core.now();
    const slot = await takeSiteMailSlot(core, now, row.rank);
    if (!slot.allowed) {
      // The rows left have this rank or a higher one: none of them may take a slot either.
      warnCapHoldsMail(core, slot.windowEnd);
      break;
    }
    const claimed = await inTransaction(core.handle, async (trx): Promise<PendingMail | null> => {
      if (!(await claimSubscriberMail(trx, row, now, core.settings.mailLeaseMs))) return null;
      const sub = await trx
        .selectFrom("newsletter_subscribers")
        .select(["id", "email", "consent_id"])
        .where("id", "=", row.subscriberId)
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
      return { subscriberId: sub.id, email: due?.email ?? sub.email, token, rank: row.rank };
    });
    if (!claimed) continue;
    report.due += 1;
    if (await sendConfirmation(core, claimed)) report.sent += 1;
    else report.failed += 1;
  }
  await pruneRateLimits(db, new Date(core.now().getTime() - rateLimitHorizonMs(core)));
  return report;
}
