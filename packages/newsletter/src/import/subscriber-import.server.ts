import path from "node:path";
import type { Kysely } from "kysely";
import type { Core } from "../core.server.js";
import type { Database } from "../db/schema.js";
import { inTransaction } from "../db/transaction.server.js";
import { cancel, subscriberColumns } from "../mail/queue.server.js";
import { messages } from "../messages.js";
import { newId, sha256Hex } from "../tokens.server.js";
import { checkEmail, cleanText, LIMITS, looksLikeLink } from "../validation.js";
import {
  CsvFileError,
  type CsvRow,
  HEADER_NAMES,
  mapHeaders,
  parseConsentDate,
  readCsv,
} from "./csv-rows.js";

export { CsvFileError };

/** A row the import did not add, with the file's line number and why, in Dutch. */
export interface ImportLine {
  line: number;
  email: string | null;
  reason: string;
}

export interface ImportReport {
  /** The file's name (no folders): the source `import:<file>` of everyone it adds. */
  file: string;
  source: string;
  delimiter: string;
  /** Data rows read (the header not counted, empty lines skipped). */
  rows: number;
  /** New confirmed subscribers. */
  imported: number;
  /**
   * People who had signed up on the site but not yet confirmed: now confirmed on the
   * strength of the consent in the file (see README, "Importing a list").
   */
  confirmedPending: ImportLine[];
  /** Confirmed subscribers already: nothing changed. */
  alreadySubscribed: number;
  /** People who unsubscribed: never subscribed again by an import. */
  keptUnsubscribed: ImportLine[];
  rejected: ImportLine[];
  /** Nothing was written (the work was done in a transaction and rolled back). */
  dryRun: boolean;
}

export interface ImportOptions {
  dryRun?: boolean;
}

/** A valid row of the file, ready to store. */
interface Candidate {
  line: number;
  email: string;
  emailKey: string;
  firstName: string | null;
  signupAt: string;
  confirmedAt: string;
  originalSource: string | null;
}

/** Statuses (MailPoet, Mailchimp, Laposta, Dutch) of people who may be imported. */
const SUBSCRIBED_STATUSES = new Set([
  "",
  "subscribed",
  "confirmed",
  "active",
  "actief",
  "aangemeld",
  "ingeschreven",
  "bevestigd",
]);

const CHUNK = 400;
const FORBIDDEN_IN_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/** Owner-facing Dutch reasons for the signup form's (visitor-facing) address messages. */
function emailReason(message: string, raw: string): string {
  if (message === messages.emailRequired) return "geen e-mailadres";
  if (message === messages.emailTooLong) return `e-mailadres te lang (“${raw.slice(0, 60)}…”)`;
  if (message === messages.emailUnsupported)
    return `e-mailadres met letters buiten ASCII vóór de @ wordt niet ondersteund (“${raw}”)`;
  return `geen geldig e-mailadres (“${raw.slice(0, 100)}”)`;
}

function firstNameOf(
  raw: string | undefined,
): { ok: true; value: string | null } | { ok: false; reason: string } {
  const value = (raw ?? "").replace(/[\s\u2028\u2029]+/gu, " ").trim();
  if (value === "") return { ok: true, value: null };
  if (Array.from(value).length > LIMITS.firstName)
    return { ok: false, reason: `voornaam langer dan ${LIMITS.firstName} tekens` };
  if (FORBIDDEN_IN_NAME.test(value.replace(/[\u200c\u200d]/gu, "")))
    return { ok: false, reason: "voornaam bevat onzichtbare of stuurtekens" };
  // The name goes into every mail's greeting: no links there.
  if (looksLikeLink(value))
    return { ok: false, reason: `voornaam lijkt een link of e-mailadres (“${value}”)` };
  return { ok: true, value };
}

function describeHeaders(): string {
  return `e-mailadres (bijv. ${HEADER_NAMES.email.slice(0, 3).join(", ")}, ‘Email Address’, ‘E-mailadres’) en een datum van aanmelding (bijv. ‘OPTIN_TIME’, ‘CONFIRM_TIME’, ‘Aangemeld op’, ‘signup_at’, ‘confirmed_at’)`;
}

/** Check every row of the file; what may be stored, and why the rest may not. */
function checkRows(
  headers: readonly string[],
  rows: readonly CsvRow[],
  now: Date,
): { candidates: Candidate[]; rejected: ImportLine[] } {
  const columns = mapHeaders(headers);
  if (columns.email === undefined || (columns.confirmedAt ?? columns.signupAt) === undefined) {
    const missing = [
      columns.email === undefined ? "een kolom met het e-mailadres" : null,
      (columns.confirmedAt ?? columns.signupAt) === undefined
        ? "een kolom met de datum van aanmelding (zonder die datum is er geen bewijs van toestemming)"
        : null,
    ].filter(Boolean);
    throw new CsvFileError(
      `regel 1: ${missing.join(" en ")} ontbreekt. Gevonden kolommen: ${headers.map((h) => `‘${h}’`).join(", ")}. Verwacht: ${describeHeaders()}.`,
    );
  }
  const cell = (row: CsvRow, column: keyof typeof HEADER_NAMES) => {
    const index = columns[column];
    return index === undefined ? undefined : row.cells[index];
  };
  const seen = new Map<string, number>();
  const candidates: Candidate[] = [];
  const rejected: ImportLine[] = [];
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    const rawEmail = (cell(row, "email") ?? "").trim();
    const reject = (reason: string, email: string | null = rawEmail || null) =>
      rejected.push({ line: row.line, email, reason });
    const status = (cell(row, "status") ?? "").trim().toLowerCase();
    if (!SUBSCRIBED_STATUSES.has(status)) {
      reject(`status ‘${status}’ in het bestand: alleen aangemelde mensen worden geïmporteerd`);
      continue;
    }
    const email = checkEmail(rawEmail);
    if (!email.ok) {
      reject(emailReason(email.message, rawEmail));
      continue;
    }
    const earlier = seen.get(email.key);
    if (earlier !== undefined) {
      reject(`zelfde mailbox als regel ${earlier}`, email.email);
      continue;
    }
    const name = firstNameOf(cell(row, "firstName"));
    if (!name.ok) {
      reject(name.reason, email.email);
      continue;
    }
    const dates: Partial<Record<"confirmedAt" | "signupAt", Date>> = {};
    let bad: string | null = null;
    for (const column of ["confirmedAt", "signupAt"] as const) {
      const raw = (cell(row, column) ?? "").trim();
      if (raw === "") continue;
      const date = parseConsentDate(raw);
      if (!date) bad = `datum ‘${raw}’ niet herkend (gebruik bijv. 2021-03-04 of 04-03-2021)`;
      else if (date.getTime() > now.getTime()) bad = `datum ‘${raw}’ ligt in de toekomst`;
      else dates[column] = date;
    }
    if (bad) {
      reject(bad, email.email);
      continue;
    }
    const confirmed = dates.confirmedAt ?? dates.signupAt;
    const signup = dates.signupAt ?? dates.confirmedAt;
    if (!confirmed || !signup) {
      reject(
        "geen datum van aanmelding: zonder die datum is er geen bewijs van toestemming",
        email.email,
      );
      continue;
    }
    seen.set(email.key, row.line);
    candidates.push({
      line: row.line,
      email: email.email,
      emailKey: email.key,
      firstName: name.value,
      // A signup cannot come after its confirmation; some exports fill one with the other.
      signupAt: new Date(Math.min(signup.getTime(), confirmed.getTime())).toISOString(),
      confirmedAt: confirmed.toISOString(),
      originalSource: cleanText(cell(row, "source"), LIMITS.source),
    });
  }
  return { candidates, rejected };
}

/**
 * `pnpm newsletter import <file.csv>`: everyone in the file whose address is valid becomes a
 * confirmed subscriber with the consent date from the file, unless the mailbox is known:
 * confirmed stays as it is, unsubscribed stays unsubscribed, pending is confirmed with the
 * imported consent. One transaction: a failure leaves nothing behind. A dry run does the
 * same work and rolls it back, so its report is exactly what a real run would do.
 */
export async function importSubscribers(
  core: Core,
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = core.now();
  const nowIso = now.toISOString();
  const fileName = path.basename(file.name);
  const source = cleanText(`import:${fileName}`, LIMITS.source) ?? "import";
  const { headers, rows, delimiter } = readCsv(file.bytes);
  const { candidates, rejected } = checkRows(headers, rows, now);
  const report: ImportReport = {
    file: fileName,
    source,
    delimiter,
    rows: rows.length,
    imported: 0,
    confirmedPending: [],
    alreadySubscribed: 0,
    keptUnsubscribed: [],
    rejected,
    dryRun: options.dryRun === true,
  };

  const consentRecord = (c: Candidate, subscriberId: string, consentId: string) => {
    const via = c.originalSource ? `, aangemeld via ‘${c.originalSource}’` : "";
    const text = `Geïmporteerd uit ${fileName} (regel ${c.line}) op ${nowIso.slice(0, 10)}: toestemming gegeven op ${c.confirmedAt} bij de eerdere nieuwsbrief${via}.`;
    return {
      id: consentId,
      subscriber_id: subscriberId,
      email: c.email,
      first_name: c.firstName,
      consent_text: text,
      consent_version: "import",
      consent_hash: sha256Hex(text),
      source,
      signup_at: c.signupAt,
      confirmed_at: c.confirmedAt,
      confirm_method: "import",
    };
  };

  const work = async (trx: Kysely<Database>) => {
    for (let start = 0; start < candidates.length; start += CHUNK) {
      const chunk = candidates.slice(start, start + CHUNK);
      const ids = new Map(chunk.map((c) => [c.emailKey, { id: newId(), consentId: newId() }]));
      const inserted = await trx
        .insertInto("newsletter_subscribers")
        .values(
          chunk.map((c) => {
            const own = ids.get(c.emailKey) as { id: string; consentId: string };
            return {
              id: own.id,
              email_key: c.emailKey,
              email: c.email,
              first_name: c.firstName,
              status: "confirmed" as const,
              consent_id: own.consentId,
              created_at: nowIso,
              updated_at: nowIso,
            };
          }),
        )
        .onConflict((oc) => oc.column("email_key").doNothing())
        .returning("email_key")
        .execute();
      const added = new Set(inserted.map((r) => r.email_key));
      const fresh = chunk.filter((c) => added.has(c.emailKey));
      if (fresh.length > 0) {
        await trx
          .insertInto("newsletter_consents")
          .values(
            fresh.map((c) => {
              const own = ids.get(c.emailKey) as { id: string; consentId: string };
              return consentRecord(c, own.id, own.consentId);
            }),
          )
          .execute();
      }
      report.imported += fresh.length;
      const known = chunk.filter((c) => !added.has(c.emailKey));
      if (known.length > 0) await handleKnown(trx, known);
    }
  };

  /** Mailboxes already in the database: report them, and confirm the pending ones. */
  const handleKnown = async (trx: Kysely<Database>, known: Candidate[]) => {
    let query = trx
      .selectFrom("newsletter_subscribers")
      .select(["id", "email_key", "status"])
      .where(
        "email_key",
        "in",
        known.map((c) => c.emailKey),
      );
    if (core.handle.dialect === "postgres") query = query.forUpdate();
    const rowsByKey = new Map((await query.execute()).map((r) => [r.email_key, r]));
    for (const c of known) {
      const current = rowsByKey.get(c.emailKey);
      if (!current) throw new Error(`subscriber ${c.emailKey} vanished during the import`);
      if (current.status === "confirmed") {
        report.alreadySubscribed += 1;
      } else if (current.status === "unsubscribed") {
        report.keptUnsubscribed.push({
          line: c.line,
          email: c.email,
          reason: "heeft zich afgemeld en wordt niet opnieuw aangemeld",
        });
      } else {
        await confirmPending(trx, current.id, c);
        report.confirmedPending.push({
          line: c.line,
          email: c.email,
          reason:
            "had zich op de site aangemeld maar nog niet bevestigd: nu bevestigd met de toestemming uit het bestand",
        });
      }
    }
  };

  /**
   * As a confirmation does (confirm.server.ts): the imported consent becomes the current
   * one, the signups nobody confirmed are deleted (their IP and user agent nobody agreed to
   * keep), their links read "already confirmed", and no confirmation mail is sent any more.
   */
  const confirmPending = async (trx: Kysely<Database>, subscriberId: string, c: Candidate) => {
    const consentId = newId();
    // The new record first: the tokens below point at it (a foreign key).
    await trx
      .insertInto("newsletter_consents")
      .values(consentRecord(c, subscriberId, consentId))
      .execute();
    const stale = trx
      .selectFrom("newsletter_consents")
      .select("id")
      .where("subscriber_id", "=", subscriberId)
      .where("confirmed_at", "is", null);
    await trx
      .updateTable("newsletter_confirmation_tokens")
      .set({ consent_id: consentId, used_at: nowIso })
      .where("subscriber_id", "=", subscriberId)
      .where("consent_id", "in", stale)
      .execute();
    await trx
      .deleteFrom("newsletter_consents")
      .where("subscriber_id", "=", subscriberId)
      .where("confirmed_at", "is", null)
      .execute();
    await trx
      .updateTable("newsletter_subscribers")
      .set({
        status: "confirmed",
        consent_id: consentId,
        email: c.email,
        first_name: c.firstName,
        updated_at: nowIso,
        ...subscriberColumns(cancel()),
      })
      .where("id", "=", subscriberId)
      .where("status", "=", "pending")
      .execute();
  };

  await core.ready();
  try {
    await inTransaction(core.handle, async (trx) => {
      await work(trx);
      if (report.dryRun) throw new DryRun(report);
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
  return report;
}
