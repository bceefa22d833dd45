import { type Kysely, sql } from "kysely";
import { addMs, type Core } from "../core.server.js";
import type { Database } from "../db/schema.js";
import { errorMessage, redact, safeError } from "../errors.js";
import { mailboxHash, SITE_MAIL_BUCKET, takeSlot } from "../rate-limit.server.js";
import { newConfirmationToken, unsubscribeToken } from "../tokens.server.js";
import { confirmationMail } from "./templates.js";

export interface PendingMail {
  subscriberId: string;
  /** The address as the visitor typed it (the mailbox key only decides limits). */
  email: string;
  /** The raw confirmation token; only its hash is in the database. */
  token: string;
  /** The signup's place among its source address's requests (1 = first): see mail_rank. */
  rank: number;
}

const HOUR = 3_600_000;

/**
 * SITE_URL plus a path, keeping any path in SITE_URL: `new URL("/x", "https://a.nl/blog")`
 * would drop `/blog`, and a site served under a sub-path would get dead links.
 */
export function siteLink(siteUrl: string, path: string): URL {
  const base = new URL(siteUrl);
  base.pathname = `${base.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  base.search = "";
  base.hash = "";
  return base;
}

/**
 * Tokens travel in the path (`…/bevestigen/<token>`), not the query string: proxies and
 * analytics log query strings more often than paths, and the path form is what the app's
 * route matches. Both tokens are base64url, so they are path-safe as they are.
 */
function tokenLink(core: Core, base: string, token: string): string {
  const url = siteLink(core.settings.siteUrl, base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${token}`;
  return url.toString();
}

export function confirmUrl(core: Core, token: string): string {
  return tokenLink(core, core.settings.paths.confirm, token);
}

export function unsubscribeUrl(core: Core, subscriberId: string): string {
  return tokenLink(
    core,
    core.settings.paths.unsubscribe,
    unsubscribeToken(core.settings.secrets, subscriberId),
  );
}

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

/**
 * Mark the subscriber's confirmation mail as due (claimed) from now, with a fresh lease,
 * at the rank of the request that asked for it.
 */
export async function markMailDue(
  trx: Kysely<Database>,
  core: Core,
  subscriberId: string,
  now: Date,
  rank: number,
): Promise<void> {
  await trx
    .updateTable("newsletter_subscribers")
    .set({
      mail_rank: rank,
      last_mail_at: now.toISOString(),
      mail_due_at: addMs(now, core.settings.mailLeaseMs),
      mail_attempts: 0,
      mail_status: null,
      mail_last_error: null,
      updated_at: now.toISOString(),
    })
    .where("id", "=", subscriberId)
    .execute();
}

/** Store a new confirmation token for one consent record; return the raw token. */
export async function createConfirmationToken(
  trx: Kysely<Database>,
  core: Core,
  subscriberId: string,
  consentId: string,
  now: Date,
): Promise<string> {
  const { token, hash } = newConfirmationToken();
  await trx
    .insertInto("newsletter_confirmation_tokens")
    .values({
      token_hash: hash,
      subscriber_id: subscriberId,
      consent_id: consentId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + core.settings.confirmationTtlMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/**
 * How many of the hour's slots a mail of this rank may use. A first request from an
 * address (rank 1) may use the whole cap; later ones only the first half, so the other
 * half stays for first requests: a flood from a few addresses cannot spend the hour on
 * its own, and a visitor who signs up once still gets the mail right away.
 */
export function slotsForRank(cap: number, rank: number): number {
  return rank <= 1 ? cap : Math.ceil(cap / 2);
}

/**
 * One slot of the site-wide hourly cap on confirmation mails, within what the mail's rank
 * may use (slotsForRank). False when none is left: the mail then stays due and
 * `resend-pending` sends it in a later hour, lowest rank first.
 */
export async function takeSiteMailSlot(
  core: Core,
  now: Date,
  rank: number,
): Promise<{ allowed: boolean; windowEnd: Date }> {
  const cap = core.settings.maxConfirmationMailsPerHour;
  return takeSlot(core.handle.db, SITE_MAIL_BUCKET, slotsForRank(cap, rank), HOUR, now);
}

/** The start of the last cap window each newsletter warned about. */
const capWarnedFor = new WeakMap<Core, number>();

/**
 * Say once per hour (per instance), not once per signup, that the cap is holding mail back:
 * a flood would otherwise fill the log, and the owner should see it at all.
 */
export function warnCapHoldsMail(core: Core, windowEnd: Date): void {
  const window = windowEnd.getTime();
  if (capWarnedFor.get(core) === window) return;
  capWarnedFor.set(core, window);
  const cap = core.settings.maxConfirmationMailsPerHour;
  core.logger.warn(
    `[newsletter] the site-wide cap of ${cap} confirmation mails per hour (NEWSLETTER_MAX_MAILS_PER_HOUR) is holding mail back until ${windowEnd.toISOString()}; the signups are stored and resend-pending mails them later, a first signup from an address before repeated ones (half of the cap is kept for those). Many held back at once usually means a flood; if they are real visitors, raise the cap. Said once per hour.`,
  );
}

function backoffMs(core: Core, attempts: number): number {
  const { baseDelayMs, maxDelayMs } = core.settings.retry;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** A 5xx SMTP reply is a permanent rejection (RFC 5321): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const code = Number((error as { responseCode?: unknown } | null)?.responseCode);
  return Number.isInteger(code) && code >= 500 && code < 600;
}

/**
 * Send one confirmation mail and record the outcome. Never throws: a failed send leaves the
 * signup pending with the (redacted) error recorded and a retry scheduled; a permanent
 * rejection (5xx) marks it `failed-permanent`, never retried or requeued.
 */
export async function sendConfirmation(core: Core, mail: PendingMail): Promise<boolean> {
  const { db } = core.handle;
  const link = confirmUrl(core, mail.token);
  const unsubscribe = unsubscribeUrl(core, mail.subscriberId);
  const content = confirmationMail({
    confirmUrl: link,
    unsubscribeUrl: unsubscribe,
    expiresInHours: Math.round(core.settings.confirmationTtlMs / 3_600_000),
    siteName: core.settings.siteName,
  });
  let failure: string | null = null;
  let permanent = false;
  try {
    await core.transport.send({
      from: core.settings.mailFrom,
      replyTo: core.settings.replyTo,
      to: mail.email,
      ...content,
      headers: {
        "List-Unsubscribe": `<${unsubscribe}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      link,
    });
  } catch (error) {
    // SMTP errors quote the recipient: keep addresses, links and tokens out of the
    // database and the log.
    failure = redact(errorMessage(error).slice(0, 1000)) || "unknown error";
    permanent = isPermanent(error);
  }
  const now = core.now();
  try {
    if (failure === null) {
      // mail_attempts counts consecutive failures only: a success starts the count afresh.
      await db
        .updateTable("newsletter_subscribers")
        .set({
          mail_sent_at: now.toISOString(),
          mail_last_error: null,
          mail_status: null,
          mail_due_at: null,
          mail_attempts: 0,
        })
        .where("id", "=", mail.subscriberId)
        .execute();
    } else if (permanent) {
      await db
        .updateTable("newsletter_subscribers")
        .set({
          mail_last_error: failure,
          mail_status: "failed-permanent",
          mail_due_at: null,
          mail_attempts: sql<number>`mail_attempts + 1`,
        })
        .where("id", "=", mail.subscriberId)
        .execute();
      core.logger.warn(
        `[newsletter] confirmation mail to subscriber ${mail.subscriberId} was rejected permanently; not retried: ${failure}`,
      );
    } else {
      // Atomic increment: a retry on another instance cannot lose a count.
      const row = await db
        .updateTable("newsletter_subscribers")
        .set({ mail_attempts: sql<number>`mail_attempts + 1` })
        .where("id", "=", mail.subscriberId)
        .returning("mail_attempts")
        .executeTakeFirst();
      const attempts = Number(row?.mail_attempts ?? 1);
      const giveUp = attempts >= core.settings.retry.maxAttempts;
      await db
        .updateTable("newsletter_subscribers")
        .set({
          mail_last_error: failure,
          mail_due_at: giveUp
            ? null
            : new Date(now.getTime() + backoffMs(core, attempts)).toISOString(),
        })
        .where("id", "=", mail.subscriberId)
        .where("status", "=", "pending")
        .execute();
      core.logger.warn(
        `[newsletter] confirmation mail to subscriber ${mail.subscriberId} failed (attempt ${attempts}${giveUp ? ", giving up; `resend-pending --include-abandoned` requeues it" : ", will retry"}): ${failure}`,
      );
    }
  } catch (error) {
    // The mail state could not be written; the claim's lease makes it due again later.
    core.logger.error(`[newsletter] could not record mail outcome: ${safeError(error)}`);
  }
  return failure === null;
}

/**
 * After a signup or request-new has committed: take a slot of the site-wide hourly cap
 * for the mail's rank (none left → the mail waits, due at the next hour, for
 * resend-pending) and send. All of it
 * runs in the background (close() waits for it; if it fails or the process dies, the retry
 * schedule or the lease picks the mail up). The visitor's answer waits for none of it by
 * default, so its timing does not tell a new address (mailed) from a known one (not);
 * `firstSendWaitMs` > 0 waits at most that long.
 */
export async function deliverAfterCommit(core: Core, mail: PendingMail): Promise<void> {
  const delivery = (async () => {
    try {
      const slot = await takeSiteMailSlot(core, core.now(), mail.rank);
      if (!slot.allowed) {
        await core.handle.db
          .updateTable("newsletter_subscribers")
          .set({ mail_due_at: slot.windowEnd.toISOString() })
          .where("id", "=", mail.subscriberId)
          .where("status", "=", "pending")
          .execute();
        warnCapHoldsMail(core, slot.windowEnd);
        return;
      }
    } catch (error) {
      // Could not count: the signup is stored and its lease makes the mail due later.
      core.logger.error(`[newsletter] could not take a mail slot: ${safeError(error)}`);
      return;
    }
    await sendConfirmation(core, mail);
  })();
  core.inFlight.add(delivery);
  void delivery.finally(() => core.inFlight.delete(delivery));
  if (core.settings.firstSendWaitMs <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    delivery,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, core.settings.firstSendWaitMs);
    }),
  ]);
  clearTimeout(timer);
}
