import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isUploadedLogo, parseOrganisationRecord } from "@vaart/content/organisation-record";
import { createNewsletter, createNullTransport, findRepoRoot } from "@vaart/newsletter";
import type { ContentKind, ContentStore } from "@vaart/newsletter/content-store";
import { contentCheckers } from "./live-content.server.js";

/**
 * What `pnpm campaign check` and the site's content check add to the files: the studio's
 * versions in the app database (published and latest drafts, checked again with the files'
 * parsers, since what they refer to may have changed), and the files that differ from what
 * is published. Read-only: the database is opened, read and closed.
 */

/** Where a kind's files are, relative to the repository root (organisations: no one file each). */
export interface StoredKind {
  kind: ContentKind;
  folder?: string;
  extension?: string;
}

export interface StoredContentReport {
  /** Every line to print, in order. */
  lines: string[];
  /** Versions (published or latest draft) that do not pass the check. */
  failing: number;
  /** Files that differ from their published version, or are missing. */
  differing: number;
}

const noun: Record<ContentKind, string> = {
  campaign: "campaign",
  article: "article",
  update: "Update",
  organisation: "organisation",
};

/**
 * Checks what the database holds for `kinds`. With no database (no DATABASE_URL and no SQLite
 * file in DATA_DIR yet) it says so and reports nothing else: the files were all there is.
 */
export async function checkStoredContent(
  kinds: readonly StoredKind[],
  env: Record<string, string | undefined> = process.env,
): Promise<StoredContentReport> {
  const root = findRepoRoot();
  // The database the apps use: DATABASE_URL, else the SQLite file in DATA_DIR (relative to
  // the repository root, as for the apps).
  const dataDir = path.resolve(root, env.DATA_DIR?.trim() || ".data");
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const sqliteFile = path.join(dataDir, "vaart.sqlite");
  if (!databaseUrl && !existsSync(sqliteFile)) {
    return {
      lines: [
        `database: none yet (${path.relative(process.cwd(), sqliteFile) || sqliteFile}); checked the files only`,
      ],
      failing: 0,
      differing: 0,
    };
  }
  // Only read: no mail leaves and nothing is signed, so the mail and secret settings a
  // server needs are not asked for here.
  const newsletter = createNewsletter({
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    siteUrl: "http://localhost",
    mailFrom: "Vaart <content-check@localhost>",
    secret: randomBytes(32).toString("base64url"),
    transport: createNullTransport(),
    logger: { info() {}, warn() {}, error: (message: string) => console.error(message) },
  });
  try {
    const store = newsletter.contentStore(contentCheckers());
    const images = newsletter.contentImages();
    const report: StoredContentReport = { lines: [], failing: 0, differing: 0 };
    for (const { kind, folder, extension } of kinds) {
      const check = async (slug: string, text: string): Promise<string[]> => {
        const problems = [...(contentCheckers()[kind]?.(slug, text) ?? [])];
        // The check takes an uploaded logo's name on trust; here the database can say.
        if (kind === "organisation" && problems.length === 0) {
          const { logo } = parseOrganisationRecord(slug, text);
          if (isUploadedLogo(logo) && !(await images.find(logo))) {
            problems.push(`field "logo": there is no uploaded logo named ${logo}`);
          }
        }
        return problems;
      };
      const documents = await store.listDocuments(kind);
      let checked = 0;
      for (const document of documents) {
        const { slug, publishedRevision, latestRevision } = document;
        const revisions = new Set([publishedRevision, latestRevision].filter((r) => r !== null));
        for (const revision of revisions) {
          const version = await store.version(kind, slug, revision);
          if (!version) continue;
          checked += 1;
          const problems = await check(slug, version.text);
          if (problems.length === 0) continue;
          report.failing += 1;
          const which =
            revision === publishedRevision
              ? `published version ${revision}`
              : `latest draft, version ${revision}`;
          report.lines.push(
            `${noun[kind]} ${slug} (${which}, by ${version.author}, ${version.createdAt.slice(0, 10)}):`,
            ...problems.map((problem) => `  - ${problem}`),
          );
        }
        if (folder && extension && publishedRevision !== null) {
          const differs = await fileDiffers(
            store,
            root,
            { kind, slug, folder, extension },
            publishedRevision,
          );
          if (differs) {
            report.differing += 1;
            report.lines.push(differs);
          }
        }
      }
      report.lines.push(
        `database: ${documents.length} ${noun[kind]}${documents.length === 1 ? "" : "s"} in the studio, ${checked} version(s) checked`,
      );
    }
    return report;
  } finally {
    await newsletter.close();
  }
}

/** The line for a file that is not what is published, or null when it is. */
async function fileDiffers(
  store: ContentStore,
  root: string,
  document: { kind: ContentKind; slug: string; folder: string; extension: string },
  revision: number,
): Promise<string | null> {
  const { kind, slug, folder, extension } = document;
  const file = `${folder}/${slug}${extension}`;
  const full = path.join(root, file);
  const current = existsSync(full) ? readFileSync(full, "utf8") : null;
  const published = await store.version(kind, slug, revision);
  if (!published || current === published.text) return null;
  // Who published it, and when: the newest publish event of that revision.
  const event = (await store.history(kind, slug)).find(
    (entry) => entry.action === "publish" && entry.revision === revision,
  );
  const by = event ? ` (by ${event.author}, ${event.at.slice(0, 10)})` : "";
  return current === null
    ? `${file} does not exist; the published version ${revision}${by} is in the database only; \`pnpm content export\` writes it`
    : `${file} differs from the published version ${revision}${by}; \`pnpm content export\` writes it`;
}
