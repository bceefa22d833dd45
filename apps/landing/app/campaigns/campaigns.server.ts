import { organisations } from "@vaart/content";
import { type Campaign, CampaignFileError, parseCampaignFile } from "./campaign-file";

// Read at build time by Vite and checked once per process (the build already checked them).
const files = import.meta.glob<string>("../../campaigns/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
});

const organisationIds = organisations.map((organisation) => organisation.id);
const all: Campaign[] = [];
/** Files that do not pass the check, by the slug they would have. */
const broken = new Map<string, CampaignFileError>();
for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
  const file = path.replace("../../", "");
  try {
    all.push(parseCampaignFile(file, source, organisationIds));
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

export function findCampaign(slug: string): Campaign | undefined {
  const problem = broken.get(slug);
  if (problem) throw problem;
  return all.find((campaign) => campaign.slug === slug);
}

export function allCampaigns(): readonly Campaign[] {
  return all;
}
