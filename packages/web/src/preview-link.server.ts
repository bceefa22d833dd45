import { createHmac, timingSafeEqual } from "node:crypto";
import type { ContentKind } from "@vaart/newsletter/content-store";

/**
 * The token of a preview link for one stored version: `?voorbeeld=<token>&versie=<revision>`.
 * An HMAC of kind, slug and revision keyed by PREVIEW_TOKEN, so a leaked link shows that one
 * version only (not the next draft, not another document) and PREVIEW_TOKEN itself never
 * appears in a link.
 */
export function previewToken(
  secret: string,
  kind: ContentKind,
  slug: string,
  revision: number,
): string {
  return createHmac("sha256", secret).update(`${kind}/${slug}/${revision}`).digest("base64url");
}

/** Whether `token` is the preview token of this version (timing-safe; false without a secret). */
export function previewTokenValid(
  secret: string,
  kind: ContentKind,
  slug: string,
  revision: number,
  token: unknown,
): boolean {
  if (typeof token !== "string" || secret.length === 0) return false;
  if (!Number.isSafeInteger(revision) || revision < 1) return false;
  const expected = Buffer.from(previewToken(secret, kind, slug, revision));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
