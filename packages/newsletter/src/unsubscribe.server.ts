import type { Core } from "./core.server.js";
import { inTransaction } from "./db/transaction.server.js";
import { safeError } from "./errors.js";
import { normaliseIp } from "./ip.js";
import { cancel, subscriberColumns } from "./mail/queue.server.js";
import { messages } from "./messages.js";
import { parseUnsubscribeToken, verifyUnsubscribeToken } from "./tokens.server.js";
import { cleanText, LIMITS } from "./validation.js";

export interface UnsubscribeContext {
  ip?: string | null;
  userAgent?: string | null;
  /** How it happened, kept with the consent record. Default "link". */
  method?: "one-click" | "link" | "owner";
}

export type UnsubscribeResult =
  | { status: "unsubscribed"; message: string }
  | { status: "invalid"; message: string }
  | { status: "unavailable"; message: string };

/**
 * Unsubscribe by the token from a mail's link. Idempotent. Call it only from a POST: a GET
 * must show a button, because link scanners and prefetchers follow GET links.
 */
export async function unsubscribe(
  core: Core,
  token: unknown,
  context: UnsubscribeContext = {},
): Promise<UnsubscribeResult> {
  const id =
    typeof token === "string" ? verifyUnsubscribeToken(core.settings.secrets, token) : null;
  if (!id) {
    if (typeof token === "string") await warnOnForeignSignature(core, token);
    return { status: "invalid", message: messages.unsubscribeInvalid };
  }
  const nowIso = core.now().toISOString();
  try {
    await core.ready();
    await inTransaction(core.handle, async (trx) => {
      const sub = await trx
        .selectFrom("newsletter_subscribers")
        .select(["id", "consent_id"])
        .where("id", "=", id)
        .where("status", "!=", "unsubscribed")
        .executeTakeFirst();
      if (!sub) return;
      const res = await trx
        .updateTable("newsletter_subscribers")
        .set({ status: "unsubscribed", updated_at: nowIso, ...subscriberColumns(cancel()) })
        .where("id", "=", sub.id)
        .where("status", "!=", "unsubscribed")
        .executeTakeFirst();
      if (res.numUpdatedRows !== 1n) return;
      // Confirmation links already mailed must not put the address back on the list.
      await trx
        .updateTable("newsletter_confirmation_tokens")
        .set({ expires_at: nowIso })
        .where("subscriber_id", "=", sub.id)
        .where("used_at", "is", null)
        .where("expires_at", ">", nowIso)
        .execute();
      await trx
        .updateTable("newsletter_consents")
        .set({
          unsubscribed_at: nowIso,
          unsubscribe_ip: normaliseIp(context.ip),
          unsubscribe_user_agent: cleanText(context.userAgent, LIMITS.userAgent),
          unsubscribe_method: context.method ?? "link",
        })
        .where("id", "=", sub.consent_id)
        .execute();
    });
  } catch (error) {
    core.logger.error(`[newsletter] unsubscribe failed, nothing changed: ${safeError(error)}`);
    return { status: "unavailable", message: messages.unavailable };
  }
  return { status: "unsubscribed", message: messages.unsubscribed };
}

/**
 * A well-formed link for a subscriber who exists, signed with a secret this instance does not
 * know: almost always two apps (site and landing) with different NEWSLETTER_SECRETs, which
 * breaks every unsubscribe link the other one mailed. The visitor's answer stays "invalid";
 * the operator is told why.
 */
const foreignSignatureLogged = new WeakMap<Core, number>();

async function warnOnForeignSignature(core: Core, token: string): Promise<void> {
  const parsed = parseUnsubscribeToken(token);
  if (!parsed) return;
  try {
    await core.ready();
    const known = await core.handle.db
      .selectFrom("newsletter_subscribers")
      .select("id")
      .where("id", "=", parsed.subscriberId)
      .executeTakeFirst();
    const last = foreignSignatureLogged.get(core) ?? Number.NEGATIVE_INFINITY;
    if (known && Date.now() - last > 10 * 60_000) {
      // At most once per 10 minutes: anyone knows their own subscriber id and can forge
      // such links at will; the log must not become a flood.
      foreignSignatureLogged.set(core, Date.now());
      core.logger.error(
        "[newsletter] an unsubscribe link of an existing subscriber failed its signature check: do all apps share one NEWSLETTER_SECRET (old secrets after a comma)?",
      );
    }
  } catch {
    // Only a diagnosis: the answer is "invalid" either way.
  }
}
