import { sql } from "kysely";
import { type MigrationResult, Migrator } from "kysely/migration";
import type { DatabaseHandle } from "./connect.server.js";
import { migrations } from "./migrations.js";

export interface MigrateOptions {
  /** Apply migrations marked destructive. Off by default. */
  allowDestructive?: boolean;
}

export interface MigrateReport {
  applied: string[];
  alreadyApplied: string[];
}

export async function migrateToLatest(
  handle: DatabaseHandle,
  options: MigrateOptions = {},
): Promise<MigrateReport> {
  if (handle.dialect === "sqlite") {
    // Kysely takes no lock on SQLite and its transaction starts deferred, so two processes
    // starting at once could both run a migration. BEGIN IMMEDIATE makes the whole run one
    // write transaction: the second process waits (busy_timeout), then finds nothing to do.
    return handle.db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const report = await migrateUnlocked({ ...handle, db: conn }, options, true);
        await sql`commit`.execute(conn);
        return report;
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => {});
        throw error;
      }
    });
  }
  // Several app instances may start at once on a fresh database. Creating the schema and
  // Kysely's own migration tables races in PostgreSQL ("duplicate key … pg_namespace"),
  // so the whole run holds a session-level advisory lock on one pooled connection while
  // the migrations run on others.
  return handle.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext('vaart_newsletter_migrations'))`.execute(conn);
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await migrateUnlocked(handle, options);
        } catch (error) {
          // About 6 s in all: on a database where many schemas come and go (test runs side
          // by side), 10 tries within 1.4 s ran out.
          if (attempt >= 30 || !isConcurrentDropElsewhere(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(25 * attempt, 250)));
        }
      }
    } finally {
      await sql`select pg_advisory_unlock(hashtext('vaart_newsletter_migrations'))`.execute(conn);
    }
  });
}

/**
 * Kysely's migrator lists the tables of every schema in the database before it looks for its
 * own. When something else drops a schema or table at that moment (another application, or
 * an environment's schema being removed), the listing fails although nothing of ours
 * changed: PostgreSQL answers 3F000 ("schema … does not exist") or XX000 ("cache lookup
 * failed"). Listing again, a moment later, is safe: no migration has run yet, and each runs in a transaction.
 */
function isConcurrentDropElsewhere(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === "3F000" ||
    (code === "XX000" && typeof message === "string" && message.includes("cache lookup failed"))
  );
}

async function migrateUnlocked(
  handle: DatabaseHandle,
  options: MigrateOptions,
  inOuterTransaction = false,
): Promise<MigrateReport> {
  const { db } = handle;
  if (handle.dialect === "postgres" && handle.schema) {
    await sql`create schema if not exists ${sql.id(handle.schema)}`.execute(db);
  }
  // The schema the tables go to: the configured one, else the connection's current schema
  // (DATABASE_URL may choose it with `?options=-c search_path=…`).
  const tableSchema =
    handle.dialect === "postgres"
      ? (handle.schema ??
        (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema ??
        "public")
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: "newsletter_migrations",
    migrationLockTableName: "newsletter_migrations_lock",
    disableTransactions: inOuterTransaction,
    // Kysely's PostgreSQL introspection sees every schema; name ours so that another
    // schema's migration table is never mistaken for it.
    ...(tableSchema ? { migrationTableSchema: tableSchema } : {}),
  });
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt).map((m) => m.name);
  const destructive = pending.filter((name) => migrations[name]?.destructive);
  if (destructive.length > 0 && !options.allowDestructive) {
    throw new Error(
      `Refusing to apply destructive migration(s) ${destructive.join(", ")} without --allow-destructive`,
    );
  }
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const applied = (results ?? [])
    .filter((r: MigrationResult) => r.status === "Success")
    .map((r) => r.migrationName);
  return {
    applied,
    alreadyApplied: known.filter((m) => m.executedAt).map((m) => m.name),
  };
}
