import { describe, expect, it } from "vitest";
import type { SubscribeResult } from "../src/index.js";
import { ctx, DRIVERS, form, setup } from "./helpers.js";

const HOUR = 3_600_000;
const UNIQUE = 250;
const TOTAL = 1_000;

describe.each(DRIVERS)("1,000 concurrent subscribes with duplicates (%s)", (driver) => {
  it("stores exactly one subscriber and sends exactly one mail per address, losing none", async () => {
    const env = await setup(driver, {
      rateLimits: {
        perIp: { max: 10_000, windowMs: HOUR },
        perEmail: { max: 10_000, windowMs: HOUR },
      },
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

    expect(results.filter((r) => r.status !== "ok")).toEqual([]);
    const counts = await env.newsletter.counts();
    expect(counts.subscribers).toBe(UNIQUE);
    // Each accepted signup is its own consent record (a re-signup while pending too).
    expect(counts.consents).toBe(TOTAL);
    expect(env.transport.sent).toHaveLength(UNIQUE);
    const recipients = new Set(env.transport.sent.map((m) => m.to.toLowerCase()));
    expect(recipients.size).toBe(UNIQUE);
    for (const address of addresses) expect(recipients.has(address)).toBe(true);
    const stats = await env.newsletter.stats();
    expect(stats.totals).toEqual({ pending: UNIQUE, confirmed: 0, unsubscribed: 0, total: UNIQUE });
  });
});
