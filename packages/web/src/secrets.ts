import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a submitted secret (a password, a preview token) with the configured one in
 * constant time: both are hashed first, so neither the content nor the length of the
 * configured secret shows in the time the comparison takes.
 */
export function secretMatches(submitted: unknown, configured: string): boolean {
  if (typeof submitted !== "string" || configured.length === 0) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(submitted), digest(configured));
}
