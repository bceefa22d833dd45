import { getNewsletter } from "@vaart/web";

/** Link previews, crawlers and audits are not visitors. */
const notAVisitor =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|lighthouse|curl|wget/i;

/**
 * Count a visit of a live campaign page: one counter per campaign and day (Amsterdam) in
 * the shared database. No cookie; no address, user agent or time stored. A failure to count
 * never fails the page.
 */
export async function countVisit(request: Request, slug: string): Promise<void> {
  if (request.method !== "GET") return;
  if (notAVisitor.test(request.headers.get("user-agent") ?? "")) return;
  try {
    await getNewsletter().recordVisit(slug);
  } catch (error) {
    console.error(`[landing] could not count a visit of ${slug}: ${(error as Error).message}`);
  }
}
