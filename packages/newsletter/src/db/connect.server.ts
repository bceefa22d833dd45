import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { findRepoRoot } from "../config.server.js";
import { NewsletterConfigError } from "../errors.js";
import { registerPool } from "./prepared.server.js";
import type { Database } from "./schema.js";

export type DialectName = "sqlite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Human-readable location without credentials, for logs and CLI output. */
  location: string;
  /** PostgreSQL schema the tables live in (tests use one per file); undefined = default. */
  schema?: string;
  destroy(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` / `postgresql://…` for PostgreSQL; `sqlite:<path>` / `file:<path>` or
   *  undefined for SQLite. */
  databaseUrl?: string | undefined;
  /** Folder for the default SQLite file `vaart.sqlite`. */
  dataDir: string;
  /** PostgreSQL only: put the tables in this schema (created on migrate). */
  schema?: string | undefined;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number | undefined;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const { databaseUrl } = options;
  if (isPostgresUrl(databaseUrl)) return openPostgres(databaseUrl, options);
  let file = path.join(options.dataDir, "vaart.sqlite");
  if (databaseUrl) {
    const match = /^(?:sqlite|file):(.+)$/i.exec(databaseUrl);
    if (!match?.[1]) {
      throw new NewsletterConfigError(
        `DATABASE_URL must start with postgres://, postgresql://, sqlite: or file: (got "${redact(databaseUrl)}")`,
        "DATABASE_URL",
      );
    }
    // A relative path is taken from the repo root (like DATA_DIR), so the CLI and the apps
    // open the same file whatever their working directory.
    const given = match[1].replace(/^\/\/(?=\/)/, "");
    file = given === ":memory:" ? given : path.resolve(findRepoRoot(), given);
  }
  return openSqlite(file);
}

function openSqlite(file: string): DatabaseHandle {
  let raw: SQLite.Database | undefined;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      // Opened lazily so that a bad location surfaces as an error of the first call.
      database: async () => {
        if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
        raw = new SQLite(file);
        raw.pragma("journal_mode = WAL");
        // Another process sharing the file can hold the write lock through a burst of its own
        // signups, and SQLite's busy handler does not queue fairly: 5 s let one signup in 800
        // answer "try again" on a loaded CI machine. Waiting longer is better than that.
        raw.pragma("busy_timeout = 15000");
        // FULL: an answered signup survives a power loss (NORMAL in WAL mode may roll the
        // last commits back). Its cost is in the README's bench figures.
        raw.pragma("synchronous = FULL");
        raw.pragma("foreign_keys = ON");
        return withStatementCache(raw);
      },
    }),
  });
  return {
    db,
    dialect: "sqlite",
    location: file,
    destroy: () => db.destroy(),
  };
}

/** Prepared statements kept per SQL text; the signup path has a few dozen distinct ones. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely prepares every query anew (a signup's dozen statements compiled again each time);
 * statements are reused by their SQL text instead (Kysely runs one query at a time on this
 * connection).
 */
function withStatementCache(raw: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      // One still being iterated (a streamed query) cannot run again: a fresh one then.
      if (statement?.busy) return raw.prepare(sql);
      if (!statement) {
        statement = raw.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string, options: OpenDatabaseOptions): DatabaseHandle {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new NewsletterConfigError(
      `Invalid configuration: pgSchema must be a PostgreSQL schema name (lower-case letters, digits and _, not starting with a digit, at most 63 characters); got "${schema}"`,
      "pgSchema",
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    // At least 2: migrations hold one connection for their lock and run on another.
    max: Math.max(2, options.poolSize ?? 10),
    // pg-pool applies this to waiting for a free client too, not only to connecting: under a
    // burst of signups on a busy machine, 5 s turned queued visitors away as "unavailable",
    // and 20 s still turned away 69 of 1,000 simultaneous signups on two pools of 10 while
    // the rest of CI ran. A visitor who waits is better off than one told to come back; a
    // proxy's usual 60 s read timeout stays above it. A refused connection (database down)
    // still fails at once.
    connectionTimeoutMillis: 45_000,
    idleTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query fails
  // and is reported to the caller instead.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Hot statements outside a transaction run as named prepared statements (prepared.server.ts).
  registerPool(db, pool);
  const handle: DatabaseHandle = {
    db,
    dialect: "postgres",
    location: redact(url) + (schema ? ` (schema ${schema})` : ""),
    destroy: () => db.destroy(),
  };
  if (schema) handle.schema = schema;
  return handle;
}

/** Hide the password of a connection URL. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
