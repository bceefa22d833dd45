import { type Kysely, sql } from "kysely";
import type { Database } from "./db/schema.js";
import { sha256Hex } from "./tokens.server.js";

export { ipBucket } from "./ip.js";

export interface RateLimitRule {
  /** Allowed hits per window. */
  max: number;
  windowMs: number;
}

export interface RateLimitRules {
  /** Signups per IP (IPv6 per /64). */
  perIp: RateLimitRule;
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
): Promise<{ allowed: boolean; retryAfterSeconds: number; windowEnd: Date }> {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const row = await db
    .insertInto("newsletter_rate_limits")
    .values({ bucket, window_start: new Date(start).toISOString(), hits: 1 })
    .onConflict((oc) =>
      oc
        .columns(["bucket", "window_start"])
        .doUpdateSet({ hits: sql<number>`newsletter_rate_limits.hits + 1` }),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.ceil((start + rule.windowMs - now.getTime()) / 1000);
  return {
    allowed: Number(row.hits) <= rule.max,
    retryAfterSeconds,
    windowEnd: new Date(start + rule.windowMs),
  };
}

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

/** Failed attempts at something an app guards (a login), counted in the shared table. */
export interface FailedAttempts {
  /** Seconds until another attempt is allowed, or null when the limit is not reached. */
  blockedForSeconds(): Promise<number | null>;
  /** Count one failed attempt. */
  record(): Promise<void>;
  /** Forget the failures of this key (after a successful attempt). */
  clear(): Promise<void>;
}

/**
 * The apps' own limits (the results login) in the same table as the signup limits, so they
 * hold across every instance on one database. The key is hashed: a key holding a client
 * address stores no address.
 */
export function failedAttempts(
  db: Kysely<Database>,
  key: string,
  rule: RateLimitRule,
  now: () => Date,
): FailedAttempts {
  if (!key) throw new Error("failedAttempts: the key must not be empty");
  const bucket = `guard:${sha256Hex(`guard\n${key}`)}`;
  const windowStart = (at: Date) =>
    new Date(Math.floor(at.getTime() / rule.windowMs) * rule.windowMs);
  return {
    async blockedForSeconds() {
      const at = now();
      const start = windowStart(at);
      const row = await db
        .selectFrom("newsletter_rate_limits")
        .select("hits")
        .where("bucket", "=", bucket)
        .where("window_start", "=", start.toISOString())
        .executeTakeFirst();
      if (Number(row?.hits ?? 0) < rule.max) return null;
      return Math.ceil((start.getTime() + rule.windowMs - at.getTime()) / 1000);
    },
    async record() {
      await hit(db, bucket, rule, now());
    },
    async clear() {
      await db.deleteFrom("newsletter_rate_limits").where("bucket", "=", bucket).execute();
    },
  };
}
