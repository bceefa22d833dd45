import {
  ContentConflictError,
  ContentInvalidError,
  type ContentKind,
  type ContentState,
  ContentStoreError,
} from "@vaart/newsletter/content-store";
import { configFromEnvironment, previewToken, type VaartLoadContext } from "@vaart/web";
import { studioStore } from "./content.server";
import { revisionFrom } from "./editing.server";
import { studioSetting } from "./login.server";
import { repositoryFile } from "./repository-files.server";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A document as its editor opens it: the newest stored version, else the file. */
export interface OpenedDocument {
  slug: string;
  text: string;
  /** The revision a save builds on: 0 for a document that is only a file. */
  baseRevision: number;
  /** The file in the repository, when there is one. */
  source: string | null;
  stored: {
    state: ContentState;
    latestRevision: number;
    publishedRevision: number | null;
    latestAuthor: string;
    updatedAt: string;
    problems: string[];
  } | null;
}

/** The repository file of a document, when there is one. */
export const fileText = repositoryFile;

/** The document of this slug, or null when neither the store nor a file has it. */
export async function openDocument(
  kind: ContentKind,
  slug: string,
): Promise<OpenedDocument | null> {
  if (!SLUG.test(slug)) return null;
  const store = studioStore();
  const [latest, documents] = await Promise.all([
    store.version(kind, slug),
    store.listDocuments(kind),
  ]);
  const file = fileText(kind, slug);
  const document = documents.find((d) => d.slug === slug);
  if (latest && document) {
    return {
      slug,
      text: latest.text,
      baseRevision: latest.revision,
      source: file?.source ?? null,
      stored: {
        state: document.state,
        latestRevision: document.latestRevision,
        publishedRevision: document.publishedRevision,
        latestAuthor: latest.author,
        updatedAt: document.updatedAt,
        problems: latest.problems,
      },
    };
  }
  return file
    ? { slug, text: file.text, baseRevision: 0, source: file.source, stored: null }
    : null;
}

export type SaveOutcome =
  | { ok: true; revision: number; published: boolean }
  | { ok: false; reason: "conflict"; latestRevision: number; latestAuthor: string | null }
  | { ok: false; reason: "invalid"; revision: number; problems: string[] }
  | { ok: false; reason: "input"; message: string };

/**
 * Save the text as a new version on top of `baseRevision` and, with `publish`, publish it.
 * Publishing an unchanged latest version publishes it without a copy. A stale base is
 * refused (never a silent overwrite); a version with problems is kept as a draft.
 */
export async function saveDocument(input: {
  kind: ContentKind;
  slug: string;
  text: string;
  author: string;
  baseRevision: number;
  publish: boolean;
}): Promise<SaveOutcome> {
  const store = studioStore();
  const { kind, slug, text, author, baseRevision, publish } = input;
  try {
    const latest = baseRevision > 0 ? await store.version(kind, slug) : null;
    const unchanged = latest?.revision === baseRevision && latest.text === text;
    const version =
      unchanged && latest
        ? latest
        : await store.saveDraft({
            kind,
            slug,
            text,
            author,
            baseRevision,
          });
    if (!publish) return { ok: true, revision: version.revision, published: false };
    if (version.problems.length > 0) {
      return {
        ok: false,
        reason: "invalid",
        revision: version.revision,
        problems: version.problems,
      };
    }
    await store.publish(kind, slug, version.revision, author);
    return { ok: true, revision: version.revision, published: true };
  } catch (error) {
    if (error instanceof ContentConflictError) {
      return {
        ok: false,
        reason: "conflict",
        latestRevision: error.latestRevision,
        latestAuthor: error.latestAuthor,
      };
    }
    if (error instanceof ContentInvalidError) {
      return {
        ok: false,
        reason: "invalid",
        revision: error.revision,
        problems: [...error.problems],
      };
    }
    if (error instanceof ContentStoreError && error.code === "input") {
      return { ok: false, reason: "input", message: error.message };
    }
    throw error;
  }
}

/** The revision a form says it started from: a whole number from 0 up, else null. */
export function baseRevisionOf(value: FormDataEntryValue | null): number | null {
  return revisionFrom(value, 0);
}

/**
 * The link to one stored version on its real public page (the site's address from
 * SITE_URL): signed for exactly this kind, slug and revision with PREVIEW_TOKEN.
 */
export function previewUrl(
  context: Partial<VaartLoadContext>,
  kind: ContentKind,
  publicPath: string,
  slug: string,
  revision: number,
  /** The public app's origin: the site's (SITE_URL) unless given, e.g. LANDING_URL. */
  origin: string | URL = context.config?.siteUrl ?? configFromEnvironment().siteUrl,
): string {
  const url = new URL(publicPath, origin);
  url.searchParams.set(
    "voorbeeld",
    previewToken(studioSetting(context, "PREVIEW_TOKEN"), kind, slug, revision),
  );
  url.searchParams.set("versie", String(revision));
  return url.href;
}
