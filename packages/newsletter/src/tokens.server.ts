import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

function hmac(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(`${purpose}\n${value}`, "utf8").digest("base64url");
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, "utf8");
  const bb = Buffer.from(b, "utf8");
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function newId(): string {
  return randomUUID();
}

/** A single-use confirmation token (256 random bits) and the hash that is stored. */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256Hex(token) };
}

export function hashConfirmationToken(token: string): string {
  return sha256Hex(token);
}

/**
 * The form token: `<bucketStartMs>.<hmac>`. It is the same for every call within one time
 * bucket (1 h by default), so a page cached by a CDN and revalidated with ETag → 304 keeps
 * one token and one ETag for every visitor; it is not bound to a user agent and not single
 * use. It proves that the form was fetched from us (signed with our secret) recently
 * (younger than `maxFormAgeMs`). Bots are stopped by the honeypot, the mailbox caps and the
 * rate limits; see docs/decisions/0005-form-token-survives-a-shared-cache.md.
 */
export function issueFormToken(secrets: readonly string[], now: Date, bucketMs: number): string {
  const start = Math.floor(now.getTime() / bucketMs) * bucketMs;
  return `${start}.${hmac(secrets[0] ?? "", "form", String(start))}`;
}

export type FormTokenCheck =
  | { ok: true; ageMs: number; issuedAt: Date }
  | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "expired" | "future" };

export interface FormTokenLimits {
  maxAgeMs: number;
  /**
   * Clocks of app instances may differ (0.5 s by default): a token issued by an instance
   * whose clock is ahead may start a bucket slightly in the future for another instance.
   */
  clockSkewMs: number;
}

/**
 * Form tokens whose signature checked out, per secrets list: every visitor within a bucket
 * posts the same token (an hour by default), and one HMAC per signup was a measurable part
 * of its CPU. Only good tokens are kept (a forged one is checked every time), and only a
 * few: a bucket's token and its neighbour's. Age and clock checks still run every time.
 */
const signed = new WeakMap<readonly string[], Set<string>>();
const SIGNED_KEPT = 4;

function signedFormTokens(secrets: readonly string[]): Set<string> {
  let set = signed.get(secrets);
  if (!set) {
    set = new Set();
    signed.set(secrets, set);
  }
  return set;
}

function rememberSigned(secrets: readonly string[], token: string): void {
  const set = signedFormTokens(secrets);
  if (set.size >= SIGNED_KEPT) set.delete(set.values().next().value as string);
  set.add(token);
}

export function verifyFormToken(
  secrets: readonly string[],
  token: string | null,
  now: Date,
  limits: FormTokenLimits,
): FormTokenCheck {
  if (token === null) return { ok: false, reason: "missing" };
  if (token.length > 100) return { ok: false, reason: "malformed" };
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!match?.[1] || !match[2]) return { ok: false, reason: "malformed" };
  const mac = match[2];
  const known = signedFormTokens(secrets).has(match[0]);
  if (!known && !secrets.some((secret) => safeEqual(hmac(secret, "form", match[1] ?? ""), mac))) {
    return { ok: false, reason: "bad-signature" };
  }
  const issuedAtMs = Number(match[1]);
  const ageMs = now.getTime() - issuedAtMs;
  if (ageMs < -limits.clockSkewMs) return { ok: false, reason: "future" };
  if (ageMs > limits.maxAgeMs) return { ok: false, reason: "expired" };
  // Only a token valid now is remembered: replayed old ones cannot push the current out.
  if (!known) rememberSigned(secrets, match[0]);
  return { ok: true, ageMs, issuedAt: new Date(issuedAtMs) };
}

function uuidToBase64url(id: string): string {
  return Buffer.from(id.replaceAll("-", ""), "hex").toString("base64url");
}

function base64urlToUuid(value: string): string | null {
  const bytes = Buffer.from(value, "base64url");
  // 22 characters carry 132 bits for 128: the last character's 4 unused bits would give
  // each token 16 accepted spellings. Only the one we issue is accepted.
  if (bytes.toString("base64url") !== value) return null;
  const hex = bytes.toString("hex");
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Unsubscribe tokens are the subscriber id signed with the secret: they never expire (a
 * mail from a year ago must still unsubscribe) and need no storage. Base64url only (22
 * characters of id + 43 of MAC), so the token can be a URL path segment. Signed with the
 * first secret, verified with every secret in the list, so a rotation keeps old links.
 */
export function unsubscribeToken(secrets: readonly string[], subscriberId: string): string {
  return `${uuidToBase64url(subscriberId)}${hmac(secrets[0] ?? "", "unsubscribe", subscriberId)}`;
}

export function verifyUnsubscribeToken(secrets: readonly string[], token: string): string | null {
  const parsed = parseUnsubscribeToken(token);
  if (!parsed) return null;
  const { subscriberId, mac } = parsed;
  return secrets.some((secret) => safeEqual(hmac(secret, "unsubscribe", subscriberId), mac))
    ? subscriberId
    : null;
}

/** The subscriber id and signature an unsubscribe token holds, unchecked; null when malformed. */
export function parseUnsubscribeToken(token: string): { subscriberId: string; mac: string } | null {
  if (token.length > 200) return null;
  const value = token.trim();
  let id: string | null = null;
  let mac: string | undefined;
  const current = /^([A-Za-z0-9_-]{22})([A-Za-z0-9_-]{43})$/.exec(value);
  if (current?.[1] && current[2]) {
    id = base64urlToUuid(current[1]);
    mac = current[2];
  } else {
    // The earlier format `<uuid>.<mac>` (links mailed before tokens moved into the path).
    const legacy = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value);
    if (legacy?.[1] && legacy[2]) {
      id = legacy[1];
      mac = legacy[2];
    }
  }
  if (!id || !mac) return null;
  return { subscriberId: id, mac };
}
