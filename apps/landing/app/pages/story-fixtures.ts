import { clientOrganisations } from "@vaart/testing/stories";
import webinarFile from "../../campaigns/webinar-ketensamenwerking.yaml?raw";
import { parseCampaignFile } from "../campaigns/campaign-file";
import { toPageBlocks } from "../lib/page-blocks";

/*
 * Sample data for the landing app's page stories: the published example campaign, read from
 * its real file and turned into the page's blocks by the app's own code, so a change to the
 * file or the blocks shows in Storybook (docs/decisions/0011-page-stories.md).
 */

/** Where the landing pages send visitors onward: SITE_URL (docs/deploy.md's example). */
export const siteUrl = "https://www.vaartinsamenwerken.nl/";

const onSite = (path: string) => new URL(path.replace(/^\//, ""), siteUrl).href;

export const webinarCampaign = parseCampaignFile(
  "campaigns/webinar-ketensamenwerking.yaml",
  webinarFile,
  clientOrganisations.map((organisation) => organisation.id),
);

/** The campaign's blocks as the page draws them, as the loader (pageBlocks) makes them. */
export const webinarBlocks = toPageBlocks(webinarCampaign, {
  organisations: clientOrganisations,
  // As urls.server.ts resolves them: site:/… goes to the site.
  resolveHref: (href) => (href.startsWith("site:") ? onSite(href.slice("site:".length)) : href),
  siteHref: onSite,
  keepQuery: "",
});

/** The signup block's copy, as the loader hands it to the form. */
const signupBlock = webinarCampaign.blocks.find((block) => block.type === "signup");
export const webinarSignupCopy = {
  title: signupBlock?.heading,
  intro: signupBlock?.intro,
  submit: signupBlock?.button,
};

/**
 * A visit from a LinkedIn post: the page keeps the UTM values in the form's action and
 * carries them as hidden fields, so the signup is attributed to the campaign and its source.
 */
export const exampleVisitUtm = { utm_source: "linkedin", utm_medium: "social" };
