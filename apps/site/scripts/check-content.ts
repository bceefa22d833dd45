// Fails the build when an article or Update file is invalid, naming the file and the field.
// `tsx scripts/check-content.ts [--files-only] [<content folder>]` (default: this app's
// content/). Without --files-only (the build passes it) it also checks the studio's articles
// and Updates in the app database (DATABASE_URL or DATA_DIR) and lists files that differ from
// what is published: `pnpm --filter site check`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkUpdateFiles, listUpdateFiles } from "@vaart/newsletter/updates";
import { ArticleFileError, parseArticleFiles } from "../app/content/article-file.ts";

const args = process.argv.slice(2);
const filesOnly = args.includes("--files-only");
const folderArg = args.find((arg) => arg !== "--files-only");
const content = folderArg
  ? path.resolve(folderArg)
  : fileURLToPath(new URL("../content/", import.meta.url));
const folder = `${path.join(content, "articles")}/`;
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

// The Updates (the newsletter) are checked by the same code as `pnpm newsletter check`.
const updates = await checkUpdateFiles(await listUpdateFiles(path.join(content, "updates")));
for (const problem of updates.problems) console.error(problem.message);
if (updates.problems.length > 0) process.exit(1);
console.log(`content: ${updates.checked.length} Updates OK`);

if (!filesOnly) {
  const { checkStoredContent } = await import("@vaart/web/content-check");
  const report = await checkStoredContent([
    { kind: "article", folder: "apps/site/content/articles", extension: ".md" },
    { kind: "update", folder: "apps/site/content/updates", extension: ".md" },
  ]);
  for (const line of report.lines) console.log(line);
  if (report.failing > 0) {
    console.error(`${report.failing} version(s) in the database do not pass the check`);
    process.exit(1);
  }
}
