import type { MetaDescriptor } from "@remix-run/node";
import { siteIdentity } from "@vaart/content/site";

export interface PageMetaInput {
  title: string;
  description: string;
  /** Absolute URL of the page (canonical). */
  url: string;
  type?: "website" | "article";
  noindex?: boolean;
  /** Extra descriptors, e.g. JSON-LD. */
  extra?: MetaDescriptor[];
}

/** Title, description, canonical URL, Open Graph and Twitter tags for one page. */
export function pageMeta(input: PageMetaInput): MetaDescriptor[] {
  const fullTitle =
    input.title === siteIdentity.name ? input.title : `${input.title} · ${siteIdentity.name}`;
  return [
    { title: fullTitle },
    { name: "description", content: input.description },
    { tagName: "link", rel: "canonical", href: input.url },
    { property: "og:site_name", content: siteIdentity.name },
    { property: "og:locale", content: siteIdentity.locale },
    { property: "og:type", content: input.type ?? "website" },
    { property: "og:title", content: input.title },
    { property: "og:description", content: input.description },
    { property: "og:url", content: input.url },
    { name: "twitter:card", content: "summary" },
    { name: "twitter:title", content: input.title },
    { name: "twitter:description", content: input.description },
    ...(input.noindex ? [{ name: "robots", content: "noindex" }] : []),
    ...(input.extra ?? []),
  ];
}

/** The public origin: from the server's configuration, or SITE_URL under `pnpm dev`. */
export function siteOrigin(context: { config?: { siteUrl: URL } }): string {
  const url =
    context.config?.siteUrl ?? new URL(process.env.SITE_URL ?? siteIdentity.defaultSiteUrl);
  return url.href.replace(/\/$/, "");
}
