import { describe, expect, it } from "vitest";
import { tableRows } from "./db-rows.js";
import { DRIVERS, setup } from "./helpers.js";

const MINUTE = 60_000;
const rule = { max: 5, windowMs: 15 * MINUTE };

describe.each(DRIVERS)("attempts an app guards (%s)", (driver) => {
  it("allows the limit, refuses the next with a wait, and a success clears the key", async () => {
    const { newsletter, clock } = await setup(driver);
    const guard = newsletter.failedAttempts("ip:203.0.113.7", rule);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await guard.take()).allowed).toBe(true);
    }
    expect(await guard.blockedForSeconds()).toBeGreaterThan(0);
    const refused = await guard.take();
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(10 * 60);
    // Another key has its own count.
    expect((await newsletter.failedAttempts("ip:198.51.100.1", rule).take()).allowed).toBe(true);
    // Long after, the key is free again.
    clock.advance(45 * MINUTE);
    expect(await guard.blockedForSeconds()).toBeNull();
    expect((await guard.take()).allowed).toBe(true);

    for (let attempt = 0; attempt < 4; attempt += 1) await guard.take();
    await guard.clear();
    expect(await guard.blockedForSeconds()).toBeNull();
  });

  it("is a sliding window: attempts just before a quarter past still count just after it", async () => {
    const { newsletter, clock } = await setup(driver);
    // The test clock starts at 12:00:00; go to 12:14:50.
    clock.advance(14 * MINUTE + 50_000);
    const guard = newsletter.failedAttempts("ip:203.0.113.8", rule);
    for (let attempt = 0; attempt < 5; attempt += 1) await guard.take();
    clock.advance(20_000); // 12:15:10, a new fixed window
    expect((await guard.take()).allowed).toBe(false);
  });

  it("lets exactly the limit through a burst of parallel attempts, from every instance", async () => {
    const env = await setup(driver);
    // PostgreSQL: two app instances (two pools). SQLite is one instance per process.
    const second = driver === "postgres" ? env.another() : env.newsletter;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        (index % 2 ? second : env.newsletter).failedAttempts("*", rule).take(),
      ),
    );
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(5);
  });

  it("keeps no client address in the database", async () => {
    const env = await setup(driver);
    await env.newsletter.failedAttempts("ip:203.0.113.7", rule).take();
    const buckets = (await tableRows<{ bucket: string }>(env, "newsletter_rate_limits")).map(
      (row) => row.bucket,
    );
    expect(buckets).toHaveLength(1);
    expect(buckets[0]).toMatch(/^guard:[0-9a-f]{64}$/);
  });

  it("refuses an empty key", async () => {
    const { newsletter } = await setup(driver);
    expect(() => newsletter.failedAttempts("", rule)).toThrow(/key/);
  });
});
