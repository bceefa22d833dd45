import type { LoaderFunctionArgs } from "@remix-run/node";
import { newsletterPaths } from "@vaart/content/site";
import { type ArchivedUpdate, cacheControl, escapeXml, getNewsletter } from "@vaart/web";
import { listArticles } from "../content/articles.server";
import { siteOrigin } from "../lib/seo.server";
import { xmlResponse } from "../lib/xml-response.server";
import { archivePath } from "../pages/ArchivePage";

/**
 * The articles (from the build) and the sent Updates (from the database). Without the
 * database the articles are still listed, and that answer is not cached.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const origin = siteOrigin(context);
  const articles = listArticles().filter((article) => !article.draft);
  let updates: ArchivedUpdate[] | null;
  try {
    updates = await getNewsletter().listSentUpdates();
  } catch (error) {
    console.error(`[site] sitemap without the Updates archive: ${String(error)}`);
    updates = null;
  }
  const urls = [
    { loc: `${origin}/`, lastmod: articles[0]?.date },
    { loc: `${origin}/artikelen`, lastmod: articles[0]?.date },
    { loc: `${origin}/nieuwsbrief` },
    ...articles.map((article) => ({
      loc: `${origin}/artikelen/${article.slug}`,
      lastmod: article.updated ?? article.date,
    })),
    ...(updates
      ? [
          { loc: `${origin}${newsletterPaths.archive}`, lastmod: updates[0]?.date },
          ...updates.map((update) => ({
            loc: `${origin}${archivePath(update.slug)}`,
            lastmod: update.date,
          })),
        ]
      : []),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls
  .map(
    (url) =>
      `  <url><loc>${escapeXml(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod}</lastmod>` : ""}</url>`,
  )
  .join("\n")}
</urlset>
`;
  return xmlResponse(
    request,
    xml,
    "application/xml; charset=utf-8",
    updates ? cacheControl.recent : cacheControl.noStore,
  );
}
