import type { Core } from "../core.server.js";
import type { UpdatesTable } from "../db/schema.js";
import { unsubscribeUrl } from "../mail/links.server.js";
import type { OutgoingMail } from "../mail/transport.server.js";
import type { ClaimedDelivery } from "./delivery-queue.server.js";
import { personalise } from "./frozen.js";

/** The frozen Update as sending needs it. */
export type FrozenRow = Pick<UpdatesTable, "slug" | "subject" | "html" | "text">;

/**
 * Header values never carry a line break or another control character (no header can be
 * injected), whatever a subject or a name holds; nodemailer encodes the rest (RFC 2047).
 */
export function headerSafe(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** `List-Id: Vaart in samenwerken Updates <updates.www.example.nl>` (RFC 2919). */
export function listId(core: Core): string {
  const host = new URL(core.settings.siteUrl).hostname;
  const name = headerSafe(core.settings.siteName).replace(/[<>"\\]/g, "");
  return `${name} Updates <updates.${host}>`;
}

/**
 * One recipient's mail: the frozen HTML and text with their greeting and unsubscribe link,
 * RFC 8058 one-click unsubscribe (https URL, plus mailto when a reply address is set),
 * List-Id, the stable Message-ID and the Date of sending.
 */
export function updateMail(
  core: Core,
  update: FrozenRow,
  to: Pick<ClaimedDelivery, "subscriberId" | "email" | "firstName" | "messageId">,
  now: Date,
): OutgoingMail {
  const unsubscribe = unsubscribeUrl(core, to.subscriberId);
  const body = personalise(update, { firstName: to.firstName, unsubscribeUrl: unsubscribe });
  const mailto = core.settings.updates.unsubscribeMailto;
  return {
    from: core.settings.mailFrom,
    replyTo: core.settings.replyTo,
    to: headerSafe(to.email),
    subject: headerSafe(update.subject),
    text: body.text,
    html: body.html,
    messageId: to.messageId,
    date: now,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>${mailto ? `, <mailto:${mailto}?subject=afmelden>` : ""}`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": listId(core),
    },
  };
}
