import type { Core } from "./core.server.js";
import { inTransaction, lockSubscriber } from "./db/transaction.server.js";
import { safeError } from "./errors.js";
import { normaliseIp } from "./ip.js";
import { deliverAfterCommit } from "./mail/after-commit.server.js";
import { createConfirmationToken } from "./mail/confirmation-token.server.js";
import { claimMailbox } from "./mail/mailbox-limit.server.js";
import { cancel, enqueueSubscriberMail, subscriberColumns } from "./mail/queue.server.js";
import type { PendingMail } from "./mail/send.server.js";
import { messages } from "./messages.js";
import { limitIp, limitNetwork } from "./subscribe.server.js";
import { hashConfirmationToken } from "./tokens.server.js";
import { checkEmail, cleanText, LIMITS } from "./validation.js";

export interface RequestContext {
  ip?: string | null;
  userAgent?: string | null;
}

export interface ConfirmContext extends RequestContext {
  /**
   * The HTTP method of the request that confirms, kept with the consent proof. Confirm
   * only from a POST (a button on the page the mail link opens): mail link scanners
   * follow GET links, which would confirm addresses a bot typed in and record the
   * scanner's IP and user agent as the visitor's.
   */
  method?: "post" | "get";
}

export type ConfirmResult =
  | { status: "confirmed"; message: string }
  | { status: "already-confirmed"; message: string }
  /** Nothing changed; offer `requestNewConfirmation`. */
  | { status: "unknown" | "used" | "expired"; message: string; canRequestNew: true }
  | { status: "unavailable"; message: string };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Confirm a signup by the token from the confirmation mail. Call it from the POST of the
 * confirm page, never directly from the GET that the mail link makes (see ConfirmContext).
 *
 * A token confirms the consent record it was mailed for, never a later signup's. Once a
 * signup is confirmed, the subscriber's other never-confirmed signups (perhaps typed by
 * someone else: IP, user agent, text) are deleted with their tokens.
 */
export async function confirm(
  core: Core,
  token: unknown,
  context: ConfirmContext = {},
): Promise<ConfirmResult> {
  const unknown = {
    status: "unknown",
    message: messages.tokenUnknown,
    canRequestNew: true,
  } as const;
  if (typeof token !== "string" || token.length > 100 || !TOKEN_SHAPE.test(token.trim())) {
    return unknown;
  }
  const hash = hashConfirmationToken(token.trim());
  const now = core.now();
  const nowIso = now.toISOString();
  try {
    await core.ready();
    return await inTransaction(core.handle, async (trx): Promise<ConfirmResult> => {
      const found = await trx
        .selectFrom("newsletter_confirmation_tokens")
        .select("subscriber_id")
        .where("token_hash", "=", hash)
        .executeTakeFirst();
      if (!found) return unknown;
      // Lock the subscriber first, then read the token (a confirmation of another link or
      // a prune of this subscriber waits for us).
      const sub = await lockSubscriber(core.handle, trx, found.subscriber_id);
      const row = await trx
        .selectFrom("newsletter_confirmation_tokens")
        .selectAll()
        .where("token_hash", "=", hash)
        .executeTakeFirst();
      if (!sub || !row) return unknown;
      if (sub.status === "confirmed" && sub.consent_id === row.consent_id) {
        return { status: "already-confirmed", message: messages.alreadyConfirmed };
      }
      if (row.used_at) return { status: "used", message: messages.tokenUsed, canRequestNew: true };
      if (row.expires_at <= nowIso || sub.status !== "pending") {
        return { status: "expired", message: messages.tokenExpired, canRequestNew: true };
      }
      const used = await trx
        .updateTable("newsletter_confirmation_tokens")
        .set({ used_at: nowIso })
        .where("token_hash", "=", hash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (used.numUpdatedRows !== 1n) {
        return { status: "used", message: messages.tokenUsed, canRequestNew: true };
      }
      const signup = await trx
        .selectFrom("newsletter_consents")
        .select(["email", "first_name"])
        .where("id", "=", row.consent_id)
        .executeTakeFirstOrThrow();
      const updated = await trx
        .updateTable("newsletter_subscribers")
        .set({
          status: "confirmed",
          consent_id: row.consent_id,
          email: signup.email,
          first_name: signup.first_name,
          updated_at: nowIso,
          ...subscriberColumns(cancel()),
        })
        .where("id", "=", sub.id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) {
        // Another link of the same subscriber won the race; report it plainly.
        throw new AlreadyConfirmed();
      }
      await trx
        .updateTable("newsletter_consents")
        .set({
          confirmed_at: nowIso,
          confirm_ip: normaliseIp(context.ip),
          confirm_user_agent: cleanText(context.userAgent, LIMITS.userAgent),
          confirm_method:
            context.method === "post" || context.method === "get" ? context.method : null,
        })
        .where("id", "=", row.consent_id)
        .execute();
      // Signups of this address nobody confirmed: personal data (IP, user agent) nobody
      // agreed to keep, possibly someone else's. Gone now that the owner has confirmed.
      const stale = trx
        .selectFrom("newsletter_consents")
        .select("id")
        .where("subscriber_id", "=", sub.id)
        .where("confirmed_at", "is", null);
      // Their links now read "already confirmed" (marked used: they confirm nothing).
      await trx
        .updateTable("newsletter_confirmation_tokens")
        .set({ consent_id: row.consent_id, used_at: nowIso })
        .where("subscriber_id", "=", sub.id)
        .where("consent_id", "in", stale)
        .execute();
      await trx
        .deleteFrom("newsletter_consents")
        .where("subscriber_id", "=", sub.id)
        .where("confirmed_at", "is", null)
        .execute();
      return { status: "confirmed", message: messages.confirmed };
    });
  } catch (error) {
    if (error instanceof AlreadyConfirmed) {
      return { status: "already-confirmed", message: messages.alreadyConfirmed };
    }
    core.logger.error(`[newsletter] confirm failed, nothing changed: ${safeError(error)}`);
    return { status: "unavailable", message: messages.unavailable };
  }
}

class AlreadyConfirmed extends Error {}

export type ConfirmationDetails =
  /**
   * The signup this link confirms, for the confirm page to show, so that a person can see
   * that it is theirs (anyone can sign up any address; every signup gets its own mail).
   */
  | { status: "pending"; signedUpAt: Date; firstName: string | null }
  | { status: "already-confirmed" | "unknown" | "used" | "expired" | "unavailable" };

/**
 * What a confirmation token would confirm, read only: the GET of the confirm page shows it
 * next to the button and changes nothing (mail scanners open every link).
 */
export async function describeConfirmation(
  core: Core,
  token: unknown,
): Promise<ConfirmationDetails> {
  if (typeof token !== "string" || token.length > 100 || !TOKEN_SHAPE.test(token.trim())) {
    return { status: "unknown" };
  }
  const nowIso = core.now().toISOString();
  try {
    await core.ready();
    const row = await core.handle.db
      .selectFrom("newsletter_confirmation_tokens as t")
      .innerJoin("newsletter_subscribers as s", "s.id", "t.subscriber_id")
      .innerJoin("newsletter_consents as c", "c.id", "t.consent_id")
      .select([
        "t.used_at",
        "t.expires_at",
        "t.consent_id",
        "s.status",
        "s.consent_id as current",
        "c.signup_at",
        "c.first_name",
      ])
      .where("t.token_hash", "=", hashConfirmationToken(token.trim()))
      .executeTakeFirst();
    if (!row) return { status: "unknown" };
    if (row.status === "confirmed" && row.current === row.consent_id) {
      return { status: "already-confirmed" };
    }
    if (row.used_at) return { status: "used" };
    if (row.expires_at <= nowIso || row.status !== "pending") return { status: "expired" };
    return { status: "pending", signedUpAt: new Date(row.signup_at), firstName: row.first_name };
  } catch (error) {
    core.logger.error(`[newsletter] reading a confirmation link failed: ${safeError(error)}`);
    return { status: "unavailable" };
  }
}

export type RequestNewConfirmationResult =
  | { status: "ok"; message: string }
  | { status: "invalid"; fieldErrors: { email: string }; values: { email: string } }
  | { status: "rate-limited"; message: string; retryAfterSeconds: number }
  | { status: "unavailable"; message: string };

/**
 * "Send me a new confirmation mail." Answers the same whether or not the address is known,
 * so that nobody can find out who subscribed. It needs no form token, so it can never
 * spend more than the mailbox's own mail budget: only a request that sends a mail counts,
 * and its per-IP limit is a bucket of its own (it cannot block signups).
 */
export async function requestNewConfirmation(
  core: Core,
  email: unknown,
  context: RequestContext = {},
): Promise<RequestNewConfirmationResult> {
  const value = typeof email === "string" ? email : "";
  const checked = checkEmail(value);
  if (!checked.ok) {
    return {
      status: "invalid",
      fieldErrors: { email: checked.message },
      values: { email: Array.from(value.slice(0, 600)).slice(0, 300).join("") },
    };
  }
  const now = core.now();
  let pending: PendingMail | null = null;
  try {
    await core.ready();
    const ip = normaliseIp(context.ip);
    const limit = await limitIp(
      core,
      "request-new",
      ip,
      core.settings.rateLimits.requestNewPerIp,
      now,
    );
    if ("status" in limit) return limit;
    const network = await limitNetwork(core, "request-new", ip, now);
    if (network) return network;
    pending = await claimNewMail(core, checked.key, now, limit.rank);
  } catch (error) {
    core.logger.error(`[newsletter] requestNewConfirmation failed: ${safeError(error)}`);
    return { status: "unavailable", message: messages.unavailable };
  }
  if (pending) await deliverAfterCommit(core, pending);
  return { status: "ok", message: messages.newConfirmationRequested };
}

/** A new mail for a pending subscriber's current signup, within the mailbox's budget. */
async function claimNewMail(
  core: Core,
  emailKey: string,
  now: Date,
  rank: number,
): Promise<PendingMail | null> {
  return inTransaction(core.handle, async (trx) => {
    const found = await trx
      .selectFrom("newsletter_subscribers")
      .select("id")
      .where("email_key", "=", emailKey)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (!found) return null;
    const sub = await lockSubscriber(core.handle, trx, found.id);
    if (sub?.status !== "pending") return null;
    if (!(await claimMailbox(trx, core, emailKey, now))) return null;
    await enqueueSubscriberMail(trx, sub.id, now, core.settings.mailLeaseMs, rank);
    const token = await createConfirmationToken(trx, core, sub.id, sub.consent_id, now);
    return { subscriberId: sub.id, email: sub.email, token, rank };
  });
}
