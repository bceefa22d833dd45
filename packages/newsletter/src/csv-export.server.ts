import { sql } from "kysely";
import type { Core } from "./core.server.js";

export const EXPORT_COLUMNS = [
  "email",
  "first_name",
  "source",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "consent_version",
  "consent_hash",
  "consent_text",
  "signup_at",
  "signup_ip",
  "signup_user_agent",
  "confirmed_at",
  "confirm_ip",
  "confirm_user_agent",
  "confirm_method",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell, always quoted (RFC 4180). Dutch Excel splits on `;` rather than `,`, so a
 * cell like `x;=HYPERLINK(…)` would become a formula cell there: the whole value and every
 * `;`-separated part that a spreadsheet would run as a formula (starting with = + - @ or
 * a tab/CR) is prefixed with an apostrophe.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  const text = String(value)
    .split(";")
    .map((part) => (FORMULA_START.test(part) ? `'${part}` : part))
    .join(";");
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * CSV of confirmed subscribers with their consent proof (current subscription); with
 * `sources`, only those whose current signup came from one of them (e.g. the campaigns).
 */
export async function exportCsv(
  core: Core,
  options: { sources?: readonly string[] } = {},
): Promise<string> {
  await core.ready();
  let query = core.handle.db
    .selectFrom("newsletter_subscribers as s")
    .innerJoin("newsletter_consents as c", "c.id", "s.consent_id")
    .select([
      "s.email",
      "s.first_name",
      "c.source",
      "c.utm_source",
      "c.utm_medium",
      "c.utm_campaign",
      "c.utm_term",
      "c.utm_content",
      "c.consent_version",
      "c.consent_hash",
      "c.consent_text",
      "c.signup_at",
      "c.signup_ip",
      "c.signup_user_agent",
      "c.confirmed_at",
      "c.confirm_ip",
      "c.confirm_user_agent",
      "c.confirm_method",
    ])
    .where("s.status", "=", "confirmed")
    .orderBy("c.confirmed_at")
    .orderBy("s.email_key");
  if (options.sources) {
    if (options.sources.length === 0) query = query.where(sql<boolean>`1 = 0`);
    else query = query.where("c.source", "in", [...options.sources]);
  }
  const rows = await query.execute();
  const lines = [EXPORT_COLUMNS.map(csvCell).join(",")];
  for (const row of rows) {
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
