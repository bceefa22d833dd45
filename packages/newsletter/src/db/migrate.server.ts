import { type DatabaseIntrospector, type Kysely, sql } from "kysely";
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
      return await migrateUnlocked(handle, options);
    } finally {
      await sql`select pg_advisory_unlock(hashtext('vaart_newsletter_migrations'))`.execute(conn);
    }
  });
}

/**
 * The migrator asks `db.introspection` whether its schema and tables exist. Kysely's own
 * PostgreSQL introspector answers by listing every table of every schema, which fails when
 * another application drops a schema at that moment. This one looks at our schema only.
 */
function withIntrospectionOf<DB>(db: Kysely<DB>, schema: string): Kysely<DB> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows;
    },
    async getTables() {
      const { rows } = await sql<{ name: string }>`
        select c.relname as name from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p')`.execute(db);
      return rows.map(({ name }) => ({
        name,
        schema,
        isView: false,
        isForeign: false,
        columns: [],
      }));
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspection;
      const value = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields: its methods must run on the real object.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
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
    db: tableSchema ? withIntrospectionOf(db, tableSchema) : db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: "newsletter_migrations",
    migrationLockTableName: "newsletter_migrations_lock",
    disableTransactions: inOuterTransaction,
    // Name our schema so that another schema's migration table is never mistaken for it.
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
