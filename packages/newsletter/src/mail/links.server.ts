import type { Core } from "../core.server.js";
import { unsubscribeToken } from "../tokens.server.js";

/**
 * SITE_URL plus a path, keeping any path in SITE_URL: `new URL("/x", "https://a.nl/blog")`
 * would drop `/blog`, and a site served under a sub-path would get dead links.
 */
export function siteLink(siteUrl: string, path: string): URL {
  const base = new URL(siteUrl);
  base.pathname = `${base.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  base.search = "";
  base.hash = "";
  return base;
}

/**
 * Tokens travel in the path (`…/bevestigen/<token>`), not the query string: proxies and
 * analytics log query strings more often than paths, and the path form is what the app's
 * route matches. Both tokens are base64url, so they are path-safe as they are.
 */
function tokenLink(core: Core, base: string, token: string): string {
  const url = siteLink(core.settings.siteUrl, base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${token}`;
  return url.toString();
}

export function confirmUrl(core: Core, token: string): string {
  return tokenLink(core, core.settings.paths.confirm, token);
}

export function unsubscribeUrl(core: Core, subscriberId: string): string {
  return unsubscribeUrlOf(core, unsubscribeToken(core.settings.secrets, subscriberId));
}

/** The unsubscribe link for a token made already. */
export function unsubscribeUrlOf(core: Core, token: string): string {
  return tokenLink(core, core.settings.paths.unsubscribe, token);
}
