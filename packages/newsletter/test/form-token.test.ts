/**
 * The form token: one per hour for every visitor (a page from a shared cache works), accepted
 * for 48 h, 0.5 s of clock difference between instances; a missing or bad token never loses
 * a signup ("Nog één stap").
 */
import { describe, expect, it } from "vitest";
import { createNewsletter, messages } from "../src/index.js";
import { issueFormToken, verifyFormToken } from "../src/tokens.server.js";
import { Clock, ctx, DRIVERS, form, SECRET, setup } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const OLD_SECRET = "old-secret-old-secret-old-secret-old-secret";
const limits = { maxAgeMs: 48 * HOUR, clockSkewMs: 500 };

describe("form token (shared-cache safe)", () => {
  const t0 = new Date("2026-11-27T12:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("is identical for every call within one bucket and changes with the next bucket", () => {
    const token = issueFormToken([SECRET], t0, HOUR);
    expect(issueFormToken([SECRET], at(HOUR - 1), HOUR)).toBe(token);
    expect(issueFormToken([SECRET], at(HOUR), HOUR)).not.toBe(token);
    expect(token).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/);
  });
  it("is accepted at once and for 48 h, by anyone (no user agent, no single use)", () => {
    const token = issueFormToken([SECRET], t0, HOUR);
    expect(verifyFormToken([SECRET], token, t0, limits)).toMatchObject({ ok: true, ageMs: 0 });
    expect(verifyFormToken([SECRET], token, at(48 * HOUR), limits)).toMatchObject({ ok: true });
    expect(verifyFormToken([SECRET], token, at(48 * HOUR + 1), limits)).toEqual({
      ok: false,
      reason: "expired",
    });
  });
  it("rejects forged, malformed, missing and huge tokens; verifies with every secret of a rotation", () => {
    const token = issueFormToken([SECRET], t0, HOUR);
    expect(verifyFormToken([`${SECRET}x`], token, t0, limits)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    const [, sig] = token.split(".");
    expect(verifyFormToken([SECRET], `${t0.getTime() + HOUR}.${sig}`, t0, limits)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyFormToken([SECRET], "garbage", t0, limits)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyFormToken([SECRET], "9".repeat(5_000), t0, limits)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyFormToken([SECRET], null, t0, limits)).toEqual({ ok: false, reason: "missing" });
    const old = issueFormToken([OLD_SECRET], t0, HOUR);
    expect(verifyFormToken([SECRET, OLD_SECRET], old, t0, limits)).toMatchObject({ ok: true });
    expect(issueFormToken([SECRET, OLD_SECRET], t0, HOUR)).toBe(token);
  });
});

describe.each(DRIVERS)("no signup is lost to the form token (%s)", (driver) => {
  it("one cached form token serves many visitors, a corrected resubmit, another browser and a fast submit", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const cached = newsletter.issueFormToken(); // the token in a page from a shared cache
    const post = (email: string, userAgent: string) =>
      newsletter.subscribe(
        { email, consent: "yes", formToken: cached, website: "" },
        { ...ctx, userAgent, ip: `192.0.2.${email.length}` },
      );
    expect(await post("typo@exmaple.nl", "Browser 1")).toMatchObject({ status: "ok" });
    // Back, correct the typo, submit the same form again at once.
    expect(await post("typo@example.nl", "Browser 1")).toMatchObject({ status: "ok" });
    // Other visitors of the same cached copy, with other browsers, within a second.
    expect(await post("tweede@example.nl", "Browser 2")).toMatchObject({ status: "ok" });
    expect(await post("derde@example.nl", "curl/8")).toMatchObject({ status: "ok" });
    expect(transport.sent.map((m) => m.to).sort()).toEqual(
      ["derde@example.nl", "tweede@example.nl", "typo@example.nl", "typo@exmaple.nl"].sort(),
    );
    expect(await newsletter.counts()).toMatchObject({ subscribers: 4 });
  });

  it("a missing, expired, malformed or forged token gets 'Nog één stap' with the values and a fresh token; nothing stored; one more press stores it", async () => {
    const env = await setup(driver);
    const { newsletter, transport } = env;
    const fields = { email: "stap@example.nl", firstName: "Sam", consent: "yes", website: "" };
    const other = createNewsletter({ ...env.options, secret: `${SECRET}-other` });
    const forged = other.issueFormToken();
    await other.close();
    env.clock.advance(-49 * HOUR);
    const expired = newsletter.issueFormToken();
    env.clock.advance(49 * HOUR);
    for (const formToken of [undefined, expired, "12.34", forged, ["a", "b"]]) {
      const result = await newsletter.subscribe({ ...fields, formToken }, ctx);
      expect(result).toEqual({
        status: "retry",
        message: messages.retry,
        values: { email: "stap@example.nl", firstName: "Sam", consent: true },
        formToken: newsletter.issueFormToken(),
      });
      expect(messages.retry.startsWith("Nog één stap")).toBe(true);
    }
    expect(await newsletter.counts()).toMatchObject({ subscribers: 0, consents: 0 });
    expect(transport.sent).toHaveLength(0);
    const retry = await newsletter.subscribe({ ...fields }, ctx);
    const fresh = retry.status === "retry" ? retry.formToken : "";
    expect(await newsletter.subscribe({ ...fields, formToken: fresh }, ctx)).toMatchObject({
      status: "ok",
    });
    expect(transport.to("stap@example.nl")).toHaveLength(1);
  });

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

  it("allows 0.5 s of clock difference between instances (a bucket that starts ahead), not 2 s", async () => {
    const t0 = new Date("2026-11-27T12:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const token = issueFormToken([SECRET], t0, HOUR);
    expect(verifyFormToken([SECRET], token, at(-500), limits)).toMatchObject({ ok: true });
    expect(verifyFormToken([SECRET], token, at(-501), limits)).toEqual({
      ok: false,
      reason: "future",
    });

    const clock = new Clock(Date.parse("2026-11-27T12:00:00.000Z"));
    const env = await setup(driver, { now: clock.now });
    // An instance whose clock is ahead issues the token of the next hour's bucket.
    clock.advance(HOUR);
    const ahead = env.newsletter.issueFormToken();
    clock.advance(-400);
    const within = await env.newsletter.subscribe(
      { email: "klok1@example.nl", consent: "yes", formToken: ahead },
      ctx,
    );
    expect(within).toMatchObject({ status: "ok" });
    clock.advance(-200);
    const beyond = await env.newsletter.subscribe(
      { email: "klok2@example.nl", consent: "yes", formToken: ahead },
      ctx,
    );
    expect(beyond).toMatchObject({ status: "retry" });
  });
});
