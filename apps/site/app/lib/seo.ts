import { siteIdentity } from "@vaart/content/site";

/** The public origin: from the server's configuration, or SITE_URL under `pnpm dev`. */
export function siteOrigin(context: { config?: { siteUrl: URL } }): string {
  const url =
    context.config?.siteUrl ?? new URL(process.env.SITE_URL ?? siteIdentity.defaultSiteUrl);
  return url.href.replace(/\/$/, "");
}
