import type { LoaderFunctionArgs } from "@remix-run/node";
import { cacheControl } from "@vaart/web";
import { siteOrigin } from "../lib/seo.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const body = [
    "User-agent: *",
    "Allow: /",
    // Pages reached from mail links carry tokens and are for one person only.
    "Disallow: /nieuwsbrief/bevestigen/",
    "Disallow: /nieuwsbrief/afmelden/",
    "",
    `Sitemap: ${siteOrigin(context)}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": cacheControl.content },
  });
}
