/**
 * The Update deliveries: the only module that writes `newsletter_deliveries` (one row per
 * Update and subscriber). Everything else asks for a named transition. Decision notes:
 * docs/decisions/0012-sending-updates.md (and 0009 for the confirmation-mail queue).
 *
 *   create (startSending: one row per confirmed subscriber)
 *      │
 *      ▼            the lease ends before the attempt (crash, pause, SIGTERM)
 *   pending ◄──────────────────────────────────────────────────────────┐
 *      │ ▲                                                               │
 *      │ └── temporary (4xx, connection refused): due later, backoff ─┐ │
 *    claim (due, Update sending; with a lease)                         │ │
 *      ▼                                                               │ │
 *   claimed ── skip (unsubscribed since the start) ─► skipped          │ │
 *      │ └──── release ───────────────────────────────────────────────┼─┘
 *    attempt (just before the SMTP transaction; only the lease holder) │
 *      ▼                                                               │
 *   attempted ── 250 ─► sent                                           │
 *      │  │ └─── 5xx, or too many temporary failures ─► failed         │
 *      │  └───── 4xx ──────────────────────────────────────────────────┘
 *      └── the lease ends, or no SMTP reply at all ─► uncertain
 *                                                        │
 *   resendUncertain (the owner, on purpose) ─► pending ◄─┘
 *
 * Final: sent, failed, skipped, uncertain. An Update is done once all its rows are final.
 * `uncertain` is never left automatically: the mail may have reached the server (it
 * answered 250 and the process died before writing it down), and a second copy is worse
 * than a missing one the owner can see and send on purpose.
 *
 * Each SQL transition is guarded by the state it leaves and, where a lease is held, by
 * `lease_owner`, so an instance whose lease ran out cannot write over whoever took the row
 * after it; that guard (not timing) is what keeps a mail from being sent twice.
 */
import { type Kysely, sql } from "kysely";
import type { DatabaseHandle } from "../db/connect.server.js";
import type { Database, DeliveryState, IsoTime } from "../db/schema.js";
import { inTransaction } from "../db/transaction.server.js";

type Db = Kysely<Database>;

export type { DeliveryState };

/** States from which nothing happens by itself. */
export const FINAL_STATES = ["sent", "failed", "skipped", "uncertain"] as const;
/** States that still need a sender. */
export const OPEN_STATES = ["pending", "claimed", "attempted"] as const;

/** Columns a transition writes. */
export interface DeliveryPatch {
  state: DeliveryState;
  due_at?: IsoTime;
  lease_owner?: string | null;
  lease_until?: IsoTime | null;
  attempted_at?: IsoTime | null;
  finished_at?: IsoTime | null;
  last_error?: string | null;
}

// ---------------------------------------------------------------------------------------
// Transitions: pure, each names the columns it writes.

/** pending → claimed: the lease holder may attempt it until `leaseUntil`. */
export function claim(owner: string, leaseUntil: Date): DeliveryPatch {
  return { state: "claimed", lease_owner: owner, lease_until: leaseUntil.toISOString() };
}

/** claimed → pending (pause, shutdown, or a lease that ended before the attempt). */
export function release(): DeliveryPatch {
  return { state: "pending", lease_owner: null, lease_until: null };
}

/** claimed → skipped: the subscriber unsubscribed after the sending started. */
export function skip(now: Date, reason: string): DeliveryPatch {
  return { state: "skipped", finished_at: now.toISOString(), last_error: reason };
}

/** claimed → attempted, written just before the SMTP transaction starts. */
export function attempt(now: Date): DeliveryPatch {
  return { state: "attempted", attempted_at: now.toISOString() };
}

/** attempted (or uncertain, when the 250 came after the lease ran out) → sent. */
export function sent(now: Date): DeliveryPatch {
  return {
    state: "sent",
    finished_at: now.toISOString(),
    lease_owner: null,
    lease_until: null,
    last_error: null,
  };
}

/** attempted → failed: a 5xx, or a temporary failure too many times. Final. */
export function failed(now: Date, error: string): DeliveryPatch {
  return {
    state: "failed",
    finished_at: now.toISOString(),
    lease_owner: null,
    lease_until: null,
    last_error: error,
  };
}

/** attempted → pending, due again at `at` (a 4xx or a refused connection: nothing went out). */
export function retryLater(error: string, at: Date): DeliveryPatch {
  return {
    state: "pending",
    due_at: at.toISOString(),
    lease_owner: null,
    lease_until: null,
    last_error: error,
  };
}

/** attempted → uncertain: whether the server took the mail is not known. Final. */
export function uncertain(now: Date, why: string): DeliveryPatch {
  return { state: "uncertain", finished_at: now.toISOString(), last_error: why };
}

/** uncertain → pending: the owner re-sends on purpose (same Message-ID). */
export function resendOnPurpose(now: Date): DeliveryPatch {
  return {
    state: "pending",
    due_at: now.toISOString(),
    lease_owner: null,
    lease_until: null,
    finished_at: null,
  };
}

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Temporary failures of one delivery before it is given up as failed. */
  maxAttempts: number;
}

/** Exponential backoff: base, 2×base, 4×base… up to maxDelayMs. */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

// ---------------------------------------------------------------------------------------
// SQL: the guards that make each transition safe across instances.

const LEASE_LOST = "lease-lost";

/** One recipient claimed for sending. */
export interface ClaimedDelivery {
  updateSlug: string;
  subscriberId: string;
  messageId: string;
  email: string;
  firstName: string | null;
  attempts: number;
}

/**
 * create: one pending row per confirmed subscriber, in the caller's transaction (one
 * INSERT … SELECT, whatever the audience). The Message-ID is stable per Update and
 * subscriber: `<slug.subscriber-id@site-host>` (the id is in the unsubscribe link already).
 */
export async function createDeliveries(
  trx: Db,
  slug: string,
  siteHost: string,
  now: Date,
): Promise<number> {
  const res = await trx
    .insertInto("newsletter_deliveries")
    .columns(["update_slug", "subscriber_id", "state", "due_at", "attempts", "message_id"])
    .expression((eb) =>
      eb
        .selectFrom("newsletter_subscribers")
        .select([
          sql.lit(slug).as("update_slug"),
          "id",
          sql.lit("pending").as("state"),
          sql.lit(now.toISOString()).as("due_at"),
          sql.lit(0).as("attempts"),
          sql<string>`${sql.lit(`<${slug}.`)} || id || ${sql.lit(`@${siteHost}>`)}`.as(
            "message_id",
          ),
        ])
        .where("status", "=", "confirmed"),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/**
 * The lease ended (a crashed or stopped instance): claimed rows were never attempted and go
 * back to pending; attempted rows become uncertain. Returns how many of each.
 */
export async function recoverExpiredLeases(
  db: Db,
  now: Date,
): Promise<{ released: number; uncertain: number }> {
  const at = now.toISOString();
  const r1 = await db
    .updateTable("newsletter_deliveries")
    .set(release())
    .where("state", "=", "claimed")
    .where("lease_until", "<", at)
    .executeTakeFirst();
  const r2 = await db
    .updateTable("newsletter_deliveries")
    .set(uncertain(now, "het proces stopte tijdens het versturen (lease verlopen)"))
    .where("state", "=", "attempted")
    .where("lease_until", "<", at)
    .executeTakeFirst();
  return { released: Number(r1.numUpdatedRows), uncertain: Number(r2.numUpdatedRows) };
}

/**
 * claim up to `limit` due rows of Updates that are sending, with a lease for `owner`.
 * PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, so instances never wait on each other's
 * rows; SQLite: inTransaction's BEGIN IMMEDIATE makes this the only writer meanwhile.
 * Recipients who are no longer confirmed are skipped in the same transaction.
 */
export async function claimDue(
  handle: DatabaseHandle,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<{ rows: ClaimedDelivery[]; skipped: number }> {
  return inTransaction(handle, async (trx) => {
    let skipped = 0;
    let query = trx
      .selectFrom("newsletter_deliveries")
      .select(["update_slug", "subscriber_id"])
      .where("state", "=", "pending")
      .where("due_at", "<=", now.toISOString())
      .where("update_slug", "in", (eb) =>
        eb.selectFrom("newsletter_updates").select("slug").where("status", "=", "sending"),
      )
      .orderBy("due_at")
      .limit(limit);
    if (handle.dialect === "postgres") query = query.forUpdate().skipLocked();
    const due = await query.execute();
    if (due.length === 0) return { rows: [], skipped };
    const bySlug = new Map<string, string[]>();
    for (const row of due) {
      bySlug.set(row.update_slug, [...(bySlug.get(row.update_slug) ?? []), row.subscriber_id]);
    }
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const claimed: ClaimedDelivery[] = [];
    for (const [slug, ids] of bySlug) {
      const rows = await trx
        .updateTable("newsletter_deliveries")
        .set(claim(owner, leaseUntil))
        .where("update_slug", "=", slug)
        .where("subscriber_id", "in", ids)
        .where("state", "=", "pending")
        .returning(["subscriber_id", "message_id", "attempts"])
        .execute();
      const people = await trx
        .selectFrom("newsletter_subscribers")
        .select(["id", "email", "first_name", "status"])
        .where(
          "id",
          "in",
          rows.map((r) => r.subscriber_id),
        )
        .execute();
      const byId = new Map(people.map((p) => [p.id, p]));
      const gone: string[] = [];
      for (const row of rows) {
        const person = byId.get(row.subscriber_id);
        if (person?.status !== "confirmed") {
          gone.push(row.subscriber_id);
          continue;
        }
        claimed.push({
          updateSlug: slug,
          subscriberId: row.subscriber_id,
          messageId: row.message_id,
          email: person.email,
          firstName: person.first_name,
          attempts: Number(row.attempts),
        });
      }
      skipped += gone.length;
      if (gone.length > 0) {
        await trx
          .updateTable("newsletter_deliveries")
          .set(skip(now, "afgemeld na de start"))
          .where("update_slug", "=", slug)
          .where("subscriber_id", "in", gone)
          .where("state", "=", "claimed")
          .execute();
      }
    }
    return { rows: claimed, skipped };
  });
}

export type AttemptOutcome = "go" | "skipped" | "paused" | typeof LEASE_LOST;

/**
 * claimed → attempted, only while this instance holds the lease, the Update is still
 * sending and the subscriber still confirmed. Otherwise: the row is skipped (unsubscribed),
 * released (paused), or left alone (another instance has it now).
 */
export async function markAttempted(
  db: Db,
  d: ClaimedDelivery,
  owner: string,
  now: Date,
): Promise<AttemptOutcome> {
  const res = await db
    .updateTable("newsletter_deliveries")
    .set(attempt(now))
    .where("update_slug", "=", d.updateSlug)
    .where("subscriber_id", "=", d.subscriberId)
    .where("state", "=", "claimed")
    .where("lease_owner", "=", owner)
    .where("lease_until", ">", now.toISOString())
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("newsletter_updates")
          .select("slug")
          .where("slug", "=", d.updateSlug)
          .where("status", "=", "sending"),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("newsletter_subscribers")
          .select("id")
          .where("id", "=", d.subscriberId)
          .where("status", "=", "confirmed"),
      ),
    )
    .executeTakeFirst();
  if (res.numUpdatedRows === 1n) return "go";
  // Why not: read once, then the matching transition (still guarded by the lease).
  const row = await db
    .selectFrom("newsletter_deliveries as d")
    .innerJoin("newsletter_updates as u", "u.slug", "d.update_slug")
    .leftJoin("newsletter_subscribers as s", "s.id", "d.subscriber_id")
    .select(["d.state", "d.lease_owner", "u.status as update_status", "s.status as sub_status"])
    .where("d.update_slug", "=", d.updateSlug)
    .where("d.subscriber_id", "=", d.subscriberId)
    .executeTakeFirst();
  if (row?.state !== "claimed" || row.lease_owner !== owner) return LEASE_LOST;
  const mine = db
    .updateTable("newsletter_deliveries")
    .where("update_slug", "=", d.updateSlug)
    .where("subscriber_id", "=", d.subscriberId)
    .where("state", "=", "claimed")
    .where("lease_owner", "=", owner);
  if (row.sub_status !== "confirmed") {
    await mine.set(skip(now, "afgemeld na de start")).execute();
    return "skipped";
  }
  await mine.set(release()).execute();
  return row.update_status === "sending" ? LEASE_LOST : "paused";
}

/** Guard for the outcome of an attempt: still this instance's attempt (or made uncertain meanwhile). */
function ownAttempt(db: Db, d: ClaimedDelivery, owner: string) {
  return db
    .updateTable("newsletter_deliveries")
    .where("update_slug", "=", d.updateSlug)
    .where("subscriber_id", "=", d.subscriberId)
    .where("state", "in", ["attempted", "uncertain"])
    .where("lease_owner", "=", owner);
}

export async function recordSent(db: Db, d: ClaimedDelivery, owner: string, now: Date) {
  await ownAttempt(db, d, owner).set(sent(now)).execute();
}

export async function recordFailed(
  db: Db,
  d: ClaimedDelivery,
  owner: string,
  now: Date,
  error: string,
) {
  await ownAttempt(db, d, owner).set(failed(now, error)).execute();
}

export async function recordUncertain(
  db: Db,
  d: ClaimedDelivery,
  owner: string,
  now: Date,
  error: string,
) {
  await ownAttempt(db, d, owner)
    .where("state", "=", "attempted")
    .set(uncertain(now, `geen antwoord van de mailserver: ${error}`))
    .execute();
}

/**
 * A temporary failure: due again after a backoff (attempts counted atomically), or failed
 * once `policy.maxAttempts` is reached. Returns whether it was given up.
 */
export async function recordTemporary(
  db: Db,
  d: ClaimedDelivery,
  owner: string,
  now: Date,
  error: string,
  policy: RetryPolicy,
): Promise<{ gaveUp: boolean }> {
  const attempts = d.attempts + 1;
  if (attempts >= policy.maxAttempts) {
    await ownAttempt(db, d, owner)
      .set({ ...failed(now, error), attempts: sql`attempts + 1` })
      .execute();
    return { gaveUp: true };
  }
  const at = new Date(now.getTime() + retryDelayMs(policy, attempts));
  await ownAttempt(db, d, owner)
    .where("state", "=", "attempted")
    .set({ ...retryLater(error, at), attempts: sql`attempts + 1` })
    .execute();
  return { gaveUp: false };
}

/** claimed → pending for rows this instance holds but will not attempt (pause, shutdown). */
export async function releaseClaims(db: Db, owner: string, rows: ClaimedDelivery[]) {
  for (const d of rows) {
    await db
      .updateTable("newsletter_deliveries")
      .set(release())
      .where("update_slug", "=", d.updateSlug)
      .where("subscriber_id", "=", d.subscriberId)
      .where("state", "=", "claimed")
      .where("lease_owner", "=", owner)
      .execute();
  }
}

export interface UncertainDelivery {
  subscriberId: string;
  email: string;
  attemptedAt: IsoTime | null;
  messageId: string;
  why: string | null;
}

export async function listUncertain(db: Db, slug: string): Promise<UncertainDelivery[]> {
  const rows = await db
    .selectFrom("newsletter_deliveries as d")
    .leftJoin("newsletter_subscribers as s", "s.id", "d.subscriber_id")
    .select(["d.subscriber_id", "s.email", "d.attempted_at", "d.message_id", "d.last_error"])
    .where("d.update_slug", "=", slug)
    .where("d.state", "=", "uncertain")
    .orderBy("d.attempted_at")
    .execute();
  return rows.map((r) => ({
    subscriberId: r.subscriber_id,
    email: r.email ?? "(verwijderd)",
    attemptedAt: r.attempted_at,
    messageId: r.message_id,
    why: r.last_error,
  }));
}

/** uncertain → pending for every uncertain row of an Update (the owner's choice). */
export async function requeueUncertain(db: Db, slug: string, now: Date): Promise<number> {
  const res = await db
    .updateTable("newsletter_deliveries")
    .set(resendOnPurpose(now))
    .where("update_slug", "=", slug)
    .where("state", "=", "uncertain")
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Rows per state of each Update. */
export async function countsByState(
  db: Db,
  slugs?: readonly string[],
): Promise<Map<string, Record<DeliveryState, number>>> {
  let query = db
    .selectFrom("newsletter_deliveries")
    .select((eb) => ["update_slug", "state", eb.fn.countAll<string | number>().as("n")])
    .groupBy(["update_slug", "state"]);
  if (slugs) {
    if (slugs.length === 0) return new Map();
    query = query.where("update_slug", "in", slugs);
  }
  const out = new Map<string, Record<DeliveryState, number>>();
  for (const row of await query.execute()) {
    const counts = out.get(row.update_slug) ?? emptyCounts();
    counts[row.state] = Number(row.n);
    out.set(row.update_slug, counts);
  }
  return out;
}

export function emptyCounts(): Record<DeliveryState, number> {
  return {
    pending: 0,
    claimed: 0,
    attempted: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    uncertain: 0,
  };
}

/** Rows still open (pending, claimed, attempted) of an Update. */
export async function openCount(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom("newsletter_deliveries")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("update_slug", "=", slug)
    .where("state", "in", [...OPEN_STATES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The earliest due time of a pending row of a sending Update (to sleep until then). */
export async function nextDueAt(db: Db): Promise<IsoTime | null> {
  const row = await db
    .selectFrom("newsletter_deliveries")
    .select((eb) => eb.fn.min("due_at").as("next"))
    .where("state", "=", "pending")
    .where("update_slug", "in", (eb) =>
      eb.selectFrom("newsletter_updates").select("slug").where("status", "=", "sending"),
    )
    .executeTakeFirst();
  return row?.next ? String(row.next) : null;
}
