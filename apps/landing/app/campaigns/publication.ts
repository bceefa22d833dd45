import type { Campaign } from "./campaign-file";

/**
 * Where a campaign is in its life: a draft or a campaign before its start is not there
 * for visitors (404), a live one is, an ended one is gone (410).
 */
export type CampaignPhase = "draft" | "scheduled" | "live" | "ended";

export function campaignPhase(campaign: Campaign, now: Date): CampaignPhase {
  if (campaign.status === "draft") return "draft";
  if (now < new Date(campaign.start)) return "scheduled";
  if (now >= new Date(campaign.end)) return "ended";
  return "live";
}

/** Shown to visitors: live now, or ended (its friendly 410 page). */
export function isPublic(phase: CampaignPhase): boolean {
  return phase === "live" || phase === "ended";
}
