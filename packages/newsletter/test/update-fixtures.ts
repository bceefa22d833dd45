import { createHash, randomUUID } from "node:crypto";
import { PLACEHOLDER } from "../src/updates/frozen.js";
import type { StartInput } from "../src/updates/sending.server.js";
import { type DbOptions, withDatabase } from "./db-rows.js";

/** A frozen Update as the renderer makes it: placeholders for the greeting and the link. */
export function frozenUpdate(slug: string, overrides: Partial<StartInput> = {}): StartInput {
  return {
    slug,
    subject: `Update ${slug}`,
    preheader: "Wat er speelde",
    date: "2026-12-01",
    html: `<p>${PLACEHOLDER.greeting}</p><p>Nieuws.</p><p><a href="${PLACEHOLDER.unsubscribeUrl}">Afmelden</a></p>`,
    text: `${PLACEHOLDER.greeting}\n\nNieuws.\n\nAfmelden: ${PLACEHOLDER.unsubscribeUrl}\n`,
    webHtml: "<p>Nieuws.</p>",
    sourceHash: createHash("sha256").update(slug).digest("hex"),
    ...overrides,
  };
}

/** `n` confirmed subscribers `<prefix><i>@example.nl`, written straight into the table. */
export async function seedConfirmed(
  options: DbOptions,
  n: number,
  prefix = "lezer",
  firstName: string | null = "Anna",
): Promise<string[]> {
  const ids: string[] = [];
  await withDatabase(options, async (handle) => {
    const at = new Date().toISOString();
    for (let start = 0; start < n; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(n, start + 500); i++) {
        const id = randomUUID();
        ids.push(id);
        rows.push({
          id,
          email_key: `${prefix}${i}@example.nl`,
          email: `${prefix}${i}@example.nl`,
          first_name: firstName,
          status: "confirmed" as const,
          consent_id: randomUUID(),
          created_at: at,
          updated_at: at,
          last_mail_at: null,
          mail_due_at: null,
          mail_last_error: null,
          mail_sent_at: null,
          mail_status: null,
        });
      }
      await handle.db.insertInto("newsletter_subscribers").values(rows).execute();
    }
  });
  return ids;
}

/** Set subscribers' status directly (an unsubscribe as the site records it, in effect). */
export async function setStatus(
  options: DbOptions,
  emails: string[],
  status: "unsubscribed" | "confirmed",
): Promise<void> {
  await withDatabase(options, (handle) =>
    handle.db
      .updateTable("newsletter_subscribers")
      .set({ status })
      .where("email", "in", emails)
      .execute(),
  );
}
