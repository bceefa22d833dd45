import { sql } from "kysely";
import { type DatabaseHandle, openDatabase } from "../src/db/connect.server.js";
import type { NewsletterOptions } from "../src/index.js";

/** Where a test's database is: `env.options`, or the options a test gave createNewsletter. */
export type DbOptions = Pick<NewsletterOptions, "databaseUrl" | "dataDir" | "pgSchema">;

/** A connection of its own to the test database (the SQLite file, or the PostgreSQL schema). */
export function openTestDatabase(options: DbOptions): DatabaseHandle {
  return openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? "",
    schema: options.pgSchema,
  });
}

/** Runs `use` on a connection of its own, closed afterwards (also when `use` throws). */
export async function withDatabase<T>(
  options: DbOptions,
  use: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = openTestDatabase(options);
  try {
    return await use(handle);
  } finally {
    await handle.destroy();
  }
}

/** The tables of signups and their mail. */
export const SIGNUP_TABLES = [
  "newsletter_subscribers",
  "newsletter_consents",
  "newsletter_confirmation_tokens",
  "newsletter_rate_limits",
  "newsletter_mail_log",
];

/** Every row of `tables` (default: the signup tables), as text (to search for what must not be there). */
export async function dumpTables(
  env: { options: DbOptions },
  tables: string[] = SIGNUP_TABLES,
): Promise<string> {
  return withDatabase(env.options, async (handle) => {
    const out: unknown[] = [];
    for (const table of tables) {
      const r = await sql`select * from ${sql.table(table)}`.execute(handle.db);
      out.push({ table, rows: r.rows });
    }
    return JSON.stringify(out);
  });
}

/** All rows of one table, read with a connection of its own. */
export async function tableRows<T>(env: { options: DbOptions }, table: string): Promise<T[]> {
  return withDatabase(
    env.options,
    async (handle) => (await sql<T>`select * from ${sql.table(table)}`.execute(handle.db)).rows,
  );
}
