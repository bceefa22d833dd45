import { randomBytes } from "node:crypto";
import pg from "pg";

const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";

/**
 * Each test file makes its own PostgreSQL schema, named after this run. They are dropped
 * here, after all files, not by each file: Kysely's migrator introspects every schema, and
 * a schema dropped by one file while another file migrates makes that migration fail.
 */
export default function setup(): () => Promise<void> {
  const run = randomBytes(4).toString("hex");
  process.env.VAART_TEST_RUN = run;
  return async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ nspname: string }>(
        "select nspname from pg_namespace where nspname like $1",
        [`t\\_${run}\\_%`],
      );
      for (const { nspname } of rows)
        await client.query(`drop schema if exists "${nspname}" cascade`);
    } catch {
      // PostgreSQL unreachable: the suite has already failed on that.
    } finally {
      await client.end().catch(() => {});
    }
  };
}
