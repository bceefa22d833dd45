/**
 * Concurrent signups on SQLite share one commit (decision 14): each is on disk when its
 * caller hears "ok", and one signup refused inside a shared commit takes no other with it.
 */
import path from "node:path";
import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ctx, form, setup, setupMigrated } from "./helpers.js";

const HOUR = 3_600_000;

describe("signups that arrive together on SQLite", () => {
  it("each is readable from another connection the moment its caller is answered", async () => {
    const env = await setupMigrated("sqlite", { firstSendWaitMs: 0 });
    const other = new SQLite(path.join(env.options.dataDir ?? "", "vaart.sqlite"), {
      readonly: true,
    });
    try {
      const stored = other.prepare(
        "select count(*) as n from newsletter_subscribers where email = ?",
      );
      const seenAtAnswer: number[] = [];
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          const email = `samen${i}@example.nl`;
          return env.newsletter
            .subscribe(form(env, { email }), { ...ctx, ip: `10.${i}.0.1` })
            .then((result) => {
              expect(result.status).toBe("ok");
              // Another connection sees only what was committed.
              seenAtAnswer.push((stored.get(email) as { n: number }).n);
            });
        }),
      );
      expect(seenAtAnswer).toEqual(Array.from({ length: 60 }, () => 1));
    } finally {
      other.close();
    }
  });

  it("a signup over its network's limit is rolled back alone; the others in its commit stay", async () => {
    const env = await setup("sqlite", {
      rateLimits: { perNetwork: { max: 25, windowMs: HOUR } },
    });
    // 40 at once from one /24 (each its own address and IP), 10 from elsewhere.
    const results = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        env.newsletter.subscribe(form(env, { email: `buur${i}@example.nl` }), {
          ...ctx,
          ip: `198.51.100.${i + 1}`,
        }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        env.newsletter.subscribe(form(env, { email: `elders${i}@example.nl` }), {
          ...ctx,
          ip: `10.${i}.0.1`,
        }),
      ),
    ]);
    const neighbours = results.slice(0, 40).map((r) => r.status);
    expect(neighbours.filter((s) => s === "ok")).toHaveLength(25);
    expect(neighbours.filter((s) => s === "rate-limited")).toHaveLength(15);
    expect(results.slice(40).every((r) => r.status === "ok")).toBe(true);
    const counts = await env.newsletter.counts();
    expect(counts.subscribers).toBe(35);
    expect(counts.consents).toBe(35);
    expect(env.transport.sent).toHaveLength(35);
    expect(env.errors).toEqual([]);
  });
});
