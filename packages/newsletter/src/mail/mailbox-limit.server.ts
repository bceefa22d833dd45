import { type Kysely, sql } from "kysely";
import type { Core } from "../core.server.js";
import { prepared } from "../db/prepared.server.js";
import type { Database } from "../db/schema.js";
import { mailboxHash } from "../rate-limit.server.js";

/**
 * May this mailbox get a confirmation mail now? At most one per `mailIntervalMs` and
 * `rateLimits.perMailbox.max` (3) per `perMailbox.windowMs` (30 days), counted per mailbox
 * whatever the route (signup, request-new) and whatever happened to the subscriber row in
 * between (unsubscribed, pruned). When allowed, the intent is logged, which spends the
 * budget: only requests that send a mail spend it. The caller holds the subscriber's row
 * lock (or has just inserted the row), so two requests for one mailbox cannot both pass.
 */
export async function claimMailbox(
  trx: Kysely<Database>,
  core: Core,
  mailboxKey: string,
  now: Date,
): Promise<boolean> {
  // Check and log in one statement (one round trip on PostgreSQL): the row is written only
  // when no mail went out within the interval and fewer than the cap within the window.
  const inserted = await claimQuery(trx, {
    ...mailboxRule(core, mailboxKey, now),
    sentAt: now.toISOString(),
  });
  return inserted.rows.length > 0;
}

type Rule = ReturnType<typeof mailboxRule>;

const claimQuery = prepared<Rule & { sentAt: string }>(
  (_db, p) => sql`
    insert into newsletter_mail_log (mailbox_hash, sent_at)
    select ${p.hash}, ${p.sentAt}
    where ${mailboxAllowsFor(p)}
    returning mailbox_hash`,
);

/** The mailbox's hash and the bounds of its interval and window at `now`. */
export function mailboxRule(core: Core, mailboxKey: string, now: Date) {
  const { perMailbox } = core.settings.rateLimits;
  return {
    hash: mailboxHash(mailboxKey),
    recent: new Date(now.getTime() - core.settings.mailIntervalMs).toISOString(),
    windowStart: new Date(now.getTime() - perMailbox.windowMs).toISOString(),
    max: perMailbox.max,
  };
}

/**
 * The condition claimMailbox checks, as SQL (for a statement that logs the mail itself):
 * no mail to this mailbox within the interval, fewer than the cap within the window.
 */
export function mailboxAllows(core: Core, mailboxKey: string, now: Date) {
  return mailboxAllowsFor(mailboxRule(core, mailboxKey, now));
}

/** mailboxAllows for the values of mailboxRule (or parameters standing for them). */
export function mailboxAllowsFor(rule: {
  hash: unknown;
  recent: unknown;
  windowStart: unknown;
  max: unknown;
}) {
  const { hash, recent, windowStart, max } = rule;
  const logged = (after: unknown) =>
    sql`(select count(*) from newsletter_mail_log where mailbox_hash = ${hash} and sent_at > ${after})`;
  return sql<boolean>`${logged(recent)} = 0 and ${logged(windowStart)} < ${max}`;
}
