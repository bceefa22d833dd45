/** Campaign times are written in Amsterdam time; the server compares instants. */
export const campaignTimeZone = "Europe/Amsterdam";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: campaignTimeZone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes Amsterdam is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.formatToParts(instant).find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    field("year"),
    field("month") - 1,
    field("day"),
    field("hour"),
    field("minute"),
    field("second"),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * "2027-03-12 09:00" (a wall-clock time in Amsterdam) or an ISO time with an offset
 * ("2027-03-12T09:00:00+01:00", "…Z") → the instant; null when it is neither.
 */
export function amsterdamTime(value: string): Date | null {
  const trimmed = value.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(trimmed);
  if (local) {
    const [y, mo, d, h, mi] = local.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    if (h > 23 || mi > 59) return null;
    const wall = Date.UTC(y, mo - 1, d, h, mi);
    const check = new Date(wall);
    if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
    // Two passes settle the offset around a daylight-saving change.
    let instant = wall - offsetMinutes(wall) * 60_000;
    instant = wall - offsetMinutes(instant) * 60_000;
    return new Date(instant);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    const date = new Date(trimmed);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

const dutchDate = new Intl.DateTimeFormat("nl-NL", {
  timeZone: campaignTimeZone,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "donderdag 12 maart 2027" for a calendar day (YYYY-MM-DD). */
export function formatDutchDay(day: string): string {
  return dutchDate.format(new Date(`${day}T12:00:00Z`));
}
