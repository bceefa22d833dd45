import { type Kysely, sql } from "kysely";
import type { DatabaseHandle } from "./connect.server.js";
import type { Database } from "./schema.js";

/**
 * Run `fn` in one transaction. On SQLite it starts with BEGIN IMMEDIATE, taking the write
 * lock up front: several processes can share the file, and a transaction that reads
 * before it writes then waits (busy_timeout) instead of failing with SQLITE_BUSY when
 * another process wrote in between. PostgreSQL uses an ordinary READ COMMITTED transaction;
 * correctness there comes from unique keys and conditional updates.
 */
export async function inTransaction<T>(
  handle: DatabaseHandle,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (handle.dialect !== "sqlite") return handle.db.transaction().execute(fn);
  return handle.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    let result: T;
    try {
      result = await fn(conn);
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
    await sql`commit`.execute(conn);
    return result;
  });
}
