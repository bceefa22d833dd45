import { type Kysely, sql } from "kysely";
import { addMs, type Core } from "../core.server.js";
import type { Database } from "../db/schema.js";
import { errorMessage } from "../errors.js";
import { newConfirmationToken, unsubscribeToken } from "../tokens.server.js";
import { confirmationMail } from "./templates.js";

export interface PendingMail {
  subscriberId: string;
  email: string;
  firstName: string | null;
  /** The raw confirmation token; only its hash is in the database. */
  token: string;
}

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

export function confirmUrl(core: Core, token: string): string {
  const url = siteLink(core.settings.siteUrl, core.settings.paths.confirm);
  url.searchParams.set("token", token);
  return url.toString();
}

export function unsubscribeUrl(core: Core, subscriberId: string): string {
  const url = siteLink(core.settings.siteUrl, core.settings.paths.unsubscribe);
  url.searchParams.set("token", unsubscribeToken(core.settings.secret, subscriberId));
  return url.toString();
}

/** Store a new confirmation token for the subscriber's current consent; return the raw token. */
/**
 * Claims the right to send a pending subscriber a new confirmation mail: at most one per
 * `mailIntervalMs`, decided by a conditional update so it holds across instances. A new
 * request by the visitor starts the failure count afresh (mail_attempts counts consecutive
 * failures). Returns false when a mail went out too recently.
 */
export async function claimConfirmationMail(
  trx: Kysely<Database>,
  core: Core,
  subscriberId: string,
  now: Date,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const tooRecent = new Date(now.getTime() - core.settings.mailIntervalMs).toISOString();
  const res = await trx
    .updateTable("newsletter_subscribers")
    .set({
      last_mail_at: nowIso,
      mail_due_at: addMs(now, core.settings.mailLeaseMs),
      mail_attempts: 0,
      updated_at: nowIso,
    })
    .where("id", "=", subscriberId)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("last_mail_at", "is", null), eb("last_mail_at", "<=", tooRecent)]))
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

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

function backoffMs(core: Core, attempts: number): number {
  const { baseDelayMs, maxDelayMs } = core.settings.retry;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Send one confirmation mail and record the outcome. Never throws: a failed send leaves the
 * signup pending with the error recorded and a retry scheduled.
 */
export async function deliverConfirmation(core: Core, mail: PendingMail): Promise<boolean> {
  const { db } = core.handle;
  const link = confirmUrl(core, mail.token);
  const unsubscribe = unsubscribeUrl(core, mail.subscriberId);
  const content = confirmationMail({
    firstName: mail.firstName,
    confirmUrl: link,
    unsubscribeUrl: unsubscribe,
    expiresInHours: Math.round(core.settings.confirmationTtlMs / 3_600_000),
    siteName: core.settings.siteName,
  });
  let failure: string | null = null;
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
    failure = errorMessage(error).slice(0, 1000) || "unknown error";
  }
  const now = core.now();
  try {
    if (failure === null) {
      // mail_attempts counts consecutive failures only: a success starts the count afresh,
      // so a long-lived pending signup is never given up after one failure.
      await db
        .updateTable("newsletter_subscribers")
        .set({
          mail_sent_at: now.toISOString(),
          mail_last_error: null,
          mail_due_at: null,
          mail_attempts: 0,
        })
        .where("id", "=", mail.subscriberId)
        .execute();
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
    core.logger.error(`[newsletter] could not record mail outcome: ${errorMessage(error)}`);
  }
  return failure === null;
}
