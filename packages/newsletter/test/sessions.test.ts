import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tableRows } from "./db-rows.js";
import { DRIVERS, setup } from "./helpers.js";

const HOUR = 3_600_000;
const PASSWORD = "marketing-kijkt-mee-naar-de-cijfers";

describe.each(DRIVERS)("server-side sessions of an app login (%s)", (driver) => {
  it("gives a random id for the cookie and keeps only its SHA-256", async () => {
    const env = await setup(driver);
    const sessions = env.newsletter.appSessions("results", PASSWORD);
    const { id } = await sessions.create("session", 8 * HOUR);
    const other = await sessions.create("session", 8 * HOUR);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other.id).not.toBe(id);
    expect(await sessions.find("session", id)).not.toBeNull();
    // A device mark is not a session, and another app's scope is not this one.
    expect(await sessions.find("device", id)).toBeNull();
    expect(await env.newsletter.appSessions("studio", PASSWORD).find("session", id)).toBeNull();

    const rows = JSON.stringify(await tableRows(env, "app_sessions"));
    expect(rows).not.toContain(id);
    expect(rows).not.toContain(PASSWORD);
    expect(rows).toContain(createHash("sha256").update(id).digest("hex"));
  });

  it("ends a session at logout, at its expiry, and every one when the secret changes", async () => {
    const env = await setup(driver);
    const sessions = env.newsletter.appSessions("results", PASSWORD);
    const [a, b, device] = [
      await sessions.create("session", 8 * HOUR),
      await sessions.create("session", 8 * HOUR),
      await sessions.create("device", 90 * 24 * HOUR),
    ];
    await sessions.revoke("session", a.id);
    expect(await sessions.find("session", a.id)).toBeNull();
    expect(await sessions.find("session", b.id)).not.toBeNull();

    // Another instance on the same database sees the same sessions…
    const second = env.another().appSessions("results", PASSWORD);
    expect(await second.find("session", b.id)).not.toBeNull();
    // …and one started with a new password sees none of them.
    const changed = env.another().appSessions("results", `${PASSWORD}-nieuw`);
    expect(await changed.find("session", b.id)).toBeNull();
    expect(await changed.find("device", device.id)).toBeNull();

    env.clock.advance(8 * HOUR);
    expect(await sessions.find("session", b.id)).toBeNull();
    expect(await sessions.find("device", device.id)).not.toBeNull();
    for (const bad of [undefined, null, "", "x", `${b.id}=`, "a".repeat(43)]) {
      expect(await sessions.find("session", bad)).toBeNull();
    }
  });
});
