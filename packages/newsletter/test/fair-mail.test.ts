/**
 * Issue 14, item 1: the site-wide mail cap cannot be spent by a few addresses. Mails held
 * back by the cap go out lowest rank first (a first signup from an address before the
 * fifth from another), oldest first within a rank; half of each hour's cap is kept for
 * first signups; a limit per network (IPv4 /24, IPv6 /48) besides the per-IP one; one
 * warning per hour while the cap holds mail back.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfig, createNewsletterFromEnv, type NewsletterOptions } from "../src/index.js";
import { tableRows } from "./db-rows.js";
import { ctx, DRIVERS, form, MemoryTransport, setup, type TestEnv } from "./helpers.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A setup whose logger keeps the warnings (and errors) it was given. */
async function logged(driver: (typeof DRIVERS)[number], overrides: Partial<NewsletterOptions>) {
  const warnings: string[] = [];
  const errors: string[] = [];
  const env = await setup(driver, {
    ...overrides,
    logger: { info() {}, warn: (m) => warnings.push(m), error: (m) => errors.push(m) },
  });
  return { env, warnings, errors };
}

const capWarnings = (warnings: string[]) =>
  warnings.filter((w) => w.includes("NEWSLETTER_MAX_MAILS_PER_HOUR"));

function signup(env: TestEnv, email: string, ip: string) {
  return env.newsletter.subscribe(form(env, { email }), { ...ctx, ip });
}

describe.each(DRIVERS)("a flood from a few addresses under the site-wide cap (%s)", (driver) => {
  it("a visitor who signs up once during the flood gets the mail within 5 minutes", async () => {
    const CAP = 40;
    const { env, warnings, errors } = await logged(driver, { maxConfirmationMailsPerHour: CAP });
    const { transport, clock, newsletter } = env;
    // Twelve addresses in twelve networks, each under the per-IP limit (20 an hour): a
    // signup every 30 s, in turn, each for a new address: 80 in the first 40 minutes.
    const flooders = Array.from({ length: 12 }, (_, i) => `198.51.${100 + i}.23`);
    let flooded = 0;
    const floodOnce = async () => {
      const ip = flooders[flooded % flooders.length] ?? "";
      expect(await signup(env, `vloed${flooded}@example.nl`, ip)).toMatchObject({ status: "ok" });
      flooded += 1;
    };
    // resend-pending from cron every 5 minutes, as the README says.
    let nextCron = clock.t + 5 * MINUTE;
    const tick = async () => {
      clock.advance(30_000);
      if (clock.t >= nextCron) {
        await newsletter.resendPending();
        nextCron += 5 * MINUTE;
      }
      await floodOnce();
    };
    await floodOnce();
    while (flooded < 80) await tick();
    // The flood asked for more than the hour's cap: mail is being held back.
    expect(transport.sent.length).toBeLessThan(80);

    clock.advance(15_000);
    const signedUpAt = clock.t;
    expect(await signup(env, "bezoeker@example.nl", "192.0.2.77")).toMatchObject({
      status: "ok",
    });
    // The flood keeps coming; give up after three hours.
    let mailedAt: number | null = transport.to("bezoeker@example.nl").length > 0 ? clock.t : null;
    while (mailedAt === null && clock.t < signedUpAt + 3 * HOUR) {
      await tick();
      if (transport.to("bezoeker@example.nl").length > 0) mailedAt = clock.t;
    }
    const waitedMinutes = mailedAt === null ? Infinity : (mailedAt - signedUpAt) / MINUTE;
    expect(waitedMinutes).toBeLessThanOrEqual(5);
    expect(capWarnings(warnings)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe.each(DRIVERS)("the queue of held-back mails (%s)", (driver) => {
  it("goes by how little the source asked for, then oldest first; repeated signups get half the cap", async () => {
    // Cap 2: a first signup from an address may take both slots, a later one only one.
    const env = await setup(driver, { maxConfirmationMailsPerHour: 2 });
    const { transport, clock, newsletter } = env;
    const steps: [string, string][] = [
      ["a1@example.nl", "192.0.2.1"], // rank 1: slot 1
      ["b1@example.nl", "192.0.2.2"], // rank 1: slot 2, the hour is full
      ["c1@example.nl", "192.0.2.3"], // rank 1: held
      ["a2@example.nl", "192.0.2.1"], // rank 2: held
      ["d1@example.nl", "192.0.2.4"], // rank 1: held, after c1
      ["b2@example.nl", "192.0.2.2"], // rank 2: held, after a2
    ];
    for (const [email, ip] of steps) {
      clock.advance(1_000);
      expect(await signup(env, email, ip)).toMatchObject({ status: "ok" });
    }
    const sent = () => transport.sent.map((m) => m.to);
    expect(sent()).toEqual(["a1@example.nl", "b1@example.nl"]);
    expect(await newsletter.resendPending()).toMatchObject({ due: 0 });

    clock.advance(HOUR);
    expect(await newsletter.resendPending()).toMatchObject({ sent: 2 });
    // First signups first, oldest first; a rank-2 mail may not take the second slot.
    expect(sent().slice(2)).toEqual(["c1@example.nl", "d1@example.nl"]);
    clock.advance(HOUR);
    expect(await newsletter.resendPending()).toMatchObject({ sent: 1 });
    expect(sent().slice(4)).toEqual(["a2@example.nl"]);
    clock.advance(HOUR);
    expect(await newsletter.resendPending()).toMatchObject({ sent: 1 });
    expect(sent().slice(5)).toEqual(["b2@example.nl"]);
  });

  it("says once per hour, not once per signup, that the cap holds mail back", async () => {
    const { env, warnings } = await logged(driver, { maxConfirmationMailsPerHour: 2 });
    const { clock, newsletter } = env;
    for (let i = 0; i < 8; i += 1) {
      clock.advance(1_000);
      await signup(env, `piek${i}@example.nl`, `192.0.2.${i + 1}`);
      if (i % 3 === 0) await newsletter.resendPending();
    }
    expect(capWarnings(warnings)).toHaveLength(1);
    expect(capWarnings(warnings)[0]).toMatch(/cap of 2 confirmation mails per hour/);
    // A new hour: held back again (six waiting, two slots), one more warning.
    clock.advance(HOUR);
    await newsletter.resendPending();
    await newsletter.resendPending();
    await signup(env, "later@example.nl", "192.0.2.99");
    expect(capWarnings(warnings)).toHaveLength(2);
  });
});

describe.each(DRIVERS)("the per-network limit (%s)", (driver) => {
  const limits = {
    rateLimits: {
      perIp: { max: 2, windowMs: HOUR },
      perNetwork: { max: 3, windowMs: HOUR },
    },
  };

  it("counts an IPv4 /24 together; another /24 is not affected", async () => {
    const env = await setup(driver, limits);
    // One address over its own limit does not spend its neighbours' allowance.
    expect(await signup(env, "n1@example.nl", "203.0.113.1")).toMatchObject({ status: "ok" });
    expect(await signup(env, "n2@example.nl", "203.0.113.1")).toMatchObject({ status: "ok" });
    for (let i = 0; i < 5; i += 1) {
      expect(await signup(env, `n-extra${i}@example.nl`, "203.0.113.1")).toMatchObject({
        status: "rate-limited",
      });
    }
    expect(await signup(env, "n3@example.nl", "203.0.113.2")).toMatchObject({ status: "ok" });
    const limited = await signup(env, "n4@example.nl", "203.0.113.250");
    expect(limited).toMatchObject({ status: "rate-limited" });
    expect(limited.status === "rate-limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(await signup(env, "n5@example.nl", "203.0.114.1")).toMatchObject({ status: "ok" });
    expect(await env.newsletter.counts()).toMatchObject({ subscribers: 4 });
    // A new window: the network may sign up again.
    env.clock.advance(HOUR);
    expect(await signup(env, "n4@example.nl", "203.0.113.250")).toMatchObject({ status: "ok" });
  });

  it("counts an IPv6 /48 together (several /64s); another /48 is not affected", async () => {
    const env = await setup(driver, limits);
    expect(await signup(env, "v1@example.nl", "2001:db8:aa::1")).toMatchObject({ status: "ok" });
    expect(await signup(env, "v2@example.nl", "2001:db8:aa:1::1")).toMatchObject({ status: "ok" });
    expect(await signup(env, "v3@example.nl", "2001:0db8:00aa:0002::9")).toMatchObject({
      status: "ok",
    });
    expect(await signup(env, "v4@example.nl", "2001:db8:aa:ffff::1")).toMatchObject({
      status: "rate-limited",
    });
    expect(await signup(env, "v5@example.nl", "2001:db8:ab::1")).toMatchObject({ status: "ok" });
  });

  it("signups at once from one address of a full network: each told to wait, none spent", async () => {
    const env = await setup(driver, {
      rateLimits: { perIp: { max: 20, windowMs: HOUR }, perNetwork: { max: 3, windowMs: HOUR } },
    });
    for (const last of [1, 2, 3]) {
      expect(await signup(env, `vol${last}@example.nl`, `203.0.113.${last}`)).toMatchObject({
        status: "ok",
      });
    }
    // Refused signups take their hits back while others from the same address take theirs:
    // on PostgreSQL that must not end in a deadlock (an "unavailable" answer).
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signup(env, `wacht${i}@example.nl`, "203.0.113.9")),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill("rate-limited"));
    const rows = await tableRows<{ bucket: string; hits: number }>(env, "newsletter_rate_limits");
    const hits = rows
      .filter((row) => row.bucket.startsWith("signup"))
      .map((row) => Number(row.hits))
      .filter((count) => count > 0)
      .sort((x, y) => x - y);
    // Three addresses with one signup each and the network at 3; the refused address has
    // spent nothing.
    expect(hits).toEqual([1, 1, 1, 3]);
  });

  it("takes limits far above the 32-bit range (a limit set to 'practically none')", async () => {
    const env = await setup(driver, {
      rateLimits: {
        perIp: { max: 1e10, windowMs: HOUR },
        perNetwork: { max: 1e12, windowMs: HOUR },
      },
    });
    expect(await signup(env, "ruim@example.nl", "203.0.113.7")).toMatchObject({ status: "ok" });
  });

  it("holds requests for a new confirmation mail too, in a bucket of their own", async () => {
    const env = await setup(driver, limits);
    const ask = (ip: string) => env.newsletter.requestNewConfirmation("niemand@example.nl", { ip });
    expect(await ask("203.0.113.1")).toMatchObject({ status: "ok" });
    expect(await ask("203.0.113.2")).toMatchObject({ status: "ok" });
    expect(await ask("203.0.113.3")).toMatchObject({ status: "ok" });
    expect(await ask("203.0.113.4")).toMatchObject({ status: "rate-limited" });
    // Signups from that network have their own allowance.
    expect(await signup(env, "w1@example.nl", "203.0.113.4")).toMatchObject({ status: "ok" });
  });

  it("is 60 an hour by default and NEWSLETTER_NETWORK_LIMIT sets it", async () => {
    const env = await setup(driver);
    const dataDir = mkdtempSync(path.join(tmpdir(), "vaart-network-limit-"));
    try {
      // Default: 60 signups from one /24 (three addresses at their own limit of 20).
      for (let i = 0; i < 60; i += 1) {
        expect(await signup(env, `d${i}@example.nl`, `198.51.100.${i % 3}`)).toMatchObject({
          status: "ok",
        });
      }
      expect(await signup(env, "d60@example.nl", "198.51.100.3")).toMatchObject({
        status: "rate-limited",
      });

      const fromEnv = createNewsletterFromEnv(
        { NODE_ENV: "test", DATA_DIR: dataDir, NEWSLETTER_NETWORK_LIMIT: "2" },
        {
          ...env.options,
          pgSchema: env.options.pgSchema ? `${env.options.pgSchema}_env` : undefined,
          dataDir,
          transport: new MemoryTransport(),
        },
      );
      try {
        const sub = (email: string, ip: string) =>
          fromEnv.subscribe(form({ ...env, newsletter: fromEnv }, { email }), { ...ctx, ip });
        expect(await sub("e1@example.nl", "198.51.100.1")).toMatchObject({ status: "ok" });
        expect(await sub("e2@example.nl", "198.51.100.2")).toMatchObject({ status: "ok" });
        expect(await sub("e3@example.nl", "198.51.100.3")).toMatchObject({
          status: "rate-limited",
        });
      } finally {
        await fromEnv.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("NEWSLETTER_NETWORK_LIMIT", () => {
  it.each(["0", "-5", "sixty", "1.5"])("%s is refused, naming the variable", (value) => {
    const { problems } = checkConfig({ NODE_ENV: "test", NEWSLETTER_NETWORK_LIMIT: value });
    expect(problems).toEqual([
      {
        variable: "NEWSLETTER_NETWORK_LIMIT",
        message: expect.stringMatching(
          /^NEWSLETTER_NETWORK_LIMIT must be a positive whole number: signups per hour from one network \(IPv4 \/24, IPv6 \/48\)/,
        ),
      },
    ]);
  });
});

describe.each(DRIVERS)("mails that take their cap slots together (%s)", (driver) => {
  it("60 signups at once under a cap of 25: 25 mails go out, the rest wait, the count is exact", async () => {
    const { env, errors } = await logged(driver, { maxConfirmationMailsPerHour: 25 });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signup(env, `samen${i}@example.nl`, `10.${i}.0.1`)),
    );
    expect(results.every((r) => r.status === "ok")).toBe(true);
    expect(env.transport.sent).toHaveLength(25);
    const slots = await tableRows<{ bucket: string; hits: number }>(env, "newsletter_rate_limits");
    const site = slots.filter((r) => r.bucket === "site:confirmation-mails");
    expect(site.map((r) => Number(r.hits))).toEqual([25]);
    // The next hour sends the rest (resend-pending), 25 of them.
    env.clock.advance(HOUR);
    expect(await env.newsletter.resendPending()).toMatchObject({ sent: 25 });
    expect(errors).toEqual([]);
  });
});
