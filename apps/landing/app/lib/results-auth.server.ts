import { createHmac, randomBytes } from "node:crypto";
import { ipBucket, normaliseIp } from "@vaart/newsletter";
import { getNewsletter, secretMatches, type VaartLoadContext } from "@vaart/web";
import { secret } from "./settings.server";

/**
 * Two signed cookies, both keyed on the password (changing RESULTS_PASSWORD ends them all):
 * the session (8 hours), and "this browser logged in before" (90 days, with a random id of
 * its own), which lets the right password through while guesses from everywhere have closed
 * the login for everyone else — OWASP's device cookies: a flood cannot lock marketing out. A
 * device's own wrong guesses are counted too, so a copied cookie is no key for guessing.
 */
const cookies = {
  session: { name: "vaart_resultaten", seconds: 8 * 3600, purpose: "vaart-results-session" },
  knownDevice: { name: "vaart_apparaat", seconds: 90 * 86400, purpose: "vaart-results-device" },
} as const;
type SignedCookie = (typeof cookies)[keyof typeof cookies];

function sign(context: Partial<VaartLoadContext>, cookie: SignedCookie, payload: string): string {
  const key = createHmac("sha256", secret(context, "RESULTS_PASSWORD"))
    .update(cookie.purpose)
    .digest("base64url");
  return createHmac("sha256", key).update(payload).digest("base64url");
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** The payload (`<id>.<expires>` or `<expires>`) of a valid, unexpired cookie, or null. */
function verified(
  request: Request,
  context: Partial<VaartLoadContext>,
  cookie: SignedCookie,
  now: number,
): string | null {
  const value = readCookie(request, cookie.name);
  const match = value ? /^((?:[\w-]{22}\.)?(\d+))\.([\w-]+)$/.exec(value) : null;
  if (!match?.[1] || !match[2] || !match[3]) return null;
  if (Number(match[2]) <= now) return null;
  return secretMatches(match[3], sign(context, cookie, match[1])) ? match[1] : null;
}

/** True when the request carries a session cookie this server signed and that has not expired. */
export function hasResultsSession(
  request: Request,
  context: Partial<VaartLoadContext>,
  now = Date.now(),
): boolean {
  return verified(request, context, cookies.session, now) !== null;
}

function cookieAttributes(context: Partial<VaartLoadContext>, maxAge: number): string {
  const secure = context.config?.siteUrl.protocol === "https:" ? "; Secure" : "";
  return `Path=/resultaten; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

function signedCookie(
  context: Partial<VaartLoadContext>,
  cookie: SignedCookie,
  now: number,
  id?: string,
) {
  const payload = `${id ? `${id}.` : ""}${now + cookie.seconds * 1000}`;
  return `${cookie.name}=${payload}.${sign(context, cookie, payload)}; ${cookieAttributes(context, cookie.seconds)}`;
}

/** After a successful login: the session, and the mark of a browser that logged in before. */
export function loginCookies(context: Partial<VaartLoadContext>, now = Date.now()): string[] {
  return [
    signedCookie(context, cookies.session, now),
    signedCookie(context, cookies.knownDevice, now, randomBytes(16).toString("base64url")),
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
 * Attempts allowed per 15 minutes (sliding): per client address (an IPv6 /64 is one
 * address), from all addresses together, and per known browser. Counted in the database, so
 * every instance of the app shares the counts.
 */
const attemptWindowMs = 15 * 60_000;
const limits = {
  perClient: { max: 5, windowMs: attemptWindowMs },
  overall: { max: 50, windowMs: attemptWindowMs },
  perDevice: { max: 5, windowMs: attemptWindowMs },
} as const;

/**
 * Check a submitted password. Every attempt is counted before the password is compared (so
 * parallel guesses cannot all slip through), and the comparison takes constant time. While a
 * limit holds, even the right password waits — except from a known browser, which only its
 * own limits hold.
 */
export async function checkPassword(
  password: unknown,
  clientIp: string | null,
  context: Partial<VaartLoadContext>,
  request: Request,
): Promise<LoginResult> {
  const newsletter = getNewsletter();
  const address = clientIp ? ipBucket(normaliseIp(clientIp) ?? clientIp) : "unknown";
  const client = newsletter.failedAttempts(`results-login:${address}`, limits.perClient);
  const byClient = await client.take();
  if (!byClient.allowed)
    return { status: "rate-limited", retryAfterSeconds: byClient.retryAfterSeconds };

  const deviceId = verified(request, context, cookies.knownDevice, Date.now())?.split(".")[0];
  const device = deviceId
    ? newsletter.failedAttempts(`results-login:device:${deviceId}`, limits.perDevice)
    : null;
  const trustedDevice = device ? (await device.blockedForSeconds()) === null : false;
  if (!trustedDevice) {
    const byEveryone = await newsletter.failedAttempts("results-login:*", limits.overall).take();
    if (!byEveryone.allowed) {
      return { status: "rate-limited", retryAfterSeconds: byEveryone.retryAfterSeconds };
    }
  }
  if (secretMatches(password, secret(context, "RESULTS_PASSWORD"))) {
    await client.clear();
    return { status: "ok" };
  }
  if (device) await device.take();
  return { status: "wrong" };
}
