import { organisations } from "@vaart/content";
import { type Campaign, parseCampaignFiles } from "./campaign-file";

// Read at build time by Vite and checked once per process (the build already checked them).
const files = import.meta.glob<string>("../../campaigns/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
});

const all = parseCampaignFiles(
  Object.fromEntries(
    Object.entries(files).map(([path, source]) => [path.replace("../../", ""), source]),
  ),
  organisations.map((organisation) => organisation.id),
);

export function findCampaign(slug: string): Campaign | undefined {
  return all.find((campaign) => campaign.slug === slug);
}

export function allCampaigns(): readonly Campaign[] {
  return all;
}
