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

/** Most units of work one SQLite commit carries: bounds the wait of the first in a batch. */
const MAX_BATCH = 256;

interface QueuedWork {
  fn: (trx: Kysely<Database>) => Promise<unknown>;
  /** One statement: SQLite undoes a failed statement itself, no savepoint needed. */
  single: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface WriteQueue {
  waiting: QueuedWork[];
  running: boolean;
}

const queues = new WeakMap<DatabaseHandle, WriteQueue>();

/**
 * Like inTransaction, with group commit on SQLite: the units of work that arrive while the
 * previous commit is running are written in one transaction and made durable by one commit
 * (one fsync with synchronous=FULL) instead of one each. Every caller still resolves only
 * after that commit, so an answered signup is on disk as before. Each unit runs inside its
 * own SAVEPOINT: one that throws is rolled back alone and its caller gets the error, the
 * others commit. If the commit itself fails, every caller in the batch gets the error and
 * nothing of the batch is stored. (docs/decisions/0014-signups-share-a-commit.md)
 *
 * PostgreSQL commits concurrent transactions in parallel on its own (and groups their WAL
 * flushes), so there this is inTransaction.
 */
export function inGroupCommit<T>(
  handle: DatabaseHandle,
  fn: (trx: Kysely<Database>) => Promise<T>,
  single = false,
): Promise<T> {
  if (handle.dialect !== "sqlite") return handle.db.transaction().execute(fn);
  let queue = queues.get(handle);
  if (!queue) {
    queue = { waiting: [], running: false };
    queues.set(handle, queue);
  }
  const q = queue;
  return new Promise<T>((resolve, reject) => {
    q.waiting.push({ fn, single, resolve: resolve as (value: unknown) => void, reject });
    if (!q.running) {
      q.running = true;
      // Let the requests already read off the sockets join this first batch.
      setImmediate(() => void drain(handle, q));
    }
  });
}

/**
 * One statement (`fn` runs exactly one) that needs no transaction of its own: on SQLite it
 * joins the group commit
 * (one fsync for many instead of one each); on PostgreSQL it runs as it is (autocommit, one
 * round trip instead of three with BEGIN and COMMIT).
 */
export function groupedWrite<T>(
  handle: DatabaseHandle,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return handle.dialect === "sqlite" ? inGroupCommit(handle, fn, true) : fn(handle.db);
}

async function drain(handle: DatabaseHandle, queue: WriteQueue): Promise<void> {
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      await runBatch(handle, batch);
    }
  } finally {
    queue.running = false;
    // Work queued while the last batch was settling.
    if (queue.waiting.length > 0) {
      queue.running = true;
      setImmediate(() => void drain(handle, queue));
    }
  }
}

async function runBatch(handle: DatabaseHandle, batch: QueuedWork[]): Promise<void> {
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    await handle.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        for (const work of batch) {
          if (!work.single) await sql`savepoint unit`.execute(conn);
          try {
            const value = await work.fn(conn);
            if (!work.single) await sql`release unit`.execute(conn);
            outcomes.push({ ok: true, value });
          } catch (error) {
            if (!work.single) {
              await sql`rollback to unit`.execute(conn);
              await sql`release unit`.execute(conn);
            }
            outcomes.push({ ok: false, error });
          }
        }
        await sql`commit`.execute(conn);
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => {});
        throw error;
      }
    });
  } catch (error) {
    // BEGIN, a savepoint or the COMMIT failed: nothing of this batch is stored.
    for (const work of batch) work.reject(error);
    return;
  }
  batch.forEach((work, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) work.resolve(outcome.value);
    else work.reject(outcome?.error);
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

/** A unique key refused the row (PostgreSQL 23505, SQLite's constraint codes). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    /UNIQUE constraint failed|duplicate key/i.test(String(e?.message ?? ""))
  );
}
