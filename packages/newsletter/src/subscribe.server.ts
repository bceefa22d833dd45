import type { Core } from "./core.server.js";
import { addMs } from "./core.server.js";
import { inTransaction, lockSubscriber } from "./db/transaction.server.js";
import { errorMessage } from "./errors.js";
import {
  claimConfirmationMail,
  createConfirmationToken,
  deliverConfirmation,
  type PendingMail,
} from "./mail/deliver.server.js";
import { messages } from "./messages.js";
import { emailBucket, hit, ipBucket, NO_IP_BUCKET } from "./rate-limit.server.js";
import { newId, sha256Hex, verifyFormToken } from "./tokens.server.js";
import {
  cleanText,
  type FieldErrors,
  type FormInput,
  type FormValues,
  LIMITS,
  type ParsedSignup,
  parseSignup,
} from "./validation.js";

/** What the app knows about the request, beyond the posted fields. */
export interface SubscribeContext {
  /** The exact consent text shown next to the checkbox. Stored with its SHA-256 hash. */
  consentText: string;
  /** Optional version label of that text, e.g. "2026-11". */
  consentVersion?: string;
  /** Where the form was: a site path or a campaign slug. Overrides the posted `source`. */
  source?: string;
  ip?: string | null;
  userAgent?: string | null;
}

export type SubscribeResult =
  /** Accepted (or silently dropped as a bot): tell the visitor to check their mailbox. */
  | { status: "ok"; message: string }
  | { status: "invalid"; fieldErrors: FieldErrors; values: FormValues }
  | { status: "rate-limited"; message: string; retryAfterSeconds: number }
  /** Storage failed; nothing was stored. */
  | { status: "unavailable"; message: string };

const OK = { status: "ok", message: messages.checkMailbox } as const;

export async function subscribe(
  core: Core,
  input: FormInput,
  context: SubscribeContext,
): Promise<SubscribeResult> {
  if (typeof context?.consentText !== "string" || context.consentText.trim() === "") {
    throw new TypeError(
      "subscribe(): context.consentText is required (the text the visitor agreed to)",
    );
  }
  const parsed = parseSignup(input);
  if (parsed.kind === "bot") {
    core.logger.info(`[newsletter] dropped a signup as a bot (${parsed.reason})`);
    return OK;
  }
  if (parsed.kind === "invalid") {
    return { status: "invalid", fieldErrors: parsed.fieldErrors, values: parsed.values };
  }
  const now = core.now();
  const check = verifyFormToken(
    core.settings.secret,
    parsed.formToken,
    now,
    {
      minAgeMs: core.settings.minFormAgeMs,
      maxAgeMs: core.settings.maxFormAgeMs,
      clockSkewMs: core.settings.formClockSkewMs,
    },
    context.userAgent,
  );
  if (!check.ok) {
    if (check.reason === "expired") {
      return {
        status: "invalid",
        fieldErrors: { form: messages.formExpired },
        values: parsed.values,
      };
    }
    core.logger.info(`[newsletter] dropped a signup as a bot (form token ${check.reason})`);
    return OK;
  }

  let pending: PendingMail | null;
  try {
    await core.ready();
    const limited = await checkLimits(core, parsed.data.emailKey, context.ip ?? null, now);
    if (limited) return limited;
    pending = await storeSignup(core, parsed.data, context, now, check);
  } catch (error) {
    core.logger.error(`[newsletter] subscribe failed, nothing stored: ${errorMessage(error)}`);
    return { status: "unavailable", message: messages.unavailable };
  }
  if (pending) await deliverConfirmation(core, pending);
  return OK;
}

const warnedNoIp = new WeakSet<Core>();
function warnNoIp(core: Core): void {
  if (warnedNoIp.has(core)) return;
  warnedNoIp.add(core);
  core.logger.warn(
    "[newsletter] a request came without context.ip; all such requests share one strict rate limit (rateLimits.withoutIp). Pass the client IP (see README).",
  );
}

export async function checkLimits(
  core: Core,
  emailKey: string,
  ip: string | null,
  now: Date,
): Promise<{ status: "rate-limited"; message: string; retryAfterSeconds: number } | null> {
  const { db } = core.handle;
  const rules = core.settings.rateLimits;
  const knownIp = ip?.trim() ? ip : null;
  if (!knownIp) warnNoIp(core);
  const r0 = knownIp
    ? await hit(db, ipBucket(knownIp), rules.perIp, now)
    : await hit(db, NO_IP_BUCKET, rules.withoutIp, now);
  if (!r0.allowed) {
    return {
      status: "rate-limited",
      message: messages.rateLimited,
      retryAfterSeconds: r0.retryAfterSeconds,
    };
  }
  const r = await hit(db, emailBucket(emailKey), rules.perEmail, now);
  if (!r.allowed) {
    return {
      status: "rate-limited",
      message: messages.rateLimited,
      retryAfterSeconds: r.retryAfterSeconds,
    };
  }
  return null;
}

/**
 * One transaction: a unique key on the address plus conditional updates decide, in the
 * database, which request creates the subscriber and which may send a mail. That holds
 * across processes and app instances, not just within one.
 */
async function storeSignup(
  core: Core,
  data: ParsedSignup,
  context: SubscribeContext,
  now: Date,
  formToken: { key: string; issuedAt: Date },
): Promise<PendingMail | null> {
  const nowIso = now.toISOString();
  const lease = addMs(now, core.settings.mailLeaseMs);
  const consentText = context.consentText;
  const consent = (subscriberId: string, consentId: string) => ({
    id: consentId,
    subscriber_id: subscriberId,
    email: data.email,
    consent_text: consentText,
    consent_version: cleanText(context.consentVersion, 100),
    consent_hash: sha256Hex(consentText),
    source: cleanText(context.source, LIMITS.source) ?? data.source,
    utm_source: data.utm.utm_source,
    utm_medium: data.utm.utm_medium,
    utm_campaign: data.utm.utm_campaign,
    utm_term: data.utm.utm_term,
    utm_content: data.utm.utm_content,
    signup_at: nowIso,
    signup_ip: cleanText(context.ip, LIMITS.ip),
    signup_user_agent: cleanText(context.userAgent, LIMITS.userAgent),
    confirmed_at: null,
    confirm_ip: null,
    confirm_user_agent: null,
    confirm_method: null,
    unsubscribed_at: null,
    unsubscribe_ip: null,
    unsubscribe_user_agent: null,
    unsubscribe_method: null,
  });

  return inTransaction(core.handle, async (trx) => {
    // Each form token stores one signup. The marker lives in the rate-limit table (pruned
    // with it, long after the token's maximum age) and is written in this transaction, so
    // a signup that fails leaves the token usable for the visitor's retry.
    const fresh = await trx
      .insertInto("newsletter_rate_limits")
      .values({
        bucket: `form:${formToken.key}`,
        window_start: formToken.issuedAt.toISOString(),
        hits: 1,
      })
      .onConflict((oc) => oc.columns(["bucket", "window_start"]).doNothing())
      .returning("hits")
      .executeTakeFirst();
    if (!fresh) {
      core.logger.info("[newsletter] dropped a signup as a bot (form token used before)");
      return null;
    }
    const id = newId();
    const consentId = newId();
    const inserted = await trx
      .insertInto("newsletter_subscribers")
      .values({
        id,
        email_key: data.emailKey,
        email: data.email,
        first_name: data.firstName,
        status: "pending",
        consent_id: consentId,
        created_at: nowIso,
        updated_at: nowIso,
        last_mail_at: nowIso,
        mail_due_at: lease,
        mail_last_error: null,
        mail_sent_at: null,
      })
      .onConflict((oc) => oc.column("email_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) {
      await trx.insertInto("newsletter_consents").values(consent(id, consentId)).execute();
      const token = await createConfirmationToken(trx, core, id, consentId, now);
      return { subscriberId: id, email: data.email, firstName: data.firstName, token };
    }

    const existing = await trx
      .selectFrom("newsletter_subscribers")
      .select(["id", "status", "consent_id", "email", "first_name"])
      .where("email_key", "=", data.emailKey)
      .executeTakeFirstOrThrow();

    if (existing.status === "unsubscribed") {
      // Coming back after unsubscribing: a new subscription episode with its own consent.
      const res = await trx
        .updateTable("newsletter_subscribers")
        .set({
          status: "pending",
          consent_id: consentId,
          email: data.email,
          first_name: data.firstName,
          updated_at: nowIso,
          last_mail_at: nowIso,
          mail_due_at: lease,
          mail_attempts: 0,
          mail_last_error: null,
        })
        .where("id", "=", existing.id)
        .where("status", "=", "unsubscribed")
        .executeTakeFirst();
      if (res.numUpdatedRows !== 1n) return null;
      await trx.insertInto("newsletter_consents").values(consent(existing.id, consentId)).execute();
      const token = await createConfirmationToken(trx, core, existing.id, consentId, now);
      return { subscriberId: existing.id, email: data.email, firstName: data.firstName, token };
    }

    if (existing.status === "pending") {
      // Signed up again before confirming. The new signup is what the visitor agreed to
      // now (text, source, UTM, IP, user agent), so it gets its own consent record and
      // becomes the current one; the row lock keeps concurrent re-signups and a
      // confirmation of this subscriber from interleaving.
      const current = await lockSubscriber(core.handle, trx, existing.id);
      if (current?.status !== "pending") return null;
      await trx.insertInto("newsletter_consents").values(consent(existing.id, consentId)).execute();
      await trx
        .updateTable("newsletter_subscribers")
        .set({ consent_id: consentId, updated_at: nowIso })
        .where("id", "=", existing.id)
        .execute();
      // Links already mailed for this pending signup keep working (the visitor may click
      // the first mail); they now confirm the latest consent.
      await trx
        .updateTable("newsletter_confirmation_tokens")
        .set({ consent_id: consentId })
        .where("subscriber_id", "=", existing.id)
        .where("consent_id", "=", current.consent_id)
        .where("used_at", "is", null)
        .execute();
      if (!(await claimConfirmationMail(trx, core, existing.id, now))) return null;
      const token = await createConfirmationToken(trx, core, existing.id, consentId, now);
      return {
        subscriberId: existing.id,
        email: current.email,
        firstName: current.first_name,
        token,
      };
    }
    // Already confirmed: nothing to do, and the same answer so addresses cannot be probed.
    return null;
  });
}
