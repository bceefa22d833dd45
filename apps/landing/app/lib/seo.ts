import type { MetaDescriptor } from "@remix-run/node";
import { siteIdentity } from "@vaart/content/site";

export interface CampaignMetaInput {
  title: string;
  description: string;
  /** Absolute URL of the page (canonical). */
  url: string;
  /** Absolute URL of the share image, 1200 × 630. */
  image: { url: string; alt: string; width: number; height: number };
  noindex: boolean;
}

/** Title, description, canonical URL, Open Graph and Twitter tags for a campaign page. */
export function campaignMeta(input: CampaignMetaInput): MetaDescriptor[] {
  return [
    { title: `${input.title} · ${siteIdentity.name}` },
    { name: "description", content: input.description },
    { tagName: "link", rel: "canonical", href: input.url },
    { property: "og:site_name", content: siteIdentity.name },
    { property: "og:locale", content: siteIdentity.locale },
    { property: "og:type", content: "website" },
    { property: "og:title", content: input.title },
    { property: "og:description", content: input.description },
    { property: "og:url", content: input.url },
    { property: "og:image", content: input.image.url },
    { property: "og:image:width", content: String(input.image.width) },
    { property: "og:image:height", content: String(input.image.height) },
    { property: "og:image:alt", content: input.image.alt },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: input.title },
    { name: "twitter:description", content: input.description },
    { name: "twitter:image", content: input.image.url },
    ...(input.noindex ? [{ name: "robots", content: "noindex" }] : []),
  ];
}
