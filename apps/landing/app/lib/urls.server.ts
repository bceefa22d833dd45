import { siteIdentity } from "@vaart/content/site";
import type { VaartLoadContext } from "@vaart/web";

/** An address on the site (SITE_URL): onward links, article teasers, mail links. */
export function siteUrl(context: Partial<VaartLoadContext>, path: string): string {
  const base =
    context.config?.siteUrl ?? new URL(process.env.SITE_URL ?? siteIdentity.defaultSiteUrl);
  return new URL(path.replace(/^\//, ""), base.href.endsWith("/") ? base : `${base.href}/`).href;
}

/**
 * The landing app's public origin, for canonical URLs and Open Graph: LANDING_URL, else the
 * address the request came in on (local runs).
 */
export function landingOrigin(request: Request): string {
  const configured = process.env.LANDING_URL?.trim();
  return (configured ? new URL(configured) : new URL(request.url)).origin;
}

/** A campaign link as written in its file: site:/… goes to the site, the rest stays as is. */
export function resolveHref(context: Partial<VaartLoadContext>, href: string): string {
  return href.startsWith("site:") ? siteUrl(context, href.slice("site:".length)) : href;
}
