/**
 * The consent proof: each signup keeps its own consent record, a token confirms only the
 * signup it was mailed for, and the confirmation's request (method, IP, user agent) is kept.
 */
import { describe, expect, it } from "vitest";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

const MINUTE = 60_000;

describe.each(DRIVERS)("a token confirms the consent it was mailed for (%s)", (driver) => {
  it("the first person's link confirms text A with A's IP and user agent, not B's re-signup", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const a = { ...ctx, ip: "203.0.113.1", userAgent: "Browser A", consentText: "Tekst A" };
    const b = { ...ctx, ip: "198.51.100.2", userAgent: "Browser B", consentText: "Tekst B" };
    await newsletter.subscribe(form(env, { email: "gedeeld@example.nl", firstName: "Ank" }), a);
    env.clock.advance(11 * MINUTE);
    await newsletter.subscribe(form(env, { email: "gedeeld+b@example.nl", firstName: "Bob" }), b);
    expect(transport.sent).toHaveLength(2);
    expect(await newsletter.counts()).toMatchObject({ consents: 2, tokens: 2 });
    expect(await newsletter.confirm(tokenFrom(transport.sent[0], "bevestigen"))).toMatchObject({
      status: "confirmed",
    });
    const row = (await newsletter.exportCsv()).trimEnd().split("\r\n")[1] ?? "";
    expect(row).toContain('"gedeeld@example.nl","Ank"');
    expect(row).toContain("Tekst A");
    expect(row).toContain("203.0.113.1");
    expect(row).toContain("Browser A");
    expect(row).not.toContain("Tekst B");
    expect(row).not.toContain("198.51.100.2");
    // B's link confirms nothing any more (marked used); B's unconfirmed record is gone.
    expect(await newsletter.confirm(tokenFrom(transport.sent[1], "bevestigen"))).toMatchObject({
      status: "already-confirmed",
    });
    expect(await newsletter.counts()).toMatchObject({ consents: 1 });
  });
});

describe.each(DRIVERS)("a later signup while pending (%s)", (driver) => {
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
