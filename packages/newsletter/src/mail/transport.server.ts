import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { ComposeError, createComposeWorker, toNodemailer } from "./compose-worker.server.js";
import { createMimeTemplates } from "./mime-template.server.js";

export interface OutgoingMail {
  from: string;
  replyTo: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers: Record<string, string>;
  /** `<…@…>`; nodemailer makes one when absent. The Updates set a stable one per recipient. */
  messageId?: string;
  /** The Date header (default: when the mail is composed). */
  date?: Date;
  /** The link the mail is about, logged by the outbox transport for local development. */
  link?: string;
  /**
   * Values in the subject, text, html or headers that differ per recipient (tokens,
   * base64url) of a mail that is otherwise the same for many: it may then be composed from
   * a template (mime-template.server.ts) instead of whole.
   */
  perRecipient?: readonly string[];
}

/** Where mail goes. Throwing (or rejecting) means "not sent"; the caller records it. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
  close?(): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** DKIM signing (nodemailer's built-in signer), from DKIM_DOMAIN / DKIM_SELECTOR / DKIM_PRIVATE_KEY. */
export interface DkimOptions {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

/** Turns mails into the bytes of a MIME message, what an `.eml` file holds. */
export interface MailComposer {
  compose(mail: OutgoingMail): Promise<Buffer>;
  close(): void;
}

/**
 * The one place a mail is composed into bytes outside SMTP: the outbox and the Update
 * preview both write these. CRLF line ends (as on the wire) unless `newline` is "unix".
 */
export function createMailComposer(
  options: { newline?: "unix"; dkim?: DkimOptions | undefined } = {},
): MailComposer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    ...(options.newline ? { newline: options.newline } : {}),
    ...(options.dkim ? { dkim: options.dkim } : {}),
  });
  return {
    async compose(mail) {
      const info = await transport.sendMail(toNodemailer(mail));
      return info.message as Buffer;
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Local default: each mail is written as an .eml file and, unless `logLinks` is false, its
 * address and link are logged. A confirmation link is a credential (whoever has it confirms
 * the address) and an address is personal data: with `logLinks: false` (production outbox)
 * the log line names neither.
 */
export function createOutboxTransport(
  dir: string,
  logger?: Logger,
  options: { logLinks?: boolean; dkim?: DkimOptions | undefined } = {},
): MailTransport {
  const logLinks = options.logLinks ?? true;
  let folder: Promise<unknown> | undefined;
  const composer = createComposeWorker({
    newline: "unix",
    ...(options.dkim ? { dkim: options.dkim } : {}),
  });
  const templates = createMimeTemplates({ newline: "unix", dkim: options.dkim });
  return {
    name: `outbox ${dir}`,
    async send(mail) {
      // Once per process (and again after a failed write, in case the folder went away).
      folder ??= mkdir(dir, { recursive: true });
      await folder;
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${randomBytes(4).toString("hex")}.eml`);
      // Composed and written (write-then-rename) on the composing thread.
      try {
        const filled = await templates.compose(mail);
        if (filled) await composer.writeToFile(filled, file);
        else await composer.composeToFile(toNodemailer(mail), file);
      } catch (error) {
        if (!(error instanceof ComposeError)) folder = undefined;
        throw error;
      }
      logger?.info(
        logLinks
          ? `[newsletter] mail to ${mail.to} written to ${file}${mail.link ? `; link: ${mail.link}` : ""}`
          : `[newsletter] mail written to ${file}`,
      );
    },
    async close() {
      composer.close();
    },
  };
}

export interface SmtpTimeouts {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

/**
 * Real delivery over SMTP (`smtp://user:pass@host:587` or `smtps://…`).
 *
 * Invariant: a send must give up well before the mail lease (`mailLeaseMs`, 5 min) runs
 * out. When the lease expires, resend-pending on any instance claims the mail again; a
 * send still hanging on nodemailer's default 10-minute socket timeout could then go out
 * twice. So every timeout is `timeoutMs` (30 s by default); createNewsletter refuses a
 * `mailTimeoutMs` that is not well below the lease.
 */
export function createSmtpTransport(
  smtpUrl: string,
  options: { timeoutMs?: number; pool?: number; dkim?: DkimOptions | undefined } = {},
): MailTransport & { readonly timeouts: SmtpTimeouts } {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Composed (and DKIM-signed) on a worker thread; the transporter sends the bytes as they are.
  const composer = createComposeWorker(options.dkim ? { dkim: options.dkim } : {});
  const templates = createMimeTemplates({ dkim: options.dkim });
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // The Updates keep `pool` connections open and send one mail at a time on each, so the
    // mails in flight (and what a crash can leave uncertain) are at most `pool`.
    ...(options.pool ? { pool: true, maxConnections: options.pool, maxMessages: Infinity } : {}),
  });
  // Read back what nodemailer will use, so that a test checks the real settings.
  const applied = (transporter.transporter as unknown as { options: Partial<SmtpTimeouts> })
    .options;
  return {
    name: "smtp",
    timeouts: {
      connectionTimeout: Number(applied.connectionTimeout),
      greetingTimeout: Number(applied.greetingTimeout),
      socketTimeout: Number(applied.socketTimeout),
    },
    async send(mail) {
      const { message, envelope } =
        (await templates.compose(mail)) ?? (await composer.compose(toNodemailer(mail)));
      await transporter.sendMail({ envelope, raw: message });
    },
    async close() {
      transporter.close();
      composer.close();
    },
  };
}

/** Discards every mail (benchmarks, or apps that only read). */
export function createNullTransport(): MailTransport {
  return { name: "null", async send() {} };
}
