import { organisations } from "@vaart/content";
import type { ContentState, ContentStore } from "@vaart/newsletter/content-store";
import { parse } from "yaml";
import { type KindSegment, kindSegments } from "./content.server";
import { repositoryFiles } from "./repository-files.server";

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

/** The title a document's text gives, per kind (an organisation's is its name). */
const titleOf: Record<KindSegment, (text: string) => unknown> = {
  artikelen: (text) => frontMatter(text).title,
  campagnes: (text) => yamlField(text, "title"),
  klantlogos: (text) => yamlField(text, "name"),
  updates: (text) => frontMatter(text).subject,
};

/** A document's title from its text, or its slug when the text has none (or a mistake). */
function titleFrom(segment: KindSegment, slug: string, text: string): string {
  let title: unknown;
  try {
    title = titleOf[segment](text);
  } catch {
    // A text with a mistake is listed by its slug; its editor names the mistake.
  }
  return typeof title === "string" && title.trim() ? title : slug;
}

/**
 * The content kinds and their documents as the repository files hold them: the files the
 * build found (`repository-files.server.ts`) and the organisations of `@vaart/content`.
 */
export function contentKinds(): ContentKind[] {
  const files = (segment: KindSegment): StudioDocument[] =>
    repositoryFiles(kindSegments[segment]).map(({ slug, source, text }) => ({
      slug,
      title: titleFrom(segment, slug, text),
      source,
    }));
  return [
    {
      id: "artikelen",
      newLabel: "Nieuw artikel",
      label: "Artikelen",
      documents: files("artikelen"),
    },
    {
      id: "campagnes",
      newLabel: "Nieuwe campagne",
      label: "Campagnes",
      documents: files("campagnes"),
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
    { id: "updates", newLabel: "Nieuwe Update", label: "Updates", documents: files("updates") },
  ];
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
export async function contentKindsWithStore(store: ContentStore): Promise<ContentKind[]> {
  const kinds = contentKinds();
  return Promise.all(
    kinds.map(async (kind) => {
      const stored = await store.listDocuments(kindSegments[kind.id]);
      const bySlug = new Map(kind.documents.map((document) => [document.slug, document]));
      for (const document of stored) {
        const file = bySlug.get(document.slug);
        // A document written in the studio only is listed by the title of its latest version.
        const latest = file ? null : await store.version(kindSegments[kind.id], document.slug);
        bySlug.set(document.slug, {
          slug: document.slug,
          title:
            file?.title ??
            (latest ? titleFrom(kind.id, document.slug, latest.text) : document.slug),
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
