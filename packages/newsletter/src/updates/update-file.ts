import { Lexer, type Token, type Tokens } from "marked";
import { isMap, LineCounter, parseDocument } from "yaml";

/**
 * An Update file: `apps/site/content/updates/<slug>.md`, front matter (subject, optional
 * preheader, date) between `---` lines, then the text in Markdown. The slug is the file name.
 * Every problem is reported in Dutch with the file, the line and the field, like the
 * article and campaign checks do.
 */
export interface UpdateSource {
  /** The file's name as the owner knows it, e.g. `apps/site/content/updates/2026-12-updates.md`. */
  file: string;
  /** The file's text (UTF-8). */
  text: string;
}

export interface ParsedUpdate {
  file: string;
  slug: string;
  subject: string;
  preheader: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** The body as Markdown tokens (marked's lexer, GitHub-flavoured), already checked. */
  tokens: Token[];
}

export class UpdateFileError extends Error {
  override name = "UpdateFileError";
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      problems.length === 1
        ? `${file}: ${problems[0]}`
        : `${file} heeft ${problems.length} problemen:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

/** The same rule as article slugs: lower-case words joined by dashes. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LIMITS = { subject: 150, preheader: 200 } as const;
const FIELDS = ["subject", "preheader", "date"] as const;

/** Line breaks, other control characters and text-direction overrides: none belong in a header. */
const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function fileSlug(file: string): string {
  return file.replace(/^.*[/\\]/, "").replace(/\.md$/i, "");
}

/** The messages a file `<slug>.md` with this text would get; empty when it passes. */
export function updateProblems(slug: string, text: string): string[] {
  try {
    parseUpdate({ file: `${slug}.md`, text });
    return [];
  } catch (error) {
    if (error instanceof UpdateFileError) return [...error.problems];
    throw error;
  }
}

/** Parse and check one Update. Throws an UpdateFileError listing every problem. */
export function parseUpdate(source: UpdateSource): ParsedUpdate {
  const { file } = source;
  const problems: string[] = [];
  const slug = fileSlug(file);
  if (!/\.md$/i.test(file)) {
    problems.push(`een Update is een Markdown-bestand: de naam eindigt op .md`);
  } else if (!SLUG.test(slug)) {
    problems.push(
      `de bestandsnaam "${slug}.md" wordt het adres in het archief: gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 2026-12-updates.md`,
    );
  }
  const text = source.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") {
    throw new UpdateFileError(file, [
      ...problems,
      'regel 1: het bestand moet beginnen met de front matter: een regel "---", dan "subject:" en "date:" (en eventueel "preheader:"), en weer een regel "---"',
    ]);
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (close === -1) {
    throw new UpdateFileError(file, [
      ...problems,
      'de front matter is niet afgesloten: zet na de velden een regel met alleen "---"',
    ]);
  }
  const yamlText = lines.slice(1, close).join("\n");
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter: counter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  // The front matter starts on line 2 of the file.
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : counter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = lineAt(first?.pos[0]);
    const why =
      first?.code === "DUPLICATE_KEY"
        ? "een veld staat er twee keer in"
        : "dit is geen geldige YAML";
    throw new UpdateFileError(file, [
      ...problems,
      `${line ? `regel ${line}: ` : ""}${why} (${first?.message.split("\n")[0]}). Zet tekst met een dubbele punt of een # tussen aanhalingstekens, bijvoorbeeld subject: "Update: december".`,
    ]);
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new UpdateFileError(file, [
      ...problems,
      'regel 2: de front matter moet bestaan uit velden als "subject: …" en "date: 2026-12-01"',
    ]);
  }
  const lineOf = (field: string) => {
    const node = doc.get(field, true) as { range?: [number] } | undefined;
    const pair = isMap(doc.contents)
      ? doc.contents.items.find((item) => (item.key as { value?: unknown })?.value === field)
      : undefined;
    const offset = node?.range?.[0] ?? (pair?.key as { range?: [number] } | undefined)?.range?.[0];
    return lineAt(offset) ?? 2;
  };
  const fieldProblem = (field: string, message: string) =>
    problems.push(`regel ${lineOf(field)}, veld "${field}": ${message}`);

  for (const key of Object.keys(data)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      fieldProblem(key, `een Update kent dit veld niet (wel: ${FIELDS.join(", ")})`);
    }
  }

  const oneLine = (field: "subject" | "preheader", required: boolean): string | null => {
    const value = data[field];
    if (value === undefined) {
      if (required) problems.push(`veld "${field}" ontbreekt: zet het in de front matter`);
      return null;
    }
    if (value === null) {
      if (required) fieldProblem(field, "is leeg");
      return null;
    }
    if (typeof value !== "string") {
      fieldProblem(field, "moet tekst zijn (zet de tekst tussen aanhalingstekens)");
      return null;
    }
    const bad = CONTROL.exec(value);
    if (bad) {
      const position = [...value.slice(0, bad.index)].length + 1;
      fieldProblem(
        field,
        /[\n\r\u2028\u2029]/.test(bad[0])
          ? `bevat een regeleinde (bij teken ${position}); schrijf het op één regel`
          : `bevat een stuurteken (U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}, bij teken ${position}); haal het weg`,
      );
      return null;
    }
    const trimmed = value.trim();
    if (trimmed === "") {
      if (required) fieldProblem(field, "is leeg");
      return null;
    }
    const length = [...trimmed].length;
    if (length > LIMITS[field]) {
      fieldProblem(field, `is ${length} tekens lang; het mag er hoogstens ${LIMITS[field]} zijn`);
      return null;
    }
    return trimmed;
  };
  const subject = oneLine("subject", true);
  const preheader = oneLine("preheader", false);

  let date: string | null = null;
  const rawDate = data.date;
  if (rawDate === undefined) {
    problems.push(
      'veld "date" ontbreekt: zet de datum van de Update erin, bijvoorbeeld date: 2026-12-01',
    );
  } else if (typeof rawDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(rawDate.trim())) {
    fieldProblem("date", "moet een datum zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-12-01");
  } else {
    const value = rawDate.trim();
    const real = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== value) {
      fieldProblem("date", `${value} bestaat niet als datum`);
    } else {
      date = value;
    }
  }

  const bodyStartLine = close + 2;
  const body = lines.slice(close + 1).join("\n");
  const tokens = new Lexer({ gfm: true }).lex(body);
  if (body.trim() === "") {
    problems.push("de Update heeft geen tekst onder de front matter");
  } else {
    problems.push(...checkBody(tokens, bodyStartLine));
  }

  if (problems.length > 0 || subject === null || date === null) {
    throw new UpdateFileError(file, problems);
  }
  return { file, slug, subject, preheader, date, tokens };
}

/** Where a link may point: the web or a mail address, or a page of the site (`/…`). */
export function linkProblem(href: string): string | null {
  const value = href.trim();
  if (/^\/(?!\/)/.test(value)) return null;
  if (/^https?:\/\//i.test(value)) {
    return URL.canParse(value) && new URL(value).hostname !== ""
      ? null
      : `de link "${value}" is geen geldig webadres`;
  }
  if (/^mailto:/i.test(value)) {
    return /^mailto:[^@\s]+@[^@\s]+$/i.test(value)
      ? null
      : `de link "${value}" is geen geldig mailadres`;
  }
  return `de link "${value}" kan niet in een Update: gebruik een adres dat begint met https://, http:// of mailto:, of een pagina van de site die begint met /`;
}

/**
 * What cannot go in a mail: images (often blocked, and an external image is a tracker),
 * tables (unreadable on a phone), a second title, links other than web or mail links.
 * Raw HTML is allowed but shown as text (escaped), never interpreted.
 */
function checkBody(tokens: Token[], firstLine: number): string[] {
  const problems: string[] = [];
  let offset = 0;
  let source = "";
  for (const token of tokens) source += token.raw;
  const lineAt = (index: number) => firstLine + (source.slice(0, index).match(/\n/g)?.length ?? 0);

  const visit = (token: Token, start: number) => {
    // The token's own position: its raw text searched from where its parent starts.
    const found = source.indexOf(token.raw, start);
    const at = found === -1 ? start : found;
    const line = lineAt(at);
    switch (token.type) {
      case "heading":
        if ((token as Tokens.Heading).depth === 1) {
          problems.push(
            `regel ${line}: een kop met één # is de titel, en die is al het onderwerp ("subject"); gebruik ## voor een tussenkop`,
          );
        }
        break;
      case "image":
        problems.push(
          `regel ${line}: afbeeldingen kunnen niet in een Update (veel mailprogramma's laden ze niet); zet er een link naar neer of laat de afbeelding weg`,
        );
        return;
      case "table":
        problems.push(
          `regel ${line}: tabellen kunnen niet in een Update (onleesbaar op een telefoon); schrijf het als lijst`,
        );
        return;
      case "link": {
        const problem = linkProblem((token as Tokens.Link).href);
        if (problem) problems.push(`regel ${line}: ${problem}`);
        break;
      }
    }
    let cursor = at;
    for (const child of childrenOf(token)) {
      visit(child, cursor);
      const next = source.indexOf(child.raw, cursor);
      if (next !== -1) cursor = next + child.raw.length;
    }
  };
  for (const token of tokens) {
    visit(token, offset);
    offset += token.raw.length;
  }
  return problems;
}

export function childrenOf(token: Token): Token[] {
  if (token.type === "list") return (token as Tokens.List).items;
  const tokens = (token as { tokens?: Token[] }).tokens;
  return Array.isArray(tokens) ? tokens : [];
}
