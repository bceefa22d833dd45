import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import { mailboxKey } from "../validation.js";

/**
 * A versioned migration. Migrations are applied in name order and never edited once
 * released. One that drops or rewrites data must set `destructive: true`; `migrate`
 * refuses to apply it unless called with `allowDestructive`.
 */
export interface NewsletterMigration extends Migration {
  destructive?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
type AnyDb = Kysely<any>;

export const migrations: Record<string, NewsletterMigration> = {
  "0001_initial": {
    async up(db: AnyDb) {
      await db.schema
        .createTable("newsletter_subscribers")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("email_key", "varchar(320)", (c) => c.notNull().unique())
        .addColumn("email", "varchar(320)", (c) => c.notNull())
        .addColumn("first_name", "varchar(200)")
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("consent_id", "varchar(36)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .addColumn("last_mail_at", "varchar(32)")
        .addColumn("mail_due_at", "varchar(32)")
        .addColumn("mail_attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("mail_last_error", "text")
        .addColumn("mail_sent_at", "varchar(32)")
        .execute();
      await db.schema
        .createIndex("newsletter_subscribers_mail_due")
        .on("newsletter_subscribers")
        .columns(["status", "mail_due_at"])
        .execute();

      await db.schema
        .createTable("newsletter_consents")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("subscriber_id", "varchar(36)", (c) =>
          c.notNull().references("newsletter_subscribers.id"),
        )
        .addColumn("email", "varchar(320)", (c) => c.notNull())
        .addColumn("consent_text", "text", (c) => c.notNull())
        .addColumn("consent_version", "varchar(100)")
        .addColumn("consent_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("source", "varchar(200)")
        .addColumn("utm_source", "varchar(200)")
        .addColumn("utm_medium", "varchar(200)")
        .addColumn("utm_campaign", "varchar(200)")
        .addColumn("utm_term", "varchar(200)")
        .addColumn("utm_content", "varchar(200)")
        .addColumn("signup_at", "varchar(32)", (c) => c.notNull())
        .addColumn("signup_ip", "varchar(64)")
        .addColumn("signup_user_agent", "varchar(512)")
        .addColumn("confirmed_at", "varchar(32)")
        .addColumn("confirm_ip", "varchar(64)")
        .addColumn("confirm_user_agent", "varchar(512)")
        .addColumn("unsubscribed_at", "varchar(32)")
        .addColumn("unsubscribe_ip", "varchar(64)")
        .addColumn("unsubscribe_user_agent", "varchar(512)")
        .addColumn("unsubscribe_method", "varchar(32)")
        .execute();
      await db.schema
        .createIndex("newsletter_consents_subscriber")
        .on("newsletter_consents")
        .column("subscriber_id")
        .execute();

      await db.schema
        .createTable("newsletter_confirmation_tokens")
        .addColumn("token_hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("subscriber_id", "varchar(36)", (c) =>
          c.notNull().references("newsletter_subscribers.id"),
        )
        .addColumn("consent_id", "varchar(36)", (c) =>
          c.notNull().references("newsletter_consents.id"),
        )
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
        .addColumn("used_at", "varchar(32)")
        .execute();

      await db.schema
        .createTable("newsletter_rate_limits")
        .addColumn("bucket", "varchar(400)", (c) => c.notNull())
        .addColumn("window_start", "varchar(32)", (c) => c.notNull())
        .addColumn("hits", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("newsletter_rate_limits_pk", ["bucket", "window_start"])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable("newsletter_rate_limits").execute();
      await db.schema.dropTable("newsletter_confirmation_tokens").execute();
      await db.schema.dropTable("newsletter_consents").execute();
      await db.schema.dropTable("newsletter_subscribers").execute();
    },
  },
  "0002_confirm_method": {
    // Consent proof: whether the confirmation came from a POST (a person pressing the
    // button) or a GET (possibly a mail link scanner). Adds a nullable column only.
    async up(db: AnyDb) {
      await db.schema
        .alterTable("newsletter_consents")
        .addColumn("confirm_method", "varchar(16)")
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable("newsletter_consents").dropColumn("confirm_method").execute();
    },
  },
  "0003_mailbox": {
    // The mailbox is the unit: email_key becomes the canonical mailbox key (plus-tags
    // removed, Gmail dots removed); a log of confirmation mails per mailbox (hashed) for the
    // 3-in-30-days cap; a permanent mail failure state; the first name per signup, so that
    // confirming one signup never takes another signup's text. Adds columns and a table;
    // existing keys are rewritten only where that merges no two rows.
    async up(db: AnyDb) {
      await db.schema
        .createTable("newsletter_mail_log")
        .addColumn("mailbox_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("sent_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("newsletter_mail_log_mailbox")
        .on("newsletter_mail_log")
        .columns(["mailbox_hash", "sent_at"])
        .execute();
      // Confirm, unsubscribe and prune find a subscriber's tokens.
      await db.schema
        .createIndex("newsletter_confirmation_tokens_subscriber")
        .on("newsletter_confirmation_tokens")
        .column("subscriber_id")
        .execute();
      await db.schema
        .alterTable("newsletter_subscribers")
        .addColumn("mail_status", "varchar(24)")
        .execute();
      await db.schema
        .alterTable("newsletter_consents")
        .addColumn("first_name", "varchar(200)")
        .execute();
      const rows = await db
        .selectFrom("newsletter_subscribers")
        .select(["id", "email_key", "email"])
        .execute();
      const taken = new Set(rows.map((r) => String(r.email_key)));
      for (const row of rows) {
        const key = mailboxKey(String(row.email));
        if (key === row.email_key || taken.has(key)) continue;
        await db
          .updateTable("newsletter_subscribers")
          .set({ email_key: key })
          .where("id", "=", row.id)
          .execute();
        taken.delete(String(row.email_key));
        taken.add(key);
      }
    },
    async down(db: AnyDb) {
      await db.schema.alterTable("newsletter_consents").dropColumn("first_name").execute();
      await db.schema.alterTable("newsletter_subscribers").dropColumn("mail_status").execute();
      await db.schema.dropIndex("newsletter_confirmation_tokens_subscriber").execute();
      await db.schema.dropTable("newsletter_mail_log").execute();
    },
  },
  "0004_visits": {
    // Visits of campaign pages: one counter per source and day, nothing about the visitor.
    async up(db: AnyDb) {
      await db.schema
        .createTable("newsletter_visits")
        .addColumn("source", "varchar(200)", (c) => c.notNull())
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .addColumn("visits", "integer", (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint("newsletter_visits_pk", ["source", "day"])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable("newsletter_visits").execute();
    },
  },
  "0005_mail_rank": {
    // Fair mail under the site-wide cap: how many signups (or requests for a new mail) the
    // source address had made in its window when this mail was asked for, 1 for the first.
    // Held-back mails go out lowest rank first. Adds a column only; existing rows count as
    // first requests.
    async up(db: AnyDb) {
      await db.schema
        .alterTable("newsletter_subscribers")
        .addColumn("mail_rank", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.alterTable("newsletter_subscribers").dropColumn("mail_rank").execute();
    },
  },
  "0006_app_sessions": {
    // Server-side sessions of the apps' own logins (the landing app's results): a cookie
    // holds a random id, the table only its SHA-256, so logout and a new password end a
    // session on every instance. One random key per database keys the password
    // fingerprints (see sessions.server.ts). Adds tables only.
    async up(db: AnyDb) {
      await db.schema
        .createTable("app_sessions")
        .addColumn("id_hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("scope", "varchar(64)", (c) => c.notNull())
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("secret_fingerprint", "varchar(64)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("app_sessions_scope_expires")
        .on("app_sessions")
        .columns(["scope", "expires_at"])
        .execute();
      await db.schema
        .createTable("app_keys")
        .addColumn("name", "varchar(64)", (c) => c.primaryKey())
        .addColumn("value", "varchar(128)", (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable("app_keys").execute();
      await db.schema.dropTable("app_sessions").execute();
    },
  },
  "0007_updates": {
    // Sending the Updates: one row per Update whose sending has started (the rendered mail
    // frozen in it) and one delivery row per Update and confirmed subscriber, unique, so a
    // subscriber can be mailed an Update at most once. Adds tables only.
    async up(db: AnyDb) {
      await db.schema
        .createTable("newsletter_updates")
        .addColumn("slug", "varchar(200)", (c) => c.primaryKey())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("preheader", "text")
        .addColumn("update_date", "varchar(10)", (c) => c.notNull())
        .addColumn("html", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("web_html", "text", (c) => c.notNull())
        .addColumn("source_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("pause_reason", "text")
        .addColumn("audience", "integer", (c) => c.notNull())
        .addColumn("started_at", "varchar(32)", (c) => c.notNull())
        .addColumn("finished_at", "varchar(32)")
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        // Temporary failures in a row across every instance: sending pauses itself at a limit.
        .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable("newsletter_deliveries")
        .addColumn("update_slug", "varchar(200)", (c) => c.notNull())
        .addColumn("subscriber_id", "varchar(36)", (c) => c.notNull())
        .addColumn("state", "varchar(16)", (c) => c.notNull())
        .addColumn("due_at", "varchar(32)", (c) => c.notNull())
        .addColumn("lease_owner", "varchar(64)")
        .addColumn("lease_until", "varchar(32)")
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("attempted_at", "varchar(32)")
        .addColumn("finished_at", "varchar(32)")
        .addColumn("message_id", "varchar(255)", (c) => c.notNull())
        .addColumn("last_error", "text")
        .addPrimaryKeyConstraint("newsletter_deliveries_pk", ["update_slug", "subscriber_id"])
        .execute();
      await db.schema
        .createIndex("newsletter_deliveries_due")
        .on("newsletter_deliveries")
        .columns(["state", "due_at"])
        .execute();
      // Progress per Update (counts per state) without reading every row of the table.
      await db.schema
        .createIndex("newsletter_deliveries_progress")
        .on("newsletter_deliveries")
        .columns(["update_slug", "state"])
        .execute();
      // The send rate shared by every instance: the time (ms since 1970) of the next free
      // slot, moved forward atomically by whoever takes one (updates/send-rate.server.ts).
      await db.schema
        .createTable("newsletter_send_rate")
        .addColumn("name", "varchar(64)", (c) => c.primaryKey())
        .addColumn("next_ms", "bigint", (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable("newsletter_send_rate").execute();
      await db.schema.dropTable("newsletter_deliveries").execute();
      await db.schema.dropTable("newsletter_updates").execute();
    },
  },
  "0008_content": {
    // Content written in the studio: every saved version of a document as it was typed, the
    // document's latest and published revision, a log of who did what, and the counters
    // (the content version every public instance polls). Adds tables only.
    async up(db: AnyDb) {
      await db.schema
        .createTable("content_versions")
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("slug", "varchar(200)", (c) => c.notNull())
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        // JSON list of the parser's messages; null when the version passed the check.
        .addColumn("problems", "text")
        .addColumn("author", "varchar(320)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("restored_from", "integer")
        .addPrimaryKeyConstraint("content_versions_pk", ["kind", "slug", "revision"])
        .execute();
      await db.schema
        .createTable("content_documents")
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("slug", "varchar(200)", (c) => c.notNull())
        .addColumn("latest_revision", "integer", (c) => c.notNull())
        .addColumn("published_revision", "integer")
        .addColumn("state", "varchar(16)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .addPrimaryKeyConstraint("content_documents_pk", ["kind", "slug"])
        .execute();
      await db.schema
        .createTable("content_events")
        .addColumn("seq", "bigint", (c) => c.primaryKey())
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("slug", "varchar(200)", (c) => c.notNull())
        .addColumn("action", "varchar(16)", (c) => c.notNull())
        .addColumn("revision", "integer")
        .addColumn("author", "varchar(320)", (c) => c.notNull())
        .addColumn("at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("content_events_document")
        .on("content_events")
        .columns(["kind", "slug", "seq"])
        .execute();
      await db.schema
        .createTable("content_counters")
        .addColumn("name", "varchar(32)", (c) => c.primaryKey())
        .addColumn("value", "bigint", (c) => c.notNull())
        .execute();
      await db
        .insertInto("content_counters")
        .values([
          { name: "version", value: 0 },
          { name: "event", value: 0 },
        ])
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable("content_counters").execute();
      await db.schema.dropTable("content_events").execute();
      await db.schema.dropTable("content_documents").execute();
      await db.schema.dropTable("content_versions").execute();
    },
  },
  "0009_studio_login": {
    // The studio's login without a password: one-time login links (only their SHA-256 is
    // stored) and server-side sessions of an author. A link row without an author is the
    // decoy written for an unknown address, so both answers do the same work. Adds tables only.
    async up(db: AnyDb) {
      await db.schema
        .createTable("studio_login_links")
        .addColumn("token_hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("author", "varchar(320)")
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
        .addColumn("used_at", "varchar(32)")
        .execute();
      await db.schema
        .createIndex("studio_login_links_expires")
        .on("studio_login_links")
        .column("expires_at")
        .execute();
      await db.schema
        .createTable("studio_sessions")
        .addColumn("id_hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("author", "varchar(320)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("studio_sessions_expires")
        .on("studio_sessions")
        .column("expires_at")
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable("studio_sessions").execute();
      await db.schema.dropTable("studio_login_links").execute();
    },
  },
  "0012_content_images": {
    // Images uploaded in the studio (client logos), after they were checked and re-encoded:
    // one row per image, keyed by a hash of its bytes, so a content version names an image
    // that can never change. Rows are only added. Adds a table only.
    async up(db: AnyDb) {
      await db.schema
        .createTable("content_images")
        .addColumn("hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("content_type", "varchar(32)", (c) => c.notNull())
        // bytea on PostgreSQL; on SQLite a type name without "int/char/text" keeps blobs as blobs.
        .addColumn("data", "bytea", (c) => c.notNull())
        .addColumn("width", "integer", (c) => c.notNull())
        .addColumn("height", "integer", (c) => c.notNull())
        .addColumn("author", "varchar(320)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable("content_images").execute();
    },
  },
};
