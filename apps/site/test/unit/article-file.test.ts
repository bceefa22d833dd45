import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticleFile, parseArticleFiles } from "../../app/content/article-file";

const valid = `---
title: Een titel
slug: een-titel
date: 2024-06-03
description: Waar het over gaat.
---

Tekst van het artikel.
`;

const file = "content/articles/een-titel.md";

function withFrontmatter(replace: (front: string) => string) {
  const [, front, body] = valid.split("---");
  return `---${replace(front ?? "")}---${body}`;
}

describe("article files", () => {
  it("every file in content/articles is valid", () => {
    const folder = new URL("../../content/articles/", import.meta.url);
    const files = Object.fromEntries(
      readdirSync(folder).map((name) => [
        `content/articles/${name}`,
        readFileSync(new URL(name, folder), "utf8"),
      ]),
    );
    const articles = parseArticleFiles(files);
    expect(articles.map((article) => article.slug)).toContain(
      "is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk",
    );
  });

  it("parses frontmatter and renders Markdown", () => {
    const article = parseArticleFile(file, valid);
    expect(article).toMatchObject({
      slug: "een-titel",
      title: "Een titel",
      date: "2024-06-03",
      draft: false,
      text: "Tekst van het artikel.",
    });
    expect(article.html).toBe("<p>Tekst van het artikel.</p>\n");
  });

  it.each([
    [
      "a missing field",
      (f: string) => f.replace(/description:.*\n/, ""),
      'field "description" is missing',
    ],
    [
      "a date that is not a date",
      (f: string) => f.replace("2024-06-03", "3 juni 2024"),
      'field "date" must be a date written as YYYY-MM-DD',
    ],
    [
      "an impossible date",
      (f: string) => f.replace("2024-06-03", '"2024-13-45"'),
      'field "date" is not a real date',
    ],
    ["an unknown field", (f: string) => `${f}auteur: Anne\n`, 'unknown field "auteur"'],
    [
      "a slug with capitals",
      (f: string) => f.replace("slug: een-titel", "slug: Een-Titel"),
      'field "slug" must be lower-case words joined by dashes',
    ],
    [
      "a draft flag that is not true/false",
      (f: string) => `${f}draft: ja\n`,
      'field "draft" must be true or false',
    ],
    [
      "a read-more link to another scheme",
      (f: string) => `${f}readMore:\n  label: Meer\n  href: javascript:alert(1)\n`,
      'field "readMore.href" must start with /',
    ],
  ])("names the file and the field for %s", (_, change, message) => {
    expect(() => parseArticleFile(file, withFrontmatter(change))).toThrow(
      `content/articles/een-titel.md: ${message}`,
    );
  });

  it("names the file when the slug does not match the file name", () => {
    expect(() => parseArticleFile("content/articles/andere-naam.md", valid)).toThrow(
      'content/articles/andere-naam.md: field "slug" is "een-titel", so the file must be named een-titel.md',
    );
  });

  it("names the file when the YAML itself is broken", () => {
    expect(() =>
      parseArticleFile(
        file,
        withFrontmatter((f) => `${f}title: [open\n`),
      ),
    ).toThrow(/^content\/articles\/een-titel\.md: the frontmatter is not valid YAML/);
  });

  it("reports every bad file at once, and orders the good ones newest first", () => {
    const older = valid.replace("2024-06-03", "2020-01-01").replaceAll("een-titel", "ouder");
    const newer = valid.replace("2024-06-03", "2025-01-01").replaceAll("een-titel", "nieuwer");
    expect(
      parseArticleFiles({ "a/ouder.md": older, "a/nieuwer.md": newer }).map((a) => a.slug),
    ).toEqual(["nieuwer", "ouder"]);
    expect(() =>
      parseArticleFiles({ "a/een.md": "---\ntitle: x\n---\n", "a/twee.md": "---\nslug: 1\n---\n" }),
    ).toThrow(/a\/een\.md: .*\n {2}a\/twee\.md: /);
  });
});
