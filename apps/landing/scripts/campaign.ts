// `pnpm campaign new <slug>` · `pnpm campaign check` · `pnpm campaign stats [--json]`
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { organisations } from "@vaart/content";
import {
  type Campaign,
  CampaignFileError,
  parseCampaignFile,
  parseCampaignFiles,
  reservedSlugs,
} from "../app/campaigns/campaign-file.ts";

const folder = fileURLToPath(new URL("../campaigns/", import.meta.url));
const publicFolder = fileURLToPath(new URL("../public", import.meta.url));
const publicFileExists = (src: string) => existsSync(publicFolder + src);
const organisationIds = organisations.map((organisation) => organisation.id);

function readAll(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => [`campaigns/${name}`, readFileSync(folder + name, "utf8")]),
  );
}

function check(): Campaign[] {
  const campaigns = parseCampaignFiles(readAll(), organisationIds, { publicFileExists });
  const count = (status: string) => campaigns.filter((c) => c.status === status).length;
  console.log(
    `campaigns: ${campaigns.length} OK (${count("published")} published, ${count("draft")} draft)`,
  );
  return campaigns;
}

function template(slug: string): string {
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  return `# A campaign page: /${slug}. Fields: apps/landing/README.md. Check with: pnpm campaign check
title: Titel van de campagne
description: Eén of twee zinnen over de campagne; dit staat ook bij een bericht op LinkedIn.
theme: campaign # brand, campaign or dark
status: draft # draft: only visible with the preview link; published: live between start and end
start: "${today} 09:00"
end: "${year + 1}-${today.slice(5, 10)} 00:00"
blocks:
  - type: hero
    heading: Titel van de campagne
    subheading: Wat levert het de bezoeker op? Eén of twee zinnen.
    action:
      label: Meld je aan
      href: "#aanmelden"

  - type: text
    markdown: |
      Schrijf hier de tekst. **Vet**, *schuin*, [een link](https://www.example.nl) en lijstjes:

      - eerste punt
      - tweede punt

  - type: signup
    heading: Meld je aan
`;
}

async function stats(json: boolean) {
  const campaigns = check();
  const { createNewsletterFromEnv } = await import("@vaart/newsletter");
  const { campaignResults } = await import("../app/campaigns/results.ts");
  const newsletter = createNewsletterFromEnv();
  try {
    const results = await campaignResults(campaigns, newsletter);
    if (json) {
      console.log(JSON.stringify(results, null, 2));
      return;
    }
    const rows = results.map((r) => [
      r.slug,
      r.phase,
      String(r.visits),
      String(r.signups),
      String(r.confirmed),
      r.conversion === null ? "-" : `${(r.conversion * 100).toFixed(1)}%`,
    ]);
    const header = ["campaign", "phase", "visits", "signups", "confirmed", "conversion"];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
    );
    for (const row of [header, ...rows]) {
      console.log(
        row
          .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
          .join("  "),
      );
    }
  } finally {
    await newsletter.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        check();
        return 0;
      case "new": {
        const slug = rest[0] ?? "";
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || reservedSlugs.includes(slug)) {
          console.error(
            "Usage: pnpm campaign new <slug>  (lower-case words joined by dashes, e.g. webinar-maart)",
          );
          return 1;
        }
        const file = `${folder}${slug}.yaml`;
        if (existsSync(file)) {
          console.error(`campaigns/${slug}.yaml already exists`);
          return 1;
        }
        const source = template(slug);
        parseCampaignFile(`campaigns/${slug}.yaml`, source, organisationIds);
        writeFileSync(file, source);
        console.log(
          `Created apps/landing/campaigns/${slug}.yaml (status: draft). Edit it, run pnpm campaign check, preview it at /${slug}?voorbeeld=<PREVIEW_TOKEN>.`,
        );
        return 0;
      }
      case "stats":
        await stats(rest.includes("--json"));
        return 0;
      default:
        console.error("Usage: pnpm campaign new <slug> | check | stats [--json]");
        return 1;
    }
  } catch (error) {
    if (error instanceof CampaignFileError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
