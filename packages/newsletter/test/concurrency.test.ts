import { describe, expect, it } from "vitest";
import type { SubscribeResult } from "../src/index.js";
import { ctx, DRIVERS, form, setup, tokenFrom } from "./helpers.js";

const HOUR = 3_600_000;
const UNIQUE = 250;
const TOTAL = 1_000;

describe.each(DRIVERS)("1,000 concurrent subscribes with duplicates (%s)", (driver) => {
  it("stores exactly one subscriber and sends exactly one mail per address, losing none", async () => {
    const env = await setup(driver, {
      rateLimits: {
        perIp: { max: 10_000, windowMs: HOUR },
        perMailbox: { max: 10_000, windowMs: HOUR },
      },
      maxConfirmationMailsPerHour: 10_000,
      poolSize: 10,
    });
    // PostgreSQL: two app instances (two pools) on one database, as in production with
    // several instances. SQLite is one instance per process (better-sqlite3 is synchronous).
    const instances = driver === "postgres" ? [env.newsletter, env.another()] : [env.newsletter];
    const addresses = Array.from({ length: UNIQUE }, (_, i) => `lezer${i}@example.nl`);
    const requests = Array.from({ length: TOTAL }, (_, i) => {
      const address = addresses[(i * 7) % UNIQUE] ?? "";
      // Same address in different spellings: the case-folded key must still collide.
      const email = i % 3 === 0 ? address.toUpperCase() : i % 3 === 1 ? ` ${address} ` : address;
      return { email, instance: instances[i % instances.length], ip: `10.0.${i % 50}.${i % 200}` };
    });
    const forms = requests.map((r) => form(env, { email: r.email }));

    const results: SubscribeResult[] = await Promise.all(
      requests.map(
        (r, i) => r.instance?.subscribe(forms[i], { ...ctx, ip: r.ip }) as Promise<SubscribeResult>,
      ),
    );

    expect(env.errors).toEqual([]);
    expect(results.filter((r) => r.status !== "ok")).toEqual([]);
    const counts = await env.newsletter.counts();
    expect(counts.subscribers).toBe(UNIQUE);
    // Only a signup that gets a mail is stored: the duplicates within the mailbox's mail
    // interval store nothing (the first mail's link confirms the first signup).
    expect(counts.consents).toBe(UNIQUE);
    expect(env.transport.sent).toHaveLength(UNIQUE);
    const recipients = new Set(env.transport.sent.map((m) => m.to.toLowerCase()));
    expect(recipients.size).toBe(UNIQUE);
    for (const address of addresses) expect(recipients.has(address)).toBe(true);
    const stats = await env.newsletter.stats();
    expect(stats.totals).toEqual({ pending: UNIQUE, confirmed: 0, unsubscribed: 0, total: UNIQUE });
  });
});

describe.each(DRIVERS)("racing the same person from two instances (%s)", (driver) => {
  const N = 20;
  // PostgreSQL: two app instances (two pools). SQLite: one instance per process, so the
  // race is between concurrent calls on it (two processes: multi-process.test.ts).
  const limits = {
    rateLimits: {
      perIp: { max: 1_000, windowMs: HOUR },
      perMailbox: { max: 1_000, windowMs: HOUR },
    },
  };
  const pair = (env: Awaited<ReturnType<typeof setup>>) =>
    driver === "postgres" ? [env.newsletter, env.another()] : [env.newsletter, env.newsletter];

  it("the same confirmation link twice at once: one confirmed, one already done, one record", async () => {
    const env = await setup(driver, limits);
    const [a, b] = pair(env);
    const addresses = Array.from({ length: N }, (_, i) => `dubbel${i}@example.nl`);
    for (const email of addresses) await env.newsletter.subscribe(form(env, { email }), ctx);
    const results = await Promise.all(
      addresses.map(async (email) => {
        const token = tokenFrom(env.transport.to(email)[0], "bevestigen");
        const both = await Promise.all([
          a?.confirm(token, { method: "post", ip: "198.51.100.1" }),
          b?.confirm(token, { method: "post", ip: "198.51.100.2" }),
        ]);
        return both.map((r) => r?.status).sort();
      }),
    );
    for (const statuses of results) {
      expect(statuses[1]).toBe("confirmed");
      expect(["already-confirmed", "used"]).toContain(statuses[0]);
    }
    expect((await env.newsletter.stats()).totals).toMatchObject({ pending: 0, confirmed: N });
    // One consent record per address, confirmed once.
    const rows = (await env.newsletter.exportCsv()).trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(N);
    expect(await env.newsletter.counts()).toMatchObject({ subscribers: N, consents: N });
  });

  it("signing up again after unsubscribing, twice at once: one subscriber and one mail", async () => {
    const env = await setup(driver, limits);
    const [a, b] = pair(env);
    const addresses = Array.from({ length: N }, (_, i) => `terug${i}@example.nl`);
    for (const email of addresses) {
      await env.newsletter.subscribe(form(env, { email }), ctx);
      const mail = env.transport.to(email)[0];
      await env.newsletter.confirm(tokenFrom(mail, "bevestigen"));
      await env.newsletter.unsubscribe(tokenFrom(mail, "afmelden"));
    }
    env.clock.advance(3_600_000);
    const results = await Promise.all(
      addresses.flatMap((email) => [
        a?.subscribe(form(env, { email }), { ...ctx, ip: "192.0.2.1" }),
        b?.subscribe(form(env, { email }), { ...ctx, ip: "192.0.2.2" }),
      ]),
    );
    expect(results.map((r) => r?.status)).toEqual(Array(2 * N).fill("ok"));
    for (const email of addresses) expect(env.transport.to(email)).toHaveLength(2);
    expect((await env.newsletter.stats()).totals).toEqual({
      pending: N,
      confirmed: 0,
      unsubscribed: 0,
      total: N,
    });
    expect((await env.newsletter.counts()).subscribers).toBe(N);
    // The new mail's link confirms.
    for (const email of addresses) {
      expect(
        await env.newsletter.confirm(tokenFrom(env.transport.to(email)[1], "bevestigen")),
      ).toMatchObject({ status: "confirmed" });
    }
  });
});
