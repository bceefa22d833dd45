import { type Kysely, sql } from "kysely";
import type { DatabaseHandle } from "../db/connect.server.js";
import type { ContentKind, ContentState, Database } from "../db/schema.js";
import { inTransaction } from "../db/transaction.server.js";
import { ContentConflictError, ContentInvalidError, ContentStoreError } from "./errors.js";

export const contentKinds: readonly ContentKind[] = [
  "article",
  "campaign",
  "update",
  "organisation",
];

/**
 * A kind's check: the messages the same text would get as a file (field and line), or an
 * empty list when it passes. Injected, because the parsers belong to the content packages.
 */
export type ContentChecker = (slug: string, text: string) => readonly string[];
export type ContentCheckers = Partial<Record<ContentKind, ContentChecker>>;

export interface SaveDraftInput {
  kind: ContentKind;
  slug: string;
  text: string;
  author: string;
  /** The revision the author started from: null (or 0) for a new document. */
  baseRevision: number | null;
}

export interface ContentVersion {
  kind: ContentKind;
  slug: string;
  revision: number;
  text: string;
  /** The check's messages; empty when the version can be published. */
  problems: string[];
  author: string;
  createdAt: string;
  restoredFrom: number | null;
}

export interface ContentDocument {
  kind: ContentKind;
  slug: string;
  state: ContentState;
  latestRevision: number;
  publishedRevision: number | null;
  updatedAt: string;
  /** Who saved the latest revision, and whether it passes the check. */
  latestAuthor: string;
  latestProblems: string[];
}

export interface HistoryEntry {
  action: "save" | "restore" | "publish" | "unpublish";
  revision: number | null;
  author: string;
  at: string;
  /** For a restore: the revision it copies. */
  restoredFrom?: number;
}

export interface PublishedContent {
  /** The published version per slug: wins over a file with the same slug. */
  published: { slug: string; revision: number; text: string }[];
  /** Slugs taken offline in the studio: hidden even when a file has them. */
  unpublished: string[];
}

export interface ContentStore {
  saveDraft(input: SaveDraftInput): Promise<ContentVersion>;
  publish(kind: ContentKind, slug: string, revision: number, author: string): Promise<void>;
  unpublish(kind: ContentKind, slug: string, author: string): Promise<void>;
  /** A new version copying `revision`; published at once with `publish: true`. */
  restore(
    kind: ContentKind,
    slug: string,
    revision: number,
    author: string,
    options?: { publish?: boolean },
  ): Promise<ContentVersion>;
  version(kind: ContentKind, slug: string, revision?: number): Promise<ContentVersion | null>;
  /** Newest first. */
  history(kind: ContentKind, slug: string): Promise<HistoryEntry[]>;
  listDocuments(kind: ContentKind): Promise<ContentDocument[]>;
  publishedContent(kind: ContentKind): Promise<PublishedContent>;
  /** Raised by every publish and unpublish: public instances reload when it changes. */
  contentVersion(): Promise<number>;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A campaign or article is a few KB; 1 MB leaves room and keeps a pasted blob out. */
export const MAX_TEXT_BYTES = 1024 * 1024;

function checkKind(kind: unknown): ContentKind {
  if (!contentKinds.includes(kind as ContentKind)) {
    throw new ContentStoreError(
      "input",
      `kind must be one of ${contentKinds.join(", ")} (got ${JSON.stringify(kind)})`,
    );
  }
  return kind as ContentKind;
}

function checkSlug(slug: unknown): string {
  if (typeof slug !== "string" || slug.length > 200 || !SLUG.test(slug)) {
    throw new ContentStoreError(
      "input",
      `slug must be lower-case letters, digits and dashes, at most 200 characters (got ${JSON.stringify(String(slug).slice(0, 80))})`,
    );
  }
  return slug;
}

function checkAuthor(author: unknown): string {
  if (typeof author !== "string" || !author.trim() || author.length > 320) {
    throw new ContentStoreError("input", "author must be the author's address (1–320 characters)");
  }
  return author.trim();
}

function checkRevision(revision: unknown, what = "revision"): number {
  if (typeof revision !== "number" || !Number.isSafeInteger(revision) || revision < 1) {
    throw new ContentStoreError("input", `${what} must be a whole number from 1 up`);
  }
  return revision;
}

function checkText(text: unknown): string {
  if (typeof text !== "string") throw new ContentStoreError("input", "text must be text");
  if (Buffer.byteLength(text, "utf8") > MAX_TEXT_BYTES) {
    throw new ContentStoreError("input", `text must be at most ${MAX_TEXT_BYTES} bytes`);
  }
  return text;
}

type Row = Database["content_versions"];

function toVersion(row: Row): ContentVersion {
  return {
    kind: row.kind,
    slug: row.slug,
    revision: Number(row.revision),
    text: row.text,
    problems: row.problems ? (JSON.parse(row.problems) as string[]) : [],
    author: row.author,
    createdAt: row.created_at,
    restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
  };
}

/** Raise a counter and return its new value (atomic: the row is locked until commit). */
async function bump(trx: Kysely<Database>, name: "version" | "event"): Promise<number> {
  const row = await trx
    .updateTable("content_counters")
    .set({ value: sql`value + 1` })
    .where("name", "=", name)
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export function createContentStore(
  handle: DatabaseHandle,
  options: { checkers?: ContentCheckers; now: () => Date; ready: () => Promise<void> },
): ContentStore {
  const { now, ready } = options;
  const checkers = options.checkers ?? {};
  const problemsOf = (kind: ContentKind, slug: string, text: string): string[] => {
    const checker = checkers[kind];
    if (!checker) {
      throw new ContentStoreError(
        "no-checker",
        `no check is configured for ${kind}: a ${kind} cannot be saved or published here`,
      );
    }
    return [...checker(slug, text)];
  };

  const event = async (
    trx: Kysely<Database>,
    kind: ContentKind,
    slug: string,
    action: HistoryEntry["action"],
    revision: number | null,
    author: string,
    at: string,
  ) => {
    const seq = await bump(trx, "event");
    await trx
      .insertInto("content_events")
      .values({ seq, kind, slug, action, revision, author, at })
      .execute();
  };

  /** One new version on top of `base`, inside `trx`; refuses when `base` is not the latest. */
  async function insertVersion(
    trx: Kysely<Database>,
    input: { kind: ContentKind; slug: string; text: string; author: string; base: number },
    restoredFrom: number | null,
  ): Promise<ContentVersion> {
    const { kind, slug, text, author, base } = input;
    const problems = problemsOf(kind, slug, text);
    const at = now().toISOString();
    const revision = base + 1;
    const conflict = async () => {
      const latest = await trx
        .selectFrom("content_versions")
        .select(["revision", "author"])
        .where("kind", "=", kind)
        .where("slug", "=", slug)
        .orderBy("revision", "desc")
        .limit(1)
        .executeTakeFirst();
      return new ContentConflictError(
        kind,
        slug,
        base,
        Number(latest?.revision ?? 0),
        latest?.author ?? null,
      );
    };
    // The document row is the lock: its latest_revision moves only from `base`, so of two
    // saves from the same base exactly one succeeds (also on PostgreSQL's READ COMMITTED).
    if (base === 0) {
      // ON CONFLICT DO NOTHING rather than catching the violation: a failed statement would
      // abort the whole PostgreSQL transaction, and the conflict's details are read next.
      const created = await trx
        .insertInto("content_documents")
        .values({
          kind,
          slug,
          latest_revision: revision,
          published_revision: null,
          state: "draft",
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(["kind", "slug"]).doNothing())
        .executeTakeFirst();
      if (Number(created.numInsertedOrUpdatedRows ?? 0) !== 1) throw await conflict();
    } else {
      const moved = await trx
        .updateTable("content_documents")
        .set({ latest_revision: revision, updated_at: at })
        .where("kind", "=", kind)
        .where("slug", "=", slug)
        .where("latest_revision", "=", base)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw await conflict();
    }
    const row: Row = {
      kind,
      slug,
      revision,
      text,
      problems: problems.length > 0 ? JSON.stringify(problems) : null,
      author,
      created_at: at,
      restored_from: restoredFrom,
    };
    await trx.insertInto("content_versions").values(row).execute();
    await event(trx, kind, slug, restoredFrom === null ? "save" : "restore", revision, author, at);
    return toVersion(row);
  }

  async function publishIn(
    trx: Kysely<Database>,
    kind: ContentKind,
    slug: string,
    revision: number,
    author: string,
  ): Promise<void> {
    const row = await trx
      .selectFrom("content_versions")
      .selectAll()
      .where("kind", "=", kind)
      .where("slug", "=", slug)
      .where("revision", "=", revision)
      .executeTakeFirst();
    if (!row) {
      throw new ContentStoreError("not-found", `${kind} "${slug}" has no revision ${revision}`);
    }
    // Checked again: what it refers to (an organisation, a date) may have changed since.
    const problems = problemsOf(kind, slug, row.text);
    if (problems.length > 0) throw new ContentInvalidError(kind, slug, revision, problems);
    const at = now().toISOString();
    await trx
      .updateTable("content_documents")
      .set({ published_revision: revision, state: "published", updated_at: at })
      .where("kind", "=", kind)
      .where("slug", "=", slug)
      .execute();
    await event(trx, kind, slug, "publish", revision, author, at);
    await bump(trx, "version");
  }

  const write = <T>(fn: (trx: Kysely<Database>) => Promise<T>) =>
    ready().then(() => inTransaction(handle, fn));

  return {
    async saveDraft(input) {
      const kind = checkKind(input?.kind);
      const slug = checkSlug(input.slug);
      const text = checkText(input.text);
      const author = checkAuthor(input.author);
      const base = input.baseRevision ?? 0;
      if (base !== 0) checkRevision(base, "baseRevision");
      return write((trx) => insertVersion(trx, { kind, slug, text, author, base }, null));
    },

    async publish(kind, slug, revision, author) {
      checkKind(kind);
      checkSlug(slug);
      checkRevision(revision);
      const who = checkAuthor(author);
      await write((trx) => publishIn(trx, kind, slug, revision, who));
    },

    async unpublish(kind, slug, author) {
      checkKind(kind);
      checkSlug(slug);
      const who = checkAuthor(author);
      await write(async (trx) => {
        const at = now().toISOString();
        const taken = await trx
          .updateTable("content_documents")
          .set({ state: "unpublished", published_revision: null, updated_at: at })
          .where("kind", "=", kind)
          .where("slug", "=", slug)
          .where("state", "=", "published")
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) {
          throw new ContentStoreError("not-found", `${kind} "${slug}" is not published`);
        }
        await event(trx, kind, slug, "unpublish", null, who, at);
        await bump(trx, "version");
      });
    },

    async restore(kind, slug, revision, author, restoreOptions = {}) {
      checkKind(kind);
      checkSlug(slug);
      checkRevision(revision);
      const who = checkAuthor(author);
      return write(async (trx) => {
        const old = await trx
          .selectFrom("content_versions")
          .select("text")
          .where("kind", "=", kind)
          .where("slug", "=", slug)
          .where("revision", "=", revision)
          .executeTakeFirst();
        const doc = await trx
          .selectFrom("content_documents")
          .select("latest_revision")
          .where("kind", "=", kind)
          .where("slug", "=", slug)
          .executeTakeFirst();
        if (!old || !doc) {
          throw new ContentStoreError("not-found", `${kind} "${slug}" has no revision ${revision}`);
        }
        const base = Number(doc.latest_revision);
        const copy = await insertVersion(
          trx,
          { kind, slug, text: old.text, author: who, base },
          revision,
        );
        if (restoreOptions.publish) {
          if (copy.problems.length > 0) {
            throw new ContentInvalidError(kind, slug, copy.revision, copy.problems);
          }
          await publishIn(trx, kind, slug, copy.revision, who);
        }
        return copy;
      });
    },

    async version(kind, slug, revision) {
      checkKind(kind);
      checkSlug(slug);
      await ready();
      let query = handle.db
        .selectFrom("content_versions")
        .selectAll()
        .where("kind", "=", kind)
        .where("slug", "=", slug);
      query =
        revision === undefined
          ? query.orderBy("revision", "desc").limit(1)
          : query.where("revision", "=", checkRevision(revision));
      const row = await query.executeTakeFirst();
      return row ? toVersion(row) : null;
    },

    async history(kind, slug) {
      checkKind(kind);
      checkSlug(slug);
      await ready();
      const rows = await handle.db
        .selectFrom("content_events as e")
        .leftJoin("content_versions as v", (join) =>
          join
            .onRef("v.kind", "=", "e.kind")
            .onRef("v.slug", "=", "e.slug")
            .onRef("v.revision", "=", "e.revision"),
        )
        .select(["e.action", "e.revision", "e.author", "e.at", "v.restored_from"])
        .where("e.kind", "=", kind)
        .where("e.slug", "=", slug)
        .orderBy("e.seq", "desc")
        .execute();
      return rows.map((row) => ({
        action: row.action,
        revision: row.revision === null ? null : Number(row.revision),
        author: row.author,
        at: row.at,
        ...(row.action === "restore" && row.restored_from !== null
          ? { restoredFrom: Number(row.restored_from) }
          : {}),
      }));
    },

    async listDocuments(kind) {
      checkKind(kind);
      await ready();
      const rows = await handle.db
        .selectFrom("content_documents as d")
        .innerJoin("content_versions as v", (join) =>
          join
            .onRef("v.kind", "=", "d.kind")
            .onRef("v.slug", "=", "d.slug")
            .onRef("v.revision", "=", "d.latest_revision"),
        )
        .select([
          "d.slug",
          "d.state",
          "d.latest_revision",
          "d.published_revision",
          "d.updated_at",
          "v.author",
          "v.problems",
        ])
        .where("d.kind", "=", kind)
        .orderBy("d.slug")
        .execute();
      return rows.map((row) => ({
        kind,
        slug: row.slug,
        state: row.state,
        latestRevision: Number(row.latest_revision),
        publishedRevision: row.published_revision === null ? null : Number(row.published_revision),
        updatedAt: row.updated_at,
        latestAuthor: row.author,
        latestProblems: row.problems ? (JSON.parse(row.problems) as string[]) : [],
      }));
    },

    async publishedContent(kind) {
      checkKind(kind);
      await ready();
      const rows = await handle.db
        .selectFrom("content_documents as d")
        .leftJoin("content_versions as v", (join) =>
          join
            .onRef("v.kind", "=", "d.kind")
            .onRef("v.slug", "=", "d.slug")
            .onRef("v.revision", "=", "d.published_revision"),
        )
        .select(["d.slug", "d.state", "d.published_revision", "v.text"])
        .where("d.kind", "=", kind)
        .where("d.state", "in", ["published", "unpublished"])
        .orderBy("d.slug")
        .execute();
      const published: PublishedContent["published"] = [];
      const unpublished: string[] = [];
      for (const row of rows) {
        if (row.state === "published" && row.text !== null && row.published_revision !== null) {
          published.push({
            slug: row.slug,
            revision: Number(row.published_revision),
            text: row.text,
          });
        } else {
          unpublished.push(row.slug);
        }
      }
      return { published, unpublished };
    },

    async contentVersion() {
      await ready();
      const row = await handle.db
        .selectFrom("content_counters")
        .select("value")
        .where("name", "=", "version")
        .executeTakeFirst();
      return Number(row?.value ?? 0);
    },
  };
}
