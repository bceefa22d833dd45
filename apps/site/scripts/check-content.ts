// Fails the build when an article file is invalid, naming the file and the field.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ArticleFileError, parseArticleFiles } from "../app/content/article-file.ts";

const folder = fileURLToPath(new URL("../content/articles/", import.meta.url));
const files = Object.fromEntries(
  readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .map((name) => [`content/articles/${name}`, readFileSync(folder + name, "utf8")]),
);
try {
  const articles = parseArticleFiles(files);
  const drafts = articles.filter((article) => article.draft).length;
  console.log(`content: ${articles.length} articles OK (${drafts} draft)`);
} catch (error) {
  if (error instanceof ArticleFileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
