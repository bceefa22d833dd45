import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createNewsletter,
  createNewsletterFromEnv,
  NewsletterConfigError,
  type NewsletterOptions,
} from "../src/index.js";
import { Clock, ctx, DRIVERS, form, SECRET, setup, tokenFrom } from "./helpers.js";

const MINUTE = 60_000;

describe.each(DRIVERS)("fixes from the review (%s)", (driver) => {
  it("a second signup while pending records its own consent; the pending signup stays the first until one is confirmed", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "sanne@example.nl", utm_source: "oud" }), {
      ...ctx,
      source: "/nieuwsbrief",
    });
    env.clock.advance(11 * MINUTE);
    const second = {
      consentText: "Ja, stuur mij de Updates (nieuwe tekst).",
      consentVersion: "2026-12",
      source: "voorjaarscampagne",
      ip: "198.51.100.23",
      userAgent: "Mozilla/5.0 (tweede bezoek)",
    };
    await newsletter.subscribe(
      form(env, { email: "sanne@example.nl", utm_campaign: "voorjaar" }),
      second,
    );
    expect(transport.sent).toHaveLength(2);
    expect(await newsletter.counts()).toMatchObject({ subscribers: 1, consents: 2 });
    // A later signup never rewrites a pending one (anyone can type this address).
    expect((await newsletter.stats()).sources).toEqual([
      { source: "/nieuwsbrief", pending: 1, confirmed: 0, unsubscribed: 0, total: 1 },
    ]);

    expect(await newsletter.confirm(tokenFrom(transport.sent[1], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
    const row = (await newsletter.exportCsv()).trimEnd().split("\r\n")[1] ?? "";
    expect(row).toContain(second.consentText);
    expect(row).toContain("2026-12");
    expect(row).toContain("voorjaarscampagne");
    expect(row).toMatch(/[,"]voorjaar[,"]/); // utm_campaign
    expect(row).toContain(second.ip);
    expect(row).toContain(second.userAgent);
    expect(row).not.toContain("oud");
  });

  it("the first mail's link still confirms after a re-signup within the mail interval", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "bram@example.nl" }), ctx);
    env.clock.advance(MINUTE);
    await newsletter.subscribe(form(env, { email: "bram@example.nl" }), {
      ...ctx,
      source: "tweede-poging",
    });
    expect(transport.sent).toHaveLength(1); // no second mail within the interval
    // A signup that may not send a mail stores nothing: one consent record.
    expect(await newsletter.counts()).toMatchObject({ subscribers: 1, consents: 1 });
    expect(await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
    expect((await newsletter.stats()).sources).toEqual([
      { source: "/nieuwsbrief", pending: 0, confirmed: 1, unsubscribed: 0, total: 1 },
    ]);
  });
});

describe.each(DRIVERS)("CSV export for Dutch Excel (%s)", (driver) => {
  it("quotes every cell and neutralises formulas hidden behind a ;", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(
      form(env, { email: "excel@example.nl", firstName: "Anna;=cmd|' /C calc'!A0" }),
      { ...ctx, source: "site;+SUM(1)" },
    );
    await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"));
    const [header, row] = (await newsletter.exportCsv()).trimEnd().split("\r\n");
    expect(header?.startsWith('"email","first_name",')).toBe(true);
    expect(row?.startsWith(`"excel@example.nl","Anna;'=cmd|' /C calc'!A0","site;'+SUM(1)",`)).toBe(
      true,
    );
    // No ;-separated part of the row starts a formula.
    for (const part of (row ?? "").split(";")) expect(part).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe.each(DRIVERS)("confirmation mail retries (%s)", (driver) => {
  it("counts only consecutive failures: after many sends one failure is still retried", async () => {
    const env = await setup(driver, {
      retry: { baseDelayMs: 5 * MINUTE, maxDelayMs: 60 * MINUTE, maxAttempts: 3 },
      rateLimits: { perMailbox: { max: 10, windowMs: 30 * 24 * 60 * MINUTE } },
    });
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "geduld@example.nl" }), ctx);
    for (let i = 0; i < 3; i += 1) {
      env.clock.advance(11 * MINUTE);
      await newsletter.requestNewConfirmation("geduld@example.nl", ctx);
    }
    expect(transport.sent).toHaveLength(4);
    env.clock.advance(11 * MINUTE);
    transport.failNext = 1;
    await newsletter.requestNewConfirmation("geduld@example.nl", ctx);
    expect(transport.sent).toHaveLength(4);
    env.clock.advance(5 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 1, sent: 1, failed: 0, requeued: 0 });
    expect(transport.sent).toHaveLength(5);
    expect(await newsletter.confirm(tokenFrom(transport.sent[4], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
  });

  it("a new request starts the failure count afresh, and --include-abandoned requeues given-up mail", async () => {
    const env = await setup(driver, {
      retry: { baseDelayMs: 5 * MINUTE, maxDelayMs: 60 * MINUTE, maxAttempts: 2 },
    });
    const { newsletter, transport } = env;
    transport.failNext = Number.POSITIVE_INFINITY;
    await newsletter.subscribe(form(env, { email: "storing@example.nl" }), ctx);
    env.clock.advance(5 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 1, sent: 0, failed: 1, requeued: 0 });
    // Given up after two consecutive failures: nothing is due any more.
    env.clock.advance(24 * 60 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 0, sent: 0, failed: 0, requeued: 0 });
    expect((await newsletter.stats()).mailFailures).toBe(1);

    // The visitor asks again while mail is still down: one failure, but retried.
    await newsletter.requestNewConfirmation("storing@example.nl", ctx);
    env.clock.advance(5 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 1, sent: 0, failed: 1, requeued: 0 });
    env.clock.advance(24 * 60 * MINUTE);
    expect(await newsletter.resendPending()).toEqual({ due: 0, sent: 0, failed: 0, requeued: 0 });

    // Mail works again; the owner requeues what was abandoned.
    transport.failNext = 0;
    expect(await newsletter.resendPending({ includeAbandoned: true })).toEqual({
      due: 1,
      sent: 1,
      failed: 0,
      requeued: 1,
    });
    expect((await newsletter.stats()).mailFailures).toBe(0);
    expect(
      await newsletter.confirm(tokenFrom(transport.to("storing@example.nl")[0], "bevestigen")),
    ).toMatchObject({ status: "confirmed" });
  });
});

describe("outbox in production", () => {
  it("writes the mail but keeps the confirmation link out of the log", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vaart-prod-outbox-"));
    const lines: string[] = [];
    const log = (m: string) => lines.push(m);
    const clock = new Clock();
    const newsletter = createNewsletterFromEnv(
      {
        NODE_ENV: "production",
        DATA_DIR: dir,
        DATABASE_URL: `sqlite:${path.join(dir, "prod.sqlite")}`,
        SITE_URL: "https://www.example.nl",
        NEWSLETTER_MAIL_FROM: "updates@example.nl",
        NEWSLETTER_SECRET: SECRET,
        NEWSLETTER_MAIL_TRANSPORT: "outbox",
      },
      // The test reads the outbox right after subscribe(): wait for the send.
      { now: clock.now, logger: { info: log, warn: log, error: log }, firstSendWaitMs: 30_000 },
    );
    try {
      const formToken = newsletter.issueFormToken();
      expect(
        await newsletter.subscribe({ email: "prod@example.nl", consent: "yes", formToken }, ctx),
      ).toMatchObject({ status: "ok" });
      const files = readdirSync(path.join(dir, "outbox"));
      expect(files).toHaveLength(1);
      expect(readFileSync(path.join(dir, "outbox", files[0] ?? ""), "utf8")).toContain(
        "/nieuwsbrief/bevestigen/",
      );
      expect(lines.join("\n")).toContain("written to");
      expect(lines.join("\n")).not.toContain("/bevestigen/");
      expect(lines.join("\n")).not.toContain("prod@example.nl");
    } finally {
      await newsletter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DRIVERS)("confirming from a POST (%s)", (driver) => {
  it("records the request method with the consent proof", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "knop@example.nl" }), ctx);
    expect(
      await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"), {
        method: "post",
        ip: "198.51.100.77",
        userAgent: "Mozilla/5.0 (bezoeker)",
      }),
    ).toMatchObject({ status: "confirmed" });
    const [header, row] = (await newsletter.exportCsv()).trimEnd().split("\r\n");
    expect(header?.endsWith('"confirm_user_agent","confirm_method"')).toBe(true);
    expect(row?.endsWith('"198.51.100.77","Mozilla/5.0 (bezoeker)","post"')).toBe(true);
  });
});

describe.each(DRIVERS)("form token (%s)", (driver) => {
  it("a rate-limited visitor can post the same form again later", async () => {
    const env = await setup(driver, { rateLimits: { perIp: { max: 1, windowMs: 3_600_000 } } });
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "eerste@example.nl" }), ctx);
    const data = form(env, { email: "opnieuw@example.nl" });
    expect(await newsletter.subscribe(data, ctx)).toMatchObject({ status: "rate-limited" });
    env.clock.advance(3_600_000); // a new window; the form is still under 48 hours old
    expect(await newsletter.subscribe(data, ctx)).toMatchObject({ status: "ok" });
    expect(transport.to("opnieuw@example.nl")).toHaveLength(1);
  });
});

describe.each(DRIVERS)("prune (%s)", (driver) => {
  it("deletes only never-confirmed signups older than the cut-off, with consent and tokens; idempotent", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const DAY = 24 * 3_600_000;
    const signup = (email: string, source = "/nieuwsbrief") =>
      newsletter.subscribe(form(env, { email }), { ...ctx, source });

    await signup("oud@example.nl"); // never confirmed: pruned
    await signup("bevestigd@example.nl");
    env.clock.advance(11 * MINUTE);
    await newsletter.confirm(tokenFrom(transport.to("bevestigd@example.nl")[0], "bevestigen"));
    await signup("eerder@example.nl"); // confirmed, unsubscribed, pending again: kept
    await newsletter.confirm(tokenFrom(transport.to("eerder@example.nl")[0], "bevestigen"));
    await newsletter.unsubscribe(tokenFrom(transport.to("eerder@example.nl")[0], "afmelden"));
    env.clock.advance(11 * MINUTE); // the mailbox's mail interval
    await signup("eerder@example.nl");
    await signup("later-weer@example.nl"); // signed up again after 20 days: kept
    env.clock.advance(20 * DAY);
    await signup("later-weer@example.nl");
    env.clock.advance(5 * DAY);
    await signup("recent@example.nl"); // 6 days old at prune time: kept
    env.clock.advance(6 * DAY);

    expect(await newsletter.counts()).toEqual({ subscribers: 5, consents: 7, tokens: 7 });
    const first = await newsletter.prune();
    // The never-confirmed subscriber, and the 31-day-old first signup of later-weer@ (the
    // later signup stays).
    expect(first).toMatchObject({ signups: 1, consents: 2 });
    expect(first.tokens).toBeGreaterThanOrEqual(1);
    expect(first.rateLimits).toBeGreaterThan(0);
    const counts = await newsletter.counts();
    expect(counts).toMatchObject({ subscribers: 4, consents: 5 });
    expect(await newsletter.stats()).toMatchObject({
      totals: { pending: 3, confirmed: 1, unsubscribed: 0, total: 4 },
    });
    expect(await newsletter.prune()).toEqual({ signups: 0, consents: 0, tokens: 0, rateLimits: 0 });
    expect(await newsletter.counts()).toEqual(counts);

    // The pruned address can simply sign up again.
    expect(await signup("oud@example.nl")).toMatchObject({ status: "ok" });
    expect(transport.to("oud@example.nl")).toHaveLength(2);
    await expect(newsletter.prune({ olderThanDays: 0 })).rejects.toThrow(/olderThanDays/);
  });
});

describe("option checks", () => {
  const base = {
    siteUrl: "https://www.example.nl",
    mailFrom: "updates@example.nl",
    secret: SECRET,
    dataDir: tmpdir(),
  };
  const bad: Array<[string, Partial<NewsletterOptions>]> = [
    ["rateLimits.perIp.windowMs", { rateLimits: { perIp: { max: 5, windowMs: 0 } } }],
    ["rateLimits.perMailbox.max", { rateLimits: { perMailbox: { max: -1, windowMs: 1000 } } }],
    [
      "rateLimits.requestNewPerIp.windowMs",
      { rateLimits: { requestNewPerIp: { max: 5, windowMs: Number.NaN } } },
    ],
    ["maxConfirmationMailsPerHour", { maxConfirmationMailsPerHour: 0 }],
    ["formTokenBucketMs", { formTokenBucketMs: -1 }],
    ["maxFormAgeMs", { formTokenBucketMs: 3_600_000, maxFormAgeMs: 3_600_000 }],
    ["secret", { secret: `${SECRET},short` }],
    ["retry.baseDelayMs", { retry: { baseDelayMs: 0 } }],
    ["retry.maxDelayMs", { retry: { maxDelayMs: -5 } }],
    ["retry.maxAttempts", { retry: { maxAttempts: 0 } }],
    ["mailTimeoutMs", { mailTimeoutMs: 0 }],
    ["mailLeaseMs", { mailLeaseMs: -1 }],
    ["maxFormAgeMs", { maxFormAgeMs: 0 }],
    ["pgSchema", { databaseUrl: "postgres://x@127.0.0.1/x", pgSchema: "Robert'); DROP" }],
  ];
  it.each(bad)("names %s when it is not valid", (name, overrides) => {
    let error: unknown;
    try {
      createNewsletter({ ...base, ...overrides });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewsletterConfigError);
    expect((error as NewsletterConfigError).variable).toBe(name);
    expect((error as Error).message).toContain(name);
  });
});

describe.each(DRIVERS)("SITE_URL with a path (%s)", (driver) => {
  it("keeps the path in confirmation and unsubscribe links", async () => {
    const env = await setup(driver, { siteUrl: "https://example.nl/blog/" });
    await env.newsletter.subscribe(form(env, { email: "pad@example.nl" }), ctx);
    const mail = env.transport.sent[0];
    expect(mail?.text).toMatch(/https:\/\/example\.nl\/blog\/nieuwsbrief\/bevestigen\//);
    expect(mail?.headers["List-Unsubscribe"]).toMatch(
      /^<https:\/\/example\.nl\/blog\/nieuwsbrief\/afmelden\/[^>]+>$/,
    );
    const other = await setup(driver, { siteUrl: "https://example.nl/blog" });
    await other.newsletter.subscribe(form(other, { email: "pad@example.nl" }), ctx);
    expect(other.transport.sent[0]?.text).toContain(
      "https://example.nl/blog/nieuwsbrief/bevestigen/",
    );
    expect(await env.newsletter.confirm(tokenFrom(mail, "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
  });
});
