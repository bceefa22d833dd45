import { siteIdentity } from "@vaart/content/site";
import { campaignTimeZone } from "./time";

/** What an "add to calendar" file describes. */
export interface CalendarEvent {
  /** Stable id: the same event gives the same UID, so a second download updates, not duplicates. */
  uid: string;
  name: string;
  /** YYYY-MM-DD and HH:MM, Amsterdam time. */
  date: string;
  start: string;
  end: string;
  location: string;
  description?: string;
  /** The campaign page. */
  url: string;
  /** When the file was made (DTSTAMP). */
  now: Date;
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + space; never split a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const localStamp = (date: string, time: string) =>
  `${date.replaceAll("-", "")}T${time.replace(":", "")}00`;

const utcStamp = (date: Date) => `${date.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

/**
 * The Europe/Amsterdam rules (CET/CEST since 1996), so calendars that do not know the
 * TZID still place the event at the right hour.
 */
const amsterdamTimeZone = [
  "BEGIN:VTIMEZONE",
  `TZID:${campaignTimeZone}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** An iCalendar file (text/calendar) with one event, CRLF line ends. */
export function calendarFile(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${siteIdentity.name}//Campagnes//NL`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...amsterdamTimeZone,
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.now)}`,
    `DTSTART;TZID=${campaignTimeZone}:${localStamp(event.date, event.start)}`,
    `DTEND;TZID=${campaignTimeZone}:${localStamp(event.date, event.end)}`,
    `SUMMARY:${escapeText(event.name)}`,
    `LOCATION:${escapeText(event.location)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    `URL:${event.url}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
