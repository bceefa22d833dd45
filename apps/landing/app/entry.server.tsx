import { handleDocumentRequest, handleServerError } from "@vaart/web";
import { allCampaigns } from "./campaigns/campaigns.server";
import { campaignPhase } from "./campaigns/publication";

export default handleDocumentRequest;

// Faults as one scrubbed JSON line; 404s and abandoned requests are not faults.
export const handleError = handleServerError("landing");

/**
 * What server.js logs once listening: the campaigns a visitor can open now, and where `/`
 * goes (the app has no index page, which surprises whoever opens :3001 first).
 */
export function startupLines(origin: string, siteUrl: string, now = new Date()): string[] {
  const campaigns = allCampaigns();
  const live = campaigns.filter((campaign) => campaignPhase(campaign, now) === "live");
  const others = campaigns.length - live.length;
  return [
    live.length > 0
      ? `live campaigns: ${live.map((campaign) => `${origin}/${campaign.slug}`).join(" ")}`
      : "no live campaigns",
    ...(others > 0
      ? [
          `${others} more in apps/landing/campaigns/ (draft, scheduled or ended): open them with ?voorbeeld=<PREVIEW_TOKEN>`,
        ]
      : []),
    `${origin}/ has no page of its own: it redirects to the site (${siteUrl})`,
  ];
}
