import { describe, expect, it, vi } from "vitest";
import {
  LOGIN_LINK_LIFETIME_MS,
  parseAuthorEmails,
  STUDIO_SESSION_LIFETIME_MS,
  studioLinkLimits,
} from "../src/index.js";
import { DRIVERS, setup, type TestEnv } from "./helpers.js";

const AUTHOR = "redactie@example.nl";
const linkBase = "https://studio.example.nl/inloggen/";

function login(env: TestEnv, authors = [AUTHOR]) {
  return env.newsletter.studioLogin({ authors, linkUrl: (token) => `${linkBase}${token}` });
}

/** The token of the login link mailed to `to` (waits: the mail leaves after the answer). */
async function mailedToken(env: TestEnv, to = AUTHOR, nth = 0): Promise<string> {
  await vi.waitFor(() => expect(env.transport.to(to).length).toBeGreaterThan(nth));
  const mail = env.transport.to(to)[nth];
  const token = mail?.text.match(/inloggen\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no login link in:\n${mail?.text}`);
  return token;
}

describe("AUTHOR_EMAILS", () => {
  it("lists addresses separated by commas, matched without regard to case", () => {
    expect(
      parseAuthorEmails(" Redactie@Example.nl, auteur@localhost ,marketing@example.nl"),
    ).toEqual(["redactie@example.nl", "auteur@localhost", "marketing@example.nl"]);
  });

  it("refuses an empty list or an entry that is no address, naming the variable and the entry", () => {
    expect(() => parseAuthorEmails("")).toThrow(/AUTHOR_EMAILS must list at least one/);
    expect(() => parseAuthorEmails(" , ")).toThrow(/AUTHOR_EMAILS must list at least one/);
    expect(() => parseAuthorEmails("redactie@example.nl; marketing@example.nl")).toThrow(
      /AUTHOR_EMAILS lists "redactie@example.nl; marketing@example.nl", which is not an e-mail address/,
    );
    expect(() => parseAuthorEmails("redactie")).toThrow(/AUTHOR_EMAILS lists "redactie"/);
  });
});

describe.each(DRIVERS)("the studio's login by mailed link (%s)", (driver) => {
  it("mails an author a link that logs in once and starts a session until logout", async () => {
    const env = await setup(driver);
    const studio = login(env);
    expect(await studio.requestLink(" Redactie@Example.nl ", { ip: "192.0.2.1" })).toEqual({
      status: "sent",
    });
    const token = await mailedToken(env);
    const mail = env.transport.to(AUTHOR)[0];
    expect(mail?.subject).toContain("inloglink");
    expect(mail?.html).toContain(`${linkBase}${token}`);

    // Opening the link (GET) changes nothing: a mail scanner may open it first.
    expect(await studio.describeLink(token)).toBe("valid");
    expect(await studio.describeLink(token)).toBe("valid");

    const used = await studio.useLink(token);
    if (used.status !== "ok") throw new Error(`not logged in: ${used.status}`);
    expect(used.author).toBe(AUTHOR);
    expect(await studio.findSession(used.sessionId)).toEqual({ author: AUTHOR });
    // Another instance on the same database knows the session.
    const other = env.another().studioLogin({ authors: [AUTHOR], linkUrl: (t) => t });
    expect(await other.findSession(used.sessionId)).toEqual({ author: AUTHOR });

    // The link works once.
    expect(await studio.useLink(token)).toEqual({ status: "used" });
    expect(await studio.describeLink(token)).toBe("used");

    await studio.endSession(used.sessionId);
    expect(await studio.findSession(used.sessionId)).toBeNull();
    expect(await other.findSession(used.sessionId)).toBeNull();
  });

  it("keeps only hashes: neither the link's token nor the session's id is in the database", async () => {
    const env = await setup(driver);
    const studio = login(env);
    await studio.requestLink(AUTHOR, { ip: null });
    const token = await mailedToken(env);
    const used = await studio.useLink(token);
    if (used.status !== "ok") throw new Error(used.status);
    const dump = JSON.stringify(await env.newsletter.counts()) + (await dumpTables(env));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(used.sessionId);
  });

  it("gives an unknown address the same answer, and mails nothing", async () => {
    const env = await setup(driver);
    const studio = login(env);
    const known = await studio.requestLink(AUTHOR, { ip: "192.0.2.1" });
    const unknown = await studio.requestLink("iemand@example.nl", { ip: "192.0.2.2" });
    expect(unknown).toEqual(known);
    await mailedToken(env);
    expect(env.transport.sent.map((mail) => mail.to)).toEqual([AUTHOR]);
  });

  it("refuses an expired link, and ends a session at its expiry", async () => {
    const env = await setup(driver);
    const studio = login(env);
    await studio.requestLink(AUTHOR, { ip: null });
    const late = await mailedToken(env);
    env.clock.advance(LOGIN_LINK_LIFETIME_MS);
    expect(await studio.describeLink(late)).toBe("expired");
    expect(await studio.useLink(late)).toEqual({ status: "expired" });

    await studio.requestLink(AUTHOR, { ip: null });
    const used = await studio.useLink(await mailedToken(env, AUTHOR, 1));
    if (used.status !== "ok") throw new Error(used.status);
    env.clock.advance(STUDIO_SESSION_LIFETIME_MS - 1000);
    expect(await studio.findSession(used.sessionId)).not.toBeNull();
    env.clock.advance(1000);
    expect(await studio.findSession(used.sessionId)).toBeNull();
  });

  it("logs out an author taken off the list, and refuses odd tokens and ids", async () => {
    const env = await setup(driver);
    const studio = login(env, [AUTHOR, "marketing@example.nl"]);
    await studio.requestLink(AUTHOR, { ip: null });
    const used = await studio.useLink(await mailedToken(env));
    if (used.status !== "ok") throw new Error(used.status);
    const fewer = login(env, ["marketing@example.nl"]);
    expect(await fewer.findSession(used.sessionId)).toBeNull();
    for (const odd of [undefined, null, 42, "", "x", `${used.sessionId}=`, "a".repeat(43)]) {
      expect(await studio.findSession(odd)).toBeNull();
      expect(await studio.useLink(odd)).toEqual({ status: "unknown" });
      expect(await studio.describeLink(odd)).toBe("unknown");
    }
  });

  it("of two presses of one link at once, exactly one logs in", async () => {
    const env = await setup(driver);
    const studio = login(env);
    await studio.requestLink(AUTHOR, { ip: null });
    const token = await mailedToken(env);
    const results = await Promise.all([studio.useLink(token), studio.useLink(token)]);
    expect(results.map((result) => result.status).sort()).toEqual(["ok", "used"]);
  });

  it("says what is wrong with a typed address", async () => {
    const env = await setup(driver);
    const studio = login(env);
    expect(await studio.requestLink("redactie", { ip: null })).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/e-mailadres/),
    });
    expect(await studio.requestLink(undefined, { ip: null })).toMatchObject({ status: "invalid" });
  });

  it("limits link requests per address and per client address, known or not", async () => {
    const env = await setup(driver);
    const studio = login(env);
    const { perAddress, perIp } = studioLinkLimits;
    for (let i = 0; i < perAddress.max; i += 1) {
      expect(await studio.requestLink(AUTHOR, { ip: `192.0.2.${i + 1}` })).toEqual({
        status: "sent",
      });
    }
    const limited = await studio.requestLink(AUTHOR, { ip: "192.0.2.99" });
    expect(limited).toMatchObject({ status: "rate-limited" });
    expect(limited.status === "rate-limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
    // Unknown addresses are counted the same way: the limit tells nothing either.
    for (let i = 0; i < perAddress.max; i += 1) {
      await studio.requestLink("iemand@example.nl", { ip: `198.51.100.${i + 1}` });
    }
    expect(await studio.requestLink("iemand@example.nl", { ip: "198.51.100.99" })).toMatchObject({
      status: "rate-limited",
    });
    // One client address asking for many addresses.
    for (let i = 0; i < perIp.max; i += 1) {
      expect(await studio.requestLink(`a${i}@example.nl`, { ip: "203.0.113.7" })).toEqual({
        status: "sent",
      });
    }
    expect(await studio.requestLink("b@example.nl", { ip: "203.0.113.7" })).toMatchObject({
      status: "rate-limited",
    });
    // The window slides on: later, links are mailed again.
    env.clock.advance(2 * perAddress.windowMs);
    expect(await studio.requestLink(AUTHOR, { ip: "203.0.113.7" })).toEqual({ status: "sent" });
  });
});

/** Every row of the studio's tables, as text. */
async function dumpTables(env: TestEnv): Promise<string> {
  const { default: SQLite } = await import("better-sqlite3");
  if (!env.options.pgSchema) {
    const db = new SQLite(env.newsletter.location, { readonly: true });
    try {
      return JSON.stringify([
        db.prepare("select * from studio_login_links").all(),
        db.prepare("select * from studio_sessions").all(),
      ]);
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: env.options.databaseUrl });
  await client.connect();
  try {
    const schema = env.options.pgSchema;
    const links = await client.query(`select * from "${schema}".studio_login_links`);
    const sessions = await client.query(`select * from "${schema}".studio_sessions`);
    return JSON.stringify([links.rows, sessions.rows]);
  } finally {
    await client.end();
  }
}
