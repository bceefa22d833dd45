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
 * The MAC of a form token covers its payload and a hash of the visitor's user agent: a
 * token harvested by a bot with one browser identity is refused when posted with another.
 * Not the IP: mobile visitors change address mid-session.
 */
function formMac(secret: string, payload: string, userAgent: string | null | undefined): string {
  return hmac(secret, "form", `${payload}\n${sha256Hex((userAgent ?? "").trim())}`);
}

/**
 * The time-trap token a form carries: `<issuedAtMs>.<nonce>.<hmac>`, bound to the user
 * agent the form was rendered for. Proves when and for whom the form was rendered without
 * any server-side state (single use is enforced when a signup is stored).
 */
export function issueFormToken(
  secret: string,
  now: Date,
  userAgent: string | null | undefined,
): string {
  const payload = `${now.getTime()}.${randomBytes(9).toString("base64url")}`;
  return `${payload}.${formMac(secret, payload, userAgent)}`;
}

export type FormTokenCheck =
  | {
      ok: true;
      ageMs: number;
      /** Identifies this token for the single-use check (no secret in it). */
      key: string;
      issuedAt: Date;
    }
  | { ok: false; reason: "malformed" | "bad-signature" | "too-fast" | "expired" };

export interface FormTokenLimits {
  minAgeMs: number;
  maxAgeMs: number;
  /**
   * Clocks of app instances may differ: a form rendered by one and posted to another
   * looks up to this much younger than it is, so the minimum age is relaxed by it.
   */
  clockSkewMs?: number;
}

export function verifyFormToken(
  secret: string,
  token: string,
  now: Date,
  limits: FormTokenLimits,
  userAgent: string | null | undefined,
): FormTokenCheck {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!match) return { ok: false, reason: "malformed" };
  const payload = `${match[1]}.${match[2]}`;
  if (!safeEqual(formMac(secret, payload, userAgent), match[3] ?? "")) {
    return { ok: false, reason: "bad-signature" };
  }
  const issuedAtMs = Number(match[1]);
  const ageMs = now.getTime() - issuedAtMs;
  if (ageMs < limits.minAgeMs - (limits.clockSkewMs ?? 0)) return { ok: false, reason: "too-fast" };
  if (ageMs > limits.maxAgeMs) return { ok: false, reason: "expired" };
  return { ok: true, ageMs, key: sha256Hex(payload), issuedAt: new Date(issuedAtMs) };
}

/**
 * Unsubscribe tokens are the subscriber id signed with the secret: they never expire (a
 * mail from a year ago must still unsubscribe) and need no storage.
 */
export function unsubscribeToken(secret: string, subscriberId: string): string {
  return `${subscriberId}.${hmac(secret, "unsubscribe", subscriberId)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!match?.[1] || !match[2]) return null;
  return safeEqual(hmac(secret, "unsubscribe", match[1]), match[2]) ? match[1] : null;
}
