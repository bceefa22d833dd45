import { createHash } from "node:crypto";

/**
 * Cache-Control values. Content pages may be kept by a CDN and by browsers for 5 minutes
 * and served stale for a day while revalidating (ETag → 304); the newsletter form token
 * on those pages stays valid for longer than that (see @vaart/newsletter). Anything that
 * answers a form is never stored.
 */
export const cacheControl = {
  content: "public, max-age=300, stale-while-revalidate=86400",
  noStore: "no-store",
  immutable: "public, max-age=31536000, immutable",
  /**
   * What lists the database's Updates (the archive, its feed, the sitemap): a new Update is
   * there within a minute of its sending starting, in each instance's page cache and a CDN,
   * which may serve the old list for up to 10 minutes more while it revalidates (ETag → 304).
   */
  recent: "public, max-age=60, stale-while-revalidate=600",
  /** Files without a hash in their name (favicon, robots.txt). */
  shortLived: "public, max-age=3600",
} as const;

/**
 * Cache-Control for content that changes at a known moment (a campaign that ends): like
 * `content`, but no cache may keep it, fresh or stale, past `changesAt`. Returns no-store
 * when the moment has come.
 */
export function cacheControlUntil(changesAt: Date, now: Date, maxAgeSeconds = 300): string {
  const left = Math.floor((changesAt.getTime() - now.getTime()) / 1000);
  if (left <= 0) return cacheControl.noStore;
  const maxAge = Math.min(maxAgeSeconds, left);
  const stale = Math.min(86400, left - maxAge);
  return stale > 0
    ? `public, max-age=${maxAge}, stale-while-revalidate=${stale}`
    : `public, max-age=${maxAge}`;
}

/** A weak validator: the same page compressed or not is the same resource. */
export function weakEtag(body: string | Uint8Array): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** True when an If-None-Match header lists `etag` (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === wanted);
}
