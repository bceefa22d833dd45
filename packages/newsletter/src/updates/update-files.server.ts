import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { findRepoRoot } from "../config.server.js";
import type { FrozenUpdate } from "./frozen.js";
import { freezeUpdate, type UpdateSite } from "./render.js";
import { UpdateFileError } from "./update-file.js";

/** Where the Updates live, from the repository's root. */
export const UPDATES_FOLDER = "apps/site/content/updates";

export function updatesFolder(repoRoot: string = findRepoRoot()): string {
  return path.join(repoRoot, UPDATES_FOLDER);
}

/** The name the owner knows a file by: from the repository root when it is inside it. */
export function displayName(file: string, repoRoot: string = findRepoRoot()): string {
  const relative = path.relative(repoRoot, path.resolve(file));
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join("/");
}

/** The check uses any site address: links are made absolute, but not followed. */
const CHECK_SITE: UpdateSite = {
  siteUrl: "https://www.example.nl",
  siteName: "Vaart in samenwerken",
};

/**
 * Read, check and render one Update file. `sourceHash` is the SHA-256 (hex) of the file's
 * bytes, so a sending can tell later whether the file changed since it was frozen.
 */
export async function freezeUpdateFile(
  file: string,
  site: UpdateSite,
  options: { repoRoot?: string } = {},
): Promise<FrozenUpdate & { sourceHash: string }> {
  const name = displayName(file, options.repoRoot);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UpdateFileError(name, [
      code === "ENOENT"
        ? "dit bestand bestaat niet"
        : `dit bestand kan niet gelezen worden (${code ?? String(error)})`,
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UpdateFileError(name, ["het bestand is geen UTF-8-tekst; sla het op als UTF-8"]);
  }
  const frozen = freezeUpdate({ file: name, text }, site);
  return { ...frozen, sourceHash: createHash("sha256").update(bytes).digest("hex") };
}

/** The `.md` files in a folder (none when the folder does not exist), sorted by name. */
export async function listUpdateFiles(folder: string = updatesFolder()): Promise<string[]> {
  try {
    const names = await readdir(folder);
    return names
      .filter((name) => name.toLowerCase().endsWith(".md"))
      .sort()
      .map((name) => path.join(folder, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

export interface CheckReport {
  checked: Array<{ file: string; slug: string; subject: string; date: string }>;
  /** One entry per file with problems; each message names the file, line and field. */
  problems: UpdateFileError[];
}

/** Check every given file (default: every Update in the repository); all problems at once. */
export async function checkUpdateFiles(
  files?: readonly string[],
  options: { site?: UpdateSite; repoRoot?: string } = {},
): Promise<CheckReport> {
  const report: CheckReport = { checked: [], problems: [] };
  const { site = CHECK_SITE, repoRoot } = options;
  for (const file of files ?? (await listUpdateFiles(updatesFolder(repoRoot)))) {
    try {
      const frozen = await freezeUpdateFile(file, site, { repoRoot });
      report.checked.push({
        file: displayName(file, repoRoot),
        slug: frozen.slug,
        subject: frozen.subject,
        date: frozen.date,
      });
    } catch (error) {
      if (!(error instanceof UpdateFileError)) throw error;
      report.problems.push(error);
    }
  }
  return report;
}
