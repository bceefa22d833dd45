import { randomBytes } from "node:crypto";
import type { Core } from "./core.server.js";
import { ipBucket, normaliseIp } from "./ip.js";
import { escapeHtml } from "./mail/templates.js";
import { failedAttempts, type RateLimitRule } from "./rate-limit.server.js";
import { sha256Hex } from "./tokens.server.js";
import { checkEmail } from "./validation.js";

/**
 * The studio's login without a password or a third party: an author types their address and
 * gets a one-time link by mail. Design notes: docs/decisions/0017-studio-login.md.
 */
export interface StudioLogin {
  /**
   * Mail a login link when `email` is an author's. An address that is no author's gets the
   * same answer after the same database work (a decoy row), and the mail is sent after the
   * answer, so neither the answer nor its time tells whether an address is an author's.
   */
  requestLink(email: unknown, context: { ip: string | null }): Promise<LinkRequestResult>;
  /** What the link page shows (GET): reads only, changes nothing (mail scanners open links). */
  describeLink(token: unknown): Promise<LinkState>;
  /** The link page's button (POST): uses the link once and starts a session. */
  useLink(token: unknown): Promise<UseLinkResult>;
  /** The author of a session cookie's id, while the session lasts and they are an author. */
  findSession(id: unknown): Promise<{ author: string } | null>;
  /** Logout: the session ends on the server; unknown ids are ignored. */
  endSession(id: unknown): Promise<void>;
}

export interface StudioLoginOptions {
  /** AUTHOR_EMAILS, parsed (parseAuthorEmails). */
  authors: readonly string[];
  /** The link page's address for a token (the studio's own origin). */
  linkUrl(token: string): string;
}

export type LinkRequestResult =
  | { status: "sent" }
  | { status: "invalid"; message: string }
  | { status: "rate-limited"; retryAfterSeconds: number };

export type LinkState = "valid" | "used" | "expired" | "unknown";

export type UseLinkResult =
  | { status: "ok"; sessionId: string; author: string; expiresAt: Date }
  | { status: Exclude<LinkState, "valid"> };

const MINUTE = 60_000;
/** A link works for 15 minutes: long enough to open the mail, short for a forwarded one. */
export const LOGIN_LINK_LIFETIME_MS = 15 * MINUTE;
/** How long after the answer a login link's mail is composed and sent. */
const MAIL_DELAY_MS = 100;
/** A working day; logout ends it sooner. */
export const STUDIO_SESSION_LIFETIME_MS = 8 * 60 * MINUTE;

/** Link requests per 15 minutes (sliding), counted in the database across instances. */
export const studioLinkLimits = {
  perAddress: { max: 3, windowMs: 15 * MINUTE },
  perIp: { max: 10, windowMs: 15 * MINUTE },
} as const satisfies Record<string, RateLimitRule>;

/** 256 random bits, base64url: 43 characters (links and cookies). */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The key an address is compared by: authors are matched without regard to case. */
function authorKey(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * An address as typed in the login form or listed in AUTHOR_EMAILS: the signup's rules, and
 * also `name@localhost` (the local default author).
 */
export function checkAuthorAddress(
  input: string,
): { ok: true; email: string } | { ok: false; message: string } {
  const local = /^([A-Za-z0-9._%+-]{1,64})@localhost$/i.exec(input.trim());
  if (local) return { ok: true, email: `${local[1]}@localhost` };
  const checked = checkEmail(input);
  return checked.ok ? { ok: true, email: checked.email } : checked;
}

/**
 * AUTHOR_EMAILS: addresses separated by commas (spaces allowed). Throws an error naming the
 * variable and the entry that is wrong.
 */
export function parseAuthorEmails(value: string | undefined, variable = "AUTHOR_EMAILS"): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) {
    throw new Error(`${variable} must list at least one author's e-mail address`);
  }
  const authors: string[] = [];
  for (const entry of entries) {
    const checked = checkAuthorAddress(entry);
    if (!checked.ok) {
      throw new Error(
        `${variable} lists "${entry.slice(0, 80)}", which is not an e-mail address (separate addresses with commas)`,
      );
    }
    authors.push(authorKey(checked.email));
  }
  return [...new Set(authors)];
}

export function studioLogin(core: Core, options: StudioLoginOptions): StudioLogin {
  const authors = new Set(options.authors.map(authorKey));
  if (authors.size === 0) throw new Error("studioLogin: at least one author is needed");
  const db = () => core.handle.db;
  const iso = (date: Date) => date.toISOString();

  async function linkState(hash: string, at: Date): Promise<LinkState> {
    const row = await db()
      .selectFrom("studio_login_links")
      .select(["author", "expires_at", "used_at"])
      .where("token_hash", "=", hash)
      .executeTakeFirst();
    if (!row || row.author === null || !authors.has(row.author)) return "unknown";
    if (row.used_at !== null) return "used";
    if (row.expires_at <= iso(at)) return "expired";
    return "valid";
  }

  function sendLink(author: string, token: string, at: Date): void {
    const link = options.linkUrl(token);
    const { settings } = core;
    const minutes = LOGIN_LINK_LIFETIME_MS / MINUTE;
    // Composed and sent a moment after the answer has gone out, so that its work is not
    // part of the answer's time (an unknown address sends nothing).
    const sending = new Promise((resolve) => setTimeout(resolve, MAIL_DELAY_MS))
      .then(() =>
        core.transport.send({
          from: settings.mailFrom,
          replyTo: settings.replyTo,
          to: author,
          subject: `Je inloglink voor de studio van ${settings.siteName}`,
          text: [
            "Hallo,",
            "",
            `Open deze link en druk op Inloggen om in de studio van ${settings.siteName} te komen:`,
            "",
            link,
            "",
            `De link werkt één keer en ${minutes} minuten lang. Heb je niet om een link gevraagd? Dan kun je deze mail negeren.`,
          ].join("\n"),
          html: `<p>Hallo,</p><p>Open deze link en druk op Inloggen om in de studio van ${escapeHtml(settings.siteName)} te komen:</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>De link werkt één keer en ${minutes} minuten lang. Heb je niet om een link gevraagd? Dan kun je deze mail negeren.</p>`,
          headers: {},
          date: at,
          link,
        }),
      )
      .catch((error: unknown) => {
        // The author sees no mail and asks again; the log says why.
        core.logger.error(
          `[studio] login link not sent: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    core.inFlight.add(sending);
    void sending.finally(() => core.inFlight.delete(sending));
  }

  return {
    async requestLink(email, context) {
      await core.ready();
      const checked =
        typeof email === "string"
          ? checkAuthorAddress(email)
          : ({ ok: false, message: "Vul je e-mailadres in." } as const);
      if (!checked.ok) return { status: "invalid", message: checked.message };
      const key = authorKey(checked.email);
      // Both counts are taken for every request, known address or not: the same work. An
      // IPv6 /64 is one client address.
      const client = context.ip ? ipBucket(normaliseIp(context.ip) ?? context.ip) : "unknown";
      const take = (bucket: string, rule: RateLimitRule) =>
        failedAttempts(db(), `studio-link:${bucket}`, rule, core.now).take();
      const counts = [
        await take(`ip:${client}`, studioLinkLimits.perIp),
        await take(`address:${key}`, studioLinkLimits.perAddress),
      ];
      if (counts.some((count) => !count.allowed)) {
        const waits = counts.map((count) => (count.allowed ? 0 : count.retryAfterSeconds));
        return { status: "rate-limited", retryAfterSeconds: Math.max(...waits) };
      }
      const at = core.now();
      const token = randomToken();
      const author = authors.has(key) ? key : null;
      // Housekeeping and the row itself, for authors and others alike.
      await db().deleteFrom("studio_login_links").where("expires_at", "<=", iso(at)).execute();
      await db()
        .insertInto("studio_login_links")
        .values({
          token_hash: sha256Hex(token),
          author,
          created_at: iso(at),
          expires_at: iso(new Date(at.getTime() + LOGIN_LINK_LIFETIME_MS)),
          used_at: null,
        })
        .execute();
      if (author !== null) sendLink(author, token, at);
      return { status: "sent" };
    },

    async describeLink(token) {
      if (typeof token !== "string" || !tokenPattern.test(token)) return "unknown";
      await core.ready();
      return linkState(sha256Hex(token), core.now());
    },

    async useLink(token) {
      if (typeof token !== "string" || !tokenPattern.test(token)) return { status: "unknown" };
      await core.ready();
      const at = core.now();
      const hash = sha256Hex(token);
      // One atomic update: of two presses at once, one logs in.
      const used = await db()
        .updateTable("studio_login_links")
        .set({ used_at: iso(at) })
        .where("token_hash", "=", hash)
        .where("used_at", "is", null)
        .where("author", "is not", null)
        .where("expires_at", ">", iso(at))
        .returning("author")
        .executeTakeFirst();
      const author = used?.author ?? null;
      if (author === null || !authors.has(author)) {
        const state = await linkState(hash, at);
        return { status: state === "valid" ? "used" : state };
      }
      const sessionId = randomToken();
      const expiresAt = new Date(at.getTime() + STUDIO_SESSION_LIFETIME_MS);
      await db().deleteFrom("studio_sessions").where("expires_at", "<=", iso(at)).execute();
      await db()
        .insertInto("studio_sessions")
        .values({
          id_hash: sha256Hex(sessionId),
          author,
          created_at: iso(at),
          expires_at: iso(expiresAt),
        })
        .execute();
      return { status: "ok", sessionId, author, expiresAt };
    },

    async findSession(id) {
      if (typeof id !== "string" || !tokenPattern.test(id)) return null;
      await core.ready();
      const row = await db()
        .selectFrom("studio_sessions")
        .select("author")
        .where("id_hash", "=", sha256Hex(id))
        .where("expires_at", ">", iso(core.now()))
        .executeTakeFirst();
      // Someone taken off AUTHOR_EMAILS is logged out at the next request.
      return row && authors.has(row.author) ? { author: row.author } : null;
    },

    async endSession(id) {
      if (typeof id !== "string" || !tokenPattern.test(id)) return;
      await core.ready();
      await db().deleteFrom("studio_sessions").where("id_hash", "=", sha256Hex(id)).execute();
    },
  };
}
