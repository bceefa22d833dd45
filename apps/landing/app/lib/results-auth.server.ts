import { createHmac } from "node:crypto";
import { getNewsletter, secretMatches, type VaartLoadContext } from "@vaart/web";
import { secret } from "./settings.server";

const cookieName = "vaart_resultaten";
const sessionSeconds = 8 * 3600;

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

/**
 * Wrong passwords allowed per 15 minutes: per client address, and from all addresses
 * together. Counted in the database, so every instance of the app shares the count.
 */
const attemptWindowMs = 15 * 60_000;
const limits = { perClient: 5, overall: 50 } as const;

/**
 * Check a submitted password: constant-time compare, and a limit on wrong attempts per
 * client address and overall (while blocked, even the right password waits).
 */
export async function checkPassword(
  password: unknown,
  clientKey: string,
  context: Partial<VaartLoadContext>,
): Promise<LoginResult> {
  const newsletter = getNewsletter();
  const client = newsletter.failedAttempts(`results-login:${clientKey}`, {
    max: limits.perClient,
    windowMs: attemptWindowMs,
  });
  const everyone = newsletter.failedAttempts("results-login:*", {
    max: limits.overall,
    windowMs: attemptWindowMs,
  });
  const wait = (await client.blockedForSeconds()) ?? (await everyone.blockedForSeconds());
  if (wait !== null) return { status: "rate-limited", retryAfterSeconds: wait };
  if (secretMatches(password, secret(context, "RESULTS_PASSWORD"))) {
    await client.clear();
    return { status: "ok" };
  }
  await Promise.all([client.record(), everyone.record()]);
  return { status: "wrong" };
}
