import type { Core } from "../core.server.js";

/**
 * The public archive of the Updates (`/nieuwsbrief/archief` on the site). An Update is in it
 * once its sending has started: its row in `newsletter_updates` exists, with the web version
 * frozen at that moment. An Update that was only previewed or test-sent has no row.
 */
export interface ArchivedUpdate {
  slug: string;
  subject: string;
  preheader: string | null;
  /** The Update's own date (front matter), YYYY-MM-DD. */
  date: string;
  /** When its sending started (ISO, UTC). */
  sentAt: string;
}

export interface ArchivedUpdateWithBody extends ArchivedUpdate {
  /** The frozen web version: what was mailed, not personalised (trusted HTML, ours). */
  webHtml: string;
}

/** Slugs are file names of `apps/site/content/updates/`: anything else is not looked up. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** Every sent Update, newest first (by its date, then by when sending started). */
export async function listSentUpdates(core: Core): Promise<ArchivedUpdate[]> {
  await core.ready();
  const rows = await core.handle.db
    .selectFrom("newsletter_updates")
    .select(["slug", "subject", "preheader", "update_date", "started_at"])
    .orderBy("update_date", "desc")
    .orderBy("started_at", "desc")
    .orderBy("slug")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    subject: r.subject,
    preheader: r.preheader,
    date: r.update_date,
    sentAt: r.started_at,
  }));
}

/** One sent Update with its web version; null when there is none by that slug (not sent). */
export async function findSentUpdate(
  core: Core,
  slug: string,
): Promise<ArchivedUpdateWithBody | null> {
  if (typeof slug !== "string" || !SLUG.test(slug)) return null;
  await core.ready();
  const row = await core.handle.db
    .selectFrom("newsletter_updates")
    .select(["slug", "subject", "preheader", "update_date", "started_at", "web_html"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    slug: row.slug,
    subject: row.subject,
    preheader: row.preheader,
    date: row.update_date,
    sentAt: row.started_at,
    webHtml: row.web_html,
  };
}
