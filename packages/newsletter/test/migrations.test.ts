import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../src/db/migrations.js";
import { ctx, DRIVERS, form, setup } from "./helpers.js";

const DESTRUCTIVE = "9999_test_drop_rate_limits";

afterEach(() => {
  delete migrations[DESTRUCTIVE];
});

describe.each(DRIVERS)("migrations (%s)", (driver) => {
  it("are applied on first use and by migrate(), once", async () => {
    const env = await setup(driver);
    expect(await env.newsletter.subscribe(form(env), ctx)).toMatchObject({ status: "ok" });
    expect(await env.newsletter.migrate()).toEqual({
      applied: [],
      alreadyApplied: [
        "0001_initial",
        "0002_confirm_method",
        "0003_mailbox",
        "0004_visits",
        "0005_mail_rank",
        "0006_app_sessions",
        "0007_updates",
        "0008_content",
        "0009_studio_login",
        "0012_content_images",
      ],
    });
  });

  it("refuse a destructive migration unless explicitly allowed", async () => {
    const env = await setup(driver);
    await env.newsletter.migrate();
    migrations[DESTRUCTIVE] = {
      destructive: true,
      async up(db) {
        await db.schema.dropTable("newsletter_rate_limits").execute();
      },
    };
    await expect(env.newsletter.migrate()).rejects.toThrow(
      `Refusing to apply destructive migration(s) ${DESTRUCTIVE} without --allow-destructive`,
    );
    // Nothing was dropped: signups still work (they use the rate-limit table).
    expect(await env.newsletter.subscribe(form(env), ctx)).toMatchObject({ status: "ok" });

    expect(await env.newsletter.migrate({ allowDestructive: true })).toMatchObject({
      applied: [DESTRUCTIVE],
    });
    // It really ran: without the rate-limit table a signup now fails cleanly.
    expect(
      await env.newsletter.subscribe(form(env, { email: "na@example.nl" }), ctx),
    ).toMatchObject({
      status: "unavailable",
    });
  });
});

describe("migrations (postgres, several instances starting at once)", () => {
  it("five app instances auto-migrating a fresh database at the same time all succeed", async () => {
    const env = await setup("postgres");
    const instances = [env.newsletter, ...Array.from({ length: 4 }, () => env.another())];
    const results = await Promise.all(
      instances.map((n, i) => n.subscribe(form(env, { email: `start${i}@example.nl` }), ctx)),
    );
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
    expect((await env.newsletter.counts()).subscribers).toBe(5);
  });
});
