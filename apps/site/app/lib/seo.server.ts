import { configFromEnvironment } from "@vaart/web";

/**
 * The public origin: from the production server's checked configuration, or under `pnpm dev`
 * from SITE_URL read through the same rule (@vaart/web's configFromEnvironment).
 */
export function siteOrigin(context: { config?: { siteUrl: URL } }): string {
  const url = (context.config ?? configFromEnvironment()).siteUrl;
  return url.href.replace(/\/$/, "");
}
