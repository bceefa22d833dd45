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
  signups: number;
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
  newsletter: Pick<Newsletter, "stats">,
  now = new Date(),
): Promise<CampaignResult[]> {
  const stats = await newsletter.stats();
  return campaigns.map((campaign) => {
    const source = stats.sources.find((entry) => entry.source === campaign.slug);
    const signups = source?.total ?? 0;
    const confirmed = (source?.confirmed ?? 0) + (source?.unsubscribed ?? 0);
    const visits = 0;
    return {
      slug: campaign.slug,
      title: campaign.title,
      phase: campaignPhase(campaign, now),
      visits,
      signups,
      confirmed,
      conversion: visits > 0 ? confirmed / visits : null,
      days: [],
    };
  });
}

/** Confirmed signups of the campaigns (source = a campaign's slug) with their UTM values. */
export async function campaignSignupsCsv(
  campaigns: readonly Campaign[],
  newsletter: Pick<Newsletter, "exportCsv">,
): Promise<string> {
  const csv = await newsletter.exportCsv();
  const slugs = new Set(campaigns.map((campaign) => campaign.slug));
  const [header, ...rows] = csv.split("\r\n").filter(Boolean);
  // Cells are always quoted; the third column is the source.
  const kept = rows.filter((row) => slugs.has(row.split('","')[2] ?? ""));
  return `${[header, ...kept].join("\r\n")}\r\n`;
}
