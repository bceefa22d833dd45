import type { LoaderFunctionArgs } from "@remix-run/node";
import { newsletterPaths, siteIdentity } from "@vaart/content/site";
import { cacheControl, escapeXml, getNewsletter } from "@vaart/web";
import { siteOrigin } from "../lib/seo.server";
import { rfc822Date } from "../lib/xml";
import { xmlResponse } from "../lib/xml-response.server";
import { archivePath } from "../pages/ArchivePage";

/** RSS 2.0 of the sent Updates, newest first; from the database, so cached for a minute. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const origin = siteOrigin(context);
  const updates = await getNewsletter().listSentUpdates();
  const self = `${origin}${newsletterPaths.archiveFeed}`;
  const items = updates
    .map((update) => {
      const url = `${origin}${archivePath(update.slug)}`;
      return [
        "    <item>",
        `      <title>${escapeXml(update.subject)}</title>`,
        `      <link>${escapeXml(url)}</link>`,
        `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
        `      <pubDate>${rfc822Date(update.date)}</pubDate>`,
        ...(update.preheader
          ? [`      <description>${escapeXml(update.preheader)}</description>`]
          : []),
        "    </item>",
      ].join("\n");
    })
    .join("\n");
  const newest = updates[0];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(`${siteIdentity.name}: de Updates`)}</title>
    <link>${escapeXml(`${origin}${newsletterPaths.archive}`)}</link>
    <description>${escapeXml("De tweemaandelijkse nieuwsbrief, zoals hij verstuurd is.")}</description>
    <language>nl</language>
    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>
${newest ? `    <lastBuildDate>${rfc822Date(newest.date)}</lastBuildDate>\n` : ""}${items}
  </channel>
</rss>
`;
  return xmlResponse(request, xml, "application/rss+xml; charset=utf-8", cacheControl.recent);
}
