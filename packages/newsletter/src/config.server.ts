import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { NewsletterConfigError } from "./errors.js";

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

const DEV_SECRET = "vaart-development-secret-do-not-use-in-production";

export interface EnvConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  outboxDir: string;
  smtpUrl: string | undefined;
  siteUrl: string;
  siteName: string;
  mailFrom: string;
  replyTo: string;
  secret: string;
  /** True when NEWSLETTER_SECRET was not set and the development default is in use. */
  usingDevelopmentSecret: boolean;
  /** The outbox logs confirmation links only outside production (they are credentials). */
  logConfirmationLinks: boolean;
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
    {
      message: "must start with postgres://, postgresql://, sqlite: or file:",
    },
  ),
  DATA_DIR: optional,
  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/[^/\s]+/i.test(v), {
    message: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.nl:465",
  }),
  NEWSLETTER_MAIL_TRANSPORT: optional.refine(
    (v) => v === undefined || v === "smtp" || v === "outbox",
    { message: 'must be "smtp" or "outbox"' },
  ),
  SITE_URL: optional.refine((v) => v === undefined || URL.canParse(v), {
    message: "must be an absolute URL, e.g. https://www.example.nl",
  }),
  NEWSLETTER_SITE_NAME: optional,
  NEWSLETTER_MAIL_FROM: optional.refine((v) => v === undefined || /@/.test(v), {
    message: 'must be a mail address, e.g. "Vaart in samenwerken <updates@example.nl>"',
  }),
  NEWSLETTER_REPLY_TO: optional.refine((v) => v === undefined || /@/.test(v), {
    message: "must be a mail address",
  }),
  NEWSLETTER_SECRET: optional.refine((v) => v === undefined || v.length >= 32, {
    message: "must be at least 32 characters (e.g. `openssl rand -base64 48`)",
  }),
});

/**
 * Read and validate the newsletter's environment variables. Throws a NewsletterConfigError
 * whose message names the variable. In production (NODE_ENV=production) SITE_URL (https),
 * NEWSLETTER_MAIL_FROM, NEWSLETTER_SECRET and SMTP_URL (unless
 * NEWSLETTER_MAIL_TRANSPORT=outbox) are required.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new NewsletterConfigError(
      `Invalid configuration: ${variable} ${issue?.message}`,
      variable,
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const require = (name: keyof typeof e, value: string | undefined) => {
    if (production && !value) {
      throw new NewsletterConfigError(
        `Invalid configuration: ${name} is required in production`,
        name,
      );
    }
  };
  require("SITE_URL", e.SITE_URL);
  require("NEWSLETTER_MAIL_FROM", e.NEWSLETTER_MAIL_FROM);
  require("NEWSLETTER_SECRET", e.NEWSLETTER_SECRET);
  if (production && e.SITE_URL && !e.SITE_URL.startsWith("https://")) {
    throw new NewsletterConfigError(
      "Invalid configuration: SITE_URL must use https:// in production (one-click unsubscribe requires it)",
      "SITE_URL",
    );
  }
  // Without SMTP_URL mail is written to files; in production that would silently send
  // nothing, so it takes an explicit NEWSLETTER_MAIL_TRANSPORT=outbox.
  const outbox = e.NEWSLETTER_MAIL_TRANSPORT === "outbox";
  if (e.NEWSLETTER_MAIL_TRANSPORT === "smtp" && !e.SMTP_URL) {
    throw new NewsletterConfigError(
      "Invalid configuration: SMTP_URL is required when NEWSLETTER_MAIL_TRANSPORT=smtp",
      "SMTP_URL",
    );
  }
  if (production && !outbox && !e.SMTP_URL) {
    throw new NewsletterConfigError(
      "Invalid configuration: SMTP_URL is required in production (or set NEWSLETTER_MAIL_TRANSPORT=outbox to write mail to files on purpose)",
      "SMTP_URL",
    );
  }
  // A relative DATA_DIR is taken from the repo root, whichever package runs the code.
  const dataDir = path.resolve(findRepoRoot(), e.DATA_DIR ?? ".data");
  const mailFrom = e.NEWSLETTER_MAIL_FROM ?? "Vaart in samenwerken <updates@localhost>";
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    outboxDir: path.join(dataDir, "outbox"),
    smtpUrl: outbox ? undefined : e.SMTP_URL,
    siteUrl: e.SITE_URL ?? "http://localhost:3000",
    siteName: e.NEWSLETTER_SITE_NAME ?? "Vaart in samenwerken",
    mailFrom,
    replyTo: e.NEWSLETTER_REPLY_TO ?? mailFrom,
    secret: e.NEWSLETTER_SECRET ?? DEV_SECRET,
    usingDevelopmentSecret: !e.NEWSLETTER_SECRET,
    logConfirmationLinks: !production,
  };
}
