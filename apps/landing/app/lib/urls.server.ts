import { configFromEnvironment, type VaartLoadContext } from "@vaart/web";

/** An address on the site (SITE_URL): onward links, article teasers, mail links. */
export function siteUrl(context: Partial<VaartLoadContext>, path: string): string {
  const base = (context.config ?? configFromEnvironment()).siteUrl;
  return new URL(path.replace(/^\//, ""), base.href.endsWith("/") ? base : `${base.href}/`).href;
}

/**
 * The landing app's public origin, for canonical URLs and Open Graph: LANDING_URL, else the
 * address the request came in on (local runs).
 */
export function landingOrigin(request: Request): string {
  const configured = configFromEnvironment({ publicUrlVariable: "LANDING_URL" }).publicUrl;
  return (configured ?? new URL(request.url)).origin;
}

/** A campaign link as written in its file: site:/… goes to the site, the rest stays as is. */
export function resolveHref(context: Partial<VaartLoadContext>, href: string): string {
  return href.startsWith("site:") ? siteUrl(context, href.slice("site:".length)) : href;
}
