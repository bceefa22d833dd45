export interface ConfirmationMailData {
  confirmUrl: string;
  unsubscribeUrl: string;
  expiresInHours: number;
  siteName: string;
}

/**
 * The brand's colours as `@vaart/ui`'s brand theme has them (mail clients know no CSS
 * variables, so the values are written out; test/mail-template.test.ts keeps them equal).
 */
export const mailColours = {
  text: "#1f2429",
  accent: "#0a6660",
  onAccent: "#ffffff",
  muted: "#4e5861",
  /** The Updates: the page behind the card, the card, headings, rules. */
  surface: "#eef3f1",
  background: "#fbfaf7",
  heading: "#14313a",
  border: "#7b8a8c",
} as const;

/**
 * The dark theme's colours, for mail clients that follow a dark preference through
 * `@media (prefers-color-scheme: dark)` (Apple Mail, iOS, Outlook for Mac). Clients that
 * ignore it keep the light colours above, each text on a background of its own.
 */
export const mailDarkColours = {
  background: "#121619",
  card: "#1c2327",
  text: "#e6e4df",
  heading: "#f3f1ec",
  muted: "#b3b8b9",
  accent: "#6fd1c6",
  border: "#7d8a8d",
} as const;

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * The confirmation mail carries no text a visitor typed: whoever fills in the form may put
 * someone else's address in it, so a name ("Hoi <anything>") would let strangers write into
 * that inbox. It greets without a name until the address is confirmed.
 */
export function confirmationMail(data: ConfirmationMailData): {
  subject: string;
  text: string;
  html: string;
} {
  const greeting = "Hoi,";
  const subject = "Bevestig je aanmelding voor de Updates";
  const text = [
    greeting,
    "",
    `Je hebt je aangemeld voor de tweemaandelijkse Updates van ${data.siteName}.`,
    "Klik op de link hieronder om je aanmelding te bevestigen:",
    "",
    data.confirmUrl,
    "",
    `De link werkt ${data.expiresInHours} uur en maar één keer.`,
    "Heb je je niet aangemeld? Dan hoef je niets te doen: zonder bevestiging sturen we je niets.",
    "",
    "Afmelden kan altijd:",
    data.unsubscribeUrl,
    "",
    `Hartelijke groet,`,
    data.siteName,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: Georgia, serif; line-height: 1.5; color: ${mailColours.text}; max-width: 36rem;">
<p>${e(greeting)}</p>
<p>Je hebt je aangemeld voor de tweemaandelijkse Updates van ${e(data.siteName)}.</p>
<p><a href="${e(data.confirmUrl)}" style="display: inline-block; padding: 0.6em 1.2em; background: ${mailColours.accent}; color: ${mailColours.onAccent}; text-decoration: none; border-radius: 4px;">Ja, bevestig mijn aanmelding</a></p>
<p>Werkt de knop niet? Kopieer dan deze link in je browser:<br>${e(data.confirmUrl)}</p>
<p>De link werkt ${data.expiresInHours} uur en maar één keer. Heb je je niet aangemeld? Dan hoef je niets te doen: zonder bevestiging sturen we je niets.</p>
<p>Hartelijke groet,<br>${e(data.siteName)}</p>
<p style="font-size: 0.85em; color: ${mailColours.muted};">Afmelden kan altijd: <a href="${e(data.unsubscribeUrl)}">meld je af</a>.</p>
</body>
</html>
`;
  return { subject, text, html };
}
