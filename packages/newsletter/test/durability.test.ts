/** A stored signup survives a crash: SQLite commits with synchronous=FULL, PostgreSQL with synchronous_commit on. */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/connect.server.js";
import { DRIVERS, setup } from "./helpers.js";

describe.each(DRIVERS)("durability (%s)", (driver) => {
  it("SQLite runs with synchronous=FULL", async () => {
    const env = await setup(driver);
    await env.newsletter.migrate();
    const handle = openDatabase({
      databaseUrl: env.options.databaseUrl,
      dataDir: env.options.dataDir ?? "",
      schema: env.options.pgSchema,
    });
    try {
      if (driver === "sqlite") {
        const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
        expect(r.rows[0]?.synchronous).toBe(2); // FULL
      } else {
        const r = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(
          handle.db,
        );
        expect(r.rows[0]?.synchronous_commit).toBe("on");
      }
    } finally {
      await handle.destroy();
    }
  });
});
