import { randomBytes, randomUUID } from "node:crypto";
import { domainToASCII } from "node:url";
import nodemailer from "nodemailer";
import { type ComposedMail, toNodemailer } from "./compose-worker.server.js";
import type { OutgoingMail } from "./transport.server.js";

/**
 * Composed mails as templates: a mail that many recipients get with only a few values
 * changed (the confirmation mail: its address, link and unsubscribe link) is composed by
 * nodemailer once per shape, and each later one is that message with the values put back
 * in. nodemailer costs about 0.4 ms of CPU per message whatever its size; filling a template
 * costs a few microseconds (decision 22).
 *
 * Why the filled message is the one nodemailer would have made:
 * - A per-recipient value must be made of `[A-Za-z0-9_-]` only (tokens are base64url) and
 *   is replaced by a placeholder of the same length. In a quoted-printable body nodemailer
 *   writes those characters as they are, and where it breaks lines (soft breaks) depends
 *   only on other characters (spaces, punctuation, `=`, line ends) and on lengths. A soft
 *   break may fall inside a value; the template keeps it and splits the value around it.
 * - Two choices do depend on which of those characters a value has: quoted-printable or
 *   base64 (and Q or B for an encoded header) goes by how many letters a text has, and an
 *   encoded header writes `_` as `=5F`. So the template is checked against the extremes:
 *   it is made with placeholders of letters only, and checked with placeholders that have
 *   no letter at all (digits, `_`, `-`). If both come out the same, so does any value.
 * - The address goes only into the To header, as a dot-atom with a lower-case ASCII domain
 *   that nodemailer writes out unchanged, short enough for the line not to be folded.
 * - Date and Message-ID are headers of fixed shape (the UTC date; `<uuid@domain>`, with the
 *   domain nodemailer takes from the sender, read from its own output).
 * - The check: the same mail with the other placeholders (and an address of another length,
 *   another date and Message-ID) is composed by nodemailer too and must equal the filled
 *   template byte for byte, envelope included. A shape that fails this is never templated:
 *   its mails are composed whole, as before. Mails with DKIM are never templated (the
 *   signature covers the body and the headers of each message).
 */

/** The characters a per-recipient value may have: alike to every encoder nodemailer uses. */
const PLAIN_VALUE = /^[A-Za-z0-9_-]{16,}$/;
/**
 * A dot-atom local part and a lower-case ASCII domain: written out exactly as given. At most
 * 71 characters: from 76 on, "To: address" is folded after the colon.
 */
const MAX_PLAIN_ADDRESS = 71;
/** A dot-atom local part and a lower-case ASCII domain: written out exactly as given. */
const PLAIN_ADDRESS = /^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/;
/** The two extremes of base64url: letters only (the template), no letters (its check). */
const PLACEHOLDER_CHARS = [
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  "0123456789_-",
] as const;

/**
 * A placeholder: `length` characters, fixed for (`slot`, `variant`), never found by chance;
 * variant 0 is letters only, variant 1 has none.
 */
function placeholder(slot: number, variant: 0 | 1, length: number): string {
  const chars = PLACEHOLDER_CHARS[variant];
  // A small linear congruential sequence: the same string on every call, unlike any text.
  let state = (slot + 1) * 7_919 + (variant + 1) * 104_729;
  // The check's placeholder has both "_" and "-" for sure (each encoded otherwise somewhere).
  let out = variant === 1 ? "_-" : "";
  for (let i = out.length; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    out += chars[(state >>> 8) % chars.length];
  }
  return out;
}

/** The Date header's value as nodemailer writes it. */
export const mailDate = (date: Date) => date.toUTCString().replace(/GMT/, "+0000");

/** A piece of the message: text as is, or characters [start, end) of value `hole` (no end: all). */
type Segment = string | { hole: number; start: number; end?: number };

interface Template {
  segments: Segment[];
  envelopeFrom: string | false;
}

interface Shaped {
  key: string;
  /** The mail's values with per-recipient values as placeholders (variant 0). */
  fields: { subject: string; text: string; html: string; headers: Record<string, string> };
  /** How often each per-recipient value occurs in the mail. */
  counts: number[];
  lengths: number[];
}

function countOf(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    count++;
  }
  return count;
}

function shape(mail: OutgoingMail, values: readonly string[]): Shaped | null {
  let { subject, text, html } = mail;
  let headers = Object.entries(mail.headers);
  const counts: number[] = [];
  for (const [slot, value] of values.entries()) {
    if (!PLAIN_VALUE.test(value)) return null;
    const stand = placeholder(slot, 0, value.length);
    let count = 0;
    const swap = (field: string) => {
      count += countOf(field, value);
      return field.replaceAll(value, stand);
    };
    subject = swap(subject);
    text = swap(text);
    html = swap(html);
    headers = headers.map(([name, field]) => [name, swap(field)]);
    if (count === 0) return null;
    counts.push(count);
  }
  const fields = { subject, text, html, headers: Object.fromEntries(headers) };
  const key = JSON.stringify([mail.from, mail.replyTo, fields]);
  return { key, fields, counts, lengths: values.map((value) => value.length) };
}

/** Where a value stands in a composed message, allowing soft line breaks between characters. */
function findSpread(message: string, value: string): RegExpExecArray[] {
  const escaped = [...value].map((c) => c.replace(/[-\\^$*+?.()|[\]{}]/g, "\\$&"));
  const pattern = new RegExp(escaped.join("(?:=\\r?\\n)?"), "g");
  return [...message.matchAll(pattern)];
}

export interface MimeTemplates {
  /**
   * The mail composed from a template, or null when it cannot be (no per-recipient values,
   * DKIM, an address or value outside the plain forms, a shape whose check failed): then
   * compose it whole.
   */
  compose(mail: OutgoingMail): Promise<ComposedMail | null>;
}

export function createMimeTemplates(options: { newline?: "unix"; dkim?: unknown }): MimeTemplates {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    ...(options.newline ? { newline: options.newline } : {}),
  });
  const templates = new Map<string, Promise<Template | null>>();
  /** Shapes seen at most this many: a mail whose fixed text changes every time is not cached. */
  const MAX_TEMPLATES = 64;

  /** One sample of the shape, composed by nodemailer: variant 0 is the template, 1 its check. */
  async function composeSample(
    mail: OutgoingMail,
    shaped: Shaped,
    variant: 0 | 1,
    to: string,
    date: Date,
    baseBoundary: string,
  ) {
    const fill = (field: string) =>
      shaped.lengths.reduce(
        (out, length, slot) =>
          out.replaceAll(placeholder(slot, 0, length), placeholder(slot, variant, length)),
        field,
      );
    const sample = toNodemailer({
      ...mail,
      to,
      subject: fill(shaped.fields.subject),
      text: fill(shaped.fields.text),
      html: fill(shaped.fields.html),
      headers: Object.fromEntries(
        Object.entries(shaped.fields.headers).map(([name, field]) => [name, fill(field)]),
      ),
      date,
    });
    const info = await composer.sendMail({ ...sample, baseBoundary } as Parameters<
      typeof composer.sendMail
    >[0]);
    const message = (info.message as Buffer).toString("latin1");
    // nodemailer's own Message-ID (its domain is the sender's, as nodemailer spells it).
    const uuid = /^Message-ID:\s*<([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})@/m.exec(
      message,
    )?.[1];
    return { message, uuid, envelope: info.envelope as ComposedMail["envelope"] };
  }

  async function build(mail: OutgoingMail, shaped: Shaped): Promise<Template | null> {
    const baseBoundary = randomBytes(8).toString("hex");
    // Two mails of this shape with every value different, the address of another length.
    const samples = [
      { to: "a.template@example.org", date: new Date(Date.UTC(2001, 1, 3, 4, 5, 6)) },
      {
        to: "another-recipient+x@mail.example.com",
        date: new Date(Date.UTC(2030, 10, 27, 21, 58, 49)),
      },
    ] as const;
    const [first, second] = await Promise.all([
      composeSample(mail, shaped, 0, samples[0].to, samples[0].date, baseBoundary),
      composeSample(mail, shaped, 1, samples[1].to, samples[1].date, baseBoundary),
    ]);
    if (!first.uuid || !second.uuid) return null;
    const message = first.message;
    const headerEnd = message.search(/\r?\n\r?\n/);
    // Each hole: its value in the first sample, how many times it must be found, and where.
    const holes = [
      { value: samples[0].to, count: 1, inHeaders: true },
      { value: mailDate(samples[0].date), count: 1, inHeaders: true },
      { value: first.uuid, count: 1, inHeaders: true },
      ...shaped.lengths.map((length, slot) => ({
        value: placeholder(slot, 0, length),
        count: shaped.counts[slot] ?? 0,
        inHeaders: false,
      })),
    ];
    // Where each hole's value stands: runs of its characters, split by soft line breaks.
    const runs: { at: number; length: number; segment: Exclude<Segment, string> }[] = [];
    for (const [hole, { value, count, inHeaders }] of holes.entries()) {
      const found = findSpread(message, value);
      if (found.length !== count) return null;
      for (const match of found) {
        if (inHeaders) {
          // A header's value, whole and unbroken: filled with a value of any length.
          if (match.index > headerEnd || match[0] !== value) return null;
          runs.push({ at: match.index, length: value.length, segment: { hole, start: 0 } });
          continue;
        }
        // The value's characters in order; what lies between them is soft line breaks.
        let at = match.index;
        for (let index = 0; index < value.length; index++) {
          while (message[at] !== value[index]) at++;
          const run = runs[runs.length - 1];
          if (
            run?.segment.hole === hole &&
            run.at + run.length === at &&
            run.segment.end === index
          ) {
            run.length++;
            run.segment.end++;
          } else {
            runs.push({ at, length: 1, segment: { hole, start: index, end: index + 1 } });
          }
          at++;
        }
      }
    }
    runs.sort((a, b) => a.at - b.at);
    const segments: Segment[] = [];
    let position = 0;
    for (const run of runs) {
      if (run.at < position) return null; // two holes overlap
      if (run.at > position) segments.push(message.slice(position, run.at));
      segments.push(run.segment);
      position = run.at + run.length;
    }
    if (position < message.length) segments.push(message.slice(position));
    const template: Template = { segments, envelopeFrom: first.envelope.from };
    // The check: the template filled with the second sample's values is what nodemailer made.
    const secondValues = [
      samples[1].to,
      mailDate(samples[1].date),
      second.uuid,
      ...shaped.lengths.map((length, slot) => placeholder(slot, 1, length)),
    ];
    const filled = fill(template, secondValues);
    const envelopeOk =
      second.envelope.from === template.envelopeFrom &&
      second.envelope.to.length === 1 &&
      second.envelope.to[0] === samples[1].to;
    return filled === second.message && envelopeOk ? template : null;
  }

  function fill(template: Template, values: readonly string[]): string {
    let out = "";
    for (const segment of template.segments) {
      out +=
        typeof segment === "string"
          ? segment
          : (values[segment.hole] as string).slice(segment.start, segment.end);
    }
    return out;
  }

  return {
    async compose(mail) {
      const values = mail.perRecipient;
      if (options.dkim || !values?.length || mail.messageId || mail.date) return null;
      const address = mail.to.length <= MAX_PLAIN_ADDRESS ? PLAIN_ADDRESS.exec(mail.to) : null;
      const domain = address?.[1];
      if (!domain || domainToASCII(domain) !== domain) return null;
      const shaped = shape(mail, values);
      if (!shaped) return null;
      let template = templates.get(shaped.key);
      if (!template) {
        if (templates.size >= MAX_TEMPLATES) return null;
        template = build(mail, shaped).catch(() => null);
        templates.set(shaped.key, template);
      }
      const ready = await template;
      if (!ready) return null;
      const message = fill(ready, [mail.to, mailDate(new Date()), randomUUID(), ...values]);
      return {
        message: Buffer.from(message, "latin1"),
        envelope: { from: ready.envelopeFrom, to: [mail.to] },
      };
    },
  };
}
