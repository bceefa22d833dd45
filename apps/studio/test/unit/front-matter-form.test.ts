import { articleFrontMatterFields, parseArticleFile } from "@vaart/content/article-file";
import { updateProblems } from "@vaart/newsletter/updates";
import { describe, expect, it } from "vitest";
import { articleFields } from "../../app/lib/article-fields";
import {
  composeDocument,
  documentValues,
  type FormValues,
  fieldId,
  problemsByField,
} from "../../app/lib/front-matter-form";
import { updateFields } from "../../app/lib/update-fields";

const article: FormValues = {
  title: 'Samenwerken: "wie betaalt, bepaalt"?',
  slug: "wie-betaalt-bepaalt",
  date: "2026-12-05",
  updated: "",
  description: "Eerste regel: met een dubbele punt.\nTweede regel, met 'enkele' quotes.",
  lead: "",
  "readMore.label": "Lees verder: de keten",
  "readMore.href": "https://example.nl/keten?a=1#b",
  draft: "",
  body: "## Kopje\n\nEen alinea.\n\n---\n\nNa een streep: title: geen veld.\n\n---\nnog een streep",
};

describe("an article's front matter as form fields and back", () => {
  it("has a field for every field of the article schema, in its order", () => {
    expect(articleFields.map((field) => field.name)).toEqual(articleFrontMatterFields);
  });

  it("round-trips colons, quotes, newlines and --- lines in the body", () => {
    const text = composeDocument(articleFields, article);
    expect(documentValues(articleFields, text)).toEqual(article);
    // The text is what a file holds: the article checker reads it as written.
    const parsed = parseArticleFile("wie-betaalt-bepaalt.md", text, "untrusted");
    expect(parsed.title).toBe(article.title);
    expect(parsed.description).toBe(article.description);
    expect(parsed.readMore).toEqual({
      label: "Lees verder: de keten",
      href: article["readMore.href"],
    });
    expect(parsed.html).toContain("<hr>");
    expect(parsed.html).toContain("Na een streep: title: geen veld.");
  });

  it("writes a file as a person would: fields in order, empty ones left out, a blank line, the body", () => {
    const text = composeDocument(articleFields, {
      ...article,
      "readMore.label": "",
      "readMore.href": "",
      description: "Kort.",
      title: "Titel",
      draft: "ja",
      body: "Tekst.\r\nRegel twee.\r\n\r\n",
    });
    expect(text).toBe(
      "---\ntitle: Titel\nslug: wie-betaalt-bepaalt\ndate: 2026-12-05\ndescription: Kort.\ndraft: true\n---\n\nTekst.\nRegel twee.\n",
    );
  });

  it("opens a repository file with its values (dates YAML reads as dates stay the day written)", () => {
    const file =
      "---\ntitle: Een titel\nslug: een-titel\ndate: 2024-06-03\ndescription: Over iets.\nreadMore:\n  label: Meer\n  href: /nieuwsbrief\ndraft: true\n---\n\nDe tekst.\n";
    const values = documentValues(articleFields, file);
    expect(values).toMatchObject({
      title: "Een titel",
      date: "2024-06-03",
      "readMore.href": "/nieuwsbrief",
      draft: "ja",
      body: "De tekst.",
    });
    expect(composeDocument(articleFields, values)).toBe(file);
  });

  it("keeps a text whose front matter cannot be read whole, in the body", () => {
    const broken = "---\ntitle: [niet af\n---\n\nTekst\n";
    const values = documentValues(articleFields, broken);
    expect(values.title).toBe("");
    expect(values.body).toBe(broken);
  });

  it("links each checker message to the field it names", () => {
    const text = composeDocument(articleFields, { ...article, title: "", description: "" });
    let problems: string[] = [];
    try {
      parseArticleFile("wie-betaalt-bepaalt.md", text, "untrusted");
    } catch (error) {
      problems = [(error as Error).message];
    }
    const byField = problemsByField(articleFields, problems);
    expect(byField).toEqual([
      { field: "title", message: 'field "title" is missing' },
      { field: "description", message: 'field "description" is missing' },
    ]);
    expect(fieldId("readMore.href")).toBe("veld-readMore-href");
    expect(problemsByField(articleFields, ['x.md: field "readMore" is empty'])[0]?.field).toBe(
      "readMore.label",
    );
  });
});

describe("an Update's front matter as form fields and back", () => {
  it("round-trips a subject with a colon and quotes, and the checker accepts it", () => {
    const values: FormValues = {
      subject: 'Update: "december" — 1/2',
      preheader: "",
      date: "2026-12-01",
      body: "Beste lezer,\n\n---\n\nTot ziens.",
    };
    const text = composeDocument(updateFields, values);
    expect(documentValues(updateFields, text)).toEqual(values);
    expect(updateProblems("december", text)).toEqual([]);
  });

  it("links the Update checker's Dutch messages to the field", () => {
    const text = composeDocument(updateFields, { subject: "", preheader: "", date: "", body: "x" });
    const byField = problemsByField(updateFields, updateProblems("december", text));
    expect(byField.map((problem) => problem.field)).toEqual(["subject", "date"]);
  });
});
