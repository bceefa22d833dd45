import { sql } from "kysely";
import { openDatabase } from "../src/db/connect.server.js";
import type { TestEnv } from "./helpers.js";

/** Every row of every newsletter table, as text (to search for what must not be there). */
export async function dumpTables(env: TestEnv): Promise<string> {
  const handle = openDatabase({
    databaseUrl: env.options.databaseUrl,
    dataDir: env.options.dataDir ?? "",
    schema: env.options.pgSchema,
  });
  try {
    const out: unknown[] = [];
    for (const table of [
      "newsletter_subscribers",
      "newsletter_consents",
      "newsletter_confirmation_tokens",
      "newsletter_rate_limits",
      "newsletter_mail_log",
    ]) {
      const r = await sql`select * from ${sql.table(table)}`.execute(handle.db);
      out.push({ table, rows: r.rows });
    }
    return JSON.stringify(out);
  } finally {
    await handle.destroy();
  }
}

/** All rows of one table, read with a connection of its own. */
export async function tableRows<T>(env: TestEnv, table: string): Promise<T[]> {
  const handle = openDatabase({
    databaseUrl: env.options.databaseUrl,
    dataDir: env.options.dataDir ?? "",
    schema: env.options.pgSchema,
  });
  try {
    return (await sql<T>`select * from ${sql.table(table)}`.execute(handle.db)).rows;
  } finally {
    await handle.destroy();
  }
}
