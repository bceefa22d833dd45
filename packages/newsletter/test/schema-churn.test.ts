import pg from "pg";
import { expect, it } from "vitest";
import { PG_URL, setup } from "./helpers.js";

// One PostgreSQL database often holds more than this app: other applications, or one schema
// per environment that an operator removes. Dropping one of those while an instance of this
// app starts must not fail its migration (Kysely lists the tables of every schema first).
it("migrates while other schemas in the database are being dropped", async () => {
  const run = process.env.VAART_TEST_RUN ?? "norun";
  const others = Array.from({ length: 40 }, (_, index) => `t_${run}_churn_${process.pid}_${index}`);
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    for (const schema of others) {
      await admin.query(
        `create schema "${schema}"; create table "${schema}".a (id int); create table "${schema}".b (id int)`,
      );
    }
    const instances = await Promise.all(Array.from({ length: 8 }, () => setup("postgres")));
    const dropping = (async () => {
      for (const schema of others) await admin.query(`drop schema "${schema}" cascade`);
    })();
    const results = await Promise.allSettled(
      instances.map(async ({ newsletter }) => {
        for (let round = 0; round < 5; round += 1) await newsletter.migrate();
        return newsletter.counts();
      }),
    );
    await dropping;
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
  } finally {
    await admin.end();
  }
});
