import { randomBytes, randomInt, randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { toNodemailer } from "../src/mail/compose-worker.server.js";
import { createMimeTemplates } from "../src/mail/mime-template.server.js";
import { confirmationMail } from "../src/mail/templates.js";
import type { OutgoingMail } from "../src/mail/transport.server.js";
import { unsubscribeToken } from "../src/tokens.server.js";

// A confirmation mail filled into a template (decision 22) must be, byte for byte, the mail
// nodemailer composes from the same values: same headers, same quoted-printable line breaks
// (soft breaks fall inside the links' tokens), same envelope.

const token = () => randomBytes(32).toString("base64url");
const secret = randomBytes(32).toString("base64url");
const unsubscribeKey = () => unsubscribeToken([secret], randomUUID());
const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
const word = (length: number) =>
  Array.from({ length }, () => letters[randomInt(0, letters.length)]).join("");
/** A dot-atom address with a lower-case domain, up to 71 characters (the most a template takes). */
const plainAddress = () =>
  `${word(randomInt(1, 28))}${randomInt(0, 2) ? `.${word(randomInt(1, 12))}` : ""}${randomInt(0, 2) ? "+nieuws" : ""}@${word(randomInt(1, 13))}.${randomInt(0, 2) ? `${word(4)}.` : ""}nl`;

function confirmation(
  to: string,
  options: { siteUrl?: string; siteName?: string; from?: string; confirmKey?: string } = {},
): OutgoingMail {
  const siteUrl = options.siteUrl ?? "https://vaart.example";
  const siteName = options.siteName ?? "Vaart in samenwerken";
  const confirmKey = options.confirmKey ?? token();
  const unsubscribe = unsubscribeKey();
  const link = `${siteUrl}/nieuwsbrief/bevestigen/${confirmKey}`;
  const unsubscribeUrl = `${siteUrl}/nieuwsbrief/afmelden/${unsubscribe}`;
  return {
    from: options.from ?? `${siteName} <updates@vaart.example>`,
    replyTo: "hallo@vaart.example",
    to,
    ...confirmationMail({ confirmUrl: link, unsubscribeUrl, expiresInHours: 48, siteName }),
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    link,
    perRecipient: [confirmKey, unsubscribe],
  };
}

/**
 * What nodemailer makes of `mail` with the Date and boundary `filled` has. nodemailer makes
 * its own Message-ID (the domain too, which is compared); only its random part is swapped
 * for the one in `filled`.
 */
async function wholeLike(filled: string, mail: OutgoingMail, newline?: "unix") {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    ...(newline ? { newline } : {}),
  });
  const dateOf = filled.match(/^Date: (.+)$/m)?.[1];
  const info = await transport.sendMail({
    ...toNodemailer({ ...mail, ...(dateOf ? { date: new Date(dateOf) } : {}) }),
    baseBoundary: filled.match(/boundary="--_NmP-([0-9a-f]+)-Part_1"/)?.[1] ?? "no boundary",
  } as Parameters<typeof transport.sendMail>[0]);
  const idOf = (message: string) => message.match(/^Message-ID: <([0-9a-f-]{36})@/m)?.[1];
  const message = (info.message as Buffer).toString("latin1");
  const ownId = idOf(message) as string;
  return {
    message: message.replace(ownId, idOf(filled) ?? ownId),
    envelope: info.envelope,
  };
}

describe("confirmation mails composed from a template", () => {
  for (const newline of [undefined, "unix"] as const) {
    it(`are byte for byte what nodemailer composes, for 300 addresses and tokens (${newline ?? "CRLF"} line ends)`, async () => {
      const templates = createMimeTemplates({ ...(newline ? { newline } : {}) });
      let splitTokens = 0;
      const sites = ["https://vaart.example", "https://www.vaart-in-samenwerken.example/nl"];
      const addresses = [
        `${"l".repeat(60)}@example.nl`, // 71 characters: the longest, To line not folded
        "lezer@xn--bcher-kva.example", // an A-label: nodemailer keeps it as it is
        "a@b.nl",
      ];
      for (let n = 0; n < 300; n++) {
        const to = addresses[n] ?? plainAddress();
        const mail = confirmation(to, { siteUrl: sites[n % sites.length] as string });
        const filled = await templates.compose(mail);
        expect(filled, `mail ${n} to ${mail.to} was not templated`).not.toBeNull();
        const message = filled?.message.toString("latin1") ?? "";
        const whole = await wholeLike(message, mail, newline);
        expect(message).toBe(whole.message);
        expect(filled?.envelope).toEqual(whole.envelope);
        // The quoted-printable soft breaks fall inside a token now and then: that case is met.
        if (!message.includes(mail.perRecipient?.[0] as string)) splitTokens++;
      }
      expect(splitTokens).toBeGreaterThan(0);
    });
  }

  it("give every mail its own Message-ID and the time it was composed", async () => {
    const templates = createMimeTemplates({});
    const before = Date.now();
    const messages = await Promise.all(
      Array.from(
        { length: 50 },
        async () =>
          (await templates.compose(confirmation(plainAddress())))?.message.toString() ?? "",
      ),
    );
    const ids = messages.map(
      (message) => message.match(/^Message-ID: <(.+)@vaart\.example>$/m)?.[1],
    );
    expect(new Set(ids).size).toBe(50);
    for (const message of messages) {
      const date = Date.parse(message.match(/^Date: (.+)$/m)?.[1] ?? "");
      expect(date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(date).toBeLessThanOrEqual(Date.now());
    }
  });

  it("leave to nodemailer what they cannot fill exactly: other addresses, DKIM, values not in the mail", async () => {
    const templates = createMimeTemplates({});
    // nodemailer rewrites these addresses (lower-cases or punycodes the domain, quotes the
    // local part): the template does not, so they are composed whole.
    for (const to of [
      "lezer@Example.NL",
      "lezer@bücher.example",
      "Lezer <lezer@example.nl>",
      "lezer..twee@example.nl",
      '"lezer twee"@example.nl',
      // From 72 characters on, nodemailer folds the To line.
      `${"l".repeat(61)}@example.nl`,
    ]) {
      expect(await templates.compose(confirmation(to)), to).toBeNull();
    }
    const mail = confirmation("lezer@example.nl");
    expect(await createMimeTemplates({ dkim: { domainName: "x" } }).compose(mail)).toBeNull();
    expect(await templates.compose({ ...mail, perRecipient: [token()] })).toBeNull();
    expect(await templates.compose({ ...mail, perRecipient: ["with.a.dot.in.it.x"] })).toBeNull();
    expect(await templates.compose({ ...mail, perRecipient: undefined })).toBeNull();
    expect(
      await templates.compose({ ...mail, messageId: `<${randomUUID()}@vaart.example>` }),
    ).toBeNull();
    // And what they can, still exactly.
    const filled = await templates.compose(mail);
    const message = filled?.message.toString("latin1") ?? "";
    expect(message).toBe((await wholeLike(message, mail)).message);
  });

  it("are checked when made, and a shape whose encoding depends on the token's letters is composed whole", async () => {
    const templates = createMimeTemplates({});
    const mail = confirmation("lezer@example.nl");
    const key = mail.perRecipient?.[0] as string;
    // In an encoded subject nodemailer writes "_" as "=5F"; a template made with a token
    // without "_" would put the token in raw. The check (a sample without letters) sees it.
    expect(
      await templates.compose({ ...mail, subject: `Bevestig je aanmelding — ${key}` }),
    ).toBeNull();
    // Mostly non-Latin text: quoted-printable or base64 goes by the number of letters, so
    // tokens with many or few letters would get different encodings.
    const cyrillic = { ...mail, text: `${"ж".repeat(30)} ${key}` };
    expect(await templates.compose(cyrillic)).toBeNull();
    // And the same mails from nodemailer still carry the token (the fallback is whole).
    const whole = await wholeLike("", cyrillic);
    expect(whole.message).toMatch(/^Content-Transfer-Encoding: (base64|quoted-printable)/m);
  });

  it("use the Message-ID domain nodemailer would: the sender's, lower case and in ASCII", async () => {
    for (const [from, domain] of [
      ["Vaart <updates@Vaart.Example>", "vaart.example"],
      ["Vaart <updates@bücher.example>", "xn--bcher-kva.example"],
      ["updates@localhost", "localhost"],
    ] as const) {
      const filled = await createMimeTemplates({}).compose(
        confirmation("lezer@example.nl", { from }),
      );
      const message = filled?.message.toString("latin1") ?? "";
      expect(message.match(/^Message-ID: <[0-9a-f-]{36}@(.+)>$/m)?.[1], from).toBe(domain);
    }
  });

  it("keep a subject or site name with accents exact (mime-encoded words stay fixed text)", async () => {
    const templates = createMimeTemplates({});
    const mail = confirmation("lezer@example.nl", {
      siteName: "Vaart — één café",
      from: "Vaart — één café <updates@vaart.example>",
    });
    const filled = await templates.compose({
      ...mail,
      subject: "Bevestig je aanmelding — één klik",
    });
    const message = filled?.message.toString("latin1") ?? "";
    expect(message).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(message).toBe(
      (await wholeLike(message, { ...mail, subject: "Bevestig je aanmelding — één klik" })).message,
    );
  });
});
