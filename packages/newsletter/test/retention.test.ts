/** Retention: what prune deletes and keeps, and that no run deletes a window that still counts. */
import { describe, expect, it } from "vitest";
import { dumpTables } from "./db-rows.js";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.each(DRIVERS)("prune (%s)", (driver) => {
  it("deletes only never-confirmed signups (also unsubscribed before confirming) older than the cut-off, with consent, tokens, IP and address; idempotent", async () => {
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

    // Unsubscribed before confirming (what a list-bombing victim does): gone after 30 days,
    // with the attacker's IP and the address.
    {
      const env = await setup(driver);
      const { newsletter, transport } = env;
      await newsletter.subscribe(form(env, { email: "gebombd@example.nl" }), {
        ...ctx,
        ip: "198.51.100.66",
        userAgent: "Aanvaller",
      });
      await newsletter.unsubscribe(tokenFrom(transport.sent[0], "afmelden"));
      env.clock.advance(29 * DAY);
      expect(await newsletter.prune()).toMatchObject({ signups: 0 });
      env.clock.advance(2 * DAY);
      expect(await newsletter.prune()).toMatchObject({ signups: 1, consents: 1 });
      expect(await newsletter.counts()).toEqual({ subscribers: 0, consents: 0, tokens: 0 });
      const everything = await dumpTables(env);
      expect(everything).not.toContain("198.51.100.66");
      expect(everything).not.toContain("gebombd");
    }
  });
  it("rate-limit windows longer than two days are not pruned away by resend-pending", async () => {
    const env = await setup(driver, { rateLimits: { perIp: { max: 1, windowMs: 7 * DAY } } });
    const { newsletter } = env;
    expect(await newsletter.subscribe(form(env, { email: "w1@example.nl" }), ctx)).toMatchObject({
      status: "ok",
    });
    env.clock.advance(3 * DAY);
    await newsletter.resendPending();
    await newsletter.prune();
    expect(await newsletter.subscribe(form(env, { email: "w2@example.nl" }), ctx)).toMatchObject({
      status: "rate-limited",
    });
  });
});
