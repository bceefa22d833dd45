import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Folder with the SVG wordmarks; apps serve it under `logoUrlPrefix`. */
export const logoDirectory = fileURLToPath(new URL("../logos/", import.meta.url));
const dataFile = fileURLToPath(new URL("../data/organisations.json", import.meta.url));

/** URL path under which both apps serve the logos (content-hashed names, cached for a year). */
export const logoUrlPrefix = "/logos/";

const organisationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-case letters, digits and dashes"),
  name: z.string().trim().min(1, "must not be empty"),
  logo: z
    .string()
    .regex(/^[a-z0-9-]+\.svg$/, "must be the file name of an SVG in packages/content/logos"),
  href: z.url({ protocol: /^https$/, error: "must be an https:// address" }).optional(),
  placeholder: z.boolean(),
});

const fileSchema = z.strictObject({
  about: z.string(),
  organisations: z.array(organisationSchema).min(1, "must list at least one organisation"),
});

export interface Organisation {
  id: string;
  name: string;
  /** The logo's text alternative (what a screen reader says); the name when left out. */
  alt?: string;
  /** Root-relative URL of the logo, with a content hash in the file name. */
  logo: string;
  href?: string;
  /** True for the fictional entries that stand in until real clients are added. */
  placeholder: boolean;
}

export class ContentError extends Error {
  override name = "ContentError";
}

/** Content-hashed file name → file on disk, for the apps' static handler. */
export const logoFiles = new Map<string, string>();

function load(): readonly Organisation[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(dataFile, "utf8"));
  } catch (error) {
    throw new ContentError(`packages/content/data/organisations.json: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw new ContentError(
      `packages/content/data/organisations.json: field "${where}" ${issue?.message ?? "is invalid"}`,
    );
  }
  const ids = new Set<string>();
  return parsed.data.organisations.map((entry, index) => {
    if (ids.has(entry.id)) {
      throw new ContentError(
        `packages/content/data/organisations.json: field "organisations.${index}.id" repeats "${entry.id}"`,
      );
    }
    ids.add(entry.id);
    const logo = logoUrl(entry.logo);
    if (!logo) {
      throw new ContentError(
        `packages/content/data/organisations.json: field "organisations.${index}.logo" names ${entry.logo}, which is not in packages/content/logos`,
      );
    }
    return { ...entry, logo };
  });
}

/**
 * The served URL of a logo in packages/content/logos (its name with a content hash, cached
 * for a year), registered for the apps' static handler; null when there is no such file.
 */
export function logoUrl(fileName: string): string | null {
  if (!/^[a-z0-9-]+\.(svg|png|jpe?g|webp)$/.test(fileName)) return null;
  const file = fileURLToPath(new URL(`../logos/${fileName}`, import.meta.url));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const hashedName = fileName.replace(/\.(\w+)$/, `.${hash}.$1`);
  logoFiles.set(hashedName, file);
  return `${logoUrlPrefix}${hashedName}`;
}

/** Every organisation, in the order of the data file (the carousel's order). */
export const organisations: readonly Organisation[] = load();
