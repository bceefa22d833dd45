import { ipBucket, normaliseIp, type SessionKind } from "@vaart/newsletter";
import { getNewsletter, secretMatches, type VaartLoadContext } from "@vaart/web";
import { readCookie } from "@vaart/web/remix";
import { secret } from "./settings.server";

/**
 * Two cookies, each holding only a random 256-bit id of a row on the server (stored as its
 * SHA-256): the session (8 hours; logout deletes it), and "this browser logged in before"
 * (90 days), which lets the right password through while guesses from everywhere have closed
 * the login for everyone else — OWASP's device cookies: a flood cannot lock marketing out. A
 * copied cookie holds nothing derived from the password, and a device's own attempts are
 * limited, so it is no key for guessing. Every row remembers a fingerprint of the password it
 * was made under: changing RESULTS_PASSWORD ends them all.
 */
const cookies = {
  session: { name: "vaart_resultaten", seconds: 8 * 3600, kind: "session" },
  knownDevice: { name: "vaart_apparaat", seconds: 90 * 86400, kind: "device" },
} as const satisfies Record<string, { name: string; seconds: number; kind: SessionKind }>;

function sessions(context: Partial<VaartLoadContext>) {
  return getNewsletter().appSessions("results", secret(context, "RESULTS_PASSWORD"));
}

/** True when the request carries a session that the server knows, under today's password. */
export async function hasResultsSession(
  request: Request,
  context: Partial<VaartLoadContext>,
): Promise<boolean> {
  const id = readCookie(request, cookies.session.name);
  if (!id) return false;
  return (await sessions(context).find(cookies.session.kind, id)) !== null;
}

function cookieAttributes(context: Partial<VaartLoadContext>, maxAge: number): string {
  const secure = context.config?.siteUrl.protocol === "https:" ? "; Secure" : "";
  return `Path=/resultaten; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

/** After a successful login: a new session, and the mark of a browser that logged in before. */
export async function loginCookies(context: Partial<VaartLoadContext>): Promise<string[]> {
  const store = sessions(context);
  const made: string[] = [];
  for (const cookie of [cookies.session, cookies.knownDevice]) {
    const { id } = await store.create(cookie.kind, cookie.seconds * 1000);
    made.push(`${cookie.name}=${id}; ${cookieAttributes(context, cookie.seconds)}`);
  }
  return made;
}

/** Logout: the session ends on the server (a copy of the cookie opens nothing) and in the browser. */
export async function endSession(
  request: Request,
  context: Partial<VaartLoadContext>,
): Promise<string> {
  await sessions(context).revoke(cookies.session.kind, readCookie(request, cookies.session.name));
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
 * Check a submitted password. Every attempt is counted, atomically, before the password is
 * compared — per address, and per known browser or else from everyone — so parallel guesses
 * cannot all slip through; the comparison takes constant time. While a limit holds, even the
 * right password waits — except from a known browser, which only its own limits hold.
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

  const knownDevice = await sessions(context).find(
    cookies.knownDevice.kind,
    readCookie(request, cookies.knownDevice.name),
  );
  // A known browser is held by its own count (a copied cookie gets five guesses, not the
  // whole allowance of everyone); any other by the count of everyone.
  const device = knownDevice
    ? newsletter.failedAttempts(`results-login:device:${knownDevice.idHash}`, limits.perDevice)
    : null;
  const counted = await (
    device ?? newsletter.failedAttempts("results-login:*", limits.overall)
  ).take();
  if (!counted.allowed) {
    return { status: "rate-limited", retryAfterSeconds: counted.retryAfterSeconds };
  }
  if (secretMatches(password, secret(context, "RESULTS_PASSWORD"))) {
    await client.clear();
    await device?.clear();
    return { status: "ok" };
  }
  return { status: "wrong" };
}
