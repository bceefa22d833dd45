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

/**
 * Read a subscriber row inside a transaction and lock it until commit. On PostgreSQL this
 * is SELECT … FOR UPDATE, so that a re-signup, a confirmation and a prune of the same
 * subscriber run one after another instead of interleaving under READ COMMITTED. SQLite
 * needs no row lock: inTransaction already holds the database's write lock.
 */
export async function lockSubscriber(handle: DatabaseHandle, trx: Kysely<Database>, id: string) {
  const query = trx
    .selectFrom("newsletter_subscribers")
    .select(["id", "status", "consent_id", "email", "first_name"])
    .where("id", "=", id);
  return (handle.dialect === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}
