import type { Organisation } from "@vaart/content";
import { signupLimits, utmFieldNames } from "@vaart/ui/signup-contract";
import { liveOrganisations, type VaartLoadContext } from "@vaart/web";
import type { Campaign } from "../campaigns/campaign-file";
import type { PageBlock } from "../components/CampaignBlocks";
import { toPageBlocks } from "./page-blocks";
import { resolveHref, siteUrl } from "./urls.server";

/** The campaign's blocks as the page draws them, with the server's organisations and addresses. */
export function pageBlocks(
  campaign: Campaign,
  context: Partial<VaartLoadContext>,
  keepQuery: string,
): PageBlock<Organisation>[] {
  return toPageBlocks(campaign, {
    organisations: liveOrganisations().current(),
    resolveHref: (href) => resolveHref(context, href),
    siteHref: (path) => siteUrl(context, path),
    keepQuery,
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
