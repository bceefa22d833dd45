/**
 * SITE_URL, the site's public origin: mail links, canonical URLs and feeds point at it. One
 * rule for the newsletter and the servers, so the two never disagree about a value.
 */
export const LOCAL_SITE_URL = "http://localhost:3000";

export type SiteUrlCheck =
  | { ok: true; url: URL }
  | { ok: false; message: string /** Missing, rather than malformed. */; missing: boolean };

export function checkSiteUrl(value: string | undefined, localDefaults: boolean): SiteUrlCheck {
  const given = value?.trim() || undefined;
  if (given === undefined) {
    return localDefaults
      ? { ok: true, url: new URL(LOCAL_SITE_URL) }
      : {
          ok: false,
          missing: true,
          message:
            "SITE_URL must be set to the site's public https:// address (mail links, canonical URLs and feeds point at it)",
        };
  }
  if (!URL.canParse(given)) {
    return {
      ok: false,
      missing: false,
      message: "SITE_URL must be an absolute URL, e.g. https://www.example.nl",
    };
  }
  if (!localDefaults && !given.startsWith("https://")) {
    return {
      ok: false,
      missing: false,
      message:
        "SITE_URL must start with https:// outside local development (one-click unsubscribe, RFC 8058, requires it)",
    };
  }
  return { ok: true, url: new URL(given) };
}
