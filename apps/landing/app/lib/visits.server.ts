import { createHash, randomBytes } from "node:crypto";
import { dayInAmsterdam, ipBucket, normaliseIp } from "@vaart/newsletter";
import { getNewsletter } from "@vaart/web";

/** Link previews, crawlers and audits are not visitors. */
const notAVisitor =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|lighthouse|curl|wget/i;

/**
 * Count a visit of a live campaign page: one counter per campaign and day (Amsterdam) in
 * the shared database. No cookie; no address, user agent or time stored. A failure to count
 * never fails the page.
 */
export async function countVisit(
  request: Request,
  slug: string,
  clientIp: string | null,
  now = new Date(),
): Promise<void> {
  if (request.method !== "GET") return;
  if (notAVisitor.test(request.headers.get("user-agent") ?? "")) return;
  if (clientIp && seenToday(clientIp, slug, now)) return;
  try {
    await getNewsletter().recordVisit(slug);
  } catch (error) {
    console.error(`[landing] could not count a visit of ${slug}: ${(error as Error).message}`);
  }
}

/**
 * One visit per address, campaign and day: reloading, or a script fetching the page a
 * thousand times, counts once. Kept in this process's memory only, as a salted hash that
 * changes every day (the address is never stored or written anywhere); bounded in size. With
 * several instances an address may count once per instance.
 */
const seen = new Map<string, true>();
const maxSeen = 100_000;
let seenDay = "";
let salt = randomBytes(16);

function seenToday(clientIp: string, slug: string, now: Date): boolean {
  const day = dayInAmsterdam(now); // the day the counters use
  if (day !== seenDay) {
    seen.clear();
    seenDay = day;
    salt = randomBytes(16);
  }
  // An IPv6 /64 is one visitor, as for the signup limits: one client has a whole /64.
  const address = ipBucket(normaliseIp(clientIp) ?? clientIp);
  const key = createHash("sha256").update(salt).update(`${address}\n${slug}`).digest("base64url");
  if (seen.has(key)) return true;
  if (seen.size >= maxSeen) seen.delete(seen.keys().next().value as string);
  seen.set(key, true);
  return false;
}
