import { createHmac } from "node:crypto";
import { getNewsletter, secretMatches, type VaartLoadContext } from "@vaart/web";
import { secret } from "./settings.server";

/**
 * Two signed cookies, both keyed on the password (changing RESULTS_PASSWORD ends them all):
 * the session (8 hours), and "this browser logged in before" (90 days), which lets the right
 * password through while wrong guesses from everywhere have closed the login for everyone
 * else (OWASP's device cookies): a flood of guesses cannot lock marketing out.
 */
const cookies = {
  session: { name: "vaart_resultaten", seconds: 8 * 3600, purpose: "vaart-results-session" },
  knownDevice: { name: "vaart_apparaat", seconds: 90 * 86400, purpose: "vaart-results-device" },
} as const;
type SignedCookie = (typeof cookies)[keyof typeof cookies];

function sign(context: Partial<VaartLoadContext>, cookie: SignedCookie, expires: number): string {
  const key = createHmac("sha256", secret(context, "RESULTS_PASSWORD"))
    .update(cookie.purpose)
    .digest("base64url");
  return createHmac("sha256", key).update(String(expires)).digest("base64url");
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

function carries(
  request: Request,
  context: Partial<VaartLoadContext>,
  cookie: SignedCookie,
  now: number,
): boolean {
  const value = readCookie(request, cookie.name);
  const match = value ? /^(\d+)\.([\w-]+)$/.exec(value) : null;
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= now) return false;
  return secretMatches(match[2], sign(context, cookie, expires));
}

/** True when the request carries a session cookie this server signed and that has not expired. */
export function hasResultsSession(
  request: Request,
  context: Partial<VaartLoadContext>,
  now = Date.now(),
): boolean {
  return carries(request, context, cookies.session, now);
}

function cookieAttributes(context: Partial<VaartLoadContext>, maxAge: number): string {
  const secure = context.config?.siteUrl.protocol === "https:" ? "; Secure" : "";
  return `Path=/resultaten; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

function signedCookie(context: Partial<VaartLoadContext>, cookie: SignedCookie, now: number) {
  const expires = now + cookie.seconds * 1000;
  return `${cookie.name}=${expires}.${sign(context, cookie, expires)}; ${cookieAttributes(context, cookie.seconds)}`;
}

/** After a successful login: the session, and the mark of a browser that logged in before. */
export function loginCookies(context: Partial<VaartLoadContext>, now = Date.now()): string[] {
  return [
    signedCookie(context, cookies.session, now),
    signedCookie(context, cookies.knownDevice, now),
  ];
}

export function clearedSessionCookie(context: Partial<VaartLoadContext>): string {
  return `${cookies.session.name}=; ${cookieAttributes(context, 0)}`;
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
  request: Request,
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
  // A browser that logged in before is held only by its own address's limit.
  const knownDevice = carries(request, context, cookies.knownDevice, Date.now());
  const wait =
    (await client.blockedForSeconds()) ?? (knownDevice ? null : await everyone.blockedForSeconds());
  if (wait !== null) return { status: "rate-limited", retryAfterSeconds: wait };
  if (secretMatches(password, secret(context, "RESULTS_PASSWORD"))) {
    await client.clear();
    return { status: "ok" };
  }
  await Promise.all([client.record(), everyone.record()]);
  return { status: "wrong" };
}
