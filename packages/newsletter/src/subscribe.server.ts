import { type Kysely, sql } from "kysely";
import { startAnswer } from "./answer-time.server.js";
import { addMs, type Core } from "./core.server.js";
import { prepared } from "./db/prepared.server.js";
import type { ConsentsTable, Database, SubscribersTable } from "./db/schema.js";
import { inGroupCommit, inTransaction, lockSubscriber } from "./db/transaction.server.js";
import { safeError } from "./errors.js";
import { ipBucket, networkBucket, normaliseIp } from "./ip.js";
import { deliverAfterCommit } from "./mail/after-commit.server.js";
import { createConfirmationToken } from "./mail/confirmation-token.server.js";
import { claimMailbox, mailboxAllowsFor, mailboxRule } from "./mail/mailbox-limit.server.js";
import { enqueue, enqueueSubscriberMail, subscriberColumns } from "./mail/queue.server.js";
import type { PendingMail } from "./mail/send.server.js";
import { messages } from "./messages.js";
import { fixedWindow, hit, type RateLimitRule } from "./rate-limit.server.js";
import {
  issueFormToken,
  newConfirmationToken,
  newId,
  sha256Hex,
  verifyFormToken,
} from "./tokens.server.js";
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
  /** The client address; normalised with normaliseIp (anything else counts as missing). */
  ip?: string | null;
  userAgent?: string | null;
}

export type SubscribeResult =
  /** Accepted (or silently dropped as a bot by the honeypot): "check your mailbox". */
  | { status: "ok"; message: string }
  | { status: "invalid"; fieldErrors: FieldErrors; values: FormValues }
  /**
   * The form token was missing, expired, malformed or not ours; nothing stored. Show the
   * form again with `values`, this fresh `formToken` and `message` ("Nog één stap: …").
   */
  | { status: "retry"; message: string; values: FormValues; formToken: string }
  | { status: "rate-limited"; message: string; retryAfterSeconds: number }
  /** Storage failed; nothing was stored. */
  | { status: "unavailable"; message: string };

const OK = { status: "ok", message: messages.checkMailbox } as const;

export type RateLimited = { status: "rate-limited"; message: string; retryAfterSeconds: number };

const warnedNoIp = new WeakSet<Core>();
function warnNoIp(core: Core): void {
  if (warnedNoIp.has(core)) return;
  warnedNoIp.add(core);
  core.logger.warn(
    "[newsletter] configuration: a request came without a usable client IP (context.ip missing or not one address); the per-IP and per-network limits are skipped for such requests, the per-mailbox caps and the site-wide mail cap still apply. Configure the app's trusted proxy hops or socket address (see README).",
  );
}

// Hashed: the rate-limit table keeps no client address in the clear.
const ipBucketKey = (route: string, ip: string) => `${route}:${sha256Hex(ipBucket(ip))}`;
const networkBucketKey = (route: string, ip: string) =>
  `${route}-net:${sha256Hex(networkBucket(ip))}`;

/**
 * The per-IP limit of one route (signup and request-new have separate buckets) and, within
 * it, the request's rank: how many requests its address has made in this window (1 for
 * the first), which decides its place under the site-wide mail cap. A request without a
 * usable IP skips this and the per-network limit — one shared bucket would let 20 requests
 * block the whole site — has rank 1, and is still held by the mailbox caps and the
 * site-wide mail cap.
 */
export async function limitIp(
  core: Core,
  route: "signup" | "request-new",
  ip: string | null,
  rule: RateLimitRule,
  now: Date,
  db: Kysely<Database> = core.handle.db,
): Promise<RateLimited | { rank: number }> {
  if (!ip) {
    warnNoIp(core);
    return { rank: 1 };
  }
  const own = await hit(db, ipBucketKey(route, ip), rule, now);
  if (!own.allowed) return rateLimited(own.retryAfterSeconds);
  return { rank: own.hits };
}

/**
 * The per-network limit of one route (IPv4 /24, IPv6 /48). Call it only for a request
 * within its own per-IP limit: one address's excess must not spend its neighbours'
 * allowance.
 */
export async function limitNetwork(
  core: Core,
  route: "signup" | "request-new",
  ip: string | null,
  now: Date,
  db: Kysely<Database> = core.handle.db,
): Promise<RateLimited | null> {
  if (!ip) return null;
  const network = await hit(
    db,
    networkBucketKey(route, ip),
    core.settings.rateLimits.perNetwork,
    now,
  );
  return network.allowed ? null : rateLimited(network.retryAfterSeconds);
}

/** The consent text's hash: the same text (and hash) for every signup on a page. */
let lastConsent: { text: string; hash: string } | undefined;
function consentHash(text: string): string {
  if (lastConsent?.text !== text) lastConsent = { text, hash: sha256Hex(text) };
  return lastConsent.hash;
}

/** Thrown to roll a signup back when its network is over the limit. */
class NetworkLimited extends Error {
  constructor(readonly result: RateLimited) {
    super("network over its limit");
  }
}

function rateLimited(retryAfterSeconds: number): RateLimited {
  return { status: "rate-limited", message: messages.rateLimited, retryAfterSeconds };
}

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
  const { settings } = core;
  const check = verifyFormToken(settings.secrets, parsed.formToken, now, {
    maxAgeMs: settings.maxFormAgeMs,
    clockSkewMs: settings.formClockSkewMs,
  });
  if (!check.ok) {
    // A person can cause every one of these (an old tab, a stripped field): never "ok"
    // with nothing stored. One more press with the fresh token stores the signup.
    core.logger.info(`[newsletter] asked to submit again (form token ${check.reason})`);
    return {
      status: "retry",
      message: messages.retry,
      values: parsed.values,
      formToken: issueFormToken(settings.secrets, now, settings.formTokenBucketMs),
    };
  }

  const ip = normaliseIp(context.ip);
  let stored: PendingMail | RateLimited | null;
  let answer: ReturnType<typeof startAnswer>;
  try {
    await core.ready();
    // Timed from here: the work before is the same on every path, and the first call's
    // migrations must not set the floor.
    answer = startAnswer(core);
    stored = await storeSignup(core, parsed.data, context, ip, now);
  } catch (error) {
    core.logger.error(`[newsletter] subscribe failed, nothing stored: ${safeError(error)}`);
    return { status: "unavailable", message: messages.unavailable };
  }
  if (stored && "status" in stored) return stored;
  // New address, pending, confirmed or over its mailbox's budget: one answer, in one time.
  // The mail's work starts after it (deliverAfterCommit), unless firstSendWaitMs asks to wait.
  await answer.hold();
  if (stored) await deliverAfterCommit(core, stored);
  return OK;
}

/**
 * One transaction: a unique key on the mailbox plus the subscriber's row lock decide, in
 * the database, which request creates the subscriber and which may send a mail. That holds
 * across processes and app instances, not just within one.
 *
 * A signup is stored (with its own consent record and its own token) only when it gets a
 * confirmation mail: the mailbox's interval and 3-in-30-days cap decide. A signup that may
 * not send stores nothing — the earlier mail's link still confirms the earlier signup — so
 * a flood of signups for one inbox leaves at most three records behind.
 *
 * The per-IP hit is the transaction's first write (one commit, one fsync with
 * synchronous=FULL, instead of two); a rate-limited request commits only that hit.
 */
async function storeSignup(
  core: Core,
  data: ParsedSignup,
  context: SubscribeContext,
  ip: string | null,
  now: Date,
): Promise<PendingMail | RateLimited | null> {
  const nowIso = now.toISOString();
  const consentText = context.consentText;
  const consent = (subscriberId: string, consentId: string) => ({
    id: consentId,
    subscriber_id: subscriberId,
    email: data.email,
    first_name: data.firstName,
    consent_text: consentText,
    consent_version: cleanText(context.consentVersion, 100),
    consent_hash: consentHash(consentText),
    source: cleanText(context.source, LIMITS.source) ?? data.source,
    utm_source: data.utm.utm_source,
    utm_medium: data.utm.utm_medium,
    utm_campaign: data.utm.utm_campaign,
    utm_term: data.utm.utm_term,
    utm_content: data.utm.utm_content,
    signup_at: nowIso,
    signup_ip: ip,
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

  if (core.handle.dialect === "postgres") return storeSignupPostgres();
  try {
    // Group commit on SQLite: concurrent signups share one commit, each answered after it.
    return await inGroupCommit(core.handle, async (trx) => {
      const limit = await limitIp(core, "signup", ip, core.settings.rateLimits.perIp, now, trx);
      if ("status" in limit) return limit;
      const stored = await storeWithin(trx, limit.rank);
      // The network's counter last: on PostgreSQL its row stays locked until the commit, and
      // every signup from the network waits for that lock. Over the limit, the whole signup
      // (and its per-IP hit) is rolled back.
      const network = await limitNetwork(core, "signup", ip, now, trx);
      if (network) throw new NetworkLimited(network);
      return stored;
    });
  } catch (error) {
    if (error instanceof NetworkLimited) return error.result;
    throw error;
  }

  async function storeWithin(trx: Kysely<Database>, rank: number): Promise<PendingMail | null> {
    const consentId = newId();
    const stored = await storeNew(trx, newId(), consentId, rank);
    if (stored !== "exists") return stored;
    return storeExisting(trx, consentId, rank);
  }

  /**
   * PostgreSQL: the per-IP hit, the per-network hit and a new address's subscriber row,
   * mail log entry, consent record and token in one statement, committed on its own (no
   * BEGIN and COMMIT round trips): one round trip instead of five. Each step writes only
   * if the one before allowed it (pgSignup). Rare outcomes take a second statement: over
   * the network's limit, both hits are taken back (as the rolled-back transaction did);
   * a known address goes on in a transaction of its own (storeExisting).
   */
  async function storeSignupPostgres(): Promise<PendingMail | RateLimited | null> {
    const { perIp, perNetwork } = core.settings.rateLimits;
    const ipWindow = fixedWindow(perIp.windowMs, now);
    const netWindow = fixedWindow(perNetwork.windowMs, now);
    const id = newId();
    const consentId = newId();
    const { token, hash } = newConfirmationToken();
    const mailbox = mailboxRule(core, data.emailKey, now);
    const ipBucket = ip ? ipBucketKey("signup", ip) : null;
    const netBucket = ip ? networkBucketKey("signup", ip) : null;
    if (!ip) warnNoIp(core);
    const result = await (ip ? pgSignupWithIp : pgSignupWithoutIp)(core.handle.db, {
      ...consent(id, consentId),
      ipBucket,
      ipWindow: ipWindow.startIso,
      ipMax: perIp.max,
      netBucket,
      netWindow: netWindow.startIso,
      netMax: perNetwork.max,
      mailboxHash: mailbox.hash,
      mailboxRecent: mailbox.recent,
      mailboxWindowStart: mailbox.windowStart,
      mailboxMax: mailbox.max,
      emailKey: data.emailKey,
      mailDueAt: addMs(now, core.settings.mailLeaseMs),
      tokenHash: hash,
      expiresAt: addMs(now, core.settings.confirmationTtlMs),
    });
    const outcome = result.rows[0];
    if (!outcome) throw new Error("the signup statement returned no row");
    const rank = Number(outcome.ip_hits);
    if (rank > perIp.max) return rateLimited(ipWindow.retryAfterSeconds);
    if (Number(outcome.net_hits) > perNetwork.max) {
      // Take both hits back, as the rolled-back transaction did: a refused signup spends
      // neither its address's nor its network's allowance. One row per statement, the IP's
      // first as the signup statement locks them, so two signups never deadlock.
      await pgUndoHit(core.handle.db, { bucket: ipBucket, window: ipWindow.startIso });
      await pgUndoHit(core.handle.db, { bucket: netBucket, window: netWindow.startIso });
      return rateLimited(netWindow.retryAfterSeconds);
    }
    if (outcome.inserted) {
      if (Number(outcome.mailed) !== 1) throw new Error("the signup stored no token");
      return { subscriberId: id, email: data.email, token, rank };
    }
    // A confirmed subscriber: nothing to do, answered after this one statement as a new
    // address is, so the answer's time does not tell them apart. (A status changing at this
    // moment is the same as the signup arriving a moment earlier.)
    if (outcome.existing === "confirmed") return null;
    // The mailbox may not get a mail now: nothing to store, whether the address is new
    // (a pruned mailbox) or known (storeExisting would find the same).
    if (!outcome.allowed) return null;
    return inTransaction(core.handle, (trx) => storeExisting(trx, consentId, rank));
  }

  function subscriberRow(id: string, consentId: string, rank: number) {
    return {
      id,
      email_key: data.emailKey,
      email: data.email,
      first_name: data.firstName,
      status: "pending" as const,
      consent_id: consentId,
      created_at: nowIso,
      updated_at: nowIso,
      // Enqueued with a lease (the row goes again if it may not send).
      ...subscriberColumns(enqueue(now, core.settings.mailLeaseMs, rank)),
    };
  }

  async function storeNew(
    trx: Kysely<Database>,
    id: string,
    consentId: string,
    rank: number,
  ): Promise<PendingMail | null | "exists"> {
    const inserted = await insertSubscriber(trx, subscriberRow(id, consentId, rank));
    if (inserted.rows.length > 0) {
      // A new row, but the mailbox may have had mails before (pruned, or the cap).
      if (!(await claimMailbox(trx, core, data.emailKey, now))) {
        // May not send: take the row back out (the per-IP hit stays counted).
        await trx.deleteFrom("newsletter_subscribers").where("id", "=", id).execute();
        return null;
      }
      await insertConsent(trx, consent(id, consentId));
      const token = await createConfirmationToken(trx, core, id, consentId, now);
      return { subscriberId: id, email: data.email, token, rank };
    }
    return "exists";
  }

  async function storeExisting(
    trx: Kysely<Database>,
    consentId: string,
    rank: number,
  ): Promise<PendingMail | null> {
    const existing = await trx
      .selectFrom("newsletter_subscribers")
      .select("id")
      .where("email_key", "=", data.emailKey)
      .executeTakeFirstOrThrow();
    const current = await lockSubscriber(core.handle, trx, existing.id);
    // Already confirmed: nothing to do, and the same answer so addresses cannot be probed.
    if (!current || current.status === "confirmed") return null;
    // Pending (signed up again) or unsubscribed (coming back, possibly before ever
    // confirming): both count against the same mailbox budget.
    if (!(await claimMailbox(trx, core, data.emailKey, now))) return null;
    await insertConsent(trx, consent(current.id, consentId));
    if (current.status === "unsubscribed") {
      await trx
        .updateTable("newsletter_subscribers")
        .set({
          status: "pending",
          consent_id: consentId,
          email: data.email,
          first_name: data.firstName,
        })
        .where("id", "=", current.id)
        .execute();
    }
    // A pending signup is never rewritten by a later one (anyone can type this address):
    // the later signup gets its own consent record and token, and each link confirms only
    // the signup it was mailed for.
    await enqueueSubscriberMail(trx, current.id, now, core.settings.mailLeaseMs, rank);
    const token = await createConfirmationToken(trx, core, current.id, consentId, now);
    return { subscriberId: current.id, email: data.email, token, rank };
  }
}

/** The consent record's columns, all of them (the compiler checks), as consent() fills them. */
const CONSENT_COLUMNS = [
  "id",
  "subscriber_id",
  "email",
  "first_name",
  "consent_text",
  "consent_version",
  "consent_hash",
  "source",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "signup_at",
  "signup_ip",
  "signup_user_agent",
  "confirmed_at",
  "confirm_ip",
  "confirm_user_agent",
  "confirm_method",
  "unsubscribed_at",
  "unsubscribe_ip",
  "unsubscribe_user_agent",
  "unsubscribe_method",
] as const satisfies readonly (keyof ConsentsTable)[];
// A column added to the table but not to the list would be left out of every insert.
type MissingConsentColumn = Exclude<keyof ConsentsTable, (typeof CONSENT_COLUMNS)[number]>;
const everyConsentColumn: [MissingConsentColumn] extends [never] ? true : MissingConsentColumn =
  true;
void everyConsentColumn;

interface PgSignupOutcome {
  ip_hits: number;
  net_hits: number | null;
  allowed: boolean;
  /** The known address's status as the statement began (null for a new address). */
  existing: string | null;
  inserted: string | null;
  mailed: string | number;
}

/**
 * One statement of data-modifying CTEs: the per-IP hit; the per-network hit only within
 * the IP's limit; the subscriber row only within both limits, for a mailbox that may get a
 * mail now (mailboxAllowsFor) and an address not yet known (its unique key); then the mail
 * log entry, the consent record and the token, each only if the one before wrote a row.
 * Without a client IP both limits are skipped (rank 1), as limitIp and limitNetwork do.
 */
function pgSignup(withIp: boolean) {
  return prepared<Record<string, unknown>, PgSignupOutcome>((_db, p) => {
    const upsert = sql`on conflict (bucket, window_start)
      do update set hits = newsletter_rate_limits.hits + 1 returning hits`;
    const limits = withIp
      ? sql`ip as (
          insert into newsletter_rate_limits (bucket, window_start, hits)
          values (${p.ipBucket}, ${p.ipWindow}, 1) ${upsert}
        ),
        net as (
          insert into newsletter_rate_limits (bucket, window_start, hits)
          select ${p.netBucket}, ${p.netWindow}, 1 from ip where ip.hits <= ${p.ipMax}::bigint ${upsert}
        )`
      : sql`ip as (select 1 as hits), net as (select 1 as hits)`;
    const allowed = mailboxAllowsFor({
      hash: p.mailboxHash,
      recent: p.mailboxRecent,
      windowStart: p.mailboxWindowStart,
      max: p.mailboxMax,
    });
    return sql`
      with ${limits},
      a as (select ${allowed} as allowed),
      e as (select status from newsletter_subscribers where email_key = ${p.emailKey}),
      s as (
        insert into newsletter_subscribers (id, email_key, email, first_name, status,
          consent_id, created_at, updated_at, mail_rank, last_mail_at, mail_due_at,
          mail_attempts, mail_status, mail_last_error)
        select ${p.subscriber_id}, ${p.emailKey}, ${p.email}, ${p.first_name}, 'pending',
          ${p.id}, ${p.signup_at}, ${p.signup_at}, ip.hits, ${p.signup_at}, ${p.mailDueAt},
          0, null, null
        from ip, net, a
        where ip.hits <= ${p.ipMax}::bigint and net.hits <= ${p.netMax}::bigint and a.allowed
        on conflict (email_key) do nothing
        returning id
      ),
      m as (
        insert into newsletter_mail_log (mailbox_hash, sent_at)
        select ${p.mailboxHash}, ${p.signup_at} from s
        returning mailbox_hash
      ),
      c as (
        insert into newsletter_consents (${sql.join(CONSENT_COLUMNS.map((c) => sql.ref(c)))})
        select ${sql.join(CONSENT_COLUMNS.map((c) => sql`${p[c]}`))} from m
        returning id
      ),
      t as (
        insert into newsletter_confirmation_tokens
          (token_hash, subscriber_id, consent_id, created_at, expires_at, used_at)
        select ${p.tokenHash}, ${p.subscriber_id}, c.id, ${p.signup_at}, ${p.expiresAt}, null
        from c
        returning token_hash
      )
      select (select hits from ip) as ip_hits, (select hits from net) as net_hits,
        (select allowed from a) as allowed, (select status from e) as existing,
        (select id from s) as inserted,
        (select count(*) from t) as mailed`;
  });
}

/** A new subscriber row's columns: its own, then enqueue's (queue.server.ts). */
const SUBSCRIBER_COLUMNS = [
  "id",
  "email_key",
  "email",
  "first_name",
  "status",
  "consent_id",
  "created_at",
  "updated_at",
  ...(Object.keys(subscriberColumns(enqueue(new Date(0), 0, 1))) as (keyof SubscribersTable)[]),
] as const;

// The PostgreSQL statement writes enqueue's columns itself (the rank comes from the per-IP
// hit in the same statement): fail at start-up, not in production, if enqueue changes.
{
  const patch = subscriberColumns(enqueue(new Date(0), 1000, 7));
  const expected = {
    mail_rank: 7,
    last_mail_at: new Date(0).toISOString(),
    mail_due_at: new Date(1000).toISOString(),
    mail_attempts: 0,
    mail_status: null,
    mail_last_error: null,
  };
  if (JSON.stringify(patch) !== JSON.stringify(expected)) {
    throw new Error("subscribe: pgSignup writes enqueue's columns; update it with enqueue()");
  }
}

// SQLite's signup statements (and a known address's on PostgreSQL), compiled once.
const insertSubscriber = prepared<Record<string, unknown>>((db, p) =>
  db
    .insertInto("newsletter_subscribers")
    .values(Object.fromEntries(SUBSCRIBER_COLUMNS.map((c) => [c, p[c]])) as never)
    .onConflict((oc) => oc.column("email_key").doNothing())
    .returning("id"),
);

const insertConsent = prepared<Record<string, unknown>>((db, p) =>
  db
    .insertInto("newsletter_consents")
    .values(Object.fromEntries(CONSENT_COLUMNS.map((c) => [c, p[c]])) as never),
);

const pgSignupWithIp = pgSignup(true);
const pgSignupWithoutIp = pgSignup(false);

/** Takes back one of a refused signup's rate-limit hits (PostgreSQL, see above). */
const pgUndoHit = prepared<Record<string, unknown>>(
  (_db, p) => sql`
    update newsletter_rate_limits set hits = hits - 1
    where bucket = ${p.bucket} and window_start = ${p.window}`,
);
