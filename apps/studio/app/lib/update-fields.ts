import type { FrontMatterField } from "./front-matter-form";

/** An Update's front matter (packages/newsletter/src/updates/update-file.ts) as form fields. */
export const updateFields: readonly FrontMatterField[] = [
  {
    name: "subject",
    label: "Onderwerp",
    kind: "text",
    hint: "De onderwerpregel van de mail. Hoogstens 150 tekens.",
  },
  {
    name: "preheader",
    label: "Voorregel (niet verplicht)",
    kind: "text",
    hint: "De grijze regel die mailprogramma’s na het onderwerp tonen. Hoogstens 200 tekens.",
  },
  { name: "date", label: "Datum", kind: "date", hint: "Als JJJJ-MM-DD." },
];
