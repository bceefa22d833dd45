import { createHmac } from "node:crypto";
import { secretMatches, type VaartLoadContext } from "@vaart/web";
import { secret } from "./settings.server";

const cookieName = "vaart_resultaten";
const sessionSeconds = 8 * 3600;

/** Failed attempts per client address: at most 5 per 15 minutes (per server process). */
const attemptWindowMs = 15 * 60_000;
const maxFailures = 5;
const failures = new Map<string, { count: number; resetAt: number }>();

function sessionKey(context: Partial<VaartLoadContext>): string {
  // Derived from the password: changing RESULTS_PASSWORD ends every session.
  return createHmac("sha256", secret(context, "RESULTS_PASSWORD"))
    .update("vaart-results-session")
    .digest("base64url");
}

function sign(context: Partial<VaartLoadContext>, expires: number): string {
  return createHmac("sha256", sessionKey(context)).update(String(expires)).digest("base64url");
}

function readCookie(request: Request): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === cookieName) return rest.join("=");
  }
  return null;
}

/** True when the request carries a session cookie this server signed and that has not expired. */
export function hasResultsSession(
  request: Request,
  context: Partial<VaartLoadContext>,
  now = Date.now(),
): boolean {
  const value = readCookie(request);
  const match = value ? /^(\d+)\.([\w-]+)$/.exec(value) : null;
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= now) return false;
  return secretMatches(match[2], sign(context, expires));
}

function cookieAttributes(context: Partial<VaartLoadContext>, maxAge: number): string {
  const secure = context.config?.siteUrl.protocol === "https:" ? "; Secure" : "";
  return `Path=/resultaten; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

export function sessionCookie(context: Partial<VaartLoadContext>, now = Date.now()): string {
  const expires = now + sessionSeconds * 1000;
  return `${cookieName}=${expires}.${sign(context, expires)}; ${cookieAttributes(context, sessionSeconds)}`;
}

export function clearedSessionCookie(context: Partial<VaartLoadContext>): string {
  return `${cookieName}=; ${cookieAttributes(context, 0)}`;
}

export type LoginResult =
  | { status: "ok" }
  | { status: "wrong" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/** Wrong attempts allowed per window: per client address, and from all addresses together. */
const limits = { perClient: maxFailures, overall: 50 } as const;

function blockedFor(key: string, limit: number, now: number): number | null {
  const entry = failures.get(key);
  if (entry && entry.resetAt <= now) failures.delete(key);
  const current = failures.get(key);
  return current && current.count >= limit ? Math.ceil((current.resetAt - now) / 1000) : null;
}

function recordFailure(key: string, now: number) {
  const entry = failures.get(key) ?? { count: 0, resetAt: now + attemptWindowMs };
  entry.count += 1;
  failures.set(key, entry);
}

/**
 * Check a submitted password: constant-time compare, and a limit on wrong attempts per
 * client address and overall (while blocked, even the right password waits).
 */
export function checkPassword(
  password: unknown,
  clientKey: string,
  context: Partial<VaartLoadContext>,
  now = Date.now(),
): LoginResult {
  const wait =
    blockedFor(`ip:${clientKey}`, limits.perClient, now) ?? blockedFor("*", limits.overall, now);
  if (wait !== null) return { status: "rate-limited", retryAfterSeconds: wait };
  if (secretMatches(password, secret(context, "RESULTS_PASSWORD"))) {
    failures.delete(`ip:${clientKey}`);
    return { status: "ok" };
  }
  recordFailure(`ip:${clientKey}`, now);
  recordFailure("*", now);
  if (failures.size > 10_000) {
    for (const [key, value] of failures) if (value.resetAt <= now) failures.delete(key);
  }
  return { status: "wrong" };
}
