import { describe, expect, it } from "vitest";
import { messages } from "../src/index.js";
import { CONSENT_TEXT, ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

const HOUR = 3_600_000;

describe.each(DRIVERS)("subscribe → confirm → unsubscribe (%s)", (driver) => {
  it("stores a pending signup, sends one Dutch confirmation mail and confirms it", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const result = await newsletter.subscribe(
      form(env, {
        email: "  Anna+updates@Example.NL ",
        utm_source: "linkedin",
        utm_campaign: "najaar",
      }),
      ctx,
    );
    expect(result).toEqual({ status: "ok", message: messages.checkMailbox });
    expect(transport.sent).toHaveLength(1);
    const mail = transport.sent[0];
    expect(mail?.to).toBe("Anna+updates@example.nl");
    expect(mail?.subject).toBe("Bevestig je aanmelding voor de Updates");
    expect(mail?.text.startsWith("Hoi,\n")).toBe(true); // no visitor text before confirmation
    expect(mail?.text).not.toContain("Anna,");
    expect(mail?.html).toContain("Ja, bevestig mijn aanmelding");
    expect(mail?.replyTo).toBe("info@example.nl");
    expect(mail?.headers["List-Unsubscribe"]).toMatch(
      /^<https:\/\/www\.example\.nl\/nieuwsbrief\/afmelden\/[^>]+>$/,
    );
    expect(mail?.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect((await newsletter.stats()).totals).toMatchObject({ pending: 1, confirmed: 0 });

    env.clock.advance(60_000);
    const confirmed = await newsletter.confirm(tokenFrom(mail, "bevestigen"), {
      ip: "198.51.100.1",
      userAgent: "Mail client",
    });
    expect(confirmed).toEqual({ status: "confirmed", message: messages.confirmed });
    expect((await newsletter.stats()).sources).toEqual([
      { source: "/nieuwsbrief", pending: 0, confirmed: 1, unsubscribed: 0, total: 1 },
    ]);

    // Consent proof: text, hash, version, where, UTM, IP/UA/time at signup and confirmation.
    const csv = await newsletter.exportCsv();
    const [header, row] = csv.trimEnd().split("\r\n");
    expect(header).toContain("consent_hash");
    expect(row).toContain("Anna+updates@example.nl");
    expect(row).toContain(CONSENT_TEXT.replaceAll('"', '""'));
    expect(row).toContain("2026-11");
    expect(row).toContain("linkedin");
    expect(row).toContain("najaar");
    expect(row).toContain("203.0.113.7");
    expect(row).toContain("198.51.100.1");
    expect(row).toContain("2026-11-27T12:00:00.000Z");
    expect(row).toContain("2026-11-27T12:01:00.000Z");
  });

  it("treats a second signup for the same address as the same subscriber (case-insensitive)", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "jan@example.nl" }), ctx);
    await newsletter.subscribe(form(env, { email: "JAN@EXAMPLE.NL" }), ctx);
    expect(transport.sent).toHaveLength(1);
    expect((await newsletter.counts()).subscribers).toBe(1);

    // After the interval a new signup may send one new mail; both links then work once.
    env.clock.advance(11 * 60_000);
    await newsletter.subscribe(form(env, { email: "jan@example.nl" }), ctx);
    expect(transport.sent).toHaveLength(2);
    expect((await newsletter.counts()).subscribers).toBe(1);
    expect(await newsletter.confirm(tokenFrom(transport.sent[1], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
    expect(await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"))).toMatchObject({
      status: "already-confirmed",
    });

    // Confirmed: a new signup sends nothing and answers the same.
    env.clock.advance(HOUR);
    expect(await newsletter.subscribe(form(env, { email: "jan@example.nl" }), ctx)).toMatchObject({
      status: "ok",
    });
    expect(transport.sent).toHaveLength(2);
  });

  it("refuses unknown, used and expired tokens without changing anything", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    expect(await newsletter.confirm("x".repeat(43))).toEqual({
      status: "unknown",
      message: messages.tokenUnknown,
      canRequestNew: true,
    });
    expect(await newsletter.confirm("<script>")).toMatchObject({ status: "unknown" });
    expect(await newsletter.confirm(undefined)).toMatchObject({ status: "unknown" });

    await newsletter.subscribe(form(env, { email: "piet@example.nl" }), ctx);
    const token = tokenFrom(transport.sent[0], "bevestigen");
    env.clock.advance(49 * HOUR);
    expect(await newsletter.confirm(token)).toEqual({
      status: "expired",
      message: messages.tokenExpired,
      canRequestNew: true,
    });
    expect((await newsletter.stats()).totals.pending).toBe(1);

    // Request a new mail: the new link works, once.
    expect(
      await newsletter.requestNewConfirmation("piet@example.nl", { ip: "203.0.113.9" }),
    ).toEqual({
      status: "ok",
      message: messages.newConfirmationRequested,
    });
    expect(transport.sent).toHaveLength(2);
    const fresh = tokenFrom(transport.sent[1], "bevestigen");
    expect(await newsletter.confirm(fresh)).toMatchObject({ status: "confirmed" });
    expect(await newsletter.confirm(fresh)).toMatchObject({ status: "already-confirmed" });

    // Unknown addresses get the same answer and no mail.
    expect(await newsletter.requestNewConfirmation("niemand@example.nl")).toMatchObject({
      status: "ok",
    });
    expect(await newsletter.requestNewConfirmation("geen-adres")).toMatchObject({
      status: "invalid",
      fieldErrors: { email: messages.emailInvalid },
    });
    expect(transport.sent).toHaveLength(2);
  });

  it("unsubscribes with the one-click token, records it, and allows signing up again", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    await newsletter.subscribe(form(env, { email: "kees@example.nl" }), ctx);
    await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"));
    const unsubscribeToken = tokenFrom(transport.sent[0], "afmelden");

    expect(await newsletter.unsubscribe(`${unsubscribeToken}x`)).toMatchObject({
      status: "invalid",
    });
    expect(await newsletter.unsubscribe("not-a-token")).toEqual({
      status: "invalid",
      message: messages.unsubscribeInvalid,
    });
    env.clock.advance(HOUR);
    const result = await newsletter.unsubscribe(unsubscribeToken, {
      method: "one-click",
      ip: "192.0.2.1",
      userAgent: "Gmail one-click",
    });
    expect(result).toEqual({ status: "unsubscribed", message: messages.unsubscribed });
    // Idempotent.
    expect(await newsletter.unsubscribe(unsubscribeToken)).toMatchObject({
      status: "unsubscribed",
    });
    expect((await newsletter.stats()).totals).toMatchObject({ confirmed: 0, unsubscribed: 1 });
    expect(await newsletter.exportCsv()).not.toContain("kees@example.nl");

    // The old confirmation link cannot bring them back.
    expect(await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"))).toMatchObject({
      status: "used",
      canRequestNew: true,
    });
    expect((await newsletter.stats()).totals.unsubscribed).toBe(1);

    // Signing up again: a new consent record and a new mail.
    env.clock.advance(HOUR);
    await newsletter.subscribe(form(env, { email: "kees@example.nl" }), {
      ...ctx,
      source: "voorjaar-2027",
    });
    expect(transport.sent).toHaveLength(2);
    expect(await newsletter.counts()).toMatchObject({ subscribers: 1, consents: 2 });
    expect(await newsletter.confirm(tokenFrom(transport.sent[1], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
    const stats = await newsletter.stats();
    expect(stats.sources).toEqual([
      { source: "voorjaar-2027", pending: 0, confirmed: 1, unsubscribed: 0, total: 1 },
    ]);
  });

  it("drops honeypot bots silently; a missing or forged token gets one more step; nothing stored or sent", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    for (const bot of [
      form(env, { website: "http://spam.example" }),
      form(env, { website: ["", "x"] }),
    ]) {
      expect(await newsletter.subscribe(bot, ctx)).toEqual({
        status: "ok",
        message: messages.checkMailbox,
      });
    }
    for (const formToken of ["", "1700000000000.forgedsignatureforgedsignatureforgedsig1234567"]) {
      expect(await newsletter.subscribe(form(env, { formToken }), ctx)).toMatchObject({
        status: "retry",
        message: messages.retry,
      });
    }
    expect(transport.sent).toHaveLength(0);
    expect(await newsletter.counts()).toEqual({ subscribers: 0, consents: 0, tokens: 0 });
  });

  it("asks a person with a form open for over two days to press once more, keeping the values", async () => {
    const env = await setup(driver);
    const result = await env.newsletter.subscribe(form(env, {}, 49 * HOUR), ctx);
    expect(result).toMatchObject({
      status: "retry",
      values: { email: "anna@example.nl", firstName: "Anna", consent: true },
      formToken: env.newsletter.issueFormToken(),
    });
    expect(env.transport.sent).toHaveLength(0);
  });

  it("rate-limits per IP and per address, across two app instances on one database", async () => {
    const env = await setup(driver, {
      rateLimits: { perIp: { max: 3, windowMs: HOUR } },
    });
    const second = env.another();
    const ip = { ...ctx, ip: "198.51.100.50" };
    expect(await env.newsletter.subscribe(form(env, { email: "a1@example.nl" }), ip)).toMatchObject(
      { status: "ok" },
    );
    expect(await second.subscribe(form(env, { email: "a2@example.nl" }), ip)).toMatchObject({
      status: "ok",
    });
    expect(await env.newsletter.subscribe(form(env, { email: "a3@example.nl" }), ip)).toMatchObject(
      { status: "ok" },
    );
    const limited = await second.subscribe(form(env, { email: "a4@example.nl" }), ip);
    expect(limited).toMatchObject({ status: "rate-limited", message: messages.rateLimited });
    expect(await env.newsletter.counts()).toMatchObject({ subscribers: 3 });

    // Per mailbox, whatever the IP: one mail per interval, the same answer every time.
    const other = (n: number) => ({ ...ctx, ip: `192.0.2.${n}` });
    expect(await second.subscribe(form(env, { email: "b@example.nl" }), other(1))).toMatchObject({
      status: "ok",
    });
    expect(
      await env.newsletter.subscribe(form(env, { email: "b+x@example.nl" }), other(2)),
    ).toMatchObject({ status: "ok" });
    expect(await second.subscribe(form(env, { email: "B@example.nl" }), other(3))).toMatchObject({
      status: "ok",
    });
    expect(env.transport.sent.filter((m) => m.to.toLowerCase().startsWith("b"))).toHaveLength(1);

    // The window passes.
    env.clock.advance(HOUR);
    expect(await second.subscribe(form(env, { email: "a4@example.nl" }), ip)).toMatchObject({
      status: "ok",
    });
  });

  it("returns Dutch field errors and the typed values for re-rendering", async () => {
    const env = await setup(driver);
    const result = await env.newsletter.subscribe(
      form(env, { email: "anna@", firstName: "Anna", consent: "" }),
      ctx,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { email: messages.emailInvalid, consent: messages.consentRequired },
      values: { email: "anna@", firstName: "Anna", consent: false },
    });
    expect(await env.newsletter.counts()).toMatchObject({ subscribers: 0 });
  });
});
