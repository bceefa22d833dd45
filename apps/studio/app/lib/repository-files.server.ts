import type { ContentKind } from "@vaart/newsletter/content-store";

// The repository's content files, read by Vite at build time: the studio's starting content
// is in its build, so a deployed studio (a container without the repository) lists and opens
// the same documents as a checkout. Organisations are one data file (`@vaart/content`).
const globs: Partial<Record<ContentKind, Record<string, string>>> = {
  article: import.meta.glob<string>("../../../site/content/articles/*.md", {
    query: "?raw",
    import: "default",
    eager: true,
  }),
  campaign: import.meta.glob<string>("../../../landing/campaigns/*.yaml", {
    query: "?raw",
    import: "default",
    eager: true,
  }),
  update: import.meta.glob<string>("../../../site/content/updates/*.md", {
    query: "?raw",
    import: "default",
    eager: true,
  }),
};

export interface RepositoryFile {
  /** The file's name without extension: the slug the public apps use. */
  slug: string;
  /** Where it is kept, relative to the repository root. */
  source: string;
  /** The file's text as the build found it. */
  text: string;
}

const byKind = new Map<ContentKind, RepositoryFile[]>();
for (const [kind, files] of Object.entries(globs) as [ContentKind, Record<string, string>][]) {
  byKind.set(
    kind,
    Object.entries(files)
      .map(([importPath, text]) => {
        const source = `apps/${importPath.replace("../../../", "")}`;
        const name = source.slice(source.lastIndexOf("/") + 1);
        return { slug: name.slice(0, name.lastIndexOf(".")), source, text };
      })
      .sort((a, b) => a.slug.localeCompare(b.slug)),
  );
}

/** A kind's files in the repository, by slug. */
export function repositoryFiles(kind: ContentKind): readonly RepositoryFile[] {
  return byKind.get(kind) ?? [];
}

/** The repository file of a document, or null when it has none. */
export function repositoryFile(kind: ContentKind, slug: string): RepositoryFile | null {
  return repositoryFiles(kind).find((file) => file.slug === slug) ?? null;
}
