import { freezeUpdate } from "@vaart/newsletter/updates";
import { docSamples } from "@vaart/testing";
import { describe, expect, it } from "vitest";
import { ArticleFileError, parseArticleFile } from "../../app/content/article-file";

// Article files in the docs (Markdown samples that start with frontmatter) are what a newcomer
// pastes into content/articles/: each must pass the checker the build runs, exactly as written.
// A sample whose frontmatter starts with `subject:` is an Update (content/updates/).
const withFrontmatter = docSamples(["markdown", "md"]).filter((sample) =>
  sample.code.startsWith("---\n"),
);
const isUpdate = (code: string) => code.startsWith("---\nsubject:");
const articles = withFrontmatter.filter((sample) => !isUpdate(sample.code));
const updates = withFrontmatter.filter((sample) => isUpdate(sample.code));

describe("Update samples in the READMEs", () => {
  it("the site README has an Update template", () => {
    expect(updates.map((sample) => sample.file)).toContain("apps/site/README.md");
  });

  it.each(updates.map((sample) => [`${sample.file}:${sample.line}`, sample] as const))(
    "%s passes the Update check",
    (_, sample) => {
      const site = { siteUrl: "https://www.example.nl", siteName: "Vaart in samenwerken" };
      const file = "content/updates/2027-02-updates.md";
      expect(() => freezeUpdate({ file, text: sample.code }, site)).not.toThrow();
    },
  );
});

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
