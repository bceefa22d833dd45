import type { Kysely } from "kysely";
import type { Core } from "../core.server.js";
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
  const hash = mailboxHash(mailboxKey);
  const { perMailbox } = core.settings.rateLimits;
  const recent = new Date(now.getTime() - core.settings.mailIntervalMs).toISOString();
  const tooRecent = await trx
    .selectFrom("newsletter_mail_log")
    .select("sent_at")
    .where("mailbox_hash", "=", hash)
    .where("sent_at", ">", recent)
    .limit(1)
    .executeTakeFirst();
  if (tooRecent) return false;
  const inCapWindow = await trx
    .selectFrom("newsletter_mail_log")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("mailbox_hash", "=", hash)
    .where("sent_at", ">", new Date(now.getTime() - perMailbox.windowMs).toISOString())
    .executeTakeFirstOrThrow();
  if (Number(inCapWindow.n) >= perMailbox.max) return false;
  await trx
    .insertInto("newsletter_mail_log")
    .values({ mailbox_hash: hash, sent_at: now.toISOString() })
    .execute();
  return true;
}
