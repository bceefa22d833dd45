import { escapeHtml } from "../mail/templates.js";

/**
 * An Update as it is frozen when its sending starts: the rendered mail, stored once, so
 * every recipient gets the same text even if the file changes later. The only per-recipient
 * parts are placeholders, filled in by `personalise` at send time.
 */
export interface FrozenUpdate {
  slug: string;
  subject: string;
  preheader: string | null;
  /** The Update's date from its front matter, YYYY-MM-DD. */
  date: string;
  /** The mail's HTML part, inline styles, with the placeholders below. */
  html: string;
  /** The mail's plain-text part, with the placeholders below. */
  text: string;
  /** The web version for the archive: what was mailed, not personalised, no placeholders. */
  webHtml: string;
}

/**
 * Placeholders in a frozen Update's `html` and `text`. The renderer never lets content
 * produce them (it escapes `%` runs in what an author wrote), so only the template has them.
 */
export const PLACEHOLDER = {
  /** "Hallo Anna," or "Hallo," when the first name is not known. */
  greeting: "%%VAART_GREETING%%",
  /** The recipient's one-click unsubscribe link. */
  unsubscribeUrl: "%%VAART_UNSUBSCRIBE_URL%%",
} as const;

const PLACEHOLDERS = new RegExp(
  Object.values(PLACEHOLDER)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g",
);

export interface Recipient {
  firstName: string | null;
  unsubscribeUrl: string;
}

export function greetingFor(firstName: string | null): string {
  const name = firstName?.trim();
  return name ? `Hallo ${name},` : "Hallo,";
}

/** The mail one recipient gets: placeholders filled, escaped for HTML in the HTML part. */
export function personalise(
  frozen: Pick<FrozenUpdate, "html" | "text">,
  recipient: Recipient,
): { html: string; text: string } {
  const greeting = greetingFor(recipient.firstName);
  // One pass over the template: a first name that looks like a placeholder is not filled in.
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(PLACEHOLDERS, (placeholder) => values[placeholder] ?? placeholder);
  return {
    html: fill(frozen.html, {
      [PLACEHOLDER.greeting]: escapeHtml(greeting),
      [PLACEHOLDER.unsubscribeUrl]: escapeHtml(recipient.unsubscribeUrl),
    }),
    text: fill(frozen.text, {
      [PLACEHOLDER.greeting]: greeting,
      [PLACEHOLDER.unsubscribeUrl]: recipient.unsubscribeUrl,
    }),
  };
}
