/** A stored signup survives a crash: SQLite commits with synchronous=FULL, PostgreSQL with synchronous_commit on. */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { withDatabase } from "./db-rows.js";
import { DRIVERS, setupMigrated } from "./helpers.js";

describe.each(DRIVERS)("durability (%s)", (driver) => {
  it("SQLite runs with synchronous=FULL", async () => {
    const env = await setupMigrated(driver);
    await withDatabase(env.options, async (handle) => {
      if (driver === "sqlite") {
        const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
        expect(r.rows[0]?.synchronous).toBe(2); // FULL
      } else {
        const r = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(
          handle.db,
        );
        expect(r.rows[0]?.synchronous_commit).toBe("on");
      }
    });
  });
});
