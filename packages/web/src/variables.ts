/**
 * Every environment variable the production servers read, in one list: what it is for, which
 * app reads it, and whether production needs it. Each variable is checked by one schema — the
 * server's (`config.ts`), the newsletter's (`@vaart/newsletter`), or an app's secret setting —
 * and everything else that names variables is generated from this list or tested against it:
 * `apps/<app>/.env.example`, `turbo.json` (the `start` task's passThroughEnv), the tests'
 * production settings (`@vaart/testing`) and the deployables proof.
 */

export type AppName = "site" | "landing" | "studio";

export interface EnvVariable {
  name: string;
  /** The apps whose server reads it. */
  apps: readonly AppName[];
  /** Which schema checks it. */
  checkedBy: "server" | "newsletter" | "app secret" | "process";
  /**
   * "yes": a production server refuses to start without it (naming it); "one of": it or
   * another named in `description`; "no": optional.
   */
  required: "yes" | "one of" | "no";
  /** One line for `.env.example`. */
  description: string;
  /** A value for `.env.example` (placeholders, never a real secret). */
  example: string;
}

/** What every server reads: its own settings, the database and the mail. */
const every: readonly AppName[] = ["site", "landing", "studio"];

export const envVariables: readonly EnvVariable[] = [
  {
    name: "NODE_ENV",
    apps: every,
    checkedBy: "process",
    required: "no",
    description:
      "production (server.js sets it when unset). Never development/test on a server: that turns on local defaults",
    example: "production",
  },
  {
    name: "VAART_LOCAL_DEFAULTS",
    apps: every,
    checkedBy: "process",
    required: "no",
    description:
      "1: embedded local defaults (set by the root pnpm start; said in the first log line). Never on a server",
    example: "",
  },
  {
    name: "PORT",
    apps: every,
    checkedBy: "server",
    required: "no",
    description: "the port to listen on (site 3000, landing 3001)",
    example: "",
  },
  {
    name: "HOST",
    apps: every,
    checkedBy: "server",
    required: "no",
    description:
      "the address to listen on: 0.0.0.0 (with local defaults 127.0.0.1, this machine only)",
    example: "",
  },
  {
    name: "TRUST_PROXY",
    apps: every,
    checkedBy: "server",
    required: "yes",
    description:
      "reverse proxies in front that append to X-Forwarded-For (0-10); 0 = the socket address is the client IP",
    example: "1",
  },
  {
    name: "SITE_URL",
    apps: every,
    checkedBy: "server",
    required: "yes",
    description:
      "the site's public https:// address: canonical URLs, feeds, links to the site, mail links",
    example: "https://www.example.nl",
  },
  {
    name: "LANDING_URL",
    apps: ["landing", "studio"],
    checkedBy: "server",
    required: "yes",
    description:
      "the landing app's own public https:// origin: canonical and Open Graph URLs (never taken from Host); in the studio, where its preview links point",
    example: "https://campagne.example.nl",
  },
  {
    name: "STUDIO_URL",
    apps: ["studio"],
    checkedBy: "server",
    required: "yes",
    description:
      "the studio's own public https:// origin: the login links in the authors' mail point there (never taken from Host)",
    example: "https://studio.example.nl",
  },
  {
    name: "MAX_BODY_BYTES",
    apps: every,
    checkedBy: "server",
    required: "no",
    description: "largest POST body in bytes (65536); larger ones get 413 unread",
    example: "",
  },
  {
    name: "MAX_CONNECTIONS",
    apps: every,
    checkedBy: "server",
    required: "no",
    description:
      "open connections per instance at most (1000); further ones are dropped until some close",
    example: "",
  },
  {
    name: "PAGE_CACHE",
    apps: every,
    checkedBy: "server",
    required: "no",
    description:
      "on (default) keeps rendered public pages in memory for their max-age; off renders every request",
    example: "",
  },
  {
    name: "DATA_DIR",
    apps: every,
    checkedBy: "newsletter",
    required: "one of",
    description:
      "the data folder (outbox, SQLite file); DATA_DIR or DATABASE_URL is required, DATA_DIR also with NEWSLETTER_MAIL_TRANSPORT=outbox",
    example: "/data",
  },
  {
    name: "DATABASE_URL",
    apps: every,
    checkedBy: "newsletter",
    required: "one of",
    description:
      "postgres://… (several instances) or sqlite:<path>; default SQLite at $DATA_DIR/vaart.sqlite",
    example: "postgres://vaart:password@db.example.nl:5432/vaart",
  },
  {
    name: "NEWSLETTER_SECRET",
    apps: every,
    checkedBy: "newsletter",
    required: "yes",
    description:
      "at least 32 random characters (openssl rand -base64 48), the same on every instance of both apps; new,old while rotating",
    example: "",
  },
  {
    name: "NEWSLETTER_MAIL_FROM",
    apps: every,
    checkedBy: "newsletter",
    required: "yes",
    description: "the sender of the newsletter's mail",
    example: "Vaart in samenwerken <updates@example.nl>",
  },
  {
    name: "SMTP_URL",
    apps: every,
    checkedBy: "newsletter",
    required: "one of",
    description:
      "smtps://user:password@host:465 or smtp://…:587 (or NEWSLETTER_MAIL_TRANSPORT=outbox)",
    example: "smtps://user:password@mail.example.nl:465",
  },
  {
    name: "NEWSLETTER_MAIL_TRANSPORT",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description:
      "outbox writes every mail as a file under $DATA_DIR/outbox instead of sending (staging)",
    example: "",
  },
  {
    name: "NEWSLETTER_REPLY_TO",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description: "the reply address of the mail (default NEWSLETTER_MAIL_FROM)",
    example: "",
  },
  {
    name: "NEWSLETTER_SITE_NAME",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description: "the name in mail text (default Vaart in samenwerken)",
    example: "",
  },
  {
    name: "NEWSLETTER_MAX_MAILS_PER_HOUR",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description: "site-wide cap on confirmation mails per hour (200)",
    example: "",
  },
  {
    name: "NEWSLETTER_NETWORK_LIMIT",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description: "signups per hour from one network, IPv4 /24 or IPv6 /48 (60)",
    example: "",
  },
  {
    name: "NEWSLETTER_SEND_RATE",
    apps: ["site"],
    checkedBy: "newsletter",
    required: "no",
    description:
      "Updates sent per second by all site instances together (10); the mail provider's limit",
    example: "",
  },
  {
    name: "DKIM_DOMAIN",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description:
      "DKIM signing domain (e.g. example.nl); with DKIM_SELECTOR and DKIM_PRIVATE_KEY every mail is signed",
    example: "",
  },
  {
    name: "DKIM_SELECTOR",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description: "DKIM selector: the public key is at <selector>._domainkey.<domain> in DNS",
    example: "",
  },
  {
    name: "DKIM_PRIVATE_KEY",
    apps: every,
    checkedBy: "newsletter",
    required: "no",
    description: "DKIM private key, PEM (line breaks may be written as \\n)",
    example: "",
  },
  {
    name: "RESULTS_PASSWORD",
    apps: ["landing"],
    checkedBy: "app secret",
    required: "yes",
    description:
      "the password for /resultaten: at least 12 characters, a passphrase of four unrelated words",
    example: "",
  },
  {
    name: "PREVIEW_TOKEN",
    apps: ["landing", "site", "studio"],
    checkedBy: "app secret",
    required: "yes",
    description:
      "the secret behind preview links (?voorbeeld=…): of unpublished campaigns, and the studio's links to one draft version; the same value in every app; at least 16 characters, 8 different ones",
    example: "",
  },
  {
    name: "AUTHOR_EMAILS",
    apps: ["studio"],
    checkedBy: "app secret",
    required: "yes",
    description:
      "the authors who may log in to the studio: their e-mail addresses, separated by commas (each gets a login link by mail)",
    example: "redactie@example.nl, marketing@example.nl",
  },
];

/** The variables an app's server reads. */
export function variablesOf(app: AppName): EnvVariable[] {
  return envVariables.filter((variable) => variable.apps.includes(app));
}

/** `apps/<app>/.env.example`: every variable of the app, documented, required ones first. */
export function envExample(app: AppName): string {
  const line = (variable: EnvVariable) =>
    `# ${variable.description}\n${variable.required === "no" ? "# " : ""}${variable.name}=${variable.example}\n`;
  const required = variablesOf(app).filter((variable) => variable.required !== "no");
  const optional = variablesOf(app).filter((variable) => variable.required === "no");
  return [
    `# The production settings of the ${app} app (generated from packages/web/src/variables.ts:`,
    "# pnpm --filter @vaart/web env-example). Locally none are needed: pnpm start uses local",
    "# defaults. A production server refuses to start without the required ones, naming them.",
    "",
    "# Required in production",
    ...required.map(line),
    "# Optional",
    ...optional.map(line),
  ].join("\n");
}
