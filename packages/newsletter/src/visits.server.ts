import { sql } from "kysely";
import type { Core } from "./core.server.js";

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

const amsterdamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day (YYYY-MM-DD) in Amsterdam of an instant: campaigns count in Dutch days. */
export function dayInAmsterdam(instant: Date | string): string {
  return amsterdamDay.format(typeof instant === "string" ? new Date(instant) : instant);
}

/**
 * Count one visit of `source` (a campaign's slug) on `day`: an atomic upsert of a counter.
 * No cookie, address, user agent or time of day is stored — nothing that identifies anyone.
 */
export async function recordVisit(core: Core, source: string, day: string): Promise<void> {
  if (!source || source.length > 200) throw new RangeError("recordVisit(): invalid source");
  if (!dayPattern.test(day)) throw new RangeError("recordVisit(): day must be YYYY-MM-DD");
  await core.ready();
  await core.handle.db
    .insertInto("newsletter_visits")
    .values({ source, day, visits: 1 })
    .onConflict((oc) =>
      oc
        .columns(["source", "day"])
        .doUpdateSet({ visits: sql<number>`newsletter_visits.visits + 1` }),
    )
    .execute();
}

export interface DayFigures {
  /** YYYY-MM-DD (Amsterdam). */
  day: string;
  visits: number;
  /** Signups (consent records) made that day. */
  signups: number;
  /** Signups confirmed that day. */
  confirmed: number;
}

export interface SourceReport {
  source: string;
  visits: number;
  signups: number;
  confirmed: number;
  /** Days with any visit, signup or confirmation, oldest first. */
  days: DayFigures[];
}

/**
 * Per source (e.g. each campaign): visits, signups and confirmed signups, in total and per
 * day. Every signup counts, also a second one from the same person (each has its own consent
 * record), so a campaign is credited with every signup it brought in.
 */
export async function sourceReport(
  core: Core,
  sources: readonly string[],
): Promise<SourceReport[]> {
  await core.ready();
  const { db } = core.handle;
  const reports = new Map<string, Map<string, DayFigures>>(
    sources.map((source) => [source, new Map()]),
  );
  const dayOf = (source: string, day: string) => {
    const days = reports.get(source);
    if (!days) return null;
    let entry = days.get(day);
    if (!entry) {
      entry = { day, visits: 0, signups: 0, confirmed: 0 };
      days.set(day, entry);
    }
    return entry;
  };
  if (sources.length > 0) {
    const visits = await db
      .selectFrom("newsletter_visits")
      .select(["source", "day", "visits"])
      .where("source", "in", [...sources])
      .execute();
    for (const row of visits) {
      const entry = dayOf(row.source, row.day);
      if (entry) entry.visits += Number(row.visits);
    }
    const consents = await db
      .selectFrom("newsletter_consents")
      .select(["source", "signup_at", "confirmed_at"])
      .where("source", "in", [...sources])
      .execute();
    for (const row of consents) {
      if (!row.source) continue;
      const signed = dayOf(row.source, dayInAmsterdam(row.signup_at));
      if (signed) signed.signups += 1;
      if (row.confirmed_at) {
        const confirmed = dayOf(row.source, dayInAmsterdam(row.confirmed_at));
        if (confirmed) confirmed.confirmed += 1;
      }
    }
  }
  return sources.map((source) => {
    const days = [...(reports.get(source)?.values() ?? [])].sort((a, b) =>
      a.day.localeCompare(b.day),
    );
    const sum = (key: "visits" | "signups" | "confirmed") =>
      days.reduce((total, day) => total + day[key], 0);
    return {
      source,
      visits: sum("visits"),
      signups: sum("signups"),
      confirmed: sum("confirmed"),
      days,
    };
  });
}

/** Visits per source, all time (for `stats()`). */
export async function visitsBySource(core: Core): Promise<Map<string, number>> {
  const rows = await core.handle.db
    .selectFrom("newsletter_visits")
    .select(["source", (eb) => eb.fn.sum<string | number>("visits").as("n")])
    .groupBy("source")
    .execute();
  return new Map(rows.map((row) => [row.source, Number(row.n)]));
}
