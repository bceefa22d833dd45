/**
 * Silent reading speed for Dutch non-fiction, words per minute (Brysbaert 2019
 * reports ~238 wpm for English; Dutch averages slightly lower, ~228).
 */
export const DUTCH_WORDS_PER_MINUTE = 228;

export function countWords(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/** Whole minutes to read a text, never less than one for a non-empty text. */
export function estimateReadingMinutes(
  text: string,
  wordsPerMinute = DUTCH_WORDS_PER_MINUTE,
): number {
  if (!(wordsPerMinute > 0)) throw new RangeError("wordsPerMinute must be a positive number");
  const words = countWords(text);
  if (words === 0) return 0;
  return Math.max(1, Math.round(words / wordsPerMinute));
}

const dutchDate = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Amsterdam",
});

/** "3 juni 2024" — the same on server and client, whatever their time zone. */
export function formatDutchDate(isoDate: string): string {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${isoDate}"`);
  return dutchDate.format(date);
}
