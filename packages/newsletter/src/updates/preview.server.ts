import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createMailComposer, type OutgoingMail } from "../mail/transport.server.js";
import { type FrozenUpdate, personalise } from "./frozen.js";
import { archiveUrl, type UpdateSite } from "./render.js";
import { freezeUpdateFile } from "./update-files.server.js";

export interface UpdateSender {
  /** NEWSLETTER_MAIL_FROM */
  from: string;
  /** NEWSLETTER_REPLY_TO */
  replyTo: string;
}

/** The first name a preview greets. */
export const EXAMPLE_FIRST_NAME = "Anna";

/**
 * The unsubscribe link in a preview or test mail: the address of the real links with a
 * token that is no subscriber's, so the page says the link is not valid and changes nothing.
 */
export function exampleUnsubscribeUrl(site: Pick<UpdateSite, "siteUrl">): string {
  return new URL(`${site.siteUrl.replace(/\/+$/, "")}/nieuwsbrief/afmelden/voorbeeld`).href;
}

/** One recipient's copy of a frozen Update, as the mail transport takes it. */
export function updateMail(
  frozen: FrozenUpdate,
  sender: UpdateSender,
  recipient: { to: string; firstName: string | null; unsubscribeUrl: string },
  subjectPrefix = "",
): OutgoingMail {
  const { html, text } = personalise(frozen, recipient);
  return {
    from: sender.from,
    replyTo: sender.replyTo,
    to: recipient.to,
    subject: `${subjectPrefix}${frozen.subject}`,
    text,
    html,
    headers: {},
  };
}

/** The mail as a MIME message (what an `.eml` file holds), CRLF line ends. */
export async function mimeMessage(mail: OutgoingMail): Promise<Buffer> {
  const composer = createMailComposer();
  try {
    return await composer.compose(mail);
  } finally {
    composer.close();
  }
}

/** The mail as a subscriber named EXAMPLE_FIRST_NAME gets it, with an unsubscribe link that changes nothing. */
export function previewMail(
  frozen: FrozenUpdate,
  sender: UpdateSender,
  site: Pick<UpdateSite, "siteUrl">,
): OutgoingMail {
  return updateMail(frozen, sender, {
    to: `${EXAMPLE_FIRST_NAME} <voorbeeld@example.nl>`,
    firstName: EXAMPLE_FIRST_NAME,
    unsubscribeUrl: exampleUnsubscribeUrl(site),
  });
}

export interface PreviewFiles {
  slug: string;
  eml: string;
  html: string;
}

/**
 * `pnpm newsletter preview <file>`: the mail as an `.eml` (open it in a mail program) and
 * its HTML part as a `.html` (open it in a browser), greeting an example first name.
 */
export async function writePreview(
  file: string,
  options: { site: UpdateSite; sender: UpdateSender; outDir: string; repoRoot?: string },
): Promise<PreviewFiles> {
  const frozen = await freezeUpdateFile(file, options.site, { repoRoot: options.repoRoot });
  const mail = previewMail(frozen, options.sender, options.site);
  await mkdir(options.outDir, { recursive: true });
  const eml = path.join(options.outDir, `${frozen.slug}.eml`);
  const html = path.join(options.outDir, `${frozen.slug}.html`);
  await writeFile(eml, await mimeMessage(mail));
  await writeFile(html, mail.html);
  return { slug: frozen.slug, eml, html };
}

export { archiveUrl };
