/** Link previews, crawlers and audits are not visitors. */
const notAVisitor =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|lighthouse|curl|wget/i;

/**
 * Count a visit of a live campaign page: one row per campaign and day, counter + 1. No cookie,
 * no IP, no user agent stored — nothing that identifies the visitor.
 */
export async function countVisit(request: Request, slug: string): Promise<void> {
  if (request.method !== "GET") return;
  if (notAVisitor.test(request.headers.get("user-agent") ?? "")) return;
  void slug; // stored once @vaart/newsletter has its visits table (after the issue-7 merge)
}
