import type { Core } from "../core.server.js";
import { perTurn } from "../db/per-turn.server.js";
import { groupedWrite } from "../db/transaction.server.js";
import { errorMessage, redact, safeError } from "../errors.js";
import { unsubscribeToken } from "../tokens.server.js";
import { confirmUrl, unsubscribeUrlOf } from "./links.server.js";
import {
  recordSubscriberMailFailed,
  recordSubscriberMailRejected,
  recordSubscriberMailSent,
  recordSubscriberMailsSentPostgres,
} from "./queue.server.js";
import { confirmationMail } from "./templates.js";

/** A confirmation mail claimed for sending. */
export interface PendingMail {
  subscriberId: string;
  /** The address as the visitor typed it (the mailbox key only decides limits). */
  email: string;
  /** The raw confirmation token; only its hash is in the database. */
  token: string;
  /** The signup's place among its source address's requests (1 = first): see mail_rank. */
  rank: number;
}

/** A 5xx SMTP reply is a permanent rejection (RFC 5321): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const code = Number((error as { responseCode?: unknown } | null)?.responseCode);
  return Number.isInteger(code) && code >= 500 && code < 600;
}

/**
 * Send one confirmation mail and record the outcome in the queue. Never throws: a failed
 * send leaves the signup pending with the (redacted) error recorded and a retry scheduled;
 * a permanent rejection (5xx) marks it rejected, never retried or requeued.
 */
export async function sendConfirmation(core: Core, mail: PendingMail): Promise<boolean> {
  const { db } = core.handle;
  const link = confirmUrl(core, mail.token);
  const unsubscribeKey = unsubscribeToken(core.settings.secrets, mail.subscriberId);
  const unsubscribe = unsubscribeUrlOf(core, unsubscribeKey);
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
      // Every confirmation mail is the same but for these (and the address).
      perRecipient: [mail.token, unsubscribeKey],
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
      if (core.handle.dialect === "postgres") {
        await recordSentPostgres(core, { subscriberId: mail.subscriberId, now });
      } else {
        await groupedWrite(core.handle, (db) =>
          recordSubscriberMailSent(db, mail.subscriberId, now),
        );
      }
    } else if (permanent) {
      await recordSubscriberMailRejected(db, mail.subscriberId, failure);
      core.logger.warn(
        `[newsletter] confirmation mail to subscriber ${mail.subscriberId} was rejected permanently; not retried: ${failure}`,
      );
    } else {
      const { attempts, gaveUp } = await recordSubscriberMailFailed(
        db,
        mail.subscriberId,
        failure,
        now,
        core.settings.retry,
      );
      core.logger.warn(
        `[newsletter] confirmation mail to subscriber ${mail.subscriberId} failed (attempt ${attempts}${gaveUp ? ", giving up; `resend-pending --include-abandoned` requeues it" : ", will retry"}): ${failure}`,
      );
    }
  } catch (error) {
    // The mail state could not be written; the claim's lease makes it due again later.
    core.logger.error(`[newsletter] could not record mail outcome: ${safeError(error)}`);
  }
  return failure === null;
}

/**
 * On PostgreSQL the mails whose sends ended in the same turn of the event loop are recorded
 * in one statement (on SQLite each joins the group commit).
 */
const recordSentPostgres = perTurn(
  async (core: Core, mails: { subscriberId: string; now: Date }[]) => {
    await recordSubscriberMailsSentPostgres(core.handle.db, mails);
    return mails.map(() => undefined);
  },
);
