import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { type MarkdownTrust, renderMarkdown } from "../markdown.js";
import { amsterdamTime } from "./time.js";

/**
 * One campaign file: `campaigns/<slug>.yaml`. This module is the one schema every file is
 * checked against (by the build, `pnpm campaign check`, the tests and the server), with
 * errors that name the file, the block and the field in plain words.
 */

export const themeNames = ["brand", "campaign", "dark"] as const;
export type CampaignTheme = (typeof themeNames)[number];

/** Paths the app itself answers; a campaign cannot take them. */
export const reservedSlugs = [
  "resultaten",
  "healthz",
  "assets",
  "logos",
  "favicon",
  "robots",
  "sitemap",
  "nieuwsbrief",
];

export class CampaignFileError extends Error {
  override name = "CampaignFileError";
}

const text = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters (shorter reads better)`);

/** A link in a campaign: a page of this app (/…), of the site (site:/…) or an https:// address. */
const href = z
  .string({ error: "must be a link" })
  .trim()
  .regex(
    /^(\/(?!\/)|site:\/|https:\/\/|#[a-z])/,
    "must start with / (a page of the landing app), site:/ (a page of the site, e.g. site:/artikelen), # (a part of this page) or https://",
  );

const image = z.strictObject({
  src: z
    .string({ error: "must be the address of an image" })
    .regex(
      /^\/(?!\/)\S+\.(png|jpe?g|webp|avif|svg)$/,
      "must be an image in apps/landing/public, written as /images/name.jpg (png, jpg, webp, avif or svg)",
    ),
  alt: z
    .string({
      error:
        'must describe the image for people who cannot see it (write alt: "" only if it is decoration)',
    })
    .max(300, "must be at most 300 characters"),
  width: z.number({ error: "must be a number of pixels" }).int().positive(),
  height: z.number({ error: "must be a number of pixels" }).int().positive(),
});

const action = z.strictObject({ label: text(60), href });

const clock = z
  .string({ error: 'must be a time written as HH:MM, e.g. "19:30" (in quotes)' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written as HH:MM, e.g. "19:30" (in quotes)')
  // What a form generated from these schemas asks for (the studio's): a time field.
  .meta({ input: "time" });

/** "15-04-2027" is how a Dutch writer puts a date: name the spelling the file needs instead. */
function dayFirstHint(input: unknown, time = ""): string {
  const m = typeof input === "string" ? /^(\d{1,2})-(\d{1,2})-(\d{4})\b/.exec(input.trim()) : null;
  if (!m) return "";
  const [, day = "", month = "", year = ""] = m;
  return ` (${String(input).trim()} is day-month-year: write ${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}${time})`;
}

const dayMessage = "must be a date written as YYYY-MM-DD, e.g. 2027-03-12";
const calendarDay = z
  .string({ error: dayMessage })
  // abort: a date in the wrong format gets this one message, not also "is not a date that exists".
  .regex(/^\d{4}-\d{2}-\d{2}$/, {
    error: (issue) => `${dayMessage}${dayFirstHint(issue.input)}`,
    abort: true,
  })
  .refine((value) => {
    const date = new Date(`${value}T12:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "is not a date that exists")
  .meta({ input: "date" });

/** A moment: "2027-03-12 09:00" (Amsterdam time) or with an explicit offset. */
const moment = z
  .string({
    error: 'must be a date and time written as "YYYY-MM-DD HH:MM", e.g. "2027-03-12 09:00"',
  })
  .transform((value, ctx) => {
    const instant = amsterdamTime(value);
    if (!instant) {
      ctx.addIssue({
        code: "custom",
        message: `must be a date and time written as "YYYY-MM-DD HH:MM", e.g. "2027-03-12 09:00"${dayFirstHint(value, " 09:00")}`,
      });
      return z.NEVER;
    }
    return instant.toISOString();
  })
  .meta({ input: "datetime" });

/** One schema per block type: the studio's form is generated from these shapes. */
export const blockSchemas = {
  hero: z.strictObject({
    type: z.literal("hero"),
    heading: text(120),
    subheading: text(300).optional(),
    image: image.optional(),
    action: action.optional(),
  }),
  text: z.strictObject({
    type: z.literal("text"),
    heading: text(120).optional(),
    markdown: text(20_000),
  }),
  logos: z.strictObject({
    type: z.literal("logos"),
    heading: text(120).optional(),
    /** Ids from packages/content/data/organisations.json; all of them when left out. */
    organisations: z
      .array(z.string({ error: "must be a list of organisation ids" }), {
        error: "must be a list of organisation ids, e.g. [alwel, denkbeeld]",
      })
      .min(1, "must name at least one organisation (or leave the field out to show all)")
      .optional(),
  }),
  signup: z.strictObject({
    type: z.literal("signup"),
    heading: text(120).optional(),
    intro: text(400).optional(),
    button: text(40).optional(),
    /** The thank-you page after signing up. */
    thanks: z
      .strictObject(
        { heading: text(120), text: text(1000) },
        { error: "must have heading and text" },
      )
      .optional(),
  }),
  quote: z.strictObject({
    type: z.literal("quote"),
    text: text(600),
    name: text(80),
    role: text(120).optional(),
  }),
  event: z.strictObject({
    type: z.literal("event"),
    heading: text(120).optional(),
    name: text(120),
    date: calendarDay,
    start: clock,
    end: clock,
    /** A place ("Kantoor Alwel, Dordrecht") or the word "online". */
    location: text(200),
    address: text(200).optional(),
    details: text(600).optional(),
  }),
  faq: z.strictObject({
    type: z.literal("faq"),
    heading: text(120).optional(),
    questions: z
      .array(z.strictObject({ question: text(200), answer: text(2000) }), {
        error: "must be a list of question/answer pairs",
      })
      .min(1, "must have at least one question"),
  }),
  cta: z.strictObject({
    type: z.literal("cta"),
    heading: text(120),
    text: text(400).optional(),
    action,
  }),
  article: z.strictObject({
    type: z.literal("article"),
    /** The article's slug on the site: site:/artikelen/<slug>. */
    slug: z
      .string({ error: "must be the article's slug, e.g. is-gelijkwaardigheid-mogelijk" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by dashes"),
    title: text(160),
    description: text(400).optional(),
    label: text(60).optional(),
  }),
} as const;

export type BlockType = keyof typeof blockSchemas;
export const blockTypes = Object.keys(blockSchemas) as BlockType[];

export type CampaignBlock = {
  [K in BlockType]: z.output<(typeof blockSchemas)[K]>;
}[BlockType];

/** A text block with its Markdown rendered (see CheckOptions.markdown for its trust). */
export type RenderedBlock =
  | Exclude<CampaignBlock, { type: "text" | "faq" }>
  | (Extract<CampaignBlock, { type: "text" }> & { html: string })
  | (Omit<Extract<CampaignBlock, { type: "faq" }>, "questions"> & {
      questions: { question: string; html: string }[];
    });

/** The campaign's own fields (its blocks are checked per type by blockSchemas). */
export const campaignSchema = z.strictObject({
  title: text(90),
  description: text(200),
  theme: z.enum(themeNames, {
    error: `must be one of: ${themeNames.join(", ")}`,
  }),
  status: z.enum(["draft", "published"], { error: "must be draft or published" }),
  start: moment,
  end: moment,
  shareImage: image.optional(),
  /** Where the friendly "this campaign has ended" page sends people (default: the site). */
  afterEnd: action.optional(),
  blocks: z.array(z.unknown(), { error: "must be a list of blocks" }).min(1, "must list blocks"),
});

export interface Campaign {
  slug: string;
  file: string;
  title: string;
  description: string;
  theme: CampaignTheme;
  status: "draft" | "published";
  /** ISO instants (UTC). */
  start: string;
  end: string;
  shareImage?: z.output<typeof image>;
  afterEnd?: { label: string; href: string };
  blocks: RenderedBlock[];
}

/** The value a file gave at `path` (zod's issues do not carry it). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value as Record<PropertyKey, unknown> | null | undefined)?.[key],
    data,
  );
}

function describeIssue(
  issue: z.core.$ZodIssue,
  allowed: readonly string[],
  data: unknown,
  what = "this block",
): string {
  if (issue.code === "unrecognized_keys") {
    // Fields that follow an empty group (`afterEnd:` with nothing after it) lost their indentation.
    const parent = valueAt(data, issue.path) as Record<string, unknown> | undefined;
    const emptyGroup = Object.keys(parent ?? {}).find((key) => parent?.[key] === null);
    const hint = emptyGroup
      ? ` — if they belong under "${emptyGroup}:", indent them by two spaces more`
      : "";
    return `has a field ${what} does not know: ${issue.keys.map((k) => `"${k}"`).join(", ")} (allowed: ${allowed.join(", ")})${hint}`;
  }
  const given = valueAt(data, issue.path);
  if (issue.code === "invalid_type" && given === undefined) return "is missing";
  // `field:` with nothing after it (often: its lines lost their indentation) is YAML's null.
  if (issue.code === "invalid_type" && given === null) {
    return issue.expected === "object"
      ? "is empty: write its fields on the lines below it, each indented by two spaces more, or leave the field out"
      : "is empty";
  }
  return issue.message;
}

function fieldName(path: PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part + 1}]` : index ? `.${String(part)}` : String(part),
    )
    .join("");
}

/** Parse and check one campaign file. Throws a CampaignFileError listing every problem. */
export interface CheckOptions {
  /** Whether `apps/landing/public<src>` exists; the build and `pnpm campaign check` pass it. */
  publicFileExists?: (src: string) => boolean;
  /** "untrusted" for text typed into the studio: no raw HTML, only safe links (default: trusted). */
  markdown?: MarkdownTrust;
}

export function parseCampaignFile(
  file: string,
  source: string,
  organisationIds: readonly string[],
  options: CheckOptions = {},
): Campaign {
  const slug = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const at = first?.linePos?.[0];
    throw new CampaignFileError(
      `${file}${at ? ` (line ${at.line})` : ""}: this is not valid YAML — ${first?.message.split("\n")[0]}. Check the indentation (spaces, not tabs) and put text with a colon in quotes.`,
    );
  }
  const lineOf = (path: PropertyKey[]): string => {
    const node = doc.getIn(path as (string | number)[], true) as { range?: [number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return ` (line ${lines.linePos(offset).line})`;
    const parent = path.length > 1 ? lineOf(path.slice(0, -1)) : "";
    return parent;
  };
  const problems: string[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    problems.push(
      `the file name "${slug}" is the page's address: use lower-case letters, digits and dashes, e.g. webinar-ketensamenwerking.yaml`,
    );
  } else if (reservedSlugs.includes(slug)) {
    problems.push(`the file name "${slug}" is taken by the app itself; choose another name`);
  }
  const data = doc.toJS() as unknown;
  if (!isMap(doc.contents)) {
    throw new CampaignFileError(
      `${file}: the file must start with fields like "title:" and "status:" (see apps/landing/README.md)`,
    );
  }
  const checked = campaignSchema.safeParse(data);
  if (!checked.success) {
    const allowed = Object.keys(campaignSchema.shape);
    for (const issue of checked.error.issues) {
      const where = issue.path.length > 0 ? `field "${fieldName(issue.path)}"` : "the file";
      problems.push(
        `${where} ${describeIssue(issue, allowed, data, "a campaign file")}${lineOf(issue.path)}`,
      );
    }
  }
  const rawBlocks = (data as { blocks?: unknown }).blocks;
  const blocks: CampaignBlock[] = [];
  if (Array.isArray(rawBlocks) && isSeq(doc.get("blocks"))) {
    rawBlocks.forEach((raw, index) => {
      const number = index + 1;
      const type = (raw as { type?: unknown } | null)?.type;
      const at = lineOf(["blocks", index]);
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        problems.push(`block ${number}${at}: must be a block with a "type:" line`);
        return;
      }
      if (typeof type !== "string" || !(type in blockSchemas)) {
        problems.push(
          `block ${number}${at}: ${type === undefined ? 'has no "type:"' : `has an unknown type "${String(type)}"`}; use one of: ${blockTypes.join(", ")}`,
        );
        return;
      }
      const schema = blockSchemas[type as BlockType];
      const result = schema.safeParse(raw);
      if (!result.success) {
        const allowed = Object.keys(schema.shape);
        for (const issue of result.error.issues) {
          const field = issue.path.length > 0 ? `, field "${fieldName(issue.path)}"` : "";
          problems.push(
            `block ${number} (${type})${field} ${describeIssue(issue, allowed, raw)}${lineOf(["blocks", index, ...issue.path])}`,
          );
        }
        return;
      }
      const block = result.data as CampaignBlock;
      if (block.type === "logos" && block.organisations) {
        for (const id of block.organisations) {
          if (!organisationIds.includes(id)) {
            problems.push(
              `block ${number} (logos), field "organisations": "${id}" is not a known organisation (known: ${organisationIds.join(", ")})${at}`,
            );
          }
        }
      }
      if (
        block.type === "hero" &&
        block.image &&
        options.publicFileExists &&
        !options.publicFileExists(block.image.src)
      ) {
        problems.push(
          `block ${number} (hero), field "image.src": there is no file apps/landing/public${block.image.src}${lineOf(["blocks", index, "image", "src"])}`,
        );
      }
      if (block.type === "event" && block.end <= block.start) {
        problems.push(
          `block ${number} (event), field "end": the event ends (${block.end}) before it starts (${block.start})${lineOf(["blocks", index, "end"])}`,
        );
      }
      blocks.push(block);
    });
    const signups = blocks.filter((block) => block.type === "signup").length;
    if (signups > 1) problems.push(`"blocks" has ${signups} signup blocks; a page can have one`);
  }
  const shareImage = checked.success ? checked.data.shareImage : undefined;
  if (shareImage && options.publicFileExists && !options.publicFileExists(shareImage.src)) {
    problems.push(
      `field "shareImage.src": there is no file apps/landing/public${shareImage.src}${lineOf(["shareImage", "src"])}`,
    );
  }
  if (checked.success && checked.data.end <= checked.data.start) {
    problems.push(
      `field "end" is before "start": the campaign would never be online${lineOf(["end"])}`,
    );
  }
  if (problems.length > 0 || !checked.success) {
    throw new CampaignFileError(
      `${file} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
  const front = checked.data;
  return {
    slug,
    file,
    title: front.title,
    description: front.description,
    theme: front.theme,
    status: front.status,
    start: front.start,
    end: front.end,
    ...(front.shareImage ? { shareImage: front.shareImage } : {}),
    ...(front.afterEnd ? { afterEnd: front.afterEnd } : {}),
    blocks: blocks.map((block) => renderBlock(block, options.markdown ?? "trusted")),
  };
}

function renderBlock(block: CampaignBlock, trust: MarkdownTrust): RenderedBlock {
  const markdown = (source: string) => renderMarkdown(source, trust);
  if (block.type === "text") return { ...block, html: markdown(block.markdown) };
  if (block.type === "faq") {
    return {
      ...block,
      questions: block.questions.map((q) => ({ question: q.question, html: markdown(q.answer) })),
    };
  }
  return block;
}

/** Parse every file; one error lists the problems of all files. */
export function parseCampaignFiles(
  files: Record<string, string>,
  organisationIds: readonly string[],
  options: CheckOptions = {},
): Campaign[] {
  const campaigns: Campaign[] = [];
  const errors: string[] = [];
  for (const [file, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    try {
      campaigns.push(parseCampaignFile(file, source, organisationIds, options));
    } catch (error) {
      if (!(error instanceof CampaignFileError)) throw error;
      errors.push(error.message);
    }
  }
  if (errors.length > 0) throw new CampaignFileError(errors.join("\n"));
  return campaigns;
}

/**
 * The text a new campaign starts from: `pnpm campaign new` writes it to a file, the studio's
 * "Nieuwe campagne" saves it as the first draft. A draft that passes the check, running from
 * `today` for a year.
 */
export function campaignTemplate(slug: string, today = new Date()): string {
  const day = today.toISOString().slice(0, 10);
  const year = Number(day.slice(0, 4));
  return `# A campaign page: /${slug}. Fields: apps/landing/README.md. Check with: pnpm campaign check
title: Titel van de campagne
description: Eén of twee zinnen over de campagne; dit staat ook bij een bericht op LinkedIn.
theme: campaign # brand, campaign or dark
status: draft # draft: only visible with the preview link; published: live between start and end
start: "${day} 09:00"
end: "${year + 1}-${day.slice(5, 10)} 00:00"
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
