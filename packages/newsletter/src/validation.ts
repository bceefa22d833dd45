import { createRequire } from "node:module";
import { domainToASCII } from "node:url";
import {
  signupFieldNames,
  signupLimits,
  type UtmFieldName,
  utmFieldNames,
} from "@vaart/ui/signup-contract";
import { LinkifyIt } from "linkify-it";
import { z } from "zod";
import { messages } from "./messages.js";

// Field names, limits, UTM list and messages are the signup contract in `@vaart/ui`, which
// the form imports too (docs/decisions/0010-signup-contract.md).

export type FormInput = FormData | URLSearchParams | Record<string, unknown> | null | undefined;

/** The contract's limits, and what the server stores about a request besides the form. */
export const LIMITS = {
  ...signupLimits,
  userAgent: 512,
  ip: 64,
} as const;

/**
 * Longest raw value worth looking at, in UTF-16 code units: a field longer than this is
 * refused (or clipped) before any per-character work, so a 50 MB field costs nothing.
 * Four code units per allowed character covers any mix of surrogate pairs and spaces.
 */
const RAW_MAX = 4 * LIMITS.email;

/** A field as posted: absent, one value, or several (a duplicated field). */
type RawValue = undefined | { many: true; values: unknown[] } | { many: false; value: unknown };

function readRaw(input: FormInput, name: string): RawValue {
  if (input == null || typeof input !== "object") return undefined;
  if (typeof (input as URLSearchParams).getAll === "function") {
    const values = (input as URLSearchParams | FormData).getAll(name);
    if (values.length === 0) return undefined;
    if (values.length === 1) return { many: false, value: values[0] };
    return { many: true, values };
  }
  if (!Object.hasOwn(input, name)) return undefined;
  const value = (input as Record<string, unknown>)[name];
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.length === 1) return { many: false, value: value[0] };
    return { many: true, values: value };
  }
  return { many: false, value };
}

/** Read a field that must be a single string; anything else becomes a typed marker. */
function single(raw: RawValue): string | undefined | typeof MULTIPLE | typeof WRONG_TYPE {
  if (raw === undefined) return undefined;
  if (raw.many) return MULTIPLE;
  const v = raw.value;
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return WRONG_TYPE;
}
const MULTIPLE = Symbol("multiple");
const WRONG_TYPE = Symbol("wrong-type");

// Control characters, and format characters other than the zero-width (non-)joiner that
// emoji sequences and some scripts need. Bidi overrides are format characters: refused.
const FORBIDDEN_IN_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const ALLOWED_FORMAT = /[\u200c\u200d]/gu;
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type EmailCheck = { ok: true; email: string; key: string } | { ok: false; message: string };

const GMAIL = new Set(["gmail.com", "googlemail.com"]);

/**
 * The mailbox an address reaches, as a key: lower-case, `+tag` removed, and for Gmail
 * (gmail.com / googlemail.com) dots removed and googlemail → gmail. `v.ictim+1@Gmail.com`
 * and `victim@googlemail.com` are one inbox, so one subscriber and one mail budget. The
 * domain must already be in punycode (checkEmail does that).
 */
export function mailboxKey(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf("@");
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL.has(domain)) {
    domain = "gmail.com";
    local = local.replaceAll(".", "") || local;
  }
  return `${local}@${domain}`;
}

/**
 * Normalise an address: trim, lower-case (and punycode) the domain, keep the local part
 * as typed, including plus-addressing. The key used for uniqueness is fully lower-cased.
 * Local parts outside ASCII (SMTPUTF8) are refused with a clear message.
 */
export function checkEmail(input: string): EmailCheck {
  // Length first: trimming or scanning a huge value would cost time and memory.
  if (input.length > RAW_MAX) return { ok: false, message: messages.emailTooLong };
  const value = input.trim();
  if (value === "") return { ok: false, message: messages.emailRequired };
  if (value.length > LIMITS.email) return { ok: false, message: messages.emailTooLong };
  const at = value.lastIndexOf("@");
  if (at <= 0 || at === value.length - 1) return { ok: false, message: messages.emailInvalid };
  const local = value.slice(0, at);
  const domainInput = value.slice(at + 1);
  if (local.length > LIMITS.emailLocal) return { ok: false, message: messages.emailTooLong };
  if (!LOCAL_PART.test(local)) {
    // Printable non-ASCII in an otherwise plausible address: an internationalised local part.
    const plausible = !/[\s@<>()[\]\\,;:"\p{Cc}\p{Cf}]/u.test(local);
    return {
      ok: false,
      message:
        plausible && /[^\x20-\x7e]/.test(local) ? messages.emailUnsupported : messages.emailInvalid,
    };
  }
  if (/[\s\p{Cc}\p{Cf}]/u.test(domainInput)) return { ok: false, message: messages.emailInvalid };
  const domain = domainToASCII(domainInput.toLowerCase());
  if (!domain) return { ok: false, message: messages.emailInvalid };
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) {
    return { ok: false, message: messages.emailInvalid };
  }
  if (!TLD.test(labels[labels.length - 1] ?? "")) {
    return { ok: false, message: messages.emailInvalid };
  }
  const email = `${local}@${domain}`;
  if (email.length > LIMITS.email) return { ok: false, message: messages.emailTooLong };
  return { ok: true, email, key: mailboxKey(email) };
}

/** At most 4 × max code units, not splitting a surrogate pair at the end. */
function clipRaw(value: string, max: number): string {
  if (value.length <= 4 * max) return value;
  const clipped = value.slice(0, 4 * max);
  return /[\ud800-\udbff]$/.test(clipped) ? clipped.slice(0, -1) : clipped;
}

/** Collapse whitespace (including CR/LF and tabs) to single spaces and trim. */
function collapse(value: string): string {
  return value.replace(/[\s\u2028\u2029]+/gu, " ").trim();
}

/** Free text from the form that is stored but never shown as an error: strip, clip. */
export function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  // Clip before any per-character work (a 50 MB field must cost nothing).
  const cleaned = collapse(clipRaw(value, max).replace(CONTROL, " "));
  if (cleaned === "") return null;
  return Array.from(cleaned).slice(0, max).join("");
}

const emailSchema = z.custom<string | undefined | symbol>().transform((raw, ctx) => {
  if (raw === MULTIPLE) {
    ctx.addIssue({ code: "custom", message: messages.emailMultiple });
    return z.NEVER;
  }
  if (raw === undefined || raw === WRONG_TYPE) {
    ctx.addIssue({ code: "custom", message: messages.emailRequired });
    return z.NEVER;
  }
  const checked = checkEmail(raw as string);
  if (!checked.ok) {
    ctx.addIssue({ code: "custom", message: checked.message });
    return z.NEVER;
  }
  return { email: checked.email, key: checked.key };
});

const firstNameSchema = z.custom<string | undefined | symbol>().transform((raw, ctx) => {
  if (raw === MULTIPLE) {
    ctx.addIssue({ code: "custom", message: messages.firstNameMultiple });
    return z.NEVER;
  }
  if (raw === undefined) return null;
  if (raw === WRONG_TYPE) {
    ctx.addIssue({ code: "custom", message: messages.firstNameInvalid });
    return z.NEVER;
  }
  if ((raw as string).length > 4 * LIMITS.firstName) {
    ctx.addIssue({ code: "custom", message: messages.firstNameTooLong });
    return z.NEVER;
  }
  const value = collapse(raw as string);
  if (value === "") return null;
  if (Array.from(value).length > LIMITS.firstName) {
    ctx.addIssue({ code: "custom", message: messages.firstNameTooLong });
    return z.NEVER;
  }
  if (FORBIDDEN_IN_NAME.test(value.replace(ALLOWED_FORMAT, ""))) {
    ctx.addIssue({ code: "custom", message: messages.firstNameInvalid });
    return z.NEVER;
  }
  // Spammers abuse signup forms to put links into confirmation mails ("Hi <link>").
  if (looksLikeLink(value)) {
    ctx.addIssue({ code: "custom", message: messages.firstNameNoLinks });
    return z.NEVER;
  }
  return value;
});

// Every top-level domain (the `tlds` package follows IANA's list), not a hand-picked few.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true }).tlds(
  createRequire(import.meta.url)("tlds") as string[],
  false,
);

/**
 * Does a name contain a link or an address? Checked after NFKC (full-width letters and
 * dots become ASCII) and with the ideographic full stops that IDNA reads as dots
 * (`evil。com` opens evil.com in a mail client) turned into dots.
 */
export function looksLikeLink(value: string): boolean {
  const plain = value.normalize("NFKC").replace(/[\u3002\uff0e\uff61]/gu, ".");
  return /:\/\/|www\.|@/i.test(plain) || linkify.test(plain);
}

const consentSchema = z.custom<string | undefined | symbol>().transform((raw, ctx) => {
  const ok =
    typeof raw === "string" &&
    raw.length <= 20 &&
    ["yes", "on", "true", "ja"].includes(raw.trim().toLowerCase());
  if (!ok) {
    ctx.addIssue({ code: "custom", message: messages.consentRequired });
    return z.NEVER;
  }
  return true as const;
});

const signupSchema = z.object({
  email: emailSchema,
  firstName: firstNameSchema,
  consent: consentSchema,
});

export interface FieldErrors {
  email?: string;
  firstName?: string;
  consent?: string;
}

/** What the visitor typed, for re-filling the form after an error (clipped, plain text). */
export interface FormValues {
  email: string;
  firstName: string;
  consent: boolean;
}

export interface ParsedSignup {
  email: string;
  emailKey: string;
  firstName: string | null;
  source: string | null;
  utm: Record<UtmFieldName, string | null>;
}

export type ParseResult =
  | { kind: "bot"; reason: "honeypot" }
  | { kind: "invalid"; fieldErrors: FieldErrors; values: FormValues }
  /** `formToken` is null when missing, a wrong type or too long to be one. */
  | { kind: "ok"; data: ParsedSignup; formToken: string | null; values: FormValues };

/** What was typed, for re-filling the form: plain text, at most 300 characters. */
function echo(raw: RawValue): string {
  const v = single(raw);
  return typeof v === "string" ? Array.from(clipRaw(v, 300)).slice(0, 300).join("") : "";
}

/** Read and validate a posted signup form. Never throws, whatever the input. */
export function parseSignup(input: FormInput): ParseResult {
  const honeypot = readRaw(input, signupFieldNames.honeypot);
  if (honeypot !== undefined) {
    const values = honeypot.many ? honeypot.values : [honeypot.value];
    if (values.some((v) => v !== "" && v !== undefined && v !== null)) {
      return { kind: "bot", reason: "honeypot" };
    }
  }
  const tokenRaw = single(readRaw(input, signupFieldNames.formToken));
  const formToken =
    typeof tokenRaw === "string" && tokenRaw !== "" && tokenRaw.length <= LIMITS.formToken
      ? tokenRaw
      : null;

  const emailRaw = readRaw(input, signupFieldNames.email);
  const nameRaw = readRaw(input, signupFieldNames.firstName);
  const consentRaw = readRaw(input, signupFieldNames.consent);
  const consentValue = single(consentRaw);
  const values: FormValues = {
    email: echo(emailRaw),
    firstName: echo(nameRaw),
    consent: typeof consentValue === "string" && consentValue !== "",
  };
  const parsed = signupSchema.safeParse({
    email: single(emailRaw),
    firstName: single(nameRaw),
    consent: consentValue,
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as "email" | "firstName" | "consent";
      fieldErrors[key] ??= issue.message;
    }
    return { kind: "invalid", fieldErrors, values };
  }
  const utm = Object.fromEntries(
    utmFieldNames.map((f) => [f, cleanText(single(readRaw(input, f)), LIMITS.utm)]),
  ) as Record<UtmFieldName, string | null>;
  return {
    kind: "ok",
    formToken,
    values,
    data: {
      email: parsed.data.email.email,
      emailKey: parsed.data.email.key,
      firstName: parsed.data.firstName,
      source: cleanText(single(readRaw(input, signupFieldNames.source)), LIMITS.source),
      utm,
    },
  };
}
