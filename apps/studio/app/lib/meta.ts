import type { MetaDescriptor } from "@remix-run/node";
import { siteIdentity } from "@vaart/content/site";

/** A studio page's title, and `noindex` (also sent as X-Robots-Tag by `studioHeaders`). */
export function studioMeta(title: string): MetaDescriptor[] {
  return [
    { title: `${title} · Studio · ${siteIdentity.name}` },
    { name: "robots", content: "noindex" },
  ];
}
