import type { Newsletter } from "@vaart/newsletter";
import type { Campaign } from "./campaign-file";
import { type CampaignPhase, campaignPhase } from "./publication";

export interface DayFigures {
  /** YYYY-MM-DD (Amsterdam). */
  day: string;
  visits: number;
  signups: number;
  confirmed: number;
}

export interface CampaignResult {
  slug: string;
  title: string;
  phase: CampaignPhase;
  visits: number;
  /** Every signup through the campaign's form (source = its slug). */
  signups: number;
  /** Of those, confirmed through the mail. */
  confirmed: number;
  /** Confirmed signups per visit, 0–1; null without visits. */
  conversion: number | null;
  days: DayFigures[];
}

/**
 * Per campaign (every file, any phase): visits, signups, confirmed signups, conversion and
 * the same per day. One function for the results page and `pnpm campaign stats`.
 */
export async function campaignResults(
  campaigns: readonly Campaign[],
  newsletter: Pick<Newsletter, "sourceReport">,
  now = new Date(),
): Promise<CampaignResult[]> {
  const reports = await newsletter.sourceReport(campaigns.map((campaign) => campaign.slug));
  return campaigns.map((campaign, index) => {
    const report = reports[index];
    const visits = report?.visits ?? 0;
    const confirmed = report?.confirmed ?? 0;
    return {
      slug: campaign.slug,
      title: campaign.title,
      phase: campaignPhase(campaign, now),
      visits,
      signups: report?.signups ?? 0,
      confirmed,
      conversion: visits > 0 ? confirmed / visits : null,
      days: report?.days ?? [],
    };
  });
}

/** Confirmed subscribers whose signup came through a campaign, with its UTM values. */
export function campaignSignupsCsv(
  campaigns: readonly Campaign[],
  newsletter: Pick<Newsletter, "exportCsv">,
): Promise<string> {
  return newsletter.exportCsv({ sources: campaigns.map((campaign) => campaign.slug) });
}
