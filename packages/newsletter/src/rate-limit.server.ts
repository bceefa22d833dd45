import { type Kysely, sql } from "kysely";
import { prepared } from "./db/prepared.server.js";
import type { Database } from "./db/schema.js";
import { sha256Hex } from "./tokens.server.js";

export { ipBucket, networkBucket } from "./ip.js";

export interface RateLimitRule {
  /** Allowed hits per window. */
  max: number;
  windowMs: number;
}

export interface RateLimitRules {
  /** Signups per IP (IPv6 per /64). */
  perIp: RateLimitRule;
  /**
   * Signups (and, in a bucket of their own, requests for a new mail) per network: IPv4 /24,
   * IPv6 /48. Counted only for requests within their own per-IP limit.
   */
  perNetwork: RateLimitRule;
  /** Requests for a new confirmation mail per IP: a bucket of its own. */
  requestNewPerIp: RateLimitRule;
  /**
   * Confirmation mails per mailbox, sliding window (3 in 30 days), whatever the route:
   * signup, request-new or resend. Only requests that send a mail spend it.
   */
  perMailbox: RateLimitRule;
}

/**
 * Fixed-window counters in the database, so that limits hold across app instances: one
 * atomic upsert per hit, no read-modify-write race.
 */
export async function hit(
  db: Kysely<Database>,
  bucket: string,
  rule: RateLimitRule,
  now: Date,
): Promise<{ allowed: boolean; retryAfterSeconds: number; windowEnd: Date; hits: number }> {
  const window = fixedWindow(rule.windowMs, now);
  const result = await hitQuery(db, { bucket, window_start: window.startIso });
  const row = result.rows[0];
  if (!row) throw new Error(`rate limit ${bucket}: the counter's upsert returned no row`);
  const hits = Number(row.hits);
  return {
    allowed: hits <= rule.max,
    retryAfterSeconds: window.retryAfterSeconds,
    windowEnd: window.end,
    hits,
  };
}

/** The fixed window `now` falls in: its start (as stored), its end, the seconds left. */
export function fixedWindow(windowMs: number, now: Date) {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    startIso: new Date(start).toISOString(),
    end: new Date(start + windowMs),
    retryAfterSeconds: Math.ceil((start + windowMs - now.getTime()) / 1000),
  };
}

// Compiled once (prepared): a signup runs these several times.
const hitQuery = prepared<{ bucket: string; window_start: string }, { hits: number }>((db, p) =>
  db
    .insertInto("newsletter_rate_limits")
    .values({ bucket: p.bucket, window_start: p.window_start, hits: 1 })
    .onConflict((oc) =>
      oc
        .columns(["bucket", "window_start"])
        .doUpdateSet({ hits: sql<number>`newsletter_rate_limits.hits + 1` }),
    )
    .returning("hits"),
);

/**
 * Take one of `max` slots in this window only if one is left: an atomic conditional upsert,
 * so the count is the number of slots really taken (a refused request spends nothing, and
 * a lower `max` for one kind of request leaves the rest of the window to others).
 */
export async function takeSlot(
  db: Kysely<Database>,
  bucket: string,
  max: number,
  windowMs: number,
  now: Date,
): Promise<{ allowed: boolean; windowEnd: Date }> {
  const allowed = await takeSlots(db, bucket, max, 1, windowMs, now);
  return { allowed, windowEnd: fixedWindow(windowMs, now).end };
}

/**
 * takeSlot for `count` requests at once, all or nothing: all are allowed when `count` slots
 * are left, and none is taken otherwise (the caller then takes them one by one, so the
 * outcome is the same as `count` calls of takeSlot in a row). One statement for a batch of
 * mails instead of one each.
 */
export async function takeSlots(
  db: Kysely<Database>,
  bucket: string,
  max: number,
  count: number,
  windowMs: number,
  now: Date,
): Promise<boolean> {
  if (count < 1) return true;
  if (count > max) return false;
  const window = fixedWindow(windowMs, now);
  const result = await takeSlotsQuery(db, {
    bucket,
    window_start: window.startIso,
    count,
    room: max - count,
  });
  return result.rows.length > 0;
}

const takeSlotsQuery = prepared<
  { bucket: string; window_start: string; count: number; room: number },
  { hits: number }
>((db, p) =>
  db
    .insertInto("newsletter_rate_limits")
    .values({ bucket: p.bucket, window_start: p.window_start, hits: p.count })
    .onConflict((oc) =>
      oc
        .columns(["bucket", "window_start"])
        .doUpdateSet({ hits: sql<number>`newsletter_rate_limits.hits + ${p.count}` })
        // hits + count <= max, with max - count as one parameter
        .where("newsletter_rate_limits.hits", "<=", p.room),
    )
    .returning("hits"),
);

/** Mailbox keys are hashed: the limit tables hold no address in the clear. */
export function mailboxHash(mailboxKey: string): string {
  return sha256Hex(`mailbox\n${mailboxKey}`);
}

/** The bucket of the site-wide hourly cap on confirmation mails. */
export const SITE_MAIL_BUCKET = "site:confirmation-mails";

export async function pruneRateLimits(db: Kysely<Database>, olderThan: Date): Promise<number> {
  const result = await db
    .deleteFrom("newsletter_rate_limits")
    .where("window_start", "<", olderThan.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Attempts at something an app guards (a login), counted in the shared table. */
export interface FailedAttempts {
  /**
   * Count one attempt now, atomically, and say whether it is within the limit. Count first,
   * then check the password: a check-then-count lets a burst of parallel guesses all pass.
   */
  take(): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /** Seconds until one more attempt would be allowed, without counting one; null when now. */
  blockedForSeconds(): Promise<number | null>;
  /** Forget this key's attempts (after a successful one). */
  clear(): Promise<void>;
}

/**
 * The apps' own limits (the results login) in the same table as the signup limits, so they
 * hold across every instance on one database. The key is hashed: a key holding a client
 * address stores no address.
 *
 * A sliding window, estimated from two fixed ones (this window's attempts plus the previous
 * window's, weighted by how much of it the sliding window still covers): a limit of 5 per
 * 15 minutes is 5 per any 15 minutes, not 10 around a quarter past.
 */
export function failedAttempts(
  db: Kysely<Database>,
  key: string,
  rule: RateLimitRule,
  now: () => Date,
): FailedAttempts {
  if (!key) throw new Error("failedAttempts: the key must not be empty");
  const bucket = `guard:${sha256Hex(`guard\n${key}`)}`;
  const windowMs = rule.windowMs;

  async function hitsIn(start: number): Promise<number> {
    const row = await db
      .selectFrom("newsletter_rate_limits")
      .select("hits")
      .where("bucket", "=", bucket)
      .where("window_start", "=", new Date(start).toISOString())
      .executeTakeFirst();
    return Number(row?.hits ?? 0);
  }

  /** The estimate at `at`, and the seconds until it drops to `below` or under. */
  function estimate(at: number, current: number, previous: number, below: number) {
    const start = Math.floor(at / windowMs) * windowMs;
    const count = current + previous * (1 - (at - start) / windowMs);
    if (count <= below) return { count, waitSeconds: 0 };
    // Still in this window while the previous one's share fades out…
    let until = previous > 0 ? start + windowMs * (1 - (below - current) / previous) : Infinity;
    // …or only in the next window, while this one's attempts fade out.
    if (current > below || !(until <= start + windowMs)) {
      until = start + windowMs + windowMs * (1 - below / Math.max(current, 1));
    }
    return { count, waitSeconds: Math.max(1, Math.ceil((until - at) / 1000)) };
  }

  return {
    async take() {
      const at = now();
      const counted = await hit(db, bucket, rule, at);
      const start = Math.floor(at.getTime() / windowMs) * windowMs;
      const previous = await hitsIn(start - windowMs);
      const { count, waitSeconds } = estimate(at.getTime(), counted.hits, previous, rule.max - 1);
      return { allowed: count <= rule.max, retryAfterSeconds: waitSeconds };
    },
    async blockedForSeconds() {
      const at = now().getTime();
      const start = Math.floor(at / windowMs) * windowMs;
      const [current, previous] = await Promise.all([hitsIn(start), hitsIn(start - windowMs)]);
      const { waitSeconds } = estimate(at, current, previous, rule.max - 1);
      return waitSeconds === 0 ? null : waitSeconds;
    },
    async clear() {
      await db.deleteFrom("newsletter_rate_limits").where("bucket", "=", bucket).execute();
    },
  };
}
