import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createNewsletter, createNullTransport } from "@vaart/newsletter";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const scratch = mkdtempSync(path.join(tmpdir(), "vaart-campaign-check-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `pnpm campaign check` as the owner types it, on its own data folder (no other settings). */
async function campaignCheck(dataDir: string) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(repoRoot, "packages/cli/bin/campaign.js"), "check"],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const file = "apps/landing/campaigns/webinar-ketensamenwerking.yaml";
const MARKETING = "marketing@vaart.nl";

describe("pnpm campaign check and the studio's database", () => {
  it("says there is no database yet and checks the files only", async () => {
    const result = await campaignCheck(path.join(scratch, "leeg"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^campaigns: \d+ OK/);
    expect(result.stdout).toMatch(
      /database: none yet \(.*leeg\/vaart\.sqlite\); checked the files only/,
    );
  }, 120_000);

  it("lists failing published versions and drafts with their messages, and differing files", async () => {
    const dataDir = path.join(scratch, "data");
    mkdirSync(dataDir, { recursive: true });
    const newsletter = createNewsletter({
      dataDir,
      siteUrl: "http://localhost:3000",
      mailFrom: "Vaart <updates@localhost>",
      secret: "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
      transport: createNullTransport(),
    });
    // Stored with checks that take anything: as if saved when the rules or the references
    // were different. The command checks again with today's.
    const store = newsletter.contentStore({ campaign: () => [], organisation: () => [] });
    const text = readFileSync(path.join(repoRoot, file), "utf8");
    const published = await store.saveDraft({
      kind: "campaign",
      slug: "webinar-ketensamenwerking",
      text: `${text}# een regel erbij\n`,
      author: MARKETING,
      baseRevision: null,
    });
    await store.publish("campaign", "webinar-ketensamenwerking", published.revision, MARKETING);
    await store.saveDraft({
      kind: "campaign",
      slug: "webinar-ketensamenwerking",
      text: text.replace(/^theme: \w+$/m, "theme: paars"),
      author: "anna@vaart.nl",
      baseRevision: published.revision,
    });
    // An organisation whose uploaded logo is not in the database, and one whose logo is.
    const record = (logo: string) => `name: Nergens BV\nalt: Logo van Nergens BV\nlogo: ${logo}\n`;
    const missing = await store.saveDraft({
      kind: "organisation",
      slug: "nergens",
      text: record("0123456789.webp"),
      author: MARKETING,
      baseRevision: null,
    });
    await store.publish("organisation", "nergens", missing.revision, MARKETING);
    const image = await newsletter.contentImages().save({
      data: Buffer.from("RIFF....WEBPVP8 logo"),
      contentType: "image/webp",
      width: 10,
      height: 4,
      author: MARKETING,
    });
    const present = await store.saveDraft({
      kind: "organisation",
      slug: "ergens",
      text: record(image.name).replace("Nergens", "Ergens"),
      author: MARKETING,
      baseRevision: null,
    });
    await store.publish("organisation", "ergens", present.revision, MARKETING);
    await newsletter.close();

    const result = await campaignCheck(dataDir);
    expect(result.code).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    const lines = result.stdout.split("\n");
    expect(lines).toContain(
      `campaign webinar-ketensamenwerking (latest draft, version 2, by anna@vaart.nl, ${today}):`,
    );
    expect(lines).toContain('  - field "theme" must be one of: brand, campaign, dark (line 5)');
    expect(lines).toContain(
      `${file} differs from the published version 1 (by ${MARKETING}, ${today}); \`pnpm content export\` writes it`,
    );
    expect(lines).toContain(
      `organisation nergens (published version 1, by ${MARKETING}, ${today}):`,
    );
    expect(lines).toContain('  - field "logo": there is no uploaded logo named 0123456789.webp');
    expect(result.stdout).not.toContain("organisation ergens");
    expect(lines).toContain("database: 1 campaign in the studio, 2 version(s) checked");
    expect(lines).toContain("database: 2 organisations in the studio, 2 version(s) checked");
    expect(result.stderr).toContain("2 version(s) in the database do not pass the check");
  }, 120_000);
});
