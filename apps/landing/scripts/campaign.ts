// `pnpm campaign new <slug>` · `pnpm campaign check [--files-only] [file|folder…]` ·
// `pnpm campaign stats [--json]`
// Run by packages/cli/bin/campaign.js from a bundle in dist/ (built when missing or stale).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { organisations } from "@vaart/content";
import {
  type Campaign,
  CampaignFileError,
  campaignTemplate,
  parseCampaignFile,
  parseCampaignFiles,
  reservedSlugs,
} from "../app/campaigns/campaign-file.ts";

const folder = fileURLToPath(new URL("../campaigns/", import.meta.url));
const publicFolder = fileURLToPath(new URL("../public", import.meta.url));
const publicFileExists = (src: string) => existsSync(publicFolder + src);
const organisationIds = organisations.map((organisation) => organisation.id);

/**
 * The folder the command was typed in: `pnpm campaign` runs there; the landing package's own
 * script runs in apps/landing and pnpm passes the original folder as INIT_CWD.
 */
function typedIn(): string {
  const script = process.env.npm_package_json;
  const init = process.env.INIT_CWD;
  return script && init && path.dirname(script) === process.cwd() ? init : process.cwd();
}

function readAll(paths: string[]): Record<string, string> {
  if (paths.length === 0) {
    return Object.fromEntries(
      readdirSync(folder)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => [`campaigns/${name}`, readFileSync(folder + name, "utf8")]),
    );
  }
  const files: [string, string][] = [];
  for (const given of paths) {
    const full = path.resolve(typedIn(), given);
    if (!existsSync(full)) throw new CampaignFileError(`${given}: no such file or folder`);
    const names = statSync(full).isDirectory()
      ? readdirSync(full)
          .filter((name) => /\.ya?ml$/.test(name))
          .map((name) => path.join(full, name))
      : [full];
    for (const name of names) {
      files.push([path.relative(typedIn(), name), readFileSync(name, "utf8")]);
    }
  }
  return Object.fromEntries(files);
}

function check(paths: string[] = []): Campaign[] {
  const campaigns = parseCampaignFiles(readAll(paths), organisationIds, { publicFileExists });
  const count = (status: string) => campaigns.filter((c) => c.status === status).length;
  console.log(
    `campaigns: ${campaigns.length} OK (${count("published")} published, ${count("draft")} draft)`,
  );
  return campaigns;
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
        return await checkAll(rest);
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
        const source = campaignTemplate(slug);
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
        console.error(
          "Usage: pnpm campaign new <slug> | check [--files-only] [file or folder…] | stats [--json]",
        );
        return 1;
    }
  } catch (error) {
    // A mistake in a file or in the environment is ours to explain: no stack trace.
    if (error instanceof CampaignFileError || (error as Error).name === "NewsletterConfigError") {
      console.error((error as Error).message);
      return 1;
    }
    throw error;
  }
}

/**
 * The check of the owner's command: the files, then what the studio keeps in the database
 * (campaigns and the organisations their logos blocks show). `--files-only` (the build) skips
 * the database. Exit code 1 when a version fails its check; a differing file is reported only.
 */
async function checkAll(args: string[]): Promise<number> {
  const filesOnly = args.includes("--files-only");
  check(args.filter((arg) => arg !== "--files-only"));
  if (filesOnly) return 0;
  const { checkStoredContent } = await import("@vaart/web/content-check");
  const report = await checkStoredContent([
    { kind: "campaign", folder: "apps/landing/campaigns", extension: ".yaml" },
    { kind: "organisation" },
  ]);
  for (const line of report.lines) console.log(line);
  if (report.failing > 0) {
    console.error(`${report.failing} version(s) in the database do not pass the check`);
    return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
