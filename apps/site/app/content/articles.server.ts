import type { Organisation } from "@vaart/content";
import { liveContent, liveOrganisations } from "@vaart/web";
import {
  type Article,
  ArticleFileError,
  parseArticleFile,
  parseArticleFiles,
} from "./article-file";

// Read at build time by Vite and parsed once per process.
const files = import.meta.glob<string>("../../content/articles/*.md", {
  query: "?raw",
  import: "default",
  eager: true,
});

const fromFiles = parseArticleFiles(
  Object.fromEntries(
    Object.entries(files).map(([path, source]) => [path.replace("../../", ""), source]),
  ),
);

const newestFirst = (a: Article, b: Article) =>
  b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug);

/**
 * The files plus what the studio published: a published version wins for its slug, and an
 * article taken offline there is gone (404) even when a file has it. Rebuilt whenever the
 * content version changes (docs/decisions/0016-content-in-the-database.md).
 */
const articles = liveContent("article", fromFiles, ({ published, unpublished }) => {
  const bySlug = new Map(fromFiles.map((article) => [article.slug, article]));
  for (const slug of unpublished) bySlug.delete(slug);
  for (const { slug, text, revision } of published) {
    try {
      bySlug.set(slug, parseArticleFile(`${slug}.md`, text, "untrusted"));
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      console.error(
        `[site] published article ${slug} (revision ${revision}) not shown: ${error.message}`,
      );
    }
  }
  return [...bySlug.values()].sort(newestFirst);
});

/** Drafts are shown only by the development server (`pnpm dev`), marked as drafts. */
const showDrafts = process.env.NODE_ENV === "development";

/** Published articles, newest first. */
export function listArticles(): Article[] {
  return articles.current().filter((article) => showDrafts || !article.draft);
}

export function findArticle(slug: string): Article | undefined {
  return listArticles().find((article) => article.slug === slug);
}

// Registered with the articles, so the server's first read includes them.
const clients = liveOrganisations();

/** The client organisations for the carousel: the data file's plus the studio's. */
export function clientOrganisations(): readonly Organisation[] {
  return clients.current();
}
