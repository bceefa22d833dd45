import type { Organisation } from "@vaart/ui";
import type { Campaign } from "../campaigns/campaign-file";
import { formatDutchDay } from "../campaigns/time";
import type { PageBlock } from "../components/CampaignBlocks";

/** What turning a campaign's blocks into the page's needs from the server. */
export interface PageBlockSources<O extends Organisation & { id: string }> {
  /** Every organisation a logos block may pick, in the order they are shown. */
  organisations: readonly O[];
  /** A link as written in the file (`site:/…` goes to the site) as the page links it. */
  resolveHref: (href: string) => string;
  /** An address on the site. */
  siteHref: (path: string) => string;
  /** Query to keep on links within the campaign (the preview token). */
  keepQuery: string;
}

/**
 * The campaign's blocks as the page draws them: links resolved, logos picked, dates written
 * out. Browser-safe, so the page story draws the real campaign file with it.
 */
export function toPageBlocks<O extends Organisation & { id: string }>(
  campaign: Campaign,
  sources: PageBlockSources<O>,
): PageBlock<O>[] {
  const { organisations, resolveHref, siteHref, keepQuery } = sources;
  return campaign.blocks.map((block): PageBlock<O> => {
    switch (block.type) {
      case "hero":
        return block.action
          ? { ...block, action: { ...block.action, href: resolveHref(block.action.href) } }
          : block;
      case "cta":
        return { ...block, action: { ...block.action, href: resolveHref(block.action.href) } };
      case "logos": {
        const chosen = block.organisations
          ? organisations.filter((o) => block.organisations?.includes(o.id))
          : [...organisations];
        return {
          type: "logos",
          ...(block.heading ? { heading: block.heading } : {}),
          organisations: chosen,
        };
      }
      case "event":
        return {
          type: "event",
          block,
          dateLabel: formatDutchDay(block.date),
          calendarHref: `/${campaign.slug}/agenda.ics${keepQuery}`,
        };
      case "signup":
        return { type: "signup" };
      case "article":
        return {
          type: "article",
          title: block.title,
          href: siteHref(`/artikelen/${block.slug}`),
          ...(block.description ? { description: block.description } : {}),
          ...(block.label ? { label: block.label } : {}),
        };
      default:
        return block;
    }
  });
}
