import { createHash } from "node:crypto";
import { CompiledQuery, type DialectAdapter, type Kysely, type QueryResult } from "kysely";
import type pg from "pg";
import type { Database } from "./schema.js";

/** A PostgreSQL database's pool, for statements run outside a transaction. */
const pools = new WeakMap<Kysely<Database>, pg.Pool>();

export function registerPool(db: Kysely<Database>, pool: pg.Pool): void {
  pools.set(db, pool);
}

/** Stands for a named parameter while the statement is compiled; never sent. */
const MARK = "\u0000vaart-param\u0000";

/** Something Kysely compiles: a query builder, or a `sql` template given the database. */
type Buildable = { compile(): CompiledQuery } | { compile(db: Kysely<Database>): CompiledQuery };

interface Compiled {
  sql: string;
  /** The name of the server-side prepared statement (PostgreSQL): one per SQL text. */
  name: string;
  /** Per placeholder: the name of the parameter it takes, or a value fixed at build time. */
  slots: ({ name: string } | { value: unknown })[];
}

/**
 * A statement built and compiled by Kysely once per dialect; each run only puts its
 * parameters in place. Building and compiling a signup's statements anew cost about as much
 * CPU as SQLite running them (decision 14's profile). `build` gets a parameter object whose
 * every property stands for the named parameter: the statement's shape must not depend on
 * the values (no arrays, no branches on a value), and it names each parameter (the object
 * has no keys to spread).
 */
export function prepared<P extends Record<string, unknown>, R = unknown>(
  build: (db: Kysely<Database>, p: P) => Buildable,
) {
  // Per dialect: a database and its transactions share one adapter.
  const compiled = new WeakMap<DialectAdapter, Compiled>();

  function compile(db: Kysely<Database>): Compiled {
    const adapter = db.getExecutor().adapter;
    let done = compiled.get(adapter);
    if (done) return done;
    const markers = new Proxy({} as P, { get: (_, name) => `${MARK}${String(name)}` });
    const { sql, parameters } = build(db, markers).compile(db);
    done = {
      sql,
      name: `vaart_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`,
      slots: parameters.map((value) =>
        typeof value === "string" && value.startsWith(MARK)
          ? { name: value.slice(MARK.length) }
          : { value },
      ),
    };
    compiled.set(adapter, done);
    return done;
  }

  /** Run it with these values on `db` (a database or a transaction of it). */
  return async (db: Kysely<Database>, values: P): Promise<QueryResult<R>> => {
    const { sql, name, slots } = compile(db);
    // Missing is null, as Kysely leaves out a column whose value is undefined.
    const parameters = slots.map((slot) =>
      "name" in slot ? (values[slot.name] ?? null) : slot.value,
    );
    const pool = pools.get(db);
    if (pool) {
      // Named: each connection parses and plans it once, not on every run. (A transaction's
      // statements go through Kysely's own connection, unnamed.)
      const result = await runNamed(pool, name, sql, parameters);
      return {
        rows: result.rows as R[],
        ...(result.command !== "SELECT" && result.rowCount !== null
          ? { numAffectedRows: BigInt(result.rowCount) }
          : {}),
      };
    }
    return db.executeQuery(CompiledQuery.raw(sql, parameters) as CompiledQuery<R>);
  };
}

/**
 * A named statement on a connection of the pool. A connection whose prepared plan no longer
 * fits the schema (a migration by a newer instance changed a column it returns: SQLSTATE
 * 0A000, or the statement is gone: 26000) is closed rather than put back, and the statement
 * runs once more unnamed, so a rolling deploy does not fail signups on old instances.
 */
async function runNamed(
  pool: pg.Pool,
  name: string,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult> {
  const client = await pool.connect();
  try {
    const result = await client.query({ name, text, values });
    client.release();
    return result;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== "0A000" && code !== "26000") {
      client.release();
      throw error;
    }
    client.release(error as Error);
    return pool.query({ text, values });
  }
}
