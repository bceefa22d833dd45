/**
 * Title, description, canonical URL, Open Graph and Twitter tags of a page, for a route's
 * `meta`. Browser-safe (routes' `meta` is part of the client bundle): no server imports.
 */
import type { MetaDescriptor } from "@remix-run/node";
import { siteIdentity } from "@vaart/content/site";

export interface PageMetaInput {
  title: string;
  description: string;
  /** Absolute URL of the page (canonical). */
  url: string;
  type?: "website" | "article";
  /** Absolute URL of a share image (1200 × 630): a large card where the page is shared. */
  image?: { url: string; alt: string; width: number; height: number } | undefined;
  noindex?: boolean;
  /** Extra descriptors, e.g. JSON-LD. */
  extra?: MetaDescriptor[];
}

/** The document title: the page's, then the site's name (the home page is just the name). */
export function pageTitle(title: string): string {
  return title === siteIdentity.name ? title : `${title} · ${siteIdentity.name}`;
}

export function pageMeta(input: PageMetaInput): MetaDescriptor[] {
  const { image } = input;
  return [
    { title: pageTitle(input.title) },
    { name: "description", content: input.description },
    { tagName: "link", rel: "canonical", href: input.url },
    { property: "og:site_name", content: siteIdentity.name },
    { property: "og:locale", content: siteIdentity.locale },
    { property: "og:type", content: input.type ?? "website" },
    { property: "og:title", content: input.title },
    { property: "og:description", content: input.description },
    { property: "og:url", content: input.url },
    ...(image
      ? [
          { property: "og:image", content: image.url },
          { property: "og:image:width", content: String(image.width) },
          { property: "og:image:height", content: String(image.height) },
          { property: "og:image:alt", content: image.alt },
        ]
      : []),
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: input.title },
    { name: "twitter:description", content: input.description },
    ...(image ? [{ name: "twitter:image", content: image.url }] : []),
    ...(input.noindex ? [{ name: "robots", content: "noindex" }] : []),
    ...(input.extra ?? []),
  ];
}
