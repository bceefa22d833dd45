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
  /** Files without a hash in their name (favicon, robots.txt). */
  shortLived: "public, max-age=3600",
} as const;

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
