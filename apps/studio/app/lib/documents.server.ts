import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { organisations } from "@vaart/content";
import { findRepoRoot } from "@vaart/newsletter";
import { parse } from "yaml";

/** One document of a content kind, as the overview lists it. */
export interface StudioDocument {
  /** The file's name without extension: the slug the public apps use. */
  slug: string;
  title: string;
  /** Where it is kept, relative to the repository root. */
  source: string;
}

export interface ContentKind {
  id: "artikelen" | "campagnes" | "klantlogos" | "updates";
  label: string;
  documents: StudioDocument[];
}

/**
 * The content kinds and their documents as the repository files hold them today. Read on
 * every request (a handful of small files): the overview shows what is there now. A folder
 * that is missing (a deployed studio without the repository) lists nothing.
 */
export function contentKinds(root = findRepoRoot()): ContentKind[] {
  return [
    {
      id: "artikelen",
      label: "Artikelen",
      documents: files(
        root,
        "apps/site/content/articles",
        ".md",
        (text) => frontMatter(text).title,
      ),
    },
    {
      id: "campagnes",
      label: "Campagnes",
      documents: files(root, "apps/landing/campaigns", ".yaml", (text) => yamlField(text, "title")),
    },
    {
      id: "klantlogos",
      label: "Klantlogo’s",
      documents: organisations.map((organisation) => ({
        slug: organisation.id,
        title: organisation.name,
        source: "packages/content/data/organisations.json",
      })),
    },
    {
      id: "updates",
      label: "Updates",
      documents: files(
        root,
        "apps/site/content/updates",
        ".md",
        (text) => frontMatter(text).subject,
      ),
    },
  ];
}

function files(
  root: string,
  folder: string,
  extension: string,
  titleOf: (text: string) => unknown,
): StudioDocument[] {
  let names: string[];
  try {
    names = readdirSync(path.join(root, folder)).filter((name) => name.endsWith(extension));
  } catch {
    return [];
  }
  return names.sort().map((name) => {
    const slug = name.slice(0, -extension.length);
    const source = `${folder}/${name}`;
    let title: unknown;
    try {
      title = titleOf(readFileSync(path.join(root, source), "utf8"));
    } catch {
      // A file with a mistake is listed by its name; the checks of the apps name the mistake.
    }
    return { slug, title: typeof title === "string" && title.trim() ? title : slug, source };
  });
}

function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const data = match?.[1] ? parse(match[1]) : null;
  return data && typeof data === "object" ? (data as Record<string, unknown>) : {};
}

function yamlField(text: string, field: string): unknown {
  const data = parse(text) as Record<string, unknown> | null;
  return data?.[field];
}
