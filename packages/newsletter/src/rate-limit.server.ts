import { type Kysely, sql } from "kysely";
import type { Database } from "./db/schema.js";
import { sha256Hex } from "./tokens.server.js";

export interface RateLimitRule {
  /** Allowed hits per window. */
  max: number;
  windowMs: number;
}

export interface RateLimitRules {
  perIp: RateLimitRule;
  perEmail: RateLimitRule;
  /**
   * Requests without an IP (the app did not pass one) share this one bucket: a missing
   * IP must not switch the per-IP limit off.
   */
  withoutIp: RateLimitRule;
}

/** The bucket all requests without a known IP share. */
export const NO_IP_BUCKET = "ip:unknown";

/**
 * Fixed-window counters in the database, so that limits hold across app instances: one
 * atomic upsert per hit, no read-modify-write race.
 */
export async function hit(
  db: Kysely<Database>,
  bucket: string,
  rule: RateLimitRule,
  now: Date,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
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
  return { allowed: Number(row.hits) <= rule.max, retryAfterSeconds };
}

/** Group IPv6 clients by /64 (one household or host), IPv4 by address. */
export function ipBucket(ip: string): string {
  const v = ip
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (!v.includes(":")) return `ip:${v}`;
  const [head = ""] = v.split("::");
  const groups = head.split(":").filter(Boolean);
  return `ip6:${groups.slice(0, 4).join(":")}`;
}

/** Addresses are hashed: the rate-limit table holds no personal data in the clear. */
export function emailBucket(emailKey: string): string {
  return `email:${sha256Hex(emailKey)}`;
}

export async function pruneRateLimits(db: Kysely<Database>, olderThan: Date): Promise<number> {
  const result = await db
    .deleteFrom("newsletter_rate_limits")
    .where("window_start", "<", olderThan.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
