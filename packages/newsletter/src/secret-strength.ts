/**
 * Keys (NEWSLETTER_SECRET, PREVIEW_TOKEN, …) need variety as well as length: "aaaa…" or
 * "abab…" has the length and almost none of the strength. One rule for every key.
 */
export function distinctCharactersNeeded(minLength: number): number {
  return Math.min(8, Math.ceil(minLength / 2));
}

export function repeatsFewCharacters(value: string, minLength: number): boolean {
  return new Set(value).size < distinctCharactersNeeded(minLength);
}
