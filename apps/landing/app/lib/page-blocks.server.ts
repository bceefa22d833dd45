import { organisations } from "@vaart/content";
import { signupLimits, utmFieldNames } from "@vaart/ui/signup-contract";
import type { VaartLoadContext } from "@vaart/web";
import type { Campaign } from "../campaigns/campaign-file";
import { formatDutchDay } from "../campaigns/time";
import type { PageBlock } from "../components/CampaignBlocks";
import { resolveHref, siteUrl } from "./urls.server";

/** The campaign's blocks as the page draws them: links resolved, logos picked, dates written out. */
export function pageBlocks(
  campaign: Campaign,
  context: Partial<VaartLoadContext>,
  keepQuery: string,
): PageBlock[] {
  return campaign.blocks.map((block): PageBlock => {
    switch (block.type) {
      case "hero":
        return block.action
          ? { ...block, action: { ...block.action, href: resolveHref(context, block.action.href) } }
          : block;
      case "cta":
        return {
          ...block,
          action: { ...block.action, href: resolveHref(context, block.action.href) },
        };
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
          href: siteUrl(context, `/artikelen/${block.slug}`),
          ...(block.description ? { description: block.description } : {}),
          ...(block.label ? { label: block.label } : {}),
        };
      default:
        return block;
    }
  });
}

/**
 * The UTM parameters of the visit, to carry into the signup form as hidden fields: the
 * contract's list, each clipped to the length the server keeps.
 */
export function utmFrom(url: URL): Record<string, string> {
  const found: Record<string, string> = {};
  for (const field of utmFieldNames) {
    const value = url.searchParams.get(field)?.trim();
    if (value) found[field] = value.slice(0, signupLimits.utm);
  }
  return found;
}
