import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { organisations } from "@vaart/content";
import { findRepoRoot } from "@vaart/newsletter";
import type { ContentState, ContentStore } from "@vaart/newsletter/content-store";
import { parse } from "yaml";
import { type KindSegment, kindSegments } from "./content.server";

/** One document of a content kind, as the overview lists it. */
export interface StudioDocument {
  /** The file's name without extension: the slug the public apps use. */
  slug: string;
  title: string;
  /** Where it is kept, relative to the repository root. */
  source: string;
  /** Its state in the studio's store, when an author has saved it there. */
  stored?: {
    state: ContentState;
    latestRevision: number;
    publishedRevision: number | null;
    latestAuthor: string;
    updatedAt: string;
    problems: number;
  };
}

export interface ContentKind {
  id: KindSegment;
  label: string;
  /** The link to start a new document of this kind. */
  newLabel: string;
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
      newLabel: "Nieuw artikel",
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
      newLabel: "Nieuwe campagne",
      label: "Campagnes",
      documents: files(root, "apps/landing/campaigns", ".yaml", (text) => yamlField(text, "title")),
    },
    {
      id: "klantlogos",
      newLabel: "Nieuw klantlogo",
      label: "Klantlogo’s",
      documents: organisations.map((organisation) => ({
        slug: organisation.id,
        title: organisation.name,
        source: "packages/content/data/organisations.json",
      })),
    },
    {
      id: "updates",
      newLabel: "Nieuwe Update",
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

/**
 * The kinds with what the store holds merged in: a stored document replaces the file of
 * its slug in the list (it is what the public apps show once published), and documents
 * written only in the studio are added.
 */
export async function contentKindsWithStore(
  store: ContentStore,
  root = findRepoRoot(),
): Promise<ContentKind[]> {
  const kinds = contentKinds(root);
  return Promise.all(
    kinds.map(async (kind) => {
      const stored = await store.listDocuments(kindSegments[kind.id]);
      const bySlug = new Map(kind.documents.map((document) => [document.slug, document]));
      for (const document of stored) {
        const file = bySlug.get(document.slug);
        bySlug.set(document.slug, {
          slug: document.slug,
          title: file?.title ?? document.slug,
          source: file?.source ?? "studio",
          stored: {
            state: document.state,
            latestRevision: document.latestRevision,
            publishedRevision: document.publishedRevision,
            latestAuthor: document.latestAuthor,
            updatedAt: document.updatedAt,
            problems: document.latestProblems.length,
          },
        });
      }
      return {
        ...kind,
        documents: [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
      };
    }),
  );
}
