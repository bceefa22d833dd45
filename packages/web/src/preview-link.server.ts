import { createHmac, timingSafeEqual } from "node:crypto";
import type { ContentKind } from "@vaart/newsletter/content-store";

function signature(secret: string, kind: ContentKind, slug: string, revision: number): Buffer {
  return createHmac("sha256", secret).update(`${kind}/${slug}/${revision}`, "utf8").digest();
}

/**
 * The token of a link that shows one stored version on the public route
 * (`?voorbeeld=<token>&versie=<revision>`): an HMAC of kind, slug and revision keyed by
 * PREVIEW_TOKEN, so a leaked link opens that one version and nothing else.
 */
export function previewToken(
  secret: string,
  kind: ContentKind,
  slug: string,
  revision: number,
): string {
  return signature(secret, kind, slug, revision).toString("base64url");
}

/** Whether `token` is the preview token of exactly this version (compared in constant time). */
export function previewTokenValid(
  secret: string,
  kind: ContentKind,
  slug: string,
  revision: number,
  token: unknown,
): boolean {
  if (typeof token !== "string" || secret.length === 0) return false;
  if (!Number.isSafeInteger(revision) || revision < 1) return false;
  // Compared as text, so another spelling of the same bytes (base64 is lenient) is refused too.
  const expected = Buffer.from(previewToken(secret, kind, slug, revision), "utf8");
  const given = Buffer.from(token, "utf8");
  // A token of another length cannot match; timingSafeEqual needs equal lengths.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
