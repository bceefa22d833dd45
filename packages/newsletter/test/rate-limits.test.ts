/** Per-IP and per-network buckets: what counts, which requests share a bucket, how IPs are spelled. */
import { describe, expect, it } from "vitest";
import { tableRows } from "./db-rows.js";
import { ctx, DRIVERS, form, setup } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(DRIVERS)("per-IP buckets (%s)", (driver) => {
  it("signup and request-new have separate per-IP buckets", async () => {
    const env = await setup(driver, {
      rateLimits: { requestNewPerIp: { max: 2, windowMs: HOUR } },
    });
    const { newsletter } = env;
    for (let i = 0; i < 2; i += 1) await newsletter.requestNewConfirmation(`x${i}@example.nl`, ctx);
    expect(await newsletter.requestNewConfirmation("x9@example.nl", ctx)).toMatchObject({
      status: "rate-limited",
    });
    expect(await newsletter.subscribe(form(env, { email: "y@example.nl" }), ctx)).toMatchObject({
      status: "ok",
    });
    expect(env.transport.to("y@example.nl")).toHaveLength(1);
  });

  it("invalid requests spend no budget: replayed confirm tokens and bad forms do not count", async () => {
    const env = await setup(driver, { rateLimits: { perIp: { max: 2, windowMs: HOUR } } });
    const { newsletter } = env;
    for (let i = 0; i < 10; i += 1) {
      await newsletter.subscribe(form(env, { formToken: "forged" }), ctx);
      await newsletter.subscribe(form(env, { email: "kapot" }), ctx);
      await newsletter.confirm("x".repeat(43), ctx);
    }
    expect(await newsletter.subscribe(form(env, { email: "a@example.nl" }), ctx)).toMatchObject({
      status: "ok",
    });
    expect(await newsletter.subscribe(form(env, { email: "b@example.nl" }), ctx)).toMatchObject({
      status: "ok",
    });
    expect(env.transport.sent).toHaveLength(2);
  });

  it("requests without an IP do not share one small bucket", async () => {
    const env = await setup(driver, { rateLimits: { perIp: { max: 2, windowMs: HOUR } } });
    for (let i = 0; i < 25; i += 1) {
      expect(
        await env.newsletter.subscribe(form(env, { email: `zonder${i}@example.nl` }), {
          ...ctx,
          ip: i % 2 ? null : undefined,
        }),
      ).toMatchObject({ status: "ok" });
    }
    expect(env.transport.sent).toHaveLength(25);
    expect(env.errors).toEqual([]); // a configuration warning is logged once (warn)
  });
});

describe.each(DRIVERS)("IP buckets (%s)", (driver) => {
  it("one IPv6 /64 is one bucket in every spelling; other /64s are not; ports are stripped; a list is no IP", async () => {
    const env = await setup(driver, { rateLimits: { perIp: { max: 1, windowMs: HOUR } } });
    const { newsletter } = env;
    const sub = (email: string, ip: string) =>
      newsletter.subscribe(form(env, { email }), { ...ctx, ip });
    expect(await sub("v1@example.nl", "2001:db8::1:2:3:4")).toMatchObject({ status: "ok" });
    expect(await sub("v2@example.nl", "2001:0db8:0000:0000:0001:0002:0003:0004")).toMatchObject({
      status: "rate-limited",
    });
    expect(await sub("v3@example.nl", "2001:db8::5:6:7:8:9")).toMatchObject({ status: "ok" });
    expect(await sub("v4@example.nl", "203.0.113.9:1111")).toMatchObject({ status: "ok" });
    expect(await sub("v5@example.nl", "203.0.113.9:2222")).toMatchObject({
      status: "rate-limited",
    });
    expect(await sub("v6@example.nl", "::ffff:203.0.113.9")).toMatchObject({
      status: "rate-limited",
    });
    expect(await sub("v7@example.nl", "203.0.113.10, 198.51.100.1")).toMatchObject({
      status: "ok",
    });
    expect(await sub("v8@example.nl", "203.0.113.10, 198.51.100.1")).toMatchObject({
      status: "ok",
    });
    const consents = await tableRows<{ email: string; signup_ip: string | null }>(
      env,
      "newsletter_consents",
    );
    const ipOf = (email: string) => consents.find((c) => c.email === email)?.signup_ip;
    expect(ipOf("v1@example.nl")).toBe("2001:db8:0:0:1:2:3:4");
    expect(ipOf("v4@example.nl")).toBe("203.0.113.9");
    expect(ipOf("v7@example.nl")).toBeNull();
  });
});
