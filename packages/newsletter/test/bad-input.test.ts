import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createOutboxTransport,
  type FormInput,
  type MailTransport,
  messages,
  type Newsletter,
  type OutgoingMail,
  type SubscribeResult,
} from "../src/index.js";
import { ctx, DRIVERS, quietLogger, setup, type TestEnv } from "./helpers.js";

const HOUR = 3_600_000;
const OMIT = Symbol("omit");
type Fields = Record<string, unknown>;

type Expect =
  | { error: "email" | "firstName" | "consent"; message?: string }
  | { stored: { email?: string | RegExp; firstName?: string | null } }
  | { bot: true }
  /** "Nog één stap": nothing stored, the values kept, a fresh token. */
  | { retry: true };

interface Case {
  name: string;
  /** Field overrides on a valid form; OMIT removes a field. Or a whole raw input. */
  fields?: Fields;
  raw?: (token: string) => unknown;
  expect: Expect;
}

const x = (n: number, c = "a") => c.repeat(n);

// The corpus. Each case: a clear field error, a silent bot drop, or stored safely.
const CORPUS: Case[] = [
  // --- e-mail address --------------------------------------------------------------
  {
    name: "script tag as address",
    fields: { email: "<script>alert(1)</script>@example.nl" },
    expect: { error: "email", message: messages.emailInvalid },
  },
  {
    name: "CRLF + Bcc header in address",
    fields: { email: "anna@example.nl\r\nBcc: victim@example.org" },
    expect: { error: "email" },
  },
  {
    name: "LF + Bcc header in address",
    fields: { email: "anna@example.nl\nBcc: victim@example.org" },
    expect: { error: "email" },
  },
  {
    name: "CR only in address",
    fields: { email: "anna@example.nl\rX-Test: 1" },
    expect: { error: "email" },
  },
  {
    name: "URL-encoded newline in address",
    fields: { email: "anna@example.nl%0ABcc:x@example.org" },
    expect: { error: "email" },
  },
  {
    name: "address list with comma",
    fields: { email: "anna@example.nl, victim@example.org" },
    expect: { error: "email" },
  },
  {
    name: "address with display name",
    fields: { email: "Anna <anna@example.nl>" },
    expect: { error: "email" },
  },
  {
    name: "SQL tautology in address",
    fields: { email: "' OR 1=1 --@example.nl" },
    expect: { error: "email" },
  },
  {
    name: "SQL drop table in address",
    fields: { email: "x'; DROP TABLE newsletter_subscribers;--@example.nl" },
    expect: { error: "email" },
  },
  {
    name: "apostrophe address stored safely",
    fields: { email: "o'brien@example.nl" },
    expect: { stored: { email: "o'brien@example.nl" } },
  },
  {
    name: "quote and paren in address",
    fields: { email: 'robert");--@example.nl' },
    expect: { error: "email" },
  },
  {
    name: "10,000-character address",
    fields: { email: x(10_000) },
    expect: { error: "email", message: messages.emailTooLong },
  },
  {
    name: "10,000-character local part",
    fields: { email: `${x(10_000)}@example.nl` },
    expect: { error: "email", message: messages.emailTooLong },
  },
  {
    name: "65-character local part",
    fields: { email: `${x(65)}@example.nl` },
    expect: { error: "email", message: messages.emailTooLong },
  },
  {
    name: "64-character local part",
    fields: { email: `${x(64, "b")}@example.nl` },
    expect: { stored: { email: `${x(64, "b")}@example.nl` } },
  },
  {
    name: "emoji local part",
    fields: { email: "😀@example.nl" },
    expect: { error: "email", message: messages.emailUnsupported },
  },
  {
    name: "emoji domain (punycode)",
    fields: { email: "emoji@😀.nl" },
    expect: { stored: { email: /^emoji@xn--[a-z0-9-]+\.nl$/ } },
  },
  {
    name: "internationalised domain",
    fields: { email: "jan@bücher.de" },
    expect: { stored: { email: "jan@xn--bcher-kva.de" } },
  },
  {
    name: "internationalised local part",
    fields: { email: "jürgen@example.de" },
    expect: { error: "email", message: messages.emailUnsupported },
  },
  {
    name: "right-to-left address",
    fields: { email: "مرحبا@example.nl" },
    expect: { error: "email", message: messages.emailUnsupported },
  },
  {
    name: "missing @",
    fields: { email: "anna.example.nl" },
    expect: { error: "email", message: messages.emailInvalid },
  },
  { name: "double @", fields: { email: "anna@@example.nl" }, expect: { error: "email" } },
  {
    name: "empty address",
    fields: { email: "" },
    expect: { error: "email", message: messages.emailRequired },
  },
  {
    name: "whitespace-only address",
    fields: { email: "   \t " },
    expect: { error: "email", message: messages.emailRequired },
  },
  {
    name: "missing address field",
    fields: { email: OMIT },
    expect: { error: "email", message: messages.emailRequired },
  },
  { name: "address as number", fields: { email: 42 }, expect: { error: "email" } },
  { name: "address as object", fields: { email: { $ne: null } }, expect: { error: "email" } },
  {
    name: "address duplicated",
    fields: { email: ["a@example.nl", "b@example.nl"] },
    expect: { error: "email", message: messages.emailMultiple },
  },
  {
    name: "address in one-element array",
    fields: { email: ["single@example.nl"] },
    expect: { stored: { email: "single@example.nl" } },
  },
  { name: "no top-level domain", fields: { email: "anna@localhost" }, expect: { error: "email" } },
  { name: "IP literal domain", fields: { email: "anna@[127.0.0.1]" }, expect: { error: "email" } },
  { name: "leading dot", fields: { email: ".anna@example.nl" }, expect: { error: "email" } },
  { name: "double dot", fields: { email: "an..na@example.nl" }, expect: { error: "email" } },
  {
    name: "hyphen at label end",
    fields: { email: "anna@example-.nl" },
    expect: { error: "email" },
  },
  {
    name: "64-character domain label",
    fields: { email: `anna@${x(64)}.nl` },
    expect: { error: "email" },
  },
  {
    name: "numeric top-level domain",
    fields: { email: "anna@example.123" },
    expect: { error: "email" },
  },
  {
    name: "plus-addressing kept",
    fields: { email: "anna+nieuwsbrief@example.nl" },
    expect: { stored: { email: "anna+nieuwsbrief@example.nl" } },
  },
  {
    name: "upper-case domain lower-cased",
    fields: { email: "  Anna.Jansen@EXAMPLE.NL  " },
    expect: { stored: { email: "Anna.Jansen@example.nl" } },
  },
  {
    name: "NUL byte in address",
    fields: { email: "anna\u0000@example.nl" },
    expect: { error: "email" },
  },
  {
    name: "tab inside address",
    fields: { email: "anna\t@example.nl" },
    expect: { error: "email" },
  },
  { name: "full-width @", fields: { email: "anna＠example.nl" }, expect: { error: "email" } },
  {
    name: "zero-width space in domain",
    fields: { email: "anna@exa\u200bmple.nl" },
    expect: { error: "email" },
  },
  // --- first name ----------------------------------------------------------------
  {
    name: "script tag as name (plain text)",
    fields: { firstName: "<script>alert(1)</script>" },
    expect: { stored: { firstName: "<script>alert(1)</script>" } },
  },
  {
    name: "CRLF + Bcc header in name",
    fields: { firstName: "Anna\r\nBcc: victim" },
    expect: { stored: { firstName: "Anna Bcc: victim" } },
  },
  {
    name: "LF + custom header in name",
    fields: { firstName: "Anna\nX-Injected: yes" },
    expect: { stored: { firstName: "Anna X-Injected: yes" } },
  },
  {
    name: "blank line + HTML body in name",
    fields: { firstName: "Anna\r\n\r\n<h1>Phish</h1>" },
    expect: { stored: { firstName: "Anna <h1>Phish</h1>" } },
  },
  {
    name: "10,000-character name",
    fields: { firstName: x(10_000) },
    expect: { error: "firstName", message: messages.firstNameTooLong },
  },
  {
    name: "61-character name",
    fields: { firstName: x(61) },
    expect: { error: "firstName", message: messages.firstNameTooLong },
  },
  {
    name: "60-character name",
    fields: { firstName: x(60, "n") },
    expect: { stored: { firstName: x(60, "n") } },
  },
  {
    name: "emoji in name",
    fields: { firstName: "Anna 🎉" },
    expect: { stored: { firstName: "Anna 🎉" } },
  },
  {
    name: "emoji ZWJ sequence",
    fields: { firstName: "👩‍💻 Fleur" },
    expect: { stored: { firstName: "👩‍💻 Fleur" } },
  },
  {
    name: "Arabic (RTL) name",
    fields: { firstName: "مريم" },
    expect: { stored: { firstName: "مريم" } },
  },
  {
    name: "Hebrew (RTL) name",
    fields: { firstName: "שרה" },
    expect: { stored: { firstName: "שרה" } },
  },
  {
    name: "RTL override spoofing",
    fields: { firstName: "Anna\u202Egnp.exe" },
    expect: { error: "firstName", message: messages.firstNameInvalid },
  },
  {
    name: "NUL byte in name",
    fields: { firstName: "An\u0000na" },
    expect: { error: "firstName", message: messages.firstNameInvalid },
  },
  {
    name: "SQL drop table in name",
    fields: { firstName: "Robert'); DROP TABLE newsletter_subscribers;--" },
    expect: { stored: { firstName: "Robert'); DROP TABLE newsletter_subscribers;--" } },
  },
  {
    name: "link in name",
    fields: { firstName: "Win op https://spam.example" },
    expect: { error: "firstName", message: messages.firstNameNoLinks },
  },
  {
    name: "bare domain in name",
    fields: { firstName: "www.casino.example" },
    expect: { error: "firstName", message: messages.firstNameNoLinks },
  },
  { name: "name as number", fields: { firstName: 12 }, expect: { stored: { firstName: "12" } } },
  {
    name: "name as object",
    fields: { firstName: { toString: "x" } },
    expect: { error: "firstName", message: messages.firstNameInvalid },
  },
  {
    name: "name duplicated",
    fields: { firstName: ["Anna", "Bert"] },
    expect: { error: "firstName", message: messages.firstNameMultiple },
  },
  { name: "empty name", fields: { firstName: "" }, expect: { stored: { firstName: null } } },
  {
    name: "whitespace-only name",
    fields: { firstName: " \r\n " },
    expect: { stored: { firstName: null } },
  },
  {
    name: "missing name field",
    fields: { firstName: OMIT },
    expect: { stored: { firstName: null } },
  },
  // --- consent -----------------------------------------------------------------------
  {
    name: "consent missing",
    fields: { consent: OMIT },
    expect: { error: "consent", message: messages.consentRequired },
  },
  { name: "consent 'no'", fields: { consent: "no" }, expect: { error: "consent" } },
  { name: "consent empty", fields: { consent: "" }, expect: { error: "consent" } },
  { name: "consent as object", fields: { consent: { yes: true } }, expect: { error: "consent" } },
  { name: "consent 'YES'", fields: { consent: "YES" }, expect: { stored: {} } },
  { name: "consent checkbox default 'on'", fields: { consent: "on" }, expect: { stored: {} } },
  { name: "consent as boolean true", fields: { consent: true }, expect: { stored: {} } },
  // --- bot traps -----------------------------------------------------------------------
  { name: "honeypot filled", fields: { website: "https://spam.example" }, expect: { bot: true } },
  { name: "honeypot whitespace", fields: { website: " " }, expect: { bot: true } },
  { name: "form token missing", fields: { formToken: OMIT }, expect: { retry: true } },
  { name: "form token as number", fields: { formToken: 1234 }, expect: { retry: true } },
  { name: "form token tampered", fields: { formToken: "TAMPER" }, expect: { retry: true } },
  { name: "form token with CRLF", fields: { formToken: "1\r\nBcc: x" }, expect: { retry: true } },
  // --- whole input -----------------------------------------------------------------
  { name: "input null", raw: () => null, expect: { error: "email" } },
  {
    name: "input a string",
    raw: () => "email=anna@example.nl&consent=yes",
    expect: { error: "email" },
  },
  { name: "input an array", raw: () => [["email", "anna@example.nl"]], expect: { error: "email" } },
  {
    name: "URLSearchParams input",
    raw: (t) =>
      new URLSearchParams({ email: "usp@example.nl", consent: "yes", formToken: t, website: "" }),
    expect: { stored: { email: "usp@example.nl", firstName: null } },
  },
  {
    name: "__proto__ key in JSON input",
    raw: (t) =>
      JSON.parse(
        `{"__proto__": {"isAdmin": true}, "email": "proto@example.nl", "consent": "yes", "formToken": "${t}"}`,
      ),
    expect: { stored: { email: "proto@example.nl" } },
  },
  {
    name: "10,000-character source and UTM",
    fields: { source: x(10_000), utm_source: x(10_000), utm_campaign: "<script>\r\nx" },
    expect: { stored: {} },
  },
  { name: "UTM duplicated", fields: { utm_source: ["a", "b"] }, expect: { stored: {} } },
];

const ALLOWED_HEADERS = new Set([
  "from",
  "reply-to",
  "to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "list-unsubscribe",
  "list-unsubscribe-post",
]);

/** Header names of an .eml file (unfolded). */
function headerNames(eml: string): string[] {
  const head = eml.split(/\r?\n\r?\n/)[0] ?? "";
  return head
    .split(/\r?\n(?![ \t])/)
    .map((line) => line.slice(0, line.indexOf(":")).trim().toLowerCase());
}

class OutboxPerCase implements MailTransport {
  readonly name = "outbox-per-case";
  dir = "";
  last: OutgoingMail | null = null;
  async send(mail: OutgoingMail): Promise<void> {
    this.last = mail;
    await createOutboxTransport(this.dir, quietLogger).send(mail);
  }
}

it("the corpus has at least 50 cases", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(50);
});

describe.each(DRIVERS)(`bad-input corpus, ${CORPUS.length} cases (%s)`, (driver) => {
  let env: TestEnv;
  let newsletter: Newsletter;
  const transport = new OutboxPerCase();
  const root = path.join(tmpdir(), `vaart-outbox-${driver}-${process.pid}-${Date.now()}`);

  beforeAll(async () => {
    env = await setup(driver, {
      transport,
      rateLimits: {
        perIp: { max: 100_000, windowMs: HOUR },
        perNetwork: { max: 100_000, windowMs: HOUR },
        perMailbox: { max: 100_000, windowMs: HOUR },
      },
    });
    newsletter = env.newsletter;
  });

  it.each(CORPUS.map((c, i) => ({ ...c, i })))("$name", async (c) => {
    transport.dir = path.join(root, String(c.i));
    mkdirSync(transport.dir, { recursive: true });
    transport.last = null;
    env.clock.advance(-5_000);
    const token = newsletter.issueFormToken();
    env.clock.advance(5_000);
    let input: unknown;
    if (c.raw) {
      input = c.raw(token);
    } else {
      const fields: Fields = {
        email: `case${c.i}@example.nl`,
        firstName: "Anna",
        consent: "yes",
        website: "",
        formToken: token,
      };
      for (const [k, v] of Object.entries(c.fields ?? {})) {
        if (v === OMIT) delete fields[k];
        else fields[k] = k === "formToken" && v === "TAMPER" ? `${token.slice(0, -3)}AAA` : v;
      }
      input = fields;
    }
    const before = await newsletter.counts();

    let result: SubscribeResult | undefined;
    await expect(
      (async () => {
        result = await newsletter.subscribe(input as FormInput, ctx);
      })(),
    ).resolves.toBeUndefined();
    const after = await newsletter.counts();
    const files = readdirSync(transport.dir);

    if ("error" in c.expect) {
      expect(result?.status).toBe("invalid");
      const errors = result?.status === "invalid" ? result.fieldErrors : {};
      expect(errors[c.expect.error]).toEqual(expect.stringMatching(/\S/));
      if (c.expect.message) expect(errors[c.expect.error]).toBe(c.expect.message);
      expect(after).toEqual(before);
      expect(files).toHaveLength(0);
    } else if ("retry" in c.expect) {
      expect(result).toMatchObject({
        status: "retry",
        message: messages.retry,
        formToken: newsletter.issueFormToken(),
      });
      expect(after).toEqual(before);
      expect(files).toHaveLength(0);
    } else if ("bot" in c.expect) {
      expect(result).toEqual({ status: "ok", message: messages.checkMailbox });
      expect(after).toEqual(before);
      expect(files).toHaveLength(0);
    } else {
      expect(result).toEqual({ status: "ok", message: messages.checkMailbox });
      expect(after.subscribers).toBe((before.subscribers ?? 0) + 1);
      expect(files).toHaveLength(1);
      const mail = transport.last as OutgoingMail | null;
      const { email, firstName } = c.expect.stored;
      if (typeof email === "string") expect(mail?.to).toBe(email);
      if (email instanceof RegExp) expect(mail?.to).toMatch(email);
      // No visitor text in the confirmation mail (finding 1): the name is stored, not mailed.
      expect(mail?.text.startsWith("Hoi,\n")).toBe(true);
      // (Links are left out: a random token may contain a short name such as "12".)
      const textWithoutLinks = mail?.text.replace(/https?:\/\/\S+/g, "") ?? "";
      if (firstName) expect(textWithoutLinks).not.toContain(firstName);
      // The .eml on disk: only our own headers, exactly one recipient, name escaped in HTML.
      const eml = readFileSync(path.join(transport.dir, files[0] ?? ""), "utf8");
      const names = headerNames(eml);
      expect(names.filter((n) => !ALLOWED_HEADERS.has(n))).toEqual([]);
      expect(names.filter((n) => n === "to")).toHaveLength(1);
      expect(eml).not.toMatch(/^(bcc|cc|x-injected):/im);
      expect(mail?.html).not.toContain("<script>");
      expect(mail?.html).not.toContain("<h1>");
    }
  });
});
