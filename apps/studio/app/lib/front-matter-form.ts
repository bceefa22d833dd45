import { isMap, parseDocument, stringify } from "yaml";

/**
 * A Markdown document with front matter (an article, an Update) as form fields and back:
 * the form composes exactly the text a file would hold, and an existing text (a file, a
 * stored version) opens with its values. Shared by the browser-free loader and action.
 */

export type FieldKind = "text" | "date" | "textarea" | "checkbox";

export interface FrontMatterField {
  /** The front-matter field; a dot for a field inside a group (`readMore.label`). */
  name: string;
  label: string;
  hint?: string;
  kind: FieldKind;
}

/** The form's values by field name, plus `body`: everything as typed (a checkbox: "ja" or ""). */
export type FormValues = Record<string, string>;

export const BODY = "body";

/** The id of a field's control: the error summary links to it. */
export function fieldId(name: string): string {
  return `veld-${name.replace(/\./g, "-")}`;
}

/** Browsers send a textarea's line ends as CRLF; the stored text uses LF like the files. */
function lf(value: string): string {
  return value.replace(/\r\n?/g, "\n");
}

/** The text of the document: front matter in the fields' order, then the body. */
export function composeDocument(fields: readonly FrontMatterField[], values: FormValues): string {
  const front: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = lf(values[field.name] ?? "");
    let value: unknown;
    if (field.kind === "checkbox") {
      value = raw === "" ? undefined : true;
    } else {
      // One-line fields lose stray spaces; a textarea's inner line breaks are kept.
      const trimmed = field.kind === "textarea" ? raw.replace(/^\s+|\s+$/g, "") : raw.trim();
      // An empty field is left out: the checker then names a required one as missing.
      value = trimmed === "" ? undefined : trimmed;
    }
    if (value === undefined) continue;
    const [group, inner] = field.name.split(".");
    if (!group) continue;
    if (inner) {
      const groupValue = (front[group] ?? {}) as Record<string, unknown>;
      groupValue[inner] = value;
      front[group] = groupValue;
    } else {
      front[group] = value;
    }
  }
  // lineWidth 0: one line per field, as a person writes a file (no folded lines).
  const yaml = Object.keys(front).length > 0 ? stringify(front, { lineWidth: 0 }) : "";
  const body = lf(values[BODY] ?? "").replace(/\s+$/, "");
  return `---\n${yaml}---\n\n${body}\n`;
}

/**
 * The form's values of a document's text. A text whose front matter cannot be read (a file
 * with a mistake) opens with an empty form and the whole text in the body, so nothing is
 * lost; the checker names the mistake when it is saved.
 */
export function documentValues(fields: readonly FrontMatterField[], text: string): FormValues {
  const values: FormValues = Object.fromEntries(fields.map((field) => [field.name, ""]));
  const normalised = lf(text).replace(/^\uFEFF/, "");
  const match = /^---\n([\s\S]*?)\n?---(?:\n|$)/.exec(normalised);
  const doc = match ? parseDocument(match[1] ?? "") : null;
  if (!match || !doc || doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    values[BODY] = normalised;
    return values;
  }
  const front = (doc.toJS() ?? {}) as Record<string, unknown>;
  for (const field of fields) {
    const [group, inner] = field.name.split(".");
    if (!group) continue;
    const outer = front[group];
    const value = inner
      ? outer && typeof outer === "object"
        ? (outer as Record<string, unknown>)[inner]
        : undefined
      : outer;
    if (field.kind === "checkbox") values[field.name] = value === true ? "ja" : "";
    else if (value === undefined || value === null) values[field.name] = "";
    else
      values[field.name] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }
  // The blank line after the front matter is the composer's; the body starts after it.
  values[BODY] = normalised.slice(match[0].length).replace(/^\n/, "").replace(/\n$/, "");
  return values;
}

/** The form's values from a posted form: only the known fields, as text. */
export function formValues(fields: readonly FrontMatterField[], form: FormData): FormValues {
  const values: FormValues = {};
  for (const name of [...fields.map((field) => field.name), BODY]) {
    const value = form.get(name);
    values[name] = typeof value === "string" ? value : "";
  }
  return values;
}

export interface FieldProblem {
  /** The field the message is about, or `body`, or null when it names none. */
  field: string | null;
  message: string;
}

/**
 * The checker's messages, each with the form field it names (`field "title"`,
 * `veld "subject"`), so the summary links to it and the field shows it.
 */
export function problemsByField(
  fields: readonly FrontMatterField[],
  problems: readonly string[],
): FieldProblem[] {
  const names = fields.map((field) => field.name);
  return problems.flatMap((problem) =>
    // One file error may list several problems after the file's name: one line each.
    problem
      .replace(/^[\w./-]+\.md: /, "")
      .split(/; (?=field |unknown field |the )/)
      .map((message) => {
        const named = /(?:field|veld) "([\w.]+)"/.exec(message)?.[1];
        const field =
          named && names.includes(named)
            ? named
            : named && names.some((name) => name.startsWith(`${named}.`))
              ? (names.find((name) => name.startsWith(`${named}.`)) ?? null)
              : /no text below the frontmatter|de tekst|regel \d+ van de tekst/i.test(message)
                ? BODY
                : null;
        return { field, message };
      }),
  );
}
