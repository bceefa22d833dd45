import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../src/articles/article-file.js";
import { parseCampaignFile } from "../src/campaigns/campaign-file.js";
import { renderMarkdown } from "../src/markdown.js";

const attack = [
  "Hallo <script>alert(1)</script> daar",
  "",
  '<img src=x onerror="alert(2)">',
  "",
  "[klik](javascript:alert(3)) [data](data:text/html,<b>x</b>) [web](https://example.nl/a)",
  "[mail](mailto:info@example.nl) [hier](/nieuwsbrief) [vreemd](//evil.example/x)",
  "",
  "![foto](https://tracker.example/p.png) ![eigen](/images/a.png)",
].join("\n");

describe("Markdown typed into the studio (untrusted)", () => {
  const html = renderMarkdown(attack, "untrusted");

  it("shows raw HTML as text instead of running it", () => {
    expect(html).not.toMatch(/<script|<img src=x|<[^>]*onerror/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps only http(s), mailto and same-origin links and images", () => {
    expect(html).not.toMatch(/href="(javascript|data)|\/\/evil|tracker\.example/);
    expect(html).toContain('<a href="https://example.nl/a">web</a>');
    expect(html).toContain('<a href="mailto:info@example.nl">mail</a>');
    expect(html).toContain('<a href="/nieuwsbrief">hier</a>');
    expect(html).toContain('<img src="/images/a.png" alt="eigen">');
    // The words stay: a reader still sees what the author wrote.
    expect(html).toContain("klik");
    expect(html).toContain("foto");
  });

  it("leaves files from the repository as they render today", () => {
    expect(renderMarkdown('Een <abbr title="x">afk</abbr>', "trusted")).toContain(
      '<abbr title="x">afk</abbr>',
    );
  });

  it("is what the campaign and article parsers use for studio text", () => {
    const campaign = [
      "title: Test",
      "description: Een test",
      "theme: brand",
      "status: published",
      'start: "2026-01-01 09:00"',
      'end: "2030-01-01 09:00"',
      "blocks:",
      "  - type: text",
      "    markdown: |",
      "      Tekst <script>alert(1)</script> [x](javascript:alert(1))",
    ].join("\n");
    const fromStudio = parseCampaignFile("campaigns/test.yaml", campaign, [], {
      markdown: "untrusted",
    });
    const block = fromStudio.blocks[0] as { html: string };
    expect(block.html).not.toMatch(/<script|href="javascript/);
    expect(block.html).toContain("&lt;script&gt;");
    const fromFile = parseCampaignFile("campaigns/test.yaml", campaign, []);
    expect((fromFile.blocks[0] as { html: string }).html).toContain("<script>");

    const article = [
      "---",
      "title: Test",
      "slug: test",
      "date: 2026-01-01",
      "description: Een test",
      "---",
      '<iframe src="https://evil.example"></iframe> tekst',
    ].join("\n");
    expect(parseArticleFile("test.md", article, "untrusted").html).not.toContain("<iframe");
  });
});
