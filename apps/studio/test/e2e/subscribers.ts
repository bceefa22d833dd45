import { join } from "node:path";
import { createNewsletter, type OutgoingMail } from "@vaart/newsletter";
import { productionEnv } from "./server";

/**
 * Confirmed subscribers in the test servers' database, made through the newsletter's own
 * API (signup, then the confirmation link of its mail), as a visitor would on the site.
 */
export async function addConfirmedSubscribers(emails: readonly string[]): Promise<void> {
  const dataDir = process.env.STUDIO_TEST_DATA_DIR ?? "";
  const env = productionEnv(0, dataDir);
  const mails: OutgoingMail[] = [];
  // The form token must look a few seconds old, as a real visitor's is.
  let offsetMs = -60_000;
  const newsletter = createNewsletter({
    dataDir,
    // The studio, the site and the landing instances share this PostgreSQL schema.
    databaseUrl: process.env.STUDIO_TEST_DATABASE_URL ?? `sqlite:${join(dataDir, "vaart.sqlite")}`,
    siteUrl: env.SITE_URL ?? "",
    mailFrom: env.NEWSLETTER_MAIL_FROM ?? "",
    secret: env.NEWSLETTER_SECRET ?? "",
    now: () => new Date(Date.now() + offsetMs),
    transport: {
      name: "memory",
      async send(mail) {
        mails.push(mail);
      },
    },
    firstSendWaitMs: 30_000,
  });
  try {
    const formToken = newsletter.issueFormToken();
    offsetMs = 0;
    for (const [index, email] of emails.entries()) {
      const form = new FormData();
      for (const [name, value] of Object.entries({
        email,
        firstName: "Lezer",
        consent: "yes",
        website: "",
        formToken,
      })) {
        form.append(name, value);
      }
      const result = await newsletter.subscribe(form, {
        consentText: "Ja, stuur mij de Updates.",
        source: "/nieuwsbrief",
        // A network of its own per reader: the per-network signup limit is not under test here.
        ip: `100.${64 + Math.floor(index / 250)}.${index % 250}.9`,
      });
      if (result.status !== "ok") throw new Error(`signup of ${email}: ${JSON.stringify(result)}`);
      const mail = mails.find((m) => m.to === email);
      const token = /\/nieuwsbrief\/bevestigen\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
      if (!token) throw new Error(`no confirmation link for ${email}`);
      const confirmed = await newsletter.confirm(token, { method: "post" });
      if (confirmed.status !== "confirmed")
        throw new Error(`confirm ${email}: ${confirmed.status}`);
    }
  } finally {
    await newsletter.close();
  }
}
