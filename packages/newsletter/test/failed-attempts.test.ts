import SQLite from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { DRIVERS, PG_URL, setup } from "./helpers.js";

const MINUTE = 60_000;
const rule = { max: 5, windowMs: 15 * MINUTE };

describe.each(DRIVERS)("failed attempts an app guards (%s)", (driver) => {
  it("blocks after the limit until the window ends, and a success clears the key", async () => {
    const { newsletter, clock } = await setup(driver);
    const guard = newsletter.failedAttempts("ip:203.0.113.7", rule);
    for (let attempt = 0; attempt < 4; attempt += 1) await guard.record();
    expect(await guard.blockedForSeconds()).toBeNull();
    await guard.record();
    // The clock starts at 12:00:00, the start of a 15-minute window.
    expect(await guard.blockedForSeconds()).toBe(15 * 60);
    clock.advance(10 * MINUTE);
    expect(await guard.blockedForSeconds()).toBe(5 * 60);
    // Another key has its own count.
    expect(await newsletter.failedAttempts("ip:198.51.100.1", rule).blockedForSeconds()).toBeNull();
    clock.advance(5 * MINUTE);
    expect(await guard.blockedForSeconds()).toBeNull();

    for (let attempt = 0; attempt < 4; attempt += 1) await guard.record();
    await guard.clear();
    await guard.record();
    expect(await guard.blockedForSeconds()).toBeNull();
  });

  it("counts concurrent failures from every instance on one database", async () => {
    const env = await setup(driver);
    // PostgreSQL: two app instances (two pools). SQLite is one instance per process.
    const second = driver === "postgres" ? env.another() : env.newsletter;
    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 ? second : env.newsletter).failedAttempts("*", rule).record(),
      ),
    );
    expect(await second.failedAttempts("*", rule).blockedForSeconds()).toBeGreaterThan(0);
    expect(await env.newsletter.failedAttempts("*", rule).blockedForSeconds()).toBeGreaterThan(0);
  });

  it("keeps no client address in the database", async () => {
    const env = await setup(driver);
    await env.newsletter.failedAttempts("ip:203.0.113.7", rule).record();
    const buckets = await rateLimitBuckets(env.newsletter.location, env.options.pgSchema);
    expect(buckets).toHaveLength(1);
    expect(buckets[0]).toMatch(/^guard:[0-9a-f]{64}$/);
  });

  it("refuses an empty key", async () => {
    const { newsletter } = await setup(driver);
    expect(() => newsletter.failedAttempts("", rule)).toThrow(/key/);
  });
});

async function rateLimitBuckets(location: string, pgSchema: string | undefined) {
  if (!pgSchema) {
    const db = new SQLite(location, { readonly: true });
    try {
      return db
        .prepare("select bucket from newsletter_rate_limits")
        .all()
        .map((row) => (row as { bucket: string }).bucket);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const result = await client.query(`select bucket from "${pgSchema}".newsletter_rate_limits`);
    return result.rows.map((row: { bucket: string }) => row.bucket);
  } finally {
    await client.end();
  }
}
