import { createPrivateKey, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { NewsletterConfigError } from "./errors.js";
import { distinctCharactersNeeded, repeatsFewCharacters } from "./secret-strength.js";
import { checkSiteUrl, LOCAL_SITE_URL } from "./site-url.js";

/** Shortest NEWSLETTER_SECRET (each, in a rotation list). */
const SECRET_LENGTH = 32;

/** Walk up from `start` to the folder holding pnpm-workspace.yaml (the repo root). */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

type Env = Record<string, string | undefined>;

/**
 * Local defaults (outbox mail, confirmation links in the log, a secret generated into
 * `<DATA_DIR>/newsletter-secret`) are used only where chosen explicitly: NODE_ENV
 * `development` or `test`, or VAART_LOCAL_DEFAULTS=1 (set by the root `pnpm start`, which
 * runs production builds on embedded defaults). Everything else — NODE_ENV unset,
 * `staging`, `production`, … — needs real settings.
 */
export function localDefaultsChosen(env: Env = process.env): boolean {
  const nodeEnv = env.NODE_ENV?.trim();
  return (
    nodeEnv === "development" || nodeEnv === "test" || env.VAART_LOCAL_DEFAULTS?.trim() === "1"
  );
}

export interface EnvConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  outboxDir: string;
  smtpUrl: string | undefined;
  siteUrl: string;
  siteName: string;
  mailFrom: string;
  replyTo: string;
  /** The mailto: of List-Unsubscribe: NEWSLETTER_REPLY_TO when set (someone reads it). */
  unsubscribeMailto: string | null;
  /** Sign with the first, verify with all (NEWSLETTER_SECRET is a comma-separated list). */
  secret: string[];
  /** True when local defaults are in use (see localDefaultsChosen). */
  localDefaults: boolean;
  /** True when the secret was generated into `<DATA_DIR>/newsletter-secret` (local only). */
  usingGeneratedSecret: boolean;
  /** The outbox logs addresses and confirmation links only with local defaults. */
  logConfirmationLinks: boolean;
  maxConfirmationMailsPerHour: number | undefined;
  /** Signups per hour from one network (IPv4 /24, IPv6 /48); undefined: the default (60). */
  networkLimitPerHour: number | undefined;
  /** Updates sent per second across every instance (NEWSLETTER_SEND_RATE); undefined: 10. */
  sendRate: number | undefined;
  /** DKIM signing, when DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY are all set. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | undefined;
}

/** A PEM key in one environment line may carry its line breaks as `\n`. */
function pemFrom(value: string): string {
  return value.includes("\\n") ? value.replace(/\\n/g, "\n") : value;
}

function isPrivateKey(value: string): boolean {
  try {
    createPrivateKey(pemFrom(value));
    return true;
  } catch {
    return false;
  }
}

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));

const envSchema = z.object({
  NODE_ENV: optional,
  DATABASE_URL: optional.refine(
    (v) => v === undefined || /^(postgres(ql)?:\/\/|sqlite:|file:)/i.test(v),
    { message: "must start with postgres://, postgresql://, sqlite: or file:" },
  ),
  DATA_DIR: optional,
  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/[^/\s]+/i.test(v), {
    message: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.nl:465",
  }),
  NEWSLETTER_MAIL_TRANSPORT: optional.refine(
    (v) => v === undefined || v === "smtp" || v === "outbox",
    { message: 'must be "smtp" or "outbox"' },
  ),
  // Checked by checkSiteUrl (site-url.ts), the rule the servers use too.
  SITE_URL: optional,
  NEWSLETTER_SITE_NAME: optional,
  NEWSLETTER_MAIL_FROM: optional.refine((v) => v === undefined || /@/.test(v), {
    message: 'must be a mail address, e.g. "Vaart in samenwerken <updates@example.nl>"',
  }),
  NEWSLETTER_REPLY_TO: optional.refine((v) => v === undefined || /@/.test(v), {
    message: "must be a mail address",
  }),
  NEWSLETTER_SECRET: optional
    .refine((v) => v === undefined || splitSecrets(v).every((s) => s.length >= SECRET_LENGTH), {
      message:
        "must be one or more comma-separated secrets of at least 32 characters each (e.g. `openssl rand -base64 48`)",
    })
    .refine(
      (v) =>
        v === undefined ||
        // A short secret is told once, by the rule above.
        !splitSecrets(v).some(
          (s) => s.length >= SECRET_LENGTH && repeatsFewCharacters(s, SECRET_LENGTH),
        ),
      {
        message: `repeats a few characters: use at least ${distinctCharactersNeeded(SECRET_LENGTH)} different ones in each secret (e.g. \`openssl rand -base64 48\`)`,
      },
    ),
  NEWSLETTER_MAX_MAILS_PER_HOUR: optional.refine(
    (v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0),
    { message: "must be a positive whole number" },
  ),
  NEWSLETTER_SEND_RATE: optional.refine(
    (v) => v === undefined || (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0 && Number(v) <= 1000),
    { message: "must be mails per second: a number above 0 and at most 1000, e.g. 10 or 0.5" },
  ),
  DKIM_DOMAIN: optional.refine(
    (v) =>
      v === undefined ||
      /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(v),
    { message: "must be the signing domain, e.g. example.nl" },
  ),
  DKIM_SELECTOR: optional.refine(
    (v) => v === undefined || /^[a-z0-9](?:[a-z0-9._-]{0,62})$/i.test(v),
    { message: "must be the DNS selector (letters, digits, dots, dashes), e.g. vaart2026" },
  ),
  DKIM_PRIVATE_KEY: optional.refine((v) => v === undefined || isPrivateKey(v), {
    message:
      "must be a PEM private key (-----BEGIN PRIVATE KEY----- …; line breaks may be written as \\n)",
  }),
  NEWSLETTER_NETWORK_LIMIT: optional.refine(
    (v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number.isSafeInteger(Number(v))),
    {
      message:
        "must be a positive whole number: signups per hour from one network (IPv4 /24, IPv6 /48), e.g. 60",
    },
  ),
});

/** `NEWSLETTER_SECRET=new,old`: sign with the first, verify with all. */
export function splitSecrets(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface ConfigProblem {
  variable: string;
  message: string;
  /** Missing because local defaults were not chosen (explained once, after the list). */
  required?: boolean;
}

/**
 * Check the newsletter's environment without side effects. Returns every problem, each
 * naming its variable; empty when the configuration can start. Apps call this (or
 * loadConfig) at start-up so that a server without production settings refuses to start.
 */
export function checkConfig(env: Env = process.env): {
  localDefaults: boolean;
  problems: ConfigProblem[];
} {
  const localDefaults = localDefaultsChosen(env);
  const problems: ConfigProblem[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? "environment");
      problems.push({ variable, message: `${variable} ${issue.message}` });
    }
    return { localDefaults, problems };
  }
  const e = parsed.data;
  const siteUrl = checkSiteUrl(e.SITE_URL, localDefaults);
  if (!siteUrl.ok) {
    problems.push({ variable: "SITE_URL", message: siteUrl.message, required: siteUrl.missing });
  }
  if (e.NEWSLETTER_MAIL_TRANSPORT === "smtp" && !e.SMTP_URL) {
    problems.push({
      variable: "SMTP_URL",
      message: "SMTP_URL is required when NEWSLETTER_MAIL_TRANSPORT=smtp",
    });
  }
  const dkimSet = [e.DKIM_DOMAIN, e.DKIM_SELECTOR, e.DKIM_PRIVATE_KEY].filter(Boolean).length;
  if (dkimSet > 0 && dkimSet < 3) {
    for (const [name, value] of [
      ["DKIM_DOMAIN", e.DKIM_DOMAIN],
      ["DKIM_SELECTOR", e.DKIM_SELECTOR],
      ["DKIM_PRIVATE_KEY", e.DKIM_PRIVATE_KEY],
    ] as const) {
      if (!value) {
        problems.push({
          variable: name,
          message: `${name} is required when any DKIM_ variable is set (DKIM needs the domain, the selector and the private key)`,
        });
      }
    }
  }
  if (localDefaults) return { localDefaults, problems };
  const need = (variable: string, value: string | undefined, what: string) => {
    if (!value)
      problems.push({ variable, message: `${variable} is required: ${what}`, required: true });
  };
  need("NEWSLETTER_SECRET", e.NEWSLETTER_SECRET, "at least 32 random characters");
  need("NEWSLETTER_MAIL_FROM", e.NEWSLETTER_MAIL_FROM, "the sender address");
  // Without SMTP_URL mail is written to files, which would silently send nothing: that
  // takes an explicit NEWSLETTER_MAIL_TRANSPORT=outbox.
  if (e.NEWSLETTER_MAIL_TRANSPORT !== "outbox" && e.NEWSLETTER_MAIL_TRANSPORT !== "smtp") {
    need(
      "SMTP_URL",
      e.SMTP_URL,
      "smtp(s)://… (or set NEWSLETTER_MAIL_TRANSPORT=outbox to write mail to files on purpose)",
    );
  }
  return { localDefaults, problems };
}

/**
 * One message for checkConfig's problems: each variable as its problems name it, and why
 * the missing ones are required said once, not after each of them.
 */
export function describeConfigProblems(problems: ConfigProblem[], env: Env = process.env): string {
  const why = problems.some((p) => p.required)
    ? ` — required because NODE_ENV=${env.NODE_ENV?.trim() || "<unset>"}: local defaults (SQLite, the mail outbox, a generated secret) apply only with NODE_ENV=development or test, or VAART_LOCAL_DEFAULTS=1`
    : "";
  return `Invalid configuration: ${problems.map((p) => p.message).join("; ")}${why}`;
}

function throwProblems(problems: ConfigProblem[], env: Env): never {
  const variables = [...new Set(problems.map((p) => p.variable))];
  throw new NewsletterConfigError(describeConfigProblems(problems, env), variables[0], variables);
}

/** A random secret kept in `<dataDir>/newsletter-secret` (mode 0600), made on first use. */
function generatedSecret(dataDir: string): string {
  const file = path.join(dataDir, "newsletter-secret");
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(48).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) {
    throw new NewsletterConfigError(
      `Invalid configuration: ${file} must hold at least 32 characters (delete it to make a new one)`,
      "NEWSLETTER_SECRET",
    );
  }
  return secret;
}

/**
 * Read and validate the newsletter's environment variables. Throws a NewsletterConfigError
 * naming every missing or malformed variable (`variables`). Without local defaults (see
 * localDefaultsChosen) SITE_URL (https), NEWSLETTER_SECRET, NEWSLETTER_MAIL_FROM and
 * SMTP_URL (unless NEWSLETTER_MAIL_TRANSPORT=outbox) are required. With local defaults a
 * missing NEWSLETTER_SECRET is generated into `<DATA_DIR>/newsletter-secret`.
 */
export function loadConfig(env: Env = process.env): EnvConfig {
  const { localDefaults, problems } = checkConfig(env);
  if (problems.length > 0) throwProblems(problems, env);
  const e = envSchema.parse(env);
  // Relative paths are taken from the repo root, whichever package runs the code.
  const dataDir = path.resolve(findRepoRoot(), e.DATA_DIR ?? ".data");
  const mailFrom = e.NEWSLETTER_MAIL_FROM ?? "Vaart in samenwerken <updates@localhost>";
  const outbox = e.NEWSLETTER_MAIL_TRANSPORT === "outbox";
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    outboxDir: path.join(dataDir, "outbox"),
    smtpUrl: outbox ? undefined : e.SMTP_URL,
    siteUrl: e.SITE_URL ?? LOCAL_SITE_URL,
    siteName: e.NEWSLETTER_SITE_NAME ?? "Vaart in samenwerken",
    mailFrom,
    replyTo: e.NEWSLETTER_REPLY_TO ?? mailFrom,
    unsubscribeMailto: e.NEWSLETTER_REPLY_TO ?? null,
    secret: e.NEWSLETTER_SECRET ? splitSecrets(e.NEWSLETTER_SECRET) : [generatedSecret(dataDir)],
    localDefaults,
    usingGeneratedSecret: !e.NEWSLETTER_SECRET,
    logConfirmationLinks: localDefaults,
    maxConfirmationMailsPerHour: e.NEWSLETTER_MAX_MAILS_PER_HOUR
      ? Number(e.NEWSLETTER_MAX_MAILS_PER_HOUR)
      : undefined,
    networkLimitPerHour: e.NEWSLETTER_NETWORK_LIMIT
      ? Number(e.NEWSLETTER_NETWORK_LIMIT)
      : undefined,
    sendRate: e.NEWSLETTER_SEND_RATE ? Number(e.NEWSLETTER_SEND_RATE) : undefined,
    dkim:
      e.DKIM_DOMAIN && e.DKIM_SELECTOR && e.DKIM_PRIVATE_KEY
        ? {
            domainName: e.DKIM_DOMAIN,
            keySelector: e.DKIM_SELECTOR,
            privateKey: pemFrom(e.DKIM_PRIVATE_KEY),
          }
        : undefined,
  };
}
