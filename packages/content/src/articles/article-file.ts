import matter from "gray-matter";
import { z } from "zod";
import { type MarkdownTrust, renderMarkdown } from "../markdown.js";

/** An article as the site shows it, parsed from `content/articles/<slug>.md`. */
export interface Article {
  slug: string;
  title: string;
  description: string;
  /** ISO date (YYYY-MM-DD) of publication. */
  date: string;
  updated?: string;
  lead?: string;
  readMore?: { label: string; href: string };
  draft: boolean;
  /** The body as HTML (raw HTML kept only for files from this repository). */
  html: string;
  /** The body as plain text, for reading time and feeds. */
  text: string;
}

export class ArticleFileError extends Error {
  override name = "ArticleFileError";
}

const isoDate = z.preprocess(
  // YAML reads an unquoted 2024-06-03 as a Date; keep it as the calendar day that was written.
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: "must be a date written as YYYY-MM-DD" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written as YYYY-MM-DD")
    .refine((value) => !Number.isNaN(Date.parse(value)), "is not a real date"),
);

const text = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

const frontmatterSchema = z.strictObject({
  title: text(120),
  slug: z
    .string({ error: "must be text" })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by dashes"),
  date: isoDate,
  updated: isoDate.optional(),
  description: text(300),
  lead: text(600).optional(),
  readMore: z
    .strictObject({
      label: text(120),
      href: z
        .string({ error: "must be a link" })
        .regex(/^(\/(?!\/)|https:\/\/)/, "must start with / (a page on this site) or https://"),
    })
    .optional(),
  draft: z.boolean({ error: "must be true or false" }).optional(),
});

/** The front matter as an author writes it (the studio's form has a field for each). */
export type ArticleFrontMatter = z.input<typeof frontmatterSchema>;

/** The front matter's fields in the order of the schema; a group's fields as `group.field`. */
export const articleFrontMatterFields: readonly string[] = Object.keys(
  frontmatterSchema.shape,
).flatMap((name) =>
  name === "readMore"
    ? Object.keys(frontmatterSchema.shape.readMore.unwrap().shape).map(
        (inner) => `${name}.${inner}`,
      )
    : [name],
);

/** The fields that hold fields of their own, written indented below them. */
const nestedFields: Record<string, readonly string[]> = {
  readMore: Object.keys(frontmatterSchema.shape.readMore.unwrap().shape),
};

/** Parse one article file; the error names the file and the field that is wrong. */
export function parseArticleFile(
  fileName: string,
  source: string,
  /** "untrusted" for an article typed into the studio: no raw HTML, only safe links. */
  trust: MarkdownTrust = "trusted",
): Article {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by content; a fresh options object turns that off for tests.
    parsed = matter(source, {});
  } catch (error) {
    throw new ArticleFileError(
      `${fileName}: the frontmatter is not valid YAML (${(error as Error).message.split("\n")[0]})`,
    );
  }
  const checked = frontmatterSchema.safeParse(parsed.data);
  if (!checked.success) {
    const data = parsed.data as Record<string, unknown>;
    // A field with nothing after its colon (e.g. `readMore:` whose lines lost their
    // indentation) is YAML's null: say what to indent, not what the validator expected.
    const emptyGroups = Object.keys(nestedFields).filter((name) => data[name] === null);
    const problems = checked.error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const home = emptyGroups.find((group) =>
          issue.keys.some((key) => nestedFields[group]?.includes(key)),
        );
        const hint = home ? ` — they belong under "${home}:", indented by two spaces` : "";
        return `unknown field ${issue.keys.map((key) => `"${key}"`).join(", ")} (allowed: ${Object.keys(frontmatterSchema.shape).join(", ")})${hint}`;
      }
      const field = issue.path.join(".");
      const given = issue.path.reduce<unknown>(
        (value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key],
        parsed.data,
      );
      if (given === undefined) return `field "${field}" is missing`;
      if (given === null && issue.path.length === 1 && nestedFields[field]) {
        const fields = nestedFields[field];
        return `field "${field}" is empty: write its fields (${fields.join(", ")}) on the lines below "${field}:", each indented by two spaces, or leave "${field}" out`;
      }
      if (given === null) return `field "${field}" is empty`;
      return `field "${field}" ${issue.message}`;
    });
    throw new ArticleFileError(`${fileName}: ${problems.join("; ")}`);
  }
  const front = checked.data;
  const expectedName = `${front.slug}.md`;
  if (!fileName.endsWith(`/${expectedName}`) && fileName !== expectedName) {
    throw new ArticleFileError(
      `${fileName}: field "slug" is "${front.slug}", so the file must be named ${expectedName}`,
    );
  }
  const body = parsed.content.trim();
  if (!body)
    throw new ArticleFileError(`${fileName}: the article has no text below the frontmatter`);
  const html = renderMarkdown(body, trust);
  return {
    slug: front.slug,
    title: front.title,
    description: front.description,
    date: front.date,
    ...(front.updated ? { updated: front.updated } : {}),
    ...(front.lead ? { lead: front.lead } : {}),
    ...(front.readMore ? { readMore: front.readMore } : {}),
    draft: front.draft ?? false,
    html,
    text: htmlToText(html),
  };
}

function htmlToText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

/** Parse every file; all problems are reported together, and two files may not share a slug. */
export function parseArticleFiles(files: Record<string, string>): Article[] {
  const problems: string[] = [];
  const articles: Article[] = [];
  for (const [fileName, source] of Object.entries(files)) {
    try {
      articles.push(parseArticleFile(fileName, source));
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    throw new ArticleFileError(`Invalid article files:\n  ${problems.join("\n  ")}`);
  }
  return articles.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}
