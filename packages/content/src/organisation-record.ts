import { isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";

/**
 * A client organisation written in the studio: a small YAML (or JSON) record. The logo is a
 * reference (a file name in packages/content/logos, or an uploaded image's name); whether it
 * exists is the caller's check, passed in.
 */
export interface OrganisationRecord {
  id: string;
  name: string;
  /** The logo's text alternative (usually the organisation's name). */
  alt: string;
  logo: string;
  href?: string;
}

/**
 * The name of a logo uploaded in the studio: the first 10 hex digits of the SHA-256 of the
 * re-encoded image, as the app database keeps it (the files in packages/content/logos have
 * words for names, so the two never meet).
 */
export const uploadedLogoPattern = /^[0-9a-f]{10}\.webp$/;

export function isUploadedLogo(logo: string): boolean {
  return uploadedLogoPattern.test(logo);
}

export class OrganisationRecordError extends Error {
  override name = "OrganisationRecordError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

const recordSchema = z.strictObject({
  name: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(120),
  alt: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(200),
  logo: z
    .string({ error: "must be the logo's file name" })
    .regex(/^[a-z0-9-]+\.(svg|png|jpe?g|webp)$/, "must be a file name like alwel.svg"),
  href: z.url({ protocol: /^https$/, error: "must be an https:// address" }).optional(),
});

export function parseOrganisationRecord(
  slug: string,
  source: string,
  logoExists: (logo: string) => boolean = () => true,
): OrganisationRecord {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  const at = (path: PropertyKey[]) => {
    const node = doc.getIn(path as string[], true) as { range?: [number] } | undefined;
    return node?.range ? ` (line ${lines.linePos(node.range[0]).line})` : "";
  };
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new OrganisationRecordError([
      `organisation "${slug}": write the fields name, alt and logo, one per line (name: Alwel)`,
    ]);
  }
  const data = doc.toJS() as Record<string, unknown>;
  const checked = recordSchema.safeParse(data);
  const problems: string[] = [];
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      if (issue.code === "unrecognized_keys") {
        problems.push(
          `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")} (allowed: name, alt, logo, href)`,
        );
        continue;
      }
      const field = issue.path.join(".");
      const missing = data[field] === undefined;
      problems.push(`field "${field}" ${missing ? "is missing" : issue.message}${at(issue.path)}`);
    }
  } else if (!logoExists(checked.data.logo)) {
    problems.push(`field "logo": there is no logo named ${checked.data.logo}${at(["logo"])}`);
  }
  if (problems.length > 0 || !checked.success) throw new OrganisationRecordError(problems);
  return { id: slug, ...checked.data };
}
