import type { LoaderFunctionArgs } from "@remix-run/node";
import { cacheControl, escapeXml } from "@vaart/web";
import { listArticles } from "../content/articles.server";
import { siteOrigin } from "../lib/seo.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const origin = siteOrigin(context);
  const articles = listArticles().filter((article) => !article.draft);
  const urls = [
    { loc: `${origin}/`, lastmod: articles[0]?.date },
    { loc: `${origin}/artikelen`, lastmod: articles[0]?.date },
    { loc: `${origin}/nieuwsbrief` },
    ...articles.map((article) => ({
      loc: `${origin}/artikelen/${article.slug}`,
      lastmod: article.updated ?? article.date,
    })),
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
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": cacheControl.content,
    },
  });
}
