import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createNewsletter } from "../src/index.js";
import { MemoryTransport, PG_URL, requirePostgres, SECRET } from "./helpers.js";

// Operators choose a schema in DATABASE_URL (`?options=-c search_path=…`), e.g. one per app
// environment. The tables must go there, even when another schema already has them.
const fresh = `url_schema_${Date.now().toString(36)}_${process.pid}`;
const other = `url_schema_other_${Date.now().toString(36)}_${process.pid}`;
const urlFor = (schema: string) =>
  `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await admin(`drop schema if exists ${fresh} cascade; drop schema if exists ${other} cascade`);
});

it("migrates into the schema DATABASE_URL's search_path names, not one that already has the tables", async () => {
  await requirePostgres();
  await admin(`create schema ${fresh}; create schema ${other}`);
  const options = {
    siteUrl: "https://www.vaart.example",
    mailFrom: "updates@vaart.example",
    secret: SECRET,
    transport: new MemoryTransport(),
  };
  // Another schema on the same database has the tables (and its migration table) already.
  const first = createNewsletter({ ...options, databaseUrl: urlFor(other) });
  await first.counts();
  await first.close();
  const second = createNewsletter({ ...options, databaseUrl: urlFor(fresh) });
  try {
    expect(await second.counts()).toMatchObject({ subscribers: 0 });
    const tables = await admin(
      `select count(*)::int as n from information_schema.tables where table_schema = '${fresh}'`,
    );
    expect(tables.rows[0]?.n).toBeGreaterThan(0);
  } finally {
    await second.close();
  }
});
