import { docSamples } from "@vaart/testing";
import { describe, expect, it } from "vitest";
import { ArticleFileError, parseArticleFile } from "../../app/content/article-file";

// Article files in the docs (Markdown samples that start with frontmatter) are what a newcomer
// pastes into content/articles/: each must pass the checker the build runs, exactly as written.
const articles = docSamples(["markdown", "md"]).filter((sample) => sample.code.startsWith("---\n"));

describe("article samples in the READMEs", () => {
  it("the site README has an article template", () => {
    expect(articles.map((sample) => sample.file)).toContain("apps/site/README.md");
  });

  it.each(articles.map((sample) => [`${sample.file}:${sample.line}`, sample] as const))(
    "%s passes the article check",
    (_, sample) => {
      const slug = /^slug:\s*(\S+)/m.exec(sample.code)?.[1];
      expect(() => parseArticleFile(`content/articles/${slug}.md`, sample.code)).not.toThrow();
    },
  );

  it("a read-more link whose lines lost their indentation is explained, not quoted from the validator", () => {
    const template = articles.find((sample) => sample.file === "apps/site/README.md")?.code ?? "";
    const unindented = template.replace(/^ {2}(label|href):/gm, "$1:");
    expect(unindented).not.toBe(template);
    const slug = /^slug:\s*(\S+)/m.exec(template)?.[1];
    let message = "";
    try {
      parseArticleFile(`content/articles/${slug}.md`, unindented);
    } catch (error) {
      expect(error).toBeInstanceOf(ArticleFileError);
      message = (error as Error).message;
    }
    expect(message).toContain(
      'field "readMore" is empty: write its fields (label, href) on the lines below "readMore:", each indented by two spaces',
    );
    expect(message).toContain('"label", "href"');
    expect(message).toContain('they belong under "readMore:", indented by two spaces');
    expect(message).not.toMatch(/expected|received|invalid input/i);
  });
});
