import { parse } from "csv-parse/sync";

/**
 * Reading a subscriber list exported by another tool: the old WordPress site's plugin
 * (MailPoet, Newsletter), Mailchimp, Laposta, or this package's own `export`. Each names its
 * columns its own way, in English or Dutch, with `,` or `;` (Dutch Excel) between them.
 */

/** The columns the import uses, and the header names that mean each (compared normalised). */
export const HEADER_NAMES = {
  email: [
    "email",
    "emailaddress",
    "emailadres",
    "mail",
    "mailadres",
    "subscriberemail",
    "emailaddresses",
  ],
  firstName: ["firstname", "voornaam", "fname", "givenname", "roepnaam", "name", "naam"],
  /** When the person gave consent (confirmed the double opt-in), or signed up. */
  confirmedAt: [
    "confirmtime",
    "confirmedat",
    "bevestigdop",
    "datumbevestiging",
    "bevestigingsdatum",
    "consentdate",
    "toestemmingsdatum",
    "toestemmingop",
  ],
  signupAt: [
    "optintime",
    "optindate",
    "signupat",
    "signupdate",
    "subscribedat",
    "subscribed",
    "aangemeldop",
    "aanmelddatum",
    "datumaanmelding",
    "inschrijfdatum",
    "ingeschrevenop",
    "createdat",
    "created",
    "dateadded",
    "date",
    "datum",
  ],
  source: [
    "bron",
    "source",
    "signupsource",
    "subscriptionsource",
    "aangemeldvia",
    "herkomst",
    "formulier",
    "form",
  ],
  status: ["status", "subscriptionstatus", "memberstatus"],
} as const;

export type ImportColumn = keyof typeof HEADER_NAMES;

/** `E-mailadres`, `Email Address`, `OPTIN_TIME`, `first_name` → `emailadres`, `emailaddress`, … */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Which column index holds each field; the first matching header wins, per name's rank. */
export function mapHeaders(headers: readonly string[]): Partial<Record<ImportColumn, number>> {
  const normalised = headers.map(normaliseHeader);
  const found: Partial<Record<ImportColumn, number>> = {};
  for (const [column, names] of Object.entries(HEADER_NAMES) as [
    ImportColumn,
    readonly string[],
  ][]) {
    for (const name of names) {
      const index = normalised.indexOf(name);
      if (index >= 0) {
        found[column] = index;
        break;
      }
    }
  }
  return found;
}

/**
 * `,`, `;` or a tab: whichever occurs most in the header line outside quotes (Dutch Excel
 * writes `;`, most tools `,`).
 */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  const best = (Object.entries(counts) as ["," | ";" | "\t", number][]).sort(
    (a, b) => b[1] - a[1],
  )[0];
  return best && best[1] > 0 ? best[0] : ",";
}

export interface CsvRow {
  /** The file's line where the record starts (1 = the header). */
  line: number;
  cells: string[];
}

export class CsvFileError extends Error {}

/** The records of a CSV file (BOM and quoted fields handled), with their line numbers. */
export function readCsv(bytes: Uint8Array): {
  headers: string[];
  rows: CsvRow[];
  delimiter: string;
} {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CsvFileError(
      "het bestand is geen UTF-8-tekst. Sla het in Excel op als ‘CSV UTF-8 (door komma's gescheiden)’ en probeer het opnieuw.",
    );
  }
  // One kind of line end: csv-parse counts a CRLF inside a quoted field as two lines, and
  // the line numbers in the report must be the ones an editor shows.
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      // `Webinar "Ketens"` unquoted: keep the quotes as text, as a person reads it.
      relax_quotes: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const where = typeof lines === "number" ? `regel ${lines}: ` : "";
    throw new CsvFileError(
      `${where}het bestand is geen geldige CSV (${(error as Error).message}). Staat er ergens een aanhalingsteken dat niet wordt gesloten?`,
    );
  }
  const [head, ...body] = records;
  if (!head) throw new CsvFileError("het bestand is leeg.");
  const rows = body.map(({ record, info }) => ({
    // info.lines is where the record ends; a quoted field may span lines.
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return { headers: head.record.map((h) => h.trim()), rows, delimiter };
}

/**
 * A consent date as the tools write it: ISO (`2021-03-04`, `2021-03-04 12:34:56`,
 * `2021-03-04T12:34:56Z`, with an offset) or Dutch day-month-year (`04-03-2021`,
 * `4/3/2021 12:34`). A time without a zone is taken as UTC (Mailchimp's OPTIN_TIME is
 * UTC); a date without a time as midnight UTC. Null when it is none of these or no real date.
 */
export function parseConsentDate(value: string): Date | null {
  const v = value.trim();
  let m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      v,
    );
  let parts: { y: number; mo: number; d: number; h: number; mi: number; s: number; zone: string };
  if (m) {
    parts = {
      y: Number(m[1]),
      mo: Number(m[2]),
      d: Number(m[3]),
      h: Number(m[4] ?? 0),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      zone: m[7] ?? "Z",
    };
  } else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
    if (!m) return null;
    parts = {
      y: Number(m[3]),
      mo: Number(m[2]),
      d: Number(m[1]),
      h: Number(m[4] ?? 0),
      mi: Number(m[5] ?? 0),
      s: Number(m[6] ?? 0),
      zone: "Z",
    };
  }
  const { y, mo, d, h, mi, s } = parts;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const zone =
    parts.zone.toUpperCase() === "Z" ? "Z" : parts.zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const date = new Date(`${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone}`);
  if (Number.isNaN(date.getTime())) return null;
  // 31-02 rolls over to March in Date: refuse a day the month does not have.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null;
  return date;
}
