import { organisations } from "@vaart/content";
import { contentCheckers, getNewsletter, liveContent, liveOrganisations } from "@vaart/web";
import { type Campaign, CampaignFileError, parseCampaignFile } from "./campaign-file";

// Read at build time by Vite and checked once per process (the build already checked them).
const files = import.meta.glob<string>("../../campaigns/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
});

const organisationIds = organisations.map((organisation) => organisation.id);
const fromFiles: Campaign[] = [];
/** Files that do not pass the check, by the slug they would have. */
const broken = new Map<string, CampaignFileError>();
for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
  const file = path.replace("../../", "");
  try {
    fromFiles.push(parseCampaignFile(file, source, organisationIds));
  } catch (error) {
    if (!(error instanceof CampaignFileError)) throw error;
    broken.set(file.replace(/^.*\//, "").replace(/\.ya?ml$/, ""), error);
  }
}
// A production build never gets here with a broken file (the build checks them first); if it
// does, it refuses to serve. Under `pnpm dev` only the broken campaign's page shows its error,
// so one file being edited does not take the other pages down.
if (broken.size > 0 && !import.meta.env.DEV) {
  throw new CampaignFileError([...broken.values()].map((error) => error.message).join("\n"));
}

/**
 * The files plus what the studio published: a published version wins for its slug, and a
 * campaign taken offline there is gone (404) even when a file has it. Rebuilt whenever the
 * content version changes (docs/decisions/0016-content-in-the-database.md).
 */
// Registered with the campaigns, so the server's first read includes the organisations.
const clients = liveOrganisations();

const campaigns = liveContent("campaign", fromFiles, ({ published, unpublished }) => {
  const knownIds = clients.current().map((organisation) => organisation.id);
  const bySlug = new Map(fromFiles.map((campaign) => [campaign.slug, campaign]));
  for (const slug of unpublished) bySlug.delete(slug);
  for (const { slug, text, revision } of published) {
    try {
      // Checked when it was published; checked again because organisations may have changed.
      bySlug.set(
        slug,
        parseCampaignFile(`campaigns/${slug}.yaml`, text, knownIds, {
          markdown: "untrusted",
        }),
      );
    } catch (error) {
      if (!(error instanceof CampaignFileError)) throw error;
      console.error(
        `[landing] published campaign ${slug} (revision ${revision}) not shown: ${error.message}`,
      );
    }
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
});

export function findCampaign(slug: string): Campaign | undefined {
  const problem = broken.get(slug);
  if (problem) throw problem;
  return campaigns.current().find((campaign) => campaign.slug === slug);
}

export function allCampaigns(): readonly Campaign[] {
  return campaigns.current();
}

/**
 * One stored version of a campaign, as the studio's preview link names it (any phase, also a
 * draft that was never published), or undefined when there is no such version or it does not
 * pass the check. Read from the database on the request: previews are never cached.
 */
export async function storedCampaignVersion(
  slug: string,
  revision: number,
): Promise<Campaign | undefined> {
  const version = await getNewsletter()
    .contentStore(contentCheckers())
    .version("campaign", slug, revision);
  if (!version) return undefined;
  try {
    return parseCampaignFile(
      `campaigns/${slug}.yaml`,
      version.text,
      clients.current().map((organisation) => organisation.id),
      { markdown: "untrusted" },
    );
  } catch (error) {
    if (!(error instanceof CampaignFileError)) throw error;
    return undefined;
  }
}
