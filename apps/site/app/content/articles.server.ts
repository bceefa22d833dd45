import { type Article, parseArticleFiles } from "./article-file";

// Read at build time by Vite and parsed once per process.
const files = import.meta.glob<string>("../../content/articles/*.md", {
  query: "?raw",
  import: "default",
  eager: true,
});

const all = parseArticleFiles(
  Object.fromEntries(
    Object.entries(files).map(([path, source]) => [path.replace("../../", ""), source]),
  ),
);

/** Drafts are shown only by the development server (`pnpm dev`), marked as drafts. */
const showDrafts = process.env.NODE_ENV === "development";

/** Published articles, newest first. */
export function listArticles(): Article[] {
  return all.filter((article) => showDrafts || !article.draft);
}

export function findArticle(slug: string): Article | undefined {
  return listArticles().find((article) => article.slug === slug);
}
