import pg from "pg";
import { expect, it } from "vitest";
import { createNewsletter } from "../src/index.js";
import { MemoryTransport, PG_URL, requirePostgres, SECRET } from "./helpers.js";

// Operators choose a schema in DATABASE_URL (`?options=-c search_path=…`), e.g. one per app
// environment. The tables must go there, even when another schema already has them.
// Named like every test schema of this run: the global teardown drops them once every file is
// done (dropping a schema while another file migrates breaks that migration's introspection).
const run = process.env.VAART_TEST_RUN ?? "norun";
const fresh = `t_${run}_url_${process.pid}`;
const other = `t_${run}_url_other_${process.pid}`;
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
