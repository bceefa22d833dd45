import type { ArticleFrontMatter } from "@vaart/content/article-file";
import type { FrontMatterField } from "./front-matter-form";

type ReadMore = NonNullable<ArticleFrontMatter["readMore"]>;
type ArticleFieldName =
  | Exclude<keyof ArticleFrontMatter, "readMore">
  | `readMore.${keyof ReadMore & string}`;

/**
 * The article's front matter as form fields, in the schema's order. Typed against the
 * schema: a field added to the article file fails the type check here until it has its
 * label (and the unit test compares the list with the schema's).
 */
const byName: Record<ArticleFieldName, Omit<FrontMatterField, "name">> = {
  title: { label: "Titel", kind: "text", hint: "Hoogstens 120 tekens." },
  slug: {
    label: "Adres (slug)",
    kind: "text",
    hint: "Het adres op de site: /artikelen/<slug>. Kleine letters, cijfers en streepjes.",
  },
  date: { label: "Datum", kind: "date", hint: "De publicatiedatum, als JJJJ-MM-DD." },
  updated: {
    label: "Bijgewerkt op (niet verplicht)",
    kind: "date",
    hint: "Alleen bij een herziening, als JJJJ-MM-DD.",
  },
  description: {
    label: "Samenvatting",
    kind: "textarea",
    hint: "Voor de artikellijst, zoekmachines en de RSS-feed. Hoogstens 300 tekens.",
  },
  lead: {
    label: "Inleiding (niet verplicht)",
    kind: "textarea",
    hint: "Staat groot boven het artikel. Hoogstens 600 tekens.",
  },
  "readMore.label": {
    label: "Verder lezen: tekst van de link (niet verplicht)",
    kind: "text",
  },
  "readMore.href": {
    label: "Verder lezen: adres van de link (niet verplicht)",
    kind: "text",
    hint: "Een pagina van deze site (/…) of een adres met https://.",
  },
  draft: {
    label: "Concept (staat niet in de lijst, de feed of de sitemap)",
    kind: "checkbox",
  },
};

export const articleFields: readonly FrontMatterField[] = Object.entries(byName).map(
  ([name, field]) => ({ name, ...field }),
);
