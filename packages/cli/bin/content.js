#!/usr/bin/env node
// `pnpm content export` · `pnpm content status`: what the studio published, back to files.
// export writes every published campaign, article and Update to its file in the repository
// (for git); status lists where a file differs from what is published. Organisations live in
// one JSON file edited by hand: they are listed, not written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureSignupContract, ensureTscBuild, repoRoot, reportAndExit } from "../lib/build.js";

const folders = {
  campaign: { dir: "apps/landing/campaigns", ext: ".yaml" },
  article: { dir: "apps/site/content/articles", ext: ".md" },
  update: { dir: "apps/site/content/updates", ext: ".md" },
};

const [command, ...rest] = process.argv.slice(2);
if (!["export", "status"].includes(command ?? "") || rest.length > 0) {
  console.error("usage: pnpm content export | pnpm content status");
  process.exit(2);
}

let newsletter;
try {
  await ensureTscBuild("packages/content", "dist/index.js");
  await ensureSignupContract();
  await ensureTscBuild("packages/newsletter", "dist/index.js");
  const { createNewsletterFromEnv } = await import(
    pathToFileURL(path.join(repoRoot, "packages/newsletter/dist/index.js")).href
  );
  newsletter = createNewsletterFromEnv(process.env, {
    logger: {
      info() {},
      warn: (/** @type {string} */ m) => console.error(m),
      error: (/** @type {string} */ m) => console.error(m),
    },
  });
  const store = newsletter.contentStore();
  let written = 0;
  let differing = 0;
  for (const [kind, { dir, ext }] of Object.entries(folders)) {
    const { published, unpublished } = await store.publishedContent(kind);
    for (const { slug, revision, text } of published) {
      const file = path.join(dir, `${slug}${ext}`);
      const full = path.join(repoRoot, file);
      const current = existsSync(full) ? readFileSync(full, "utf8") : null;
      if (current === text) continue;
      if (command === "export") {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
        written += 1;
        console.log(`${file}: written from ${kind} ${slug} revision ${revision}`);
      } else {
        differing += 1;
        console.log(
          `${file}: ${current === null ? "no file" : "differs"} — published is ${kind} ${slug} revision ${revision}`,
        );
      }
    }
    for (const slug of unpublished) {
      if (existsSync(path.join(repoRoot, dir, `${slug}${ext}`))) {
        console.log(`${dir}/${slug}${ext}: taken offline in the studio (the file is kept)`);
      }
    }
  }
  const organisations = await store.publishedContent("organisation");
  for (const { slug, revision } of organisations.published) {
    console.log(`organisation ${slug} revision ${revision}: published in the studio (not a file)`);
  }
  if (command === "export") console.log(`${written} file(s) written`);
  else {
    console.log(
      differing === 0 ? "every file matches what is published" : `${differing} file(s) differ`,
    );
    process.exitCode = differing === 0 ? 0 : 1;
  }
} catch (error) {
  await newsletter?.close();
  reportAndExit(error);
}
await newsletter?.close();
