import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteIdentity } from "@vaart/content/site";
import { cacheControl, escapeXml } from "@vaart/web";
import { listArticles } from "../content/articles.server";
import { siteOrigin } from "../lib/seo.server";
import { rfc822Date } from "../lib/xml";

/** RSS 2.0 of the published articles, newest first. */
export async function loader({ context }: LoaderFunctionArgs) {
  const origin = siteOrigin(context);
  const articles = listArticles().filter((article) => !article.draft);
  const items = articles
    .map((article) => {
      const url = `${origin}/artikelen/${article.slug}`;
      return [
        "    <item>",
        `      <title>${escapeXml(article.title)}</title>`,
        `      <link>${escapeXml(url)}</link>`,
        `      <guid isPermaLink="true">${escapeXml(url)}</guid>`,
        `      <pubDate>${rfc822Date(article.date)}</pubDate>`,
        `      <description>${escapeXml(article.description)}</description>`,
        "    </item>",
      ].join("\n");
    })
    .join("\n");
  const newest = articles[0];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(siteIdentity.name)}</title>
    <link>${escapeXml(`${origin}/`)}</link>
    <description>${escapeXml(siteIdentity.tagline)}</description>
    <language>nl</language>
    <atom:link href="${escapeXml(`${origin}/rss.xml`)}" rel="self" type="application/rss+xml"/>
${newest ? `    <lastBuildDate>${rfc822Date(newest.updated ?? newest.date)}</lastBuildDate>\n` : ""}${items}
  </channel>
</rss>
`;
  return new Response(xml, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": cacheControl.content,
    },
  });
}
