import { data } from "@remix-run/node";
import { siteIdentity } from "@vaart/content/site";
import {
  cacheControlUntil,
  previewTokenValid,
  secretMatches,
  type VaartLoadContext,
} from "@vaart/web";
import { notFound as notFoundResponse, privatePageHeaders } from "@vaart/web/remix";
import type { Campaign } from "../campaigns/campaign-file";
import { findCampaign, storedCampaignVersion } from "../campaigns/campaigns.server";
import { type CampaignPhase, campaignPhase } from "../campaigns/publication";
import { secret } from "./settings.server";
import { resolveHref, siteUrl } from "./urls.server";

/**
 * The query parameters of preview links: /<campaign>?voorbeeld=<PREVIEW_TOKEN> shows the
 * campaign as it is now, in any phase; /<campaign>?voorbeeld=<token>&versie=<n> (made by the
 * studio) shows stored version n, the token being that version's HMAC (preview-link.server.ts).
 */
export const previewParameter = "voorbeeld";
export const versionParameter = "versie";

export interface CampaignRequest {
  campaign: Campaign;
  phase: CampaignPhase;
  /** Shown through a valid preview link (any phase). */
  preview: boolean;
  /** Headers for a page of this campaign: cacheable until its end, or private in preview. */
  headers: Record<string, string>;
  /** Query to keep on links and forms within the campaign (the preview token). */
  keepQuery: string;
}

/**
 * A 404 that looks the same for an unknown address, a draft and a campaign before its
 * start, so nothing unpublished can be found by trying addresses. Caches may keep it a
 * minute (a campaign that starts shows at most a minute late).
 */
export function notFound(): Response {
  return notFoundResponse({ "Cache-Control": "public, max-age=60", "X-Robots-Tag": "noindex" });
}

/**
 * Resolve `/<slug>` to a campaign a visitor may see: live, or any phase with a valid
 * preview token. Throws the 404 for drafts and future campaigns and the friendly 410 page
 * for ended ones.
 */
export async function campaignRequest(
  request: Request,
  context: Partial<VaartLoadContext>,
  slug: string | undefined,
  now = new Date(),
  options: {
    /**
     * For the signup and its thank-you page: a form loaded before the end and sent after it
     * is still a signup for the newsletter; it is stored, not answered with "gone".
     */
    acceptEnded?: boolean;
    /** For files (.ics, share image): a plain-text 410, not the page's data. */
    plainGone?: boolean;
  } = {},
): Promise<CampaignRequest> {
  const query = new URL(request.url).searchParams;
  const token = query.get(previewParameter);
  if (query.has(versionParameter)) {
    return versionPreview(context, slug ?? "", token, query.get(versionParameter) ?? "", now);
  }
  const campaign = findCampaign(slug ?? "");
  if (!campaign) throw notFound();
  const phase = campaignPhase(campaign, now);
  const preview = token !== null && secretMatches(token, secret(context, "PREVIEW_TOKEN"));
  if (preview) {
    return {
      campaign,
      phase,
      preview,
      headers: privatePageHeaders,
      keepQuery: `?${new URLSearchParams({ [previewParameter]: token ?? "" })}`,
    };
  }
  if (phase === "draft" || phase === "scheduled") throw notFound();
  if (phase === "ended" && options.acceptEnded) {
    return {
      campaign,
      phase,
      preview,
      headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
      keepQuery: "",
    };
  }
  if (phase === "ended" && options.plainGone) {
    throw new Response("Deze campagne is afgelopen.", {
      status: 410,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "public, max-age=3600",
        "X-Robots-Tag": "noindex",
      },
    });
  }
  if (phase === "ended") {
    const onward = campaign.afterEnd
      ? { label: campaign.afterEnd.label, href: resolveHref(context, campaign.afterEnd.href) }
      : { label: `Naar de website van ${siteIdentity.name}`, href: siteUrl(context, "/") };
    throw data(
      { title: campaign.title, onward, theme: campaign.theme },
      {
        status: 410,
        headers: { "Cache-Control": "public, max-age=3600", "X-Robots-Tag": "noindex" },
      },
    );
  }
  return {
    campaign,
    phase,
    preview,
    headers: { "Cache-Control": cacheControlUntil(new Date(campaign.end), now) },
    keepQuery: "",
  };
}

/**
 * A studio preview link: the stored version it names, whatever its phase; a wrong token, a
 * version that is not there (or no longer passes the check) answers as an unknown page.
 */
async function versionPreview(
  context: Partial<VaartLoadContext>,
  slug: string,
  token: string | null,
  versie: string,
  now: Date,
): Promise<CampaignRequest> {
  const revision = /^[1-9]\d{0,9}$/.test(versie) ? Number(versie) : 0;
  if (
    revision === 0 ||
    !previewTokenValid(secret(context, "PREVIEW_TOKEN"), "campaign", slug, revision, token)
  ) {
    throw notFound();
  }
  const campaign = await storedCampaignVersion(slug, revision);
  if (!campaign) throw notFound();
  return {
    campaign,
    phase: campaignPhase(campaign, now),
    preview: true,
    headers: privatePageHeaders,
    keepQuery: `?${new URLSearchParams({ [previewParameter]: token ?? "", [versionParameter]: versie })}`,
  };
}
