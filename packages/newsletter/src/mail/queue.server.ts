/**
 * The confirmation-mail queue: the only module that writes a mail's delivery columns
 * (`mail_due_at`, `last_mail_at`, `mail_attempts`, `mail_last_error`, `mail_sent_at`,
 * `mail_status`, `mail_rank` on `newsletter_subscribers`). Everything else asks for a
 * named transition. Decision note: docs/decisions/0009-mail-queue-states.md.
 *
 * States (read from the columns by `mailState`; no column stores the name):
 *
 *   enqueue (a signup or request-new within the mailbox's budget; from any state)
 *      │
 *      ▼           defer (the hourly cap is full: held until its next window)
 *   waiting ◄───────┐
 *    │ │ │ │ │ └────┘
 *    │ │ │ │ └─ the lease or hold ends ─► due ─ claim (a cap slot is free) ─► waiting
 *    │ │ │ └─ sent ─► sent                     ▲   ▲
 *    │ │ └─ failed ─► retry-later ─ time comes ─┘   │
 *    │ └─ failed, attempts ≥ maxAttempts ─► abandoned ─ requeue (owner) ─┘
 *    └─ rejected (5xx) ─► rejected (final: never retried or requeued)
 *
 *   cancel (confirm, unsubscribe): any state ─► idle
 *
 * - idle: nothing to send (never asked, or cancelled by a confirm or an unsubscribe).
 * - waiting: due at a later time with no failure: claimed by a sender whose lease runs
 *   (a crash before the outcome is written makes it due when the lease ends), or held
 *   back by the site-wide hourly cap until the next window.
 * - due: may be claimed now (a lease or hold that ended, or a retry whose time came).
 * - retry-later: the last send failed temporarily; due again after a backoff.
 * - sent: delivered to the mail server.
 * - abandoned: given up after `retry.maxAttempts` consecutive failures; only the owner's
 *   `resend-pending --include-abandoned` requeues it.
 * - rejected: the mail server refused it permanently (5xx): final.
 * `enqueue` starts the failure count afresh. A send is only ever attempted by the one
 * holder of a claim (the request that enqueued it, or a resend-pending run).
 *
 * Two layers, so that another kind of mail (issue 16: one delivery row per recipient of
 * a newsletter issue) uses the same states and transitions over its own table:
 * - `Delivery`, `mailState` and the transitions (`enqueue`, `claim`, `defer`, `sent`,
 *   `rejected`, `failed`, `retryLater`, `abandon`, `requeue`, `cancel`) are pure: they
 *   name columns generically and return a `DeliveryPatch`.
 * - A table maps that patch onto its columns (`subscriberColumns` for the subscriber
 *   row) and holds the thin SQL with the guards that make each transition safe across
 *   instances (the `*SubscriberMail` functions below).
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import { addMs } from "../core.server.js";
import { prepared } from "../db/prepared.server.js";
import type { Database, IsoTime, MailOutcome, SubscribersTable } from "../db/schema.js";

/** The delivery columns of one mail, whatever table holds them. */
export interface Delivery {
  /** When the mail is due (again); null when nothing is scheduled. */
  dueAt: IsoTime | null;
  /** When the mail was last asked for or claimed for sending. */
  claimedAt: IsoTime | null;
  /** Consecutive failed sends (a success or a new request starts afresh). */
  attempts: number;
  /** The last failure, redacted; null after a success or a new request. */
  lastError: string | null;
  sentAt: IsoTime | null;
  /** "failed-permanent" after a 5xx rejection; null otherwise. */
  outcome: MailOutcome | null;
  /** Lower ranks go first under the site-wide cap (see slotsForRank). */
  rank: number;
}

export type { MailOutcome };

export type MailState =
  | { name: "idle" }
  | { name: "waiting"; dueAt: IsoTime }
  | { name: "due"; dueAt: IsoTime; attempts: number; lastError: string | null }
  | { name: "retry-later"; dueAt: IsoTime; attempts: number; lastError: string }
  | { name: "sent"; sentAt: IsoTime }
  | { name: "abandoned"; attempts: number; lastError: string }
  | { name: "rejected"; attempts: number; lastError: string | null };

/** The state a row's delivery columns stand for at `now`. */
export function mailState(d: Delivery, now: Date): MailState {
  if (d.outcome === "failed-permanent") {
    return { name: "rejected", attempts: d.attempts, lastError: d.lastError };
  }
  if (d.dueAt !== null) {
    if (d.dueAt <= now.toISOString()) {
      return { name: "due", dueAt: d.dueAt, attempts: d.attempts, lastError: d.lastError };
    }
    if (d.lastError !== null) {
      return { name: "retry-later", dueAt: d.dueAt, attempts: d.attempts, lastError: d.lastError };
    }
    return { name: "waiting", dueAt: d.dueAt };
  }
  if (d.lastError !== null) {
    return { name: "abandoned", attempts: d.attempts, lastError: d.lastError };
  }
  if (d.sentAt !== null) return { name: "sent", sentAt: d.sentAt };
  return { name: "idle" };
}

/** Columns a transition writes; `attempts: "+1"` is an atomic increment in the database. */
export type DeliveryPatch = Partial<Omit<Delivery, "attempts">> & { attempts?: number | "+1" };

/**
 * A new request for the mail (a signup or request-new that may send): claimed at once
 * with a lease, at the request's rank, failure count reset.
 */
export function enqueue(now: Date, leaseMs: number, rank: number): DeliveryPatch {
  return {
    rank,
    claimedAt: now.toISOString(),
    dueAt: addMs(now, leaseMs),
    attempts: 0,
    outcome: null,
    lastError: null,
  };
}

/** due → waiting: a sender takes the mail; due again when the lease ends unless recorded. */
export function claim(now: Date, leaseMs: number): DeliveryPatch {
  return { dueAt: addMs(now, leaseMs), claimedAt: now.toISOString() };
}

/** → waiting: the site-wide hourly cap is full; the mail is due when its window ends. */
export function defer(until: Date): DeliveryPatch {
  return { dueAt: until.toISOString() };
}

/** → sent. The failure count counts consecutive failures only, so it starts afresh. */
export function sent(now: Date): DeliveryPatch {
  return { sentAt: now.toISOString(), lastError: null, outcome: null, dueAt: null, attempts: 0 };
}

/** → rejected (a 5xx reply): final, never retried or requeued. */
export function rejected(error: string): DeliveryPatch {
  return { lastError: error, outcome: "failed-permanent", dueAt: null, attempts: "+1" };
}

/**
 * A temporary failure, first step: count it atomically (a retry on another instance
 * cannot lose a count); `afterFailure` then picks retry-later or abandoned.
 */
export function failed(): DeliveryPatch {
  return { attempts: "+1" };
}

/** → retry-later: due again at `at`. */
export function retryLater(error: string, at: Date): DeliveryPatch {
  return { lastError: error, dueAt: at.toISOString() };
}

/** → abandoned: no retry is scheduled. */
export function abandon(error: string): DeliveryPatch {
  return { lastError: error, dueAt: null };
}

/** abandoned → due: the owner asks for another try; the failure count starts afresh. */
export function requeue(now: Date): DeliveryPatch {
  return { dueAt: now.toISOString(), attempts: 0 };
}

/** → idle: nothing more to send (confirmed or unsubscribed). */
export function cancel(): DeliveryPatch {
  return { dueAt: null };
}

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/** Exponential backoff: base, 2×base, 4×base… up to maxDelayMs. */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** After the `attempts`-th consecutive failure: retry later, or give up. */
export function afterFailure(
  policy: RetryPolicy,
  attempts: number,
  error: string,
  now: Date,
): DeliveryPatch {
  return attempts >= policy.maxAttempts
    ? abandon(error)
    : retryLater(error, new Date(now.getTime() + retryDelayMs(policy, attempts)));
}

// ---------------------------------------------------------------------------------------
// The subscriber row's confirmation mail: the patch mapped onto its columns, and the SQL.

const SUBSCRIBER_COLUMNS = {
  dueAt: "mail_due_at",
  claimedAt: "last_mail_at",
  attempts: "mail_attempts",
  lastError: "mail_last_error",
  sentAt: "mail_sent_at",
  outcome: "mail_status",
  rank: "mail_rank",
} as const satisfies Record<keyof Delivery, keyof SubscribersTable>;

interface SubscriberMailColumns {
  mail_due_at?: IsoTime | null;
  last_mail_at?: IsoTime | null;
  mail_attempts?: number | RawBuilder<number>;
  mail_last_error?: string | null;
  mail_sent_at?: IsoTime | null;
  mail_status?: MailOutcome | null;
  mail_rank?: number;
}

/**
 * A patch as subscriber columns, to spread into an insert or an update of the row (the
 * status change of a confirm or unsubscribe and its `cancel` are one statement).
 */
export function subscriberColumns(patch: DeliveryPatch): SubscriberMailColumns {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const column = SUBSCRIBER_COLUMNS[field as keyof Delivery];
    out[column] = value === "+1" ? sql<number>`${sql.ref(column)} + 1` : value;
  }
  return out as SubscriberMailColumns;
}

type Db = Kysely<Database>;

/**
 * enqueue for an existing subscriber (`updated_at` is when the mail was asked for: it
 * orders the queue within a rank).
 */
export async function enqueueSubscriberMail(
  trx: Db,
  subscriberId: string,
  now: Date,
  leaseMs: number,
  rank: number,
): Promise<void> {
  await trx
    .updateTable("newsletter_subscribers")
    .set({ ...subscriberColumns(enqueue(now, leaseMs, rank)), updated_at: now.toISOString() })
    .where("id", "=", subscriberId)
    .execute();
}

/** One transition on one subscriber row; `whilePending`: only if not confirmed or unsubscribed. */
async function writeSubscriberMail(
  db: Db,
  subscriberId: string,
  patch: DeliveryPatch,
  whilePending = false,
): Promise<void> {
  let query = db
    .updateTable("newsletter_subscribers")
    .set(subscriberColumns(patch))
    .where("id", "=", subscriberId);
  if (whilePending) query = query.where("status", "=", "pending");
  await query.execute();
}

/** defer, for a subscriber still pending (a confirm meanwhile cancelled the mail). */
export function deferSubscriberMail(db: Db, subscriberId: string, until: Date): Promise<void> {
  return writeSubscriberMail(db, subscriberId, defer(until), true);
}

export async function recordSubscriberMailSent(
  db: Db,
  subscriberId: string,
  now: Date,
): Promise<void> {
  await recordSentQuery(db, { ...subscriberColumns(sent(now)), id: subscriberId });
}

/**
 * recordSubscriberMailSent for several mails in one statement (PostgreSQL: one round trip
 * for the mails that went out together, not one each).
 */
export async function recordSubscriberMailsSentPostgres(
  db: Db,
  mails: { subscriberId: string; now: Date }[],
): Promise<void> {
  const { mail_sent_at: _, ...rest } = subscriberColumns(sent(new Date(0)));
  await recordManySentQuery(db, {
    ...rest,
    ids: mails.map((m) => m.subscriberId),
    sentAts: mails.map((m) => m.now.toISOString()),
  });
}

const recordManySentQuery = prepared<Record<string, unknown>>((_db, p) => {
  const set = SENT_COLUMNS.map((c) =>
    c === "mail_sent_at" ? sql`mail_sent_at = v.sent_at` : sql`${sql.ref(c)} = ${p[c]}`,
  );
  return sql`
    update newsletter_subscribers as s set ${sql.join(set)}
    from unnest(${p.ids}::varchar[], ${p.sentAts}::varchar[]) as v (id, sent_at)
    where s.id = v.id`;
});

// Every confirmation mail records this: compiled once, with sent()'s columns.
const SENT_COLUMNS = Object.keys(subscriberColumns(sent(new Date(0))));
const recordSentQuery = prepared<Record<string, unknown>>((db, p) =>
  db
    .updateTable("newsletter_subscribers")
    .set(Object.fromEntries(SENT_COLUMNS.map((c) => [c, p[c]])))
    .where("id", "=", p.id as string),
);

export function recordSubscriberMailRejected(
  db: Db,
  subscriberId: string,
  error: string,
): Promise<void> {
  return writeSubscriberMail(db, subscriberId, rejected(error));
}

/**
 * A temporary failure: count it, then retry later or abandon (only while the subscriber is
 * pending). Returns the consecutive failures so far and whether the mail was given up.
 */
export async function recordSubscriberMailFailed(
  db: Db,
  subscriberId: string,
  error: string,
  now: Date,
  policy: RetryPolicy,
): Promise<{ attempts: number; gaveUp: boolean }> {
  const row = await db
    .updateTable("newsletter_subscribers")
    .set(subscriberColumns(failed()))
    .where("id", "=", subscriberId)
    .returning("mail_attempts")
    .executeTakeFirst();
  const attempts = Number(row?.mail_attempts ?? 1);
  const next = afterFailure(policy, attempts, error, now);
  await writeSubscriberMail(db, subscriberId, next, true);
  return { attempts, gaveUp: next.dueAt === null };
}

/** requeue every abandoned mail of a pending subscriber; returns how many. */
export async function requeueAbandonedSubscriberMail(db: Db, now: Date): Promise<number> {
  const res = await db
    .updateTable("newsletter_subscribers")
    .set(subscriberColumns(requeue(now)))
    .where("status", "=", "pending")
    .where("mail_due_at", "is", null)
    .where("mail_last_error", "is not", null)
    .where("mail_status", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export interface DueSubscriberMail {
  subscriberId: string;
  dueAt: IsoTime;
  rank: number;
}

/**
 * Pending subscribers whose mail is due at `now`: lowest rank first, then oldest request
 * (`updated_at` is when the mail was asked for), then id.
 */
export async function dueSubscriberMails(
  db: Db,
  now: Date,
  limit: number,
): Promise<DueSubscriberMail[]> {
  const rows = await db
    .selectFrom("newsletter_subscribers")
    .select(["id", "mail_due_at", "mail_rank"])
    .where("status", "=", "pending")
    .where("mail_due_at", "is not", null)
    .where("mail_due_at", "<=", now.toISOString())
    .orderBy("mail_rank")
    .orderBy("updated_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    subscriberId: r.id,
    dueAt: r.mail_due_at as string,
    rank: r.mail_rank,
  }));
}

/**
 * claim one due mail: a conditional update on the due time that was read, so of several
 * instances only one wins. False when another instance claimed it (or it changed) first.
 */
export async function claimSubscriberMail(
  trx: Db,
  mail: DueSubscriberMail,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const res = await trx
    .updateTable("newsletter_subscribers")
    .set(subscriberColumns(claim(now, leaseMs)))
    .where("id", "=", mail.subscriberId)
    .where("status", "=", "pending")
    .where("mail_due_at", "=", mail.dueAt)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export interface MailQueueFigures {
  /** Pending subscribers whose last confirmation mail failed. */
  failures: number;
  /** Of those, rejected (5xx): never retried. */
  rejected: number;
  /** When the earliest retry-later mail is due (ISO time); null when none waits. */
  nextRetryAt: string | null;
  /** Failed mails given up (abandoned). */
  abandoned: number;
}

/** The owner's figures on failed confirmation mail of pending subscribers. */
export async function subscriberMailFigures(db: Db): Promise<MailQueueFigures> {
  const failures = await db
    .selectFrom("newsletter_subscribers")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("status", "=", "pending")
    .where("mail_last_error", "is not", null)
    .executeTakeFirstOrThrow();
  const rejectedRows = await db
    .selectFrom("newsletter_subscribers")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("status", "=", "pending")
    .where("mail_status", "=", "failed-permanent")
    .executeTakeFirstOrThrow();
  // A failed mail waits for its retry with mail_due_at set; given up, it has none.
  const retries = await db
    .selectFrom("newsletter_subscribers")
    .select((eb) => [
      eb.fn.min("mail_due_at").as("next"),
      eb.fn.count("mail_due_at").as("waiting"),
      eb.fn.countAll<string | number>().as("n"),
    ])
    .where("status", "=", "pending")
    .where("mail_last_error", "is not", null)
    .where((eb) =>
      eb.or([eb("mail_status", "is", null), eb("mail_status", "!=", "failed-permanent")]),
    )
    .executeTakeFirstOrThrow();
  return {
    failures: Number(failures.n),
    rejected: Number(rejectedRows.n),
    nextRetryAt: retries.next ? String(retries.next) : null,
    abandoned: Number(retries.n) - Number(retries.waiting),
  };
}
